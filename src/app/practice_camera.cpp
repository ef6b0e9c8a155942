#include "app/practice_camera.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

#include "ui/panel_layout.hpp"

namespace effleura::app {
namespace {

constexpr float kFill = 0.88f;  // the region takes at most this much of the clear band each way

struct Basis {
  glm::vec3 right, up, back;  // back: from the target toward the eye
};

Basis basis(float yaw, float pitch) {
  const float c = std::cos(pitch);
  const glm::vec3 back(std::sin(yaw) * c, std::sin(pitch), std::cos(yaw) * c);
  const glm::vec3 right = glm::normalize(glm::cross(-back, glm::vec3(0, 1, 0)));
  return {right, glm::cross(right, -back), back};
}

// Where a room point `rel` from the camera's target lands on screen (normalised device
// coordinates) for a camera `distance` back along e.back; t is tan(fov_y / 2).
glm::vec2 project(const glm::vec3& rel, const Basis& e, float distance, float t, float aspect) {
  const float depth = std::max(distance - glm::dot(rel, e.back), 1e-3f);
  return {glm::dot(rel, e.right) / (depth * t * aspect), glm::dot(rel, e.up) / (depth * t)};
}

}  // namespace

ClearBand panel_clear_band(bool view_panel_shown, glm::vec2 window) {
  const ui::PanelInput in = ui::current_panel_input(false, {});
  const float margin = in.em;  // the panels' own margin and gap
  ClearBand b;
  b.size = window;
  b.left = view_panel_shown ? ui::left_column_width(in) + margin : 0.0f;
  b.right = ui::right_column_width(in) + margin;
  b.top = b.bottom = in.bar + 0.5f * margin;  // the menu bar and the status bar
  return b;
}

glm::vec4 free_area_of(const ClearBand& band) {
  if (!band.known()) return {0.0f, 0.0f, 1.0f, 1.0f};
  return {band.left / band.size.x, band.top / band.size.y, 1.0f - band.right / band.size.x, 1.0f - band.bottom / band.size.y};
}

glm::vec2 ndc_of(const render::Camera& camera, const render::OrbitPose& pose, float aspect, const glm::vec3& leg_point) {
  const Basis e = basis(pose.yaw, pose.pitch);
  const glm::vec3 p(camera.subject() * glm::vec4(leg_point, 1.0f));
  return project(p - pose.target, e, pose.distance, std::tan(0.5f * camera.fov_y()), aspect);
}

render::OrbitPose fit_region(const render::Camera& camera, const anatomy::Bounds& region, float yaw, float pitch,
                             const ClearBand& band) {
  const glm::vec2 size = band.known() ? band.size : glm::vec2(16.0f, 9.0f);
  const float aspect = size.x / size.y;
  // The clear band in normalised device coordinates, and its centre.
  const glm::vec2 lo(-1.0f + 2.0f * band.left / size.x, -1.0f + 2.0f * band.bottom / size.y);
  const glm::vec2 hi(1.0f - 2.0f * band.right / size.x, 1.0f - 2.0f * band.top / size.y);
  const glm::vec2 want = 0.5f * (lo + hi), room = glm::max(hi - lo, glm::vec2(0.2f)) * kFill;

  std::array<glm::vec3, 8> corners{};
  glm::vec3 centre(0.0f);
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 q((c & 1) ? region.max.x : region.min.x, (c & 2) ? region.max.y : region.min.y,
                      (c & 4) ? region.max.z : region.min.z);
    corners[c] = glm::vec3(camera.subject() * glm::vec4(q, 1.0f));
    centre += corners[c] / 8.0f;
  }
  const Basis e = basis(yaw, pitch);
  const float t = std::tan(0.5f * camera.fov_y());
  render::OrbitPose pose;
  pose.yaw = yaw;
  pose.pitch = pitch;
  // For a distance: the target slid across the view until the region's middle is the band's
  // (perspective makes the near side larger, so a few steps), and how much of the band it spans.
  const auto place = [&](float distance) {
    pose.distance = distance;
    pose.target = centre;
    glm::vec2 span(0.0f);
    for (int step = 0; step < 6; ++step) {
      glm::vec2 lo_n(1e9f), hi_n(-1e9f);
      for (const glm::vec3& q : corners) {
        const glm::vec2 n = project(q - pose.target, e, distance, t, aspect);
        lo_n = glm::min(lo_n, n);
        hi_n = glm::max(hi_n, n);
      }
      span = hi_n - lo_n;
      const glm::vec2 off = 0.5f * (lo_n + hi_n) - want;
      // Moving the target right by s moves the picture left by about s / (distance t aspect).
      pose.target += e.right * (off.x * distance * t * aspect) + e.up * (off.y * distance * t);
    }
    return span;
  };
  // The nearest distance at which the region fits (it shrinks on screen as the camera backs off).
  float near = camera.min_distance(), far = camera.max_distance();
  for (int i = 0; i < 32; ++i) {
    const float mid = 0.5f * (near + far);
    const glm::vec2 span = place(mid);
    (span.x <= room.x && span.y <= room.y ? far : near) = mid;
  }
  place(far);
  return pose;
}

}  // namespace effleura::app
