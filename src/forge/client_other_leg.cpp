#include "forge/client_foot.hpp"

#include <algorithm>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "forge/description.hpp"
#include "forge/skin_field.hpp"

namespace effleura::forge {
namespace {

// The description and the skin field over it (SkinField keeps pointers into the description).
struct FootSource {
  Description description;
  std::unique_ptr<SkinField> skin;
};

// The mirror across the body's midline: the left leg's x to the right leg's.
glm::vec3 mirrored(const glm::vec3& p) { return {2.0f * anatomy::kMidlineX - p.x, p.y, p.z}; }

}  // namespace

Expected<OtherFoot> mirrored_foot(const std::filesystem::path& anatomy_dir, float calibrate_step) {
  auto desc = load_description(anatomy_dir);
  if (!desc) return std::unexpected(desc.error());
  auto source = std::make_shared<FootSource>();
  source->description = std::move(*desc);
  scale_to_stature(source->description, frame::kStature);
  source->skin = std::make_unique<SkinField>(source->description);
  source->skin->calibrate(calibrate_step, kOtherFootTop);

  OtherFoot foot;
  const SkinField* skin = source->skin.get();
  foot.field = [skin](const glm::vec3& p) { return (*skin)(mirrored(p)); };
  const Box b = skin->bounds();
  const glm::vec3 lo = mirrored(b.max), hi = mirrored(b.min);  // x swaps ends
  foot.box = Box{{lo.x, b.min.y, b.min.z}, {hi.x, std::min(b.max.y, kOtherFootTop + 0.02f), b.max.z}};
  foot.keep = source;
  return foot;
}

}  // namespace effleura::forge
