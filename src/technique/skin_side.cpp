#include "technique/skin_side.hpp"

#include <algorithm>
#include <cmath>

#include <glm/trigonometric.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"

namespace effleura::technique {
namespace {

constexpr float kBelowLegCovered = 0.05f;  // m below the leg's lowest section counted without a heel
// A point this far above the heel's top rows cannot be skin that turned with the foot (the
// foot turns at most ~45 degrees about the ankle, ~0.1 m from the skin there).
constexpr float kTurnedAbove = 0.04f;
constexpr int kUnturnSteps = 4;  // the turn share varies slowly: 4 steps settle to ~0.01 mm

// Below the sole is outside. The sole is a height field over the foot's outline at rest: turn
// the point back by the ankle angle, read u from its length along the foot and v from its
// place across, and compare heights. (Projecting onto the sole by Gauss-Newton wandered for
// points beyond its edges, which made fingers pop open for one frame.) Beyond the outline a
// point is outside by its distance past the edge.
float sole_outside(const anatomy::FootShape& foot, const glm::vec3& p, float ankle_deg) {
  const float phi = glm::radians(-ankle_deg);
  const float c = std::cos(phi), s = std::sin(phi);
  const glm::vec3 q = p - frame::kAnkleCentre;
  const glm::vec3 rest = frame::kAnkleCentre + glm::vec3(q.x, q.y * c + q.z * s, -q.y * s + q.z * c);
  const float heel = foot.rest_point(0.0f, 0.0f).z;
  const float u_raw = (rest.z - heel) / foot.length();
  const float u = std::clamp(u_raw, 0.0f, 1.0f);
  const glm::vec3 mid = foot.rest_point(u, 0.0f);
  const float half = std::max(foot.rest_point(u, 1.0f).x - mid.x, 0.005f);
  const float v_raw = (rest.x - mid.x) / half;
  const float v = std::clamp(v_raw, -1.0f, 1.0f);
  const float below = foot.rest_point(u, v).y - rest.y;
  const float past = std::max((std::abs(u_raw - u)) * foot.length(), (std::abs(v_raw) - 1.0f) * half);
  // Inside the outline a point above the sole is inside the foot (negative): with 0 in the max
  // (as it was), every such point read as lying on the skin, so curled fingertips sank unseen.
  return past > 0.0f ? std::max(below, past) : below;
}

// How far a rest point lies above the sole under it (negative) or below it, the outline's edge
// heights carried on past it: the heel's sections are horizontal, so near its round underside
// their radial measure is no distance at all (a point 4 mm under the heel's middle read 20 mm
// inside); the sole's height is.
float above_sole(const anatomy::FootShape& foot, const glm::vec3& q) {
  const float heel = foot.rest_point(0.0f, 0.0f).z;
  const float u = std::clamp((q.z - heel) / foot.length(), 0.0f, 1.0f);
  const glm::vec3 mid = foot.rest_point(u, 0.0f);
  const float half = std::max(foot.rest_point(u, 1.0f).x - mid.x, 0.005f);
  const float v = std::clamp((q.x - mid.x) / half, -1.0f, 1.0f);
  return foot.rest_point(u, v).y - q.y;
}

float share_at(const anatomy::HeelShape& heel, const glm::vec3& q) {
  const glm::vec3 c = heel.centre(std::clamp(q.y, heel.bottom(), anatomy::HeelShape::kTurnTop));
  return heel.turn_share(q.y, std::atan2(q.x - c.x, q.z - c.z));
}

// Where the point p of the drawn skin lies at rest: shaders/model.vert turns each rest point r by
// ankle x share(r) about the ankle's lateral axis; the share changes slowly with r, so turning p
// back by the share at the last guess settles in a few steps.
glm::vec3 at_rest(const anatomy::HeelShape& heel, const glm::vec3& p, float ankle_deg) {
  if (ankle_deg == 0.0f || p.y > anatomy::HeelShape::kTurnTop + kTurnedAbove) return p;
  const float turn = glm::radians(ankle_deg);
  glm::vec3 q = p;
  for (int i = 0; i < kUnturnSteps; ++i) q = anatomy::turned_about_x(p, frame::kAnkleCentre, turn * share_at(heel, q));
  return q;
}

}  // namespace

float SkinSide::outside(const glm::vec3& p) const {
  if (sole) return sole_outside(surface->foot(), p, ankle_deg) + indentation_m;
  const anatomy::HeelShape& heel = surface->heel();
  if (!heel.measured()) return surface->radial_outside(p) + indentation_m;
  const glm::vec3 q = at_rest(heel, p, ankle_deg);
  if (q.y >= heel.join()) return surface->radial_outside(q) + indentation_m;
  return std::max(heel.radial_outside(q), above_sole(surface->foot(), q)) + indentation_m;
}

bool SkinSide::covers(const glm::vec3& p) const {
  return sole || surface->heel().measured() || p.y >= surface->min_along() - kBelowLegCovered;
}

anatomy::SurfaceFrame leg_skin_frame(const anatomy::LegSurface& surface, float along, float around, float ankle_deg) {
  const anatomy::HeelShape& heel = surface.heel();
  if (!heel.measured()) return surface.frame(along, around);
  anatomy::SurfaceFrame f = along < heel.join() ? heel.frame(along, around) : surface.frame(along, around);
  if (ankle_deg == 0.0f) return f;
  // As the drawing turns the skin there (shaders/model.vert): the rest point by ankle x share.
  const float turn = -glm::radians(ankle_deg) * share_at(heel, f.position);
  if (turn == 0.0f) return f;
  const glm::vec3 origin(0.0f);
  f.position = anatomy::turned_about_x(f.position, frame::kAnkleCentre, turn);
  f.normal = anatomy::turned_about_x(f.normal, origin, turn);
  f.d_first = anatomy::turned_about_x(f.d_first, origin, turn);
  f.d_second = anatomy::turned_about_x(f.d_second, origin, turn);
  return f;
}

}  // namespace effleura::technique
