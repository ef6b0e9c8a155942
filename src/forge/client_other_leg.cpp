#include "forge/client_other_leg.hpp"

#include <algorithm>
#include <cmath>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "forge/description.hpp"
#include "forge/skin_field.hpp"

namespace effleura::forge {
namespace {

// The description and the skin field over it (SkinField keeps pointers into the description).
struct LegSource {
  Description description;
  std::unique_ptr<SkinField> skin;
};

// The mirror across the body's midline: the left leg's x to the right leg's.
glm::vec3 mirrored(const glm::vec3& p) { return {2.0f * anatomy::kMidlineX - p.x, p.y, p.z}; }

}  // namespace

Expected<OtherLeg> mirrored_leg(const std::filesystem::path& anatomy_dir, float calibrate_step) {
  auto desc = load_description(anatomy_dir);
  if (!desc) return std::unexpected(desc.error());
  auto source = std::make_shared<LegSource>();
  source->description = std::move(*desc);
  scale_to_stature(source->description, frame::kStature);
  source->skin = std::make_unique<SkinField>(source->description);
  source->skin->calibrate(calibrate_step, kOtherSkinTop);

  OtherLeg leg;
  const SkinField* skin = source->skin.get();
  leg.field = [skin](const glm::vec3& p) { return (*skin)(mirrored(p)); };
  const Box b = skin->bounds();
  const glm::vec3 lo = mirrored(b.max), hi = mirrored(b.min);  // x swaps ends
  leg.box = Box{{lo.x, b.min.y, b.min.z}, {hi.x, std::min(b.max.y, kOtherSkinTop + 0.02f), b.max.z}};
  leg.keep = source;
  return leg;
}

// Both are thigh columns about nearly the same axis over the mix, a centimetre or so apart, so the
// mix stays a near distance (the mesher's two voxels of slack cover it).
float right_leg_distance(const Shape& thigh, const OtherLeg& leg, const glm::vec3& p) {
  const float t = std::clamp((p.y - (kOtherSkinTop - kOtherSkinBlend)) / kOtherSkinBlend, 0.0f, 1.0f);
  const float w = t * t * (3.0f - 2.0f * t);
  if (w >= 1.0f) return thigh.distance(p);
  if (w <= 0.0f) return leg.field(p);
  return glm::mix(leg.field(p), thigh.distance(p), w);
}

float right_ankle_blend(const glm::vec3& p) {
  const float lifted = p.y - 0.4f * std::abs(p.z - anatomy::kRightAnkleCentre.z);
  const float t = std::clamp((lifted - 0.05f) / (0.12f - 0.05f), 0.0f, 1.0f);
  return 1.0f - t * t * (3.0f - 2.0f * t);
}

}  // namespace effleura::forge
