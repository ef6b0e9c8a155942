// Camera behaviour: plain math, no GL. Lives with the render tests because the camera is in
// src/render, but needs no context.
#include <doctest/doctest.h>

#include <cmath>
#include <algorithm>
#include <limits>

#include <glm/ext/matrix_transform.hpp>
#include <glm/geometric.hpp>

#include "render/camera.hpp"
#include "../support/window_box.hpp"

using namespace effleura;
using render::Camera;
using render::ViewPreset;

namespace {
const anatomy::Bounds kLeg{{-0.1f, 0.0f, -0.12f}, {0.1f, 0.95f, 0.2f}};

Camera framed() {
  Camera c;
  c.frame(kLeg);
  return c;
}
}  // namespace

TEST_CASE("framing puts the whole model in view from outside it") {
  Camera c = framed();
  const glm::vec3 centre = kLeg.centre();
  CHECK(glm::length(c.pose().target - centre) < 1e-5f);
  // The bounding sphere fits in the vertical field of view.
  const float radius = 0.5f * glm::length(kLeg.size());
  CHECK(c.pose().distance * std::tan(c.fov_y() * 0.5f) >= radius);
}

TEST_CASE("presets look from the named side of the (left) leg") {
  Camera c = framed();
  const glm::vec3 centre = kLeg.centre();
  c.set_preset(ViewPreset::front, false);
  CHECK(c.eye().z > centre.z + 0.5f);
  c.set_preset(ViewPreset::back, false);
  CHECK(c.eye().z < centre.z - 0.5f);
  c.set_preset(ViewPreset::lateral, false);
  CHECK(c.eye().x > centre.x + 0.5f);  // +X is the outside of the left leg
  c.set_preset(ViewPreset::medial, false);
  CHECK(c.eye().x < centre.x - 0.5f);
  c.set_preset(ViewPreset::top, false);
  CHECK(c.eye().y > centre.y + 0.5f);
}

TEST_CASE("an animated preset moves smoothly and arrives") {
  Camera c = framed();
  c.set_preset(ViewPreset::lateral, true);
  CHECK(c.transitioning());
  glm::vec3 previous = c.eye();
  float largest_step = 0.0f;
  for (int i = 0; i < 60; ++i) {
    c.update(1.0f / 60.0f);
    largest_step = std::max(largest_step, glm::length(c.eye() - previous));
    previous = c.eye();
  }
  CHECK_FALSE(c.transitioning());
  CHECK(c.eye().x > kLeg.centre().x + 0.5f);
  // No jumps: each frame moves the eye by a small part of the orbit.
  CHECK(largest_step < 0.25f * c.pose().distance);
}

TEST_CASE("zoom and pan never put the camera inside the model or lose it") {
  Camera c = framed();
  c.zoom(1000.0f);
  CHECK(c.pose().distance >= c.min_distance());
  CHECK(c.pose().distance > 0.5f * std::max(kLeg.size().x, kLeg.size().z));
  c.zoom(-1000.0f);
  CHECK(c.pose().distance <= c.max_distance());
  c.pan({1000.0f, -1000.0f});
  for (int i = 0; i < 3; ++i) {
    CHECK(c.pose().target[i] >= kLeg.min[i]);
    CHECK(c.pose().target[i] <= kLeg.max[i]);
  }
  c.orbit(0.0f, 100.0f);
  CHECK(c.pose().pitch < 1.5708f);  // never over the pole, so the view never flips
}

TEST_CASE("non-finite input leaves the camera usable") {
  Camera c = framed();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  c.orbit(nan, nan);
  c.zoom(std::numeric_limits<float>::infinity());
  c.pan({nan, nan});
  const glm::vec3 eye = c.eye();
  CHECK(std::isfinite(eye.x));
  CHECK(std::isfinite(eye.y));
  CHECK(std::isfinite(eye.z));
}

TEST_CASE("view names round-trip and unknown names are refused") {
  for (auto v : {ViewPreset::front, ViewPreset::back, ViewPreset::lateral, ViewPreset::medial, ViewPreset::top})
    CHECK(render::parse_view(render::view_name(v)) == v);
  CHECK_FALSE(render::parse_view("sideways").has_value());
}

