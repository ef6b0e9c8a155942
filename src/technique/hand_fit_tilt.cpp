// The palm's frame turned to the skin under the whole palm: one stage of the hand fit
// (hand_fit.hpp). The content places a palm by one point of the skin (its centre) and its
// normal there; on an uneven stretch the rest of the palm then sank on one side and stood off on
// the other, and the fit's rise lifted the whole hand by the deepest point (calf squeezes' upper
// palm near the knee rose 12.5 mm: the thumb's side of its heel sank on the calf muscle's inner
// head while its centre lay over the groove between the heads). Rolling it first toward the
// skin under its two sides lets it lie along the skin, as a real palm does.
#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"

namespace effleura::technique::fit_detail {
namespace {

constexpr float kMaxTiltDeg = 15.0f;     // a palm rolls at most this far from the content's frame
constexpr float kTiltHeldOffM = 0.002f;  // palm_gap_m over which a held-off palm keeps its frame
// The leg's surface model ends at its lowest section; below it the heel only continues it (the
// fit counts 5 cm more), so a palm cupping the heel would be turned to skin the model does not
// have (ankle pumps' heel hand, contact share 0.46 -> 0.30). The roll fades out as the palm's
// lowest grid point comes down to that section.
constexpr float kHeelFadeM = 0.02f;
// Only a palm that wraps the limb (its fingers drawn together round it: spread below 0, as
// hand_fit.cpp's close_together, ramped over the same 3 degrees) rolls. Turned as well, the flat
// palms of effleurage and compression gained contact but the step camera saw both hands less
// (effleurage step 3, lying: 0.96 -> 0.90; compression step 1, sitting: 0.70 -> 0.40).
constexpr float kWrapRampDeg = 3.0f;
// The roll is kept as far as it lowers the palm's rise, in full from this much (m): rolled
// regardless, the lower calf-squeezing palm rose 6.4 -> 12.3 mm (its knuckles, at the far end,
// sank where the roll brought them down).
constexpr float kRiseWonM = 0.002f;

}  // namespace

void tilt_to_skin(const SkinSide& skin, glm::mat4& palm, Hand hand, const FingerPose& pose) {
  const float weight = std::clamp(pose.palm_touch, 0.0f, 1.0f) * (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f)) *
                       (1.0f - std::clamp(pose.palm_gap_m / kTiltHeldOffM, 0.0f, 1.0f)) *
                       std::clamp(-pose.spread_deg / kWrapRampDeg, 0.0f, 1.0f);
  if (weight <= 0.0f || skin.sole) return;
  FingerPose flat = pose;
  flat.arch_deg = 0.0f;
  flat.radial_arch_deg = 0.0f;
  const HandShape shape = build_hand(palm, flat, hand);
  const HandPart& part = shape.parts[0];
  // The skin's distance below a 3 x 3 grid on the palm's underside (as palm_rise samples it),
  // its slope across the palm fitted by least squares (d = a + b x; the grid is symmetric in x).
  float sxx = 0.0f, sxd = 0.0f;
  float lowest = std::numeric_limits<float>::max();
  for (int i = -1; i <= 1; ++i)
    for (int k = 0; k <= 2; ++k) {
      const float x = 0.8f * part.radius.x * static_cast<float>(i);
      const glm::vec3 p = palm_underside(shape, x, part.length * (0.1f + 0.4f * static_cast<float>(k)));
      if (!skin.covers(p)) return;  // off the leg's end: keep the content's frame
      const float d = skin.outside(p);
      sxx += x * x, sxd += x * d;
      lowest = std::min(lowest, p.y);
    }
  const float above = std::clamp((lowest - skin.surface->min_along()) / kHeelFadeM, 0.0f, 1.0f);
  const float on_leg = smooth_step(above);
  if (on_leg <= 0.0f) return;
  // The right hand's frame is mirrored across X (hand_rig.cpp side_of), but palm_underside takes
  // x in the palm's own frame (palm[0]), so the slope is in that frame for either hand.
  // Skin farther below the +X side (b > 0): that side comes down, a turn about +Z by -atan(b).
  // (Pitching the fingers' end down to the skin as well lowered both palms further, 8.2 and
  // 5.3 mm, but hooked the wrapping fingers into the air: claws 20 / 52 -> 129 / 124 of 968.)
  const float most = glm::radians(kMaxTiltDeg);
  const float roll = weight * on_leg * std::clamp(-std::atan(sxd / sxx), -most, most);
  const glm::mat4 rolled = palm * glm::rotate(glm::mat4(1.0f), roll, glm::vec3(0.0f, 0.0f, 1.0f));
  const float won = std::clamp((palm_rise(skin, palm, pose, hand) - palm_rise(skin, rolled, pose, hand)) / kRiseWonM, 0.0f, 1.0f);
  palm = palm * glm::rotate(glm::mat4(1.0f), smooth_step(won) * roll, glm::vec3(0.0f, 0.0f, 1.0f));
}

}  // namespace effleura::technique::fit_detail
