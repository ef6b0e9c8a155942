#pragma once
// The soft tissue the renderer shows moving under the hands, worked out from the timeline
// (plain maths, no GL; shaders/model.vert draws the same shape, and the tests measure it):
//  - the skin pressed in wherever a hand's flesh reaches into it (the hand's capsules,
//    hand_fit.hpp), so a palm pressed in by the modelled indentation (indentation.hpp) sits in
//    a dent of that depth and no finger shows inside the skin, with a soft skirt round it and
//    the pushed-out volume raised in a rim round the hand's outline;
//  - the dent does not spring back the moment a hand eases: skin and fat refill over a few
//    second (kRefillSeconds), so compression's press, hold and release reads as a
//    dent that deepens with the pressure and then fills;
//  - a kneaded or squeezed muscle lifted into a fold between the two hands, as high as the
//    hands' tissue lift (HandState::tissue_lift_m), drawn in from under the gripping hands.
#include <array>

#include <glm/vec3.hpp>

#include "anatomy/leg_surface.hpp"
#include "technique/hand_fit.hpp"
#include "technique/timeline.hpp"

namespace effleura::technique {

// One displacement of the skin, in the leg's frame: centre on the undisturbed skin, radius
// (0 = none), depth (> 0 pressed in, < 0 lifted) and the outward skin normal there.
struct TissueDent {
  glm::vec3 centre{0.0f};
  float radius = 0.0f;
  float depth = 0.0f;
  glm::vec3 axis{0.0f, 0.0f, 1.0f};
};

inline constexpr std::size_t kTissueDents = 3;  // [0] left hand, [1] right hand, [2] fold

struct TissueShape {
  // [0], [1]: the dent each hand pressed, kept while it refills (depth: the deepest of now
  // and the refilling past); it is drawn without a rim (the rim follows the hand's outline).
  // [2]: the fold, drawn with the profile below, its ring drawn in under the hands.
  std::array<TissueDent, kTissueDents> dents{};
  // Each hand's flesh (radius 0 where no hand is drawn) and the height of the rim raised round
  // its outline (m): the hand's indentation now times kRimShare.
  std::array<HandCapsules, 2> hands{};
  std::array<float, 2> rim{};
  // How deep the skin beside each hand is drawn down with it (m): its indentation now times its
  // pose's skin_sag (a flat press 1, a grip 0; pose.hpp).
  std::array<float, 2> sag{};
};

// Width of the soft skirt round flesh pressing into the skin (m).
inline constexpr float kSkirtM = 0.006f;
// The skin beside a flat pressing hand is drawn down with it (skin and fat are one sheet: they do
// not stay level up to the palm's edge and then drop): by TissueShape::sag times
// exp(-(u / kSagM)^2) at u from its flesh, about two thirds of the depth 1 cm out, nothing past
// 3 cm, where the rim rises. Under the palm the dent is hidden; this slope is the dent a student
// sees at the usual zoom (with 6 mm of skirt alone, the skin 6-12 mm beside a hand pressing
// 4.9 mm sat 0.2 mm in).
inline constexpr float kSagM = 0.014f;
// The rim round a pressing hand: centred this far out from its flesh, this wide (1/e half
// width), as high as kRimShare of the hand's indentation for a grip, kSagRimShare for a flat
// press (blended by the pose's skin_sag: the skin drawn down beside it pushes more volume out). With a palm and fingers of about
// 120 cm^2 and an outline of about 50 cm, a rim 0.9 as high as the dent and 2.7 cm wide holds
// about the volume pressed out of the dent (measured on the ankle: a third of that, since
// a flat palm on a round limb presses in along a band, not its whole outline).
inline constexpr float kRimOutM = 0.025f;
inline constexpr float kRimWidthM = 0.015f;
inline constexpr float kRimShare = 0.3f;
inline constexpr float kSagRimShare = 0.8f;
// Deepest the flesh is allowed to push the skin (m): the modelled indentation's ceiling.
inline constexpr float kMaxPushM = 0.012f;
// Flesh farther than this from a skin point does not move it (faded over kSkirtM before).
inline constexpr float kReachM = 0.018f;
// Time for a released dent to fill to 1/e of its depth (an estimate, not a measured figure).
inline constexpr float kRefillSeconds = 0.5f;

// Inward displacement per unit depth at r dent radii of the fold (and of the inner layers under
// any dent: muscles and veins do not see the hand's flesh, model.vert):
//   g(r) = exp(-2 r^2) - 0.43 exp(-((r - 1.1) / 0.3)^2)
// g(0) ~ 1; the two terms' integrals over the plane are equal, so the rim holds the volume
// pushed out of the dent.
float tissue_profile(float r);

// The tissue at time t of the timeline (evaluated at t and a few moments before it, for the
// refill). `frame` is the timeline's own frame at t (passed in to save one evaluation).
TissueShape tissue_shape(const Timeline& timeline, const TechniqueFrame& frame, const anatomy::LegSurface& surface);

// How far the skin at p, whose outward normal is n, is moved inward (m; negative: outward),
// exactly as the skin vertex shader moves it.
float skin_displacement(const TissueShape& shape, const glm::vec3& p, const glm::vec3& n);

}  // namespace effleura::technique
