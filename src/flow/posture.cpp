#include "flow/posture.hpp"

#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"

namespace effleura::flow {

std::string_view posture_name(Posture p) {
  switch (p) {
    case Posture::supine: return "supine";
    case Posture::sitting: return "sitting";
    case Posture::standing: return "standing";
    case Posture::raised: return "raised";
  }
  return "supine";
}

std::vector<std::string> posture_names() { return {"supine", "sitting", "standing", "raised"}; }

Expected<Posture> parse_posture(std::string_view name) {
  for (Posture p : {Posture::supine, Posture::sitting, Posture::standing, Posture::raised})
    if (posture_name(p) == name) return p;
  return fail("unknown posture '" + std::string(name) +
              "'; expected one of: supine, sitting, standing, raised");
}

glm::vec3 lying_up(const glm::mat4& leg_to_room) {
  // The room's up taken back into the leg's frame: the pose's rotation is orthonormal, so its
  // transpose undoes it.
  const glm::vec3 up(leg_to_room[0][1], leg_to_room[1][1], leg_to_room[2][1]);
  const float length = glm::length(up);
  if (!(length > 1e-6f) || !std::isfinite(length)) return kFaceUp;
  const glm::vec3 unit = up / length;
  // Lying still, exactly face up or down: the pose's float rotation leaves ~1e-8 off-axis, which
  // would move every height by rounding and give the settled-state cache another key.
  for (const glm::vec3& exact : {kFaceUp, kFaceDown})
    if (glm::length(unit - exact) < 1e-5f) return exact;
  return unit;
}

double height_above_reference(const glm::vec3& point, Posture posture, const anatomy::VeinNetworkParams& params,
                              double knee_flexion_deg, const glm::vec3& lying_up) {
  const glm::vec3 hip = frame::kHipCentre;
  const glm::vec3 knee = frame::kKneeCentre;
  const double dy = static_cast<double>(point.y - hip.y);  // negative below the hip
  const double dz = static_cast<double>(point.z - hip.z);  // positive anterior
  switch (posture) {
    case Posture::standing:
      return dy - params.reference_above_hip_m;
    case Posture::supine: {
      // Lying, the leg at heart level: the height along the leg's up, the knee bent as drawn.
      const glm::vec3 placed = knee_flexion_deg > 0.0
                                   ? anatomy::bend_knee(point, knee, static_cast<float>(knee_flexion_deg))
                                   : point;
      return static_cast<double>(glm::dot(lying_up, placed - hip));
    }
    case Posture::sitting:
      // Hip flexed 90 degrees turns the thigh's "down" into "forward" and its anterior
      // into "up"; the knee flexed 90 degrees lets the shank hang vertical again.
      if (point.y >= knee.y) return dz - params.reference_above_hip_m;
      return static_cast<double>(knee.z - hip.z) + static_cast<double>(point.y - knee.y) -
             params.reference_above_hip_m;
    case Posture::raised: {
      const double a = kRaisedLegAngleDeg * std::numbers::pi / 180.0;
      return -dy * std::sin(a) + dz * std::cos(a);
    }
  }
  return 0.0;
}

}  // namespace effleura::flow
