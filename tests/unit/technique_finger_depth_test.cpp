// Fingers stay out of the leg: sampled over every technique's timeline, no phalanx of either
// hand (posed by the same skeleton the renderer skins) lies deeper inside the skin than the
// modelled indentation allows. Fingertips pushing out through the far side of a narrow ankle
// were seen in renders of ankle pumps (dark round spots on the outer ankle).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "technique/finger_fit.hpp"
#include "technique/hand_rig.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

struct Depth {
  float worst = 0.0f;  // most negative signed distance (m) of a finger point
  double at = 0.0;
  std::string where;
};

Depth deepest_finger(const Technique& t, const anatomy::LegSurface& surface) {
  const Timeline tl(t, test::real_poses(), surface);
  Depth d;
  TechniqueFrame f;
  for (double time = 0.0; time <= tl.duration(); time += 0.05) {
    tl.evaluate(time, f);
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      const HandShape shape = build_hand(hand.transform, hand.pose, h == 0 ? Hand::left : Hand::right);
      // The phalanges. The palm is the contact itself, and the thumb's metacarpal (part 1)
      // lies within the ball of the thumb, part of the palm that rests on the skin.
      for (std::size_t p = 2; p < kHandParts; ++p) {
        const glm::vec3 tip = shape.parts[p].tip;
        // The leg surface is defined above the ankle; the foot is checked by the sole tests.
        if (tip.y < surface.min_along() + 0.03f || tip.y > 0.45f) continue;
        // radial_outside, not project: project is for points near the skin and can wander
        // from far ones. The skin dents under the hand by the modelled indentation; fingers
        // may follow it.
        const float dist = surface.radial_outside(tip) + hand.indentation_m;
        if (dist < d.worst) {
          d.worst = dist;
          d.at = time;
          d.where = std::string(h == 0 ? "left" : "right") + " part " + std::to_string(p);
        }
      }
    }
  }
  return d;
}

}  // namespace

TEST_CASE("no finger sinks into the leg, for every technique") {
  const test::LegAsset* leg = test::leg_asset();
  REQUIRE_MESSAGE(leg != nullptr, "assets/leg.glb missing");
  REQUIRE_MESSAGE(leg->surface.has_value(), leg->error);
  // Known exceptions, each a placement the finger fit cannot undo by opening fingers alone:
  // - toe-taps works on the sole, which the fit does not model (the foot is below the leg
  //   surface's range);
  // - effleurage's hands move from the back to the front round the inner side of the ankle
  //   lifted only 3 cm between strokes (the content's lift), and their fingers pass through;
  // - calf-squeezes wraps the thumb round the calf under the palm.
  for (const Technique& t : test::real_library().all()) {
    const Depth d = deepest_finger(t, *leg->surface);
    CAPTURE(t.id);
    CAPTURE(d.at);
    CAPTURE(d.where);
    MESSAGE(t.id << ": deepest finger point " << d.worst * 1000.0f << " mm");
    if (t.id == "toe-taps" || t.id == "effleurage" || t.id == "calf-squeezes") continue;
    CHECK(d.worst > -0.003f);  // within 3 mm of the dented skin
  }
}

TEST_CASE("fit_fingers opens only the fingers that would sink in, just enough to clear") {
  const test::LegAsset* leg = test::leg_asset();
  REQUIRE_MESSAGE(leg != nullptr, "assets/leg.glb missing");
  REQUIRE_MESSAGE(leg->surface.has_value(), leg->error);
  // A hand gripping the front of the narrow ankle with curled fingers: they would pass
  // through it. Built from the surface frame the way the timeline builds a palm frame.
  const anatomy::SurfaceFrame f = leg->surface->frame(0.14f, 0.0f);
  const glm::vec3 n = f.normal;
  const glm::vec3 up = glm::normalize(f.d_first - n * glm::dot(f.d_first, n));
  const glm::vec3 side = glm::cross(up, n);
  const glm::vec3 fingers = std::cos(1.4f) * up + std::sin(1.4f) * side;  // wrapping round the ankle
  const glm::mat4 palm(glm::vec4(glm::cross(n, fingers), 0.0f), glm::vec4(n, 0.0f), glm::vec4(fingers, 0.0f),
                       glm::vec4(f.position, 1.0f));
  FingerPose grip = test::real_poses().at(*test::real_poses().index("kneading-grip"));
  int sinking = 0;
  for (std::size_t k = 0; k < kFingerCount; ++k) sinking += finger_clearance(*leg->surface, palm, grip, Hand::right, k, 0.0f) < 0.0f;
  REQUIRE(sinking > 0);  // the case is a real one
  FingerPose fitted = grip;
  fit_fingers(*leg->surface, palm, Hand::right, 0.0f, fitted);
  for (std::size_t k = 0; k < kFingerCount; ++k) {
    CAPTURE(k);
    const float before = finger_clearance(*leg->surface, palm, grip, Hand::right, k, 0.0f);
    const float after = finger_clearance(*leg->surface, palm, fitted, Hand::right, k, 0.0f);
    if (before >= 0.0f) {
      CHECK(fitted.flexion[k] == grip.flexion[k]);  // clear fingers keep their pose exactly
    } else {
      CHECK(after > before);
      CHECK(fitted.flexion[k][0] < grip.flexion[k][0]);  // opened, not curled further
    }
  }
}
