// A resting hand's fingers close onto the skin continuously (hand_fit_landing.cpp path_landing). A
// finger closes until its pad meets the skin, no further than where its first or middle
// phalanx would; until session 25 it stopped at the first touch of any phalanx, and where the
// phalanx that touched first changed as the hand moved a fraction of a millimetre, the finger
// closed fully or sprang straight in one step: on the shipped leg, vibration's flat left hand
// (the calf's back at 0.32-0.39 m, fingers round the leg) turned a finger joint by up to 38
// degrees as the palm slid a quarter of a degree round the leg, and 44.8 degrees in 10 ms in the
// app (session 24's probe).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "technique/hand_fit.hpp"
#include "technique/hand_rig.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// A palm on the skin at (along, around), its fingers turned `roll` from up the leg toward the
// side, sunk `indent` into it as the timeline rests a pressing hand.
glm::mat4 palm_at(const anatomy::LegSurface& surface, float along, float around_deg, float roll_deg, float indent) {
  const anatomy::SurfaceFrame f = surface.frame(along, glm::radians(around_deg));
  const glm::vec3 n = f.normal;
  const glm::vec3 up = glm::normalize(f.d_first - n * glm::dot(f.d_first, n));
  const glm::vec3 side = glm::cross(up, n);
  const float roll = glm::radians(roll_deg);
  const glm::vec3 fingers = std::cos(roll) * up + std::sin(roll) * side;
  return glm::mat4(glm::vec4(glm::cross(n, fingers), 0.0f), glm::vec4(n, 0.0f), glm::vec4(fingers, 0.0f),
                   glm::vec4(f.position - n * indent, 1.0f));
}

}  // namespace

TEST_CASE("a flat hand sliding round the calf in small steps closes its fingers onto the skin without a jump") {
  const auto& surface = test::shipped_surface();
  const PoseLibrary& poses = test::real_poses();
  const FingerPose flat = poses.at(*poses.index("flat-palm"));
  constexpr float kIndent = 0.003f;
  const SkinSide skin{&surface, false, 0.0f, kIndent};
  // Vibration's left hand, 0.36 m up the calf, fingers round the leg (roll 90), slid from 160 to
  // 185 degrees round (vibration shakes it about 174) in steps of 0.25 degrees: the palm moves
  // about 0.2 mm a step, so a finger that follows the skin turns a degree or two.
  constexpr float kStepDeg = 0.25f;
  float worst = 0.0f, worst_at = 0.0f;
  std::size_t worst_finger = 0;
  int fitted = 0, landed = 0, hovering = 0, in_air = 0;
  FingerPose prev{};
  for (float around = 160.0f; around <= 185.0f; around += kStepDeg) {
    glm::mat4 palm = palm_at(surface, 0.36f, around, 90.0f, kIndent);
    FingerPose pose = flat;
    fit_hand(skin, palm, Hand::left, pose);
    if (fitted > 0)
      for (std::size_t f = 0; f < kFingerCount; ++f)
        for (std::size_t j = 0; j < 3; ++j)
          if (const float d = std::abs(pose.flexion[f][j] - prev.flexion[f][j]); d > worst)
            worst = d, worst_at = around, worst_finger = f;
    prev = pose;
    ++fitted;
    // The four fingers: a pad on the skin (the middle of the last phalanx within 3 mm of it), and
    // a finger closed past the pose that touches nowhere (every phalanx over 3 mm off): a finger
    // curled in the air.
    const HandShape shape = build_hand(palm, pose, Hand::left);
    for (std::size_t f = 1; f < kFingerCount; ++f) {
      float nearest = 1.0f, curl = 0.0f;
      for (std::size_t j = 0; j < 3; ++j) {
        const HandPart& part = shape.parts[hand_part(f, j)];
        const glm::vec3 mid = 0.5f * (glm::vec3(part.frame[3]) + part.tip);
        nearest = std::min({nearest, skin.outside(mid) - part.radius.y, skin.outside(part.tip) - part.radius.y});
        if (j == 2) landed += skin.outside(mid) - part.radius.y <= 0.003f ? 1 : 0;
        curl += pose.flexion[f][j] - flat.flexion[f][j];
      }
      hovering += curl > 5.0f && nearest > 0.003f ? 1 : 0;
      in_air += curl > 5.0f && nearest > 0.006f ? 1 : 0;
    }
  }
  MESSAGE("flat left hand round the calf: a joint turned at most " << worst << " degrees in a 0.25-degree step (at "
                                                                   << worst_at << " degrees, finger " << worst_finger
                                                                   << "); pads within 3 mm at " << landed << " of "
                                                                   << 4 * fitted << ", fingers curled over 3 mm off at "
                                                                   << hovering << ", over 6 mm off at " << in_air);
  // Session 24's fit: 38.2 degrees (the ring finger at 170.5 degrees round), pads on the skin at
  // 16 of 404 finger-moments (round the leg the fingers' middles meet it first), 6 fingers
  // curled with every phalanx 3-6 mm off. Session 25: 13.4 degrees: a finger that lands its pad
  // closes further than one lying on its middle, which curls no further than kHeldMostDeg, and
  // the ramp between the two (its pad 3-6 mm off) was what was left. Since session 27 a finger
  // not drawn into a grip lands over 3-9 mm (hand_fit_landing.cpp kLandFarM): 7.2 degrees (the middle
  // finger at 168.5); pads on at 15. Held at that curl, a finger whose middle would have met
  // the skin further on lies 3-5.5 mm over it (18 moments, 22 with the 3-6 mm ramp; until
  // session 25 it sprang straight), never over 6 mm.
  CHECK(worst <= 7.5f);
  CHECK(landed >= 15);
  CHECK(hovering <= 18);
  CHECK(in_air == 0);
}