TEST_CASE("a focus region brings presets closer to it, reset shows the whole model again") {
  Camera c = framed();
  const float whole = c.pose().distance;
  const anatomy::Bounds calf{{-0.06f, 0.15f, -0.1f}, {0.06f, 0.45f, 0.05f}};
  c.set_focus(calf);
  c.set_preset(ViewPreset::back, false);
  CHECK(glm::length(c.pose().target - calf.centre()) < 1e-5f);
  CHECK(c.pose().distance < whole * 0.8f);
  CHECK(c.pose().distance >= c.min_distance());
  // The region still fits in the vertical field of view.
  CHECK(c.pose().distance * std::tan(c.fov_y() * 0.5f) >= 0.5f * glm::length(calf.size()));
  c.reset(false);
  CHECK(c.pose().distance == doctest::Approx(whole));
  // A region with no extent (a bad box) is ignored rather than trusted.
  c.set_focus(anatomy::Bounds{glm::vec3(1e9f), glm::vec3(-1e9f)});
  c.set_preset(ViewPreset::front, false);
  CHECK(c.pose().distance == doctest::Approx(whole));
  c.set_focus(std::nullopt);
  c.set_preset(ViewPreset::front, false);
  CHECK(c.pose().distance == doctest::Approx(whole));
}

// The docked panels (issue 14): with a free area set, the camera's target lands at the area's
// centre and a followed region lies inside it, also in a tall narrow gap between two columns (its
// narrower side spans the field of view); too small or broken an area is the whole window.
TEST_CASE("with a free area the view is centred and framed in it") {
  Camera c = framed();
  const anatomy::Bounds calf{{-0.06f, 0.1f, -0.06f}, {0.06f, 0.5f, 0.08f}};
  c.follow(calf, 1.2f, 0.3f, 0.0f);
  const float aspect = 1280.0f / 720.0f;
  const glm::vec4 area{0.24f, 0.04f, 0.66f, 0.96f};  // 1280x720 between the View and Technique columns
  c.set_free_area(area);
  CHECK(c.free_area() == area);
  const glm::mat4 vp = c.projection_matrix(aspect) * c.view_matrix();
  const auto at = [&](const glm::vec3& p) {  // fractions of the window from its top-left
    const glm::vec4 q = vp * glm::vec4(p, 1.0f);
    return glm::vec2(0.5f + 0.5f * q.x / q.w, 0.5f - 0.5f * q.y / q.w);
  };
  const glm::vec2 target = at(c.pose().target);
  CHECK(target.x == doctest::Approx(0.5f * (area.x + area.z)).epsilon(1e-4));
  CHECK(target.y == doctest::Approx(0.5f * (area.y + area.w)).epsilon(1e-4));
  for (int k = 0; k < 8; ++k) {
    const glm::vec3 corner((k & 1) ? calf.max.x : calf.min.x, (k & 2) ? calf.max.y : calf.min.y, (k & 4) ? calf.max.z : calf.min.z);
    const glm::vec2 p = at(corner);
    CAPTURE(k);
    CHECK(p.x > area.x);
    CHECK(p.x < area.z);
    CHECK(p.y > area.y);
    CHECK(p.y < area.w);
  }
  // The whole window again: the plain perspective.
  c.set_free_area({0.0f, 0.0f, 1.0f, 1.0f});
  const glm::vec2 centred = glm::vec2(c.projection_matrix(aspect) * c.view_matrix() * glm::vec4(c.pose().target, 1.0f));
  CHECK(std::abs(centred.x) < 1e-4f);
  for (const glm::vec4 bad : {glm::vec4(0.5f, 0.5f, 0.55f, 0.9f), glm::vec4(std::numeric_limits<float>::quiet_NaN(), 0.0f, 1.0f, 1.0f)}) {
    c.set_free_area(bad);
    CHECK(c.free_area() == glm::vec4(0.0f, 0.0f, 1.0f, 1.0f));
  }
}

