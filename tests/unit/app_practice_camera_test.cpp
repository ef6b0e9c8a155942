// Practice's framing (app/practice_camera.hpp), without GL: the demonstration's stroke lands
// inside what the panels leave clear of the window, in its middle, as large as fits. Before,
// the technique's framing centred the whole window on the work and the lower calf and ankle lay
// under the right-hand column (session 5).
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include <glm/ext/matrix_transform.hpp>

#include "app/practice_camera.hpp"

using namespace effleura;

namespace {

// A leg lying along the room's x axis (as on the table), looked at from above.
render::Camera lying_leg_camera() {
  render::Camera camera;
  camera.set_subject(glm::rotate(glm::mat4(1.0f), -0.5f * std::numbers::pi_v<float>, glm::vec3(0, 0, 1)));
  camera.frame({{-0.1f, 0.0f, -0.1f}, {0.1f, 0.95f, 0.1f}});
  return camera;
}

const anatomy::Bounds kCalf{{-0.07f, 0.06f, -0.08f}, {0.06f, 0.52f, 0.05f}};

struct Spread {
  glm::vec2 lo{1e9f}, hi{-1e9f};
};

Spread spread(const render::Camera& camera, const render::OrbitPose& pose, float aspect) {
  Spread s;
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 q((c & 1) ? kCalf.max.x : kCalf.min.x, (c & 2) ? kCalf.max.y : kCalf.min.y,
                      (c & 4) ? kCalf.max.z : kCalf.min.z);
    const glm::vec2 n = app::ndc_of(camera, pose, aspect, q);
    s.lo = glm::min(s.lo, n);
    s.hi = glm::max(s.hi, n);
  }
  return s;
}

}  // namespace

TEST_CASE("practice camera: the stroke is framed between the View panel and the right-hand column") {
  const render::Camera camera = lying_leg_camera();
  // 1280x720 with the panels as the window lays them out: View 327 px, the right column 430 px.
  app::ClearBand band;
  band.size = {1280.0f, 720.0f};
  band.left = 327.0f;
  band.right = 430.0f;
  band.top = band.bottom = 36.0f;
  const float aspect = 1280.0f / 720.0f;
  const render::OrbitPose pose = app::fit_region(camera, kCalf, 0.0f, 1.3f, band);
  const Spread s = spread(camera, pose, aspect);
  const float left = -1.0f + 2.0f * 327.0f / 1280.0f, right = 1.0f - 2.0f * 430.0f / 1280.0f;
  INFO("calf from x " << s.lo.x << " to " << s.hi.x << ", clear from " << left << " to " << right);
  // All of it clear of both panels, and of the bars.
  CHECK(s.lo.x >= left);
  CHECK(s.hi.x <= right);
  CHECK(s.lo.y >= -1.0f + 2.0f * 36.0f / 720.0f);
  CHECK(s.hi.y <= 1.0f - 2.0f * 36.0f / 720.0f);
  // In the middle of the clear band, and filling most of its width (not a speck far away).
  CHECK(std::abs(0.5f * (s.lo.x + s.hi.x) - 0.5f * (left + right)) < 0.02f);
  CHECK(s.hi.x - s.lo.x > 0.8f * (right - left));

  // Without the band (the whole window) the same calf runs on under the right-hand column:
  // what a student saw before.
  const render::OrbitPose whole = app::fit_region(camera, kCalf, 0.0f, 1.3f, {});
  const Spread w = spread(camera, whole, aspect);
  CHECK(w.hi.x > right);
  CHECK(std::abs(0.5f * (w.lo.x + w.hi.x)) < 0.02f);
}
