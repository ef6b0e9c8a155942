#pragma once
// A student's stroke on the leg: the points the pointer picked on the skin, with time and
// pressure, and the hands it puts there. The hands are the demonstrations' own contact-driven
// hands: each moment is written as a two-key step of a one-step technique (where the hand was a
// moment ago, where it is now, the technique's own pose, the fingers turned the way the stroke
// goes) and evaluated by technique::Timeline, so hand fitting, skin dent and contact patches
// are exactly the demonstrations'. No GL.
#include <cstddef>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/contact.hpp"
#include "technique/technique.hpp"
#include "technique/timeline.hpp"

namespace effleura::anatomy {
class LegSurface;
}

namespace effleura::practice {

struct StrokeSample {
  double t = 0.0;             // seconds since the practice started
  glm::vec3 point{0.0f};      // picked on the skin, world metres
  float along = 0.0f;         // leg-surface coordinates of the point (around in radians)
  float around = 0.0f;
  float pressure_mmhg = 0.0f;
};

struct Stroke {
  std::vector<StrokeSample> samples;
  [[nodiscard]] bool empty() const { return samples.empty(); }
  [[nodiscard]] double duration() const {
    return samples.size() < 2 ? 0.0 : samples.back().t - samples.front().t;
  }
  // Length of the path over the skin (m).
  [[nodiscard]] float length() const;
};

// A sample at a picked skin point: its surface coordinates from the leg surface.
StrokeSample sample_at(const anatomy::LegSurface& surface, double t, const glm::vec3& point, float pressure_mmhg);

// What the second hand does, read from the technique's main step: where the two hands press
// together it follows the student's hand at the content's offset between them (mirror); where
// they take turns it repeats the student's path that much later (alternate); a one-handed
// technique has none.
struct Companion {
  enum class Kind { none, mirror, alternate };
  Kind kind = Kind::none;
  std::size_t lead = 1;        // the hand the pointer moves: [0] left, [1] right
  float d_along = 0.0f;        // the other hand's offset from it (m, radians)
  float d_around = 0.0f;
  double delay_s = 0.0;        // alternate: how much later it passes the same point
  std::size_t pose = 0;        // the technique's own hand pose while pressing
};

// The step whose cycle matches the technique's tempo (the first such, else the longest).
std::size_t main_step(const technique::Technique& technique);
Companion companion_of(const technique::Technique& technique);

// The hands and contacts of a stroke at its latest sample (`pressing` false: lifted off the
// skin just above the last point). Returns the frame the renderer and the flow take.
technique::TechniqueFrame hands_at(const Stroke& stroke, const Companion& companion, bool pressing,
                                   const technique::PoseLibrary& poses, const anatomy::LegSurface& surface);

}  // namespace effleura::practice