// Issue 14, session 11: the free area between the docked panels at 1280x720 with the caption and
// legend below it is short and wide (about 544 x 254 px). Fitting the region's bounding sphere to
// its narrower side drew a leg lying across it small (effleurage's flow view: the whole leg in
// about 250 px of the 544); fitting the region's projected box to the area's shape lets the leg
// fill the width. Held: the box spans 85 % of the area's width or height (each corner within
// 85 % of the area's half-size from its centre) and is centred in it: seen obliquely the near end
// is drawn larger, and fitted about the region's centre the box lay off centre and spanned 73 %
// (session 12: the target moves until the box is centred). The sphere fit (the window's aspect
// not given, as before) spans 38 %, so this fails on the old camera.
TEST_CASE("in a short wide free area a followed region's box fills the area's width or height") {
  const glm::vec4 area{316.0f / 1280.0f, 36.0f / 720.0f, 860.0f / 1280.0f, 290.0f / 720.0f};
  const float aspect = 1280.0f / 720.0f;
  // The leg lying on the table along the room's x (leg +Y to room +X), the whole leg framed.
  const glm::mat4 lying = glm::rotate(glm::mat4(1.0f), -1.5707963f, glm::vec3(0.0f, 0.0f, 1.0f));
  const anatomy::Bounds leg{{-0.08f, 0.05f, -0.07f}, {0.08f, 0.95f, 0.1f}};
  // The share of the area's width and height the region's projected box spans.
  glm::vec2 box_centre(0.0f);  // the box's centre minus the area's, in the area's sizes
  const auto spans = [&](float window_aspect) {
    Camera c = framed();
    c.set_subject(lying);
    c.set_free_area(area, window_aspect);
    c.follow(leg, 0.4f, 0.5f, 0.0f);
    const glm::mat4 vp = c.projection_matrix(aspect) * c.view_matrix() * c.subject();
    const test::WindowBox w = test::window_box(vp, leg);
    const glm::vec2 share = test::span_inside(w, area);  // inside the area, whichever fit
    box_centre = (0.5f * (w.lo + w.hi) - 0.5f * glm::vec2(area.x + area.z, area.y + area.w)) /
                 glm::vec2(area.z - area.x, area.w - area.y);
    return share;
  };
  const glm::vec2 box = spans(aspect);
  const glm::vec2 centred = box_centre;
  const glm::vec2 sphere = spans(0.0f);
  MESSAGE("box fit spans " << box.x << " x " << box.y << " of the area, off centre by " << centred.x << ", " << centred.y
                           << "; sphere fit " << sphere.x << " x " << sphere.y);
  CHECK(std::max(box.x, box.y) >= 0.845f);
  CHECK(std::max(box.x, box.y) <= 0.851f);
  CHECK(std::abs(centred.x) < 0.005f);
  CHECK(std::abs(centred.y) < 0.005f);
  CHECK(std::max(sphere.x, sphere.y) < 0.5f);  // the old fit, for the record: the test can fail

  // The shape changes after the camera framed the region (the first frame with panels): it is
  // fitted again; once the user zooms it stays where they put it.
  Camera c = framed();
  c.set_subject(lying);
  c.follow(leg, 0.4f, 0.5f, 0.0f);
  const float sphere_distance = c.pose().distance;
  c.set_free_area(area, aspect);
  CHECK(c.pose().distance < 0.8f * sphere_distance);
  c.zoom(1.0f);
  const float zoomed = c.pose().distance;
  c.set_free_area({0.3f, 0.1f, 0.7f, 0.9f}, aspect);
  CHECK(c.pose().distance == doctest::Approx(zoomed));
}

TEST_CASE("a free area changed in the same window is eased over the given time, a new window's taken at once") {
  // The lesson panel grows by a question's feedback: the part between the panels loses its
  // bottom. Eased, the framed leg glides there over 0.3 s; before session 14 the area was taken
  // at once and the leg jumped there in one frame.
  Camera c = framed();
  c.follow(kLeg, 0.4f, 0.3f, 0.0f);
  const float aspect = 16.0f / 9.0f;
  const glm::vec4 before{0.25f, 0.05f, 0.7f, 0.95f}, after{0.25f, 0.05f, 0.7f, 0.6f};
  c.set_free_area(before, aspect, 0.3f);  // the first area: at once
  CHECK(c.free_area() == before);
  CHECK_FALSE(c.easing_free_area());
  c.set_free_area(after, aspect, 0.3f);
  CHECK(c.free_area() == before);  // nothing moves until time passes
  CHECK(c.free_area_goal() == after);
  CHECK(c.easing_free_area());
  float last_bottom = before.w, largest_step = 0.0f;
  for (int i = 0; i < 9; ++i) {  // 9 frames of 1/30 s
    c.update(1.0f / 30.0f);
    const float bottom = c.free_area().w;
    CHECK(bottom <= last_bottom);  // one way, no overshoot
    largest_step = std::max(largest_step, last_bottom - bottom);
    last_bottom = bottom;
  }
  CHECK(largest_step < 0.3f * (before.w - after.w));  // no frame takes most of the move
  c.update(1.0f / 30.0f);
  CHECK(c.free_area().w == doctest::Approx(after.w));
  CHECK_FALSE(c.easing_free_area());
  // Where taking the area at once puts the camera (the region refitted to the new shape).
  Camera jumped = framed();
  jumped.follow(kLeg, 0.4f, 0.3f, 0.0f);
  jumped.set_free_area(before, aspect);
  jumped.set_free_area(after, aspect);
  CHECK(c.pose().distance == doctest::Approx(jumped.pose().distance).epsilon(0.001));
  CHECK(glm::distance(c.pose().target, jumped.pose().target) < 1e-3f);
  // The same area again: nothing to ease. A new window shape: at once.
  c.set_free_area(after, aspect, 0.3f);
  CHECK_FALSE(c.easing_free_area());
  c.set_free_area(before, 4.0f / 3.0f, 0.3f);
  CHECK(c.free_area() == before);
  CHECK_FALSE(c.easing_free_area());
  // No easing asked (a still picture): at once too.
  c.set_free_area(after, 4.0f / 3.0f, 0.0f);
  CHECK(c.free_area() == after);
}
