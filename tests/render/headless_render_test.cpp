// Draws through the real renderer on a headless EGL context (llvmpipe in CI) and compares
// with golden images. Thresholds are per test, each with the reason for its size.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "anatomy/model_loader.hpp"
#include "golden.hpp"
#include "render/camera.hpp"
#include "render/gl.hpp"
#include "render/gl_context.hpp"
#include "render/particle_pass.hpp"
#include "render/renderer.hpp"
#include "render/smoothed_window_target.hpp"
#include "render/tissue_uniforms.hpp"
#include "../support/test_models.hpp"

using namespace effleura;

namespace {

struct Fixture {
  std::unique_ptr<render::EglContext> gl;
  std::unique_ptr<render::Renderer> renderer;
  anatomy::Model model;
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture x;
    auto gl = render::EglContext::create();
    REQUIRE_MESSAGE(gl.has_value(), (gl ? "" : gl.error().describe()));
    x.gl = std::move(*gl);
    auto r = render::Renderer::create();
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().describe()));
    x.renderer = std::move(*r);
    const auto path = test::temp_dir("render") / "lathe.obj";
    test::write_lathe_obj(path);
    auto m = anatomy::load_model(path);
    REQUIRE_MESSAGE(m.has_value(), (m ? "" : m.error().describe()));
    x.model = std::move(*m);
    x.renderer->set_model(x.model);
    return x;
  }();
  // Another case may have made its own context current since (app runs, scene_rig).
  REQUIRE(f.gl->make_current());
  return f;
}

// The lathe framed from a preset view, for a frame of this size.
render::FrameView frame_view(render::ViewPreset view, glm::ivec2 size) {
  render::Camera camera;
  camera.frame(fixture().model.bounds());
  camera.set_preset(view, false);
  render::FrameView v;
  v.view = camera.view_matrix();
  v.projection = camera.projection_matrix(float(size.x) / float(size.y));
  v.eye = camera.eye();
  return v;
}

render::Image draw(render::ViewPreset view, float skin_opacity, glm::ivec2 size = {320, 240},
                   render::Antialiasing antialiasing = render::Antialiasing::multisample) {
  Fixture& f = fixture();
  render::FrameView v = frame_view(view, size);
  v.skin_opacity = skin_opacity;
  auto target = render::OffscreenTarget::create(size, antialiasing);
  REQUIRE_MESSAGE(target.has_value(), (target ? "" : target.error().describe()));
  f.renderer->draw(*target, v);
  return target->capture();
}

// Measured against the committed goldens on the build machine (llvmpipe, Mesa 22.3): max 2,
// mean under 0.02, no pixel over 8. The limits leave room for another Mesa or CPU, and no more:
// - max 64: one of the four MSAA samples of an edge pixel flipping at full contrast;
// - mean 0.1: five times the drift seen; a missing mesh, a wrong layer order or a lighting
//   change moves it by a unit or more;
// - at most 0.2 % of the pixels (154 of 320x240) off by more than 8: a few edge pixels may
//   move, but the silhouette shifting by one pixel changes about 1 % and fails.
constexpr test::GoldenThresholds kModelThresholds{64, 0.1, 8, 0.002};

}  // namespace

TEST_CASE("the context is OpenGL 3.3 core or newer") {
  fixture();
  GLint major = 0, minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  CHECK(major * 10 + minor >= 33);
}

TEST_CASE("the model is drawn over the gradient, centred, at the requested size") {
  const render::Image img = draw(render::ViewPreset::front, 1.0f);
  REQUIRE(img.width == 320);
  REQUIRE(img.height == 240);
  auto px = [&](int x, int y) { return &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4]; };
  // The centre shows skin (red channel clearly above blue); the corners show the grey background.
  const auto* centre = px(160, 120);
  CHECK(int(centre[0]) > int(centre[2]) + 30);
  const auto* corner = px(4, 4);
  CHECK(std::abs(int(corner[0]) - int(corner[2])) < 20);
  // Background is lighter at the top than at the bottom.
  CHECK(int(px(4, 20)[1]) > int(px(4, 220)[1]));
  CHECK(test::check_golden(img, "lathe-front", kModelThresholds) == "");
}

TEST_CASE("the X-ray view lets the background show through the skin") {
  const render::Image opaque = draw(render::ViewPreset::lateral, 1.0f);
  const render::Image xray = draw(render::ViewPreset::lateral, 0.25f);
  auto centre = [](const render::Image& i) { return &i.rgba[(static_cast<std::size_t>(120) * i.width + 160) * 4]; };
  // With nothing inside the fixture, the X-ray centre moves toward the grey background.
  CHECK(int(centre(opaque)[0]) - int(centre(opaque)[2]) > int(centre(xray)[0]) - int(centre(xray)[2]) + 10);
  CHECK(test::check_golden(xray, "lathe-xray-lateral", kModelThresholds) == "");
}

TEST_CASE("an offscreen target of an impossible size is refused, not crashed") {
  fixture();
  auto t = render::OffscreenTarget::create({100000, 10});
  REQUIRE_FALSE(t.has_value());
  CHECK(t.error().message.find("not supported") != std::string::npos);
}

TEST_CASE("a broken shader reports its file, line and the driver log") {
  fixture();
  auto p = render::ShaderProgram::from_sources("test.vert", "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n",
                                               "broken.frag", "#version 330 core\nout vec4 c;\nvoid main() {\n  c = undefined_name;\n}\n");
  REQUIRE_FALSE(p.has_value());
  CHECK(p.error().file == "shaders/broken.frag");
  CHECK(p.error().line == 4);
  CHECK(p.error().message.find("undefined_name") != std::string::npos);
}

namespace {

int luma(const render::Image& img, int x, int y) {
  const auto* p = &img.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) * 4];
  return (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;
}

// Pixels on a strong horizontal step (left and right neighbours differ by more than 40 grey
// levels) whose own value lies well inside the step: the blended pixels that antialiasing
// puts on a silhouette. A hard-edged image has almost none.
int blended_edge_pixels(const render::Image& img) {
  int n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 1; x + 1 < img.width; ++x) {
      const int a = luma(img, x - 1, y), b = luma(img, x + 1, y), m = luma(img, x, y);
      const int lo = std::min(a, b), hi = std::max(a, b);
      if (hi - lo > 40 && m > lo + (hi - lo) / 5 && m < hi - (hi - lo) / 5) ++n;
    }
  return n;
}

}  // namespace

TEST_CASE("the edge filter softens silhouettes as multisampling does, and leaves flat areas alone") {
  const render::Image hard = draw(render::ViewPreset::front, 1.0f, {320, 240}, render::Antialiasing::none);
  const render::Image filtered = draw(render::ViewPreset::front, 1.0f, {320, 240}, render::Antialiasing::edge_filter);
  const render::Image msaa = draw(render::ViewPreset::front, 1.0f, {320, 240}, render::Antialiasing::multisample);
  const int n_hard = blended_edge_pixels(hard), n_filtered = blended_edge_pixels(filtered),
            n_msaa = blended_edge_pixels(msaa);
  INFO("blended edge pixels: none " << n_hard << ", filter " << n_filtered << ", msaa " << n_msaa);
  CHECK(n_msaa > 2 * n_hard + 20);  // the measure sees antialiasing at all
  CHECK(n_filtered > 2 * n_hard + 20);
  // Away from edges (the background's corner, the middle of the model) nothing changes.
  for (const auto& [x, y] : {std::pair{4, 4}, std::pair{300, 200}, std::pair{160, 120}})
    CHECK(std::abs(luma(filtered, x, y) - luma(hard, x, y)) <= 1);
}

TEST_CASE("capture_gl_order gives the captured frame's rows bottom first") {
  Fixture& f = fixture();
  render::Camera camera;
  camera.frame(f.model.bounds());
  render::FrameView v;
  v.view = camera.view_matrix();
  v.projection = camera.projection_matrix(160.0f / 90.0f);
  v.eye = camera.eye();
  for (const auto aa : {render::Antialiasing::multisample, render::Antialiasing::edge_filter}) {
    auto target = render::OffscreenTarget::create({160, 90}, aa);
    REQUIRE(target.has_value());
    f.renderer->draw(*target, v);
    const render::Image top_first = target->capture();
    std::vector<std::uint8_t> gl_order;
    target->capture_gl_order(gl_order);
    REQUIRE(gl_order.size() == top_first.rgba.size());
    // capture() makes the frame opaque; compare colour only.
    int mismatched = 0;
    for (std::size_t y = 0; y < 90; ++y)
      for (std::size_t x = 0; x < 160; ++x)
        for (std::size_t c = 0; c < 3; ++c)
          mismatched += gl_order[(y * 160 + x) * 4 + c] != top_first.rgba[((89 - y) * 160 + x) * 4 + c];
    CHECK(mismatched == 0);
  }
}

TEST_CASE("the edge filter can be limited to a region, outside it the frame is copied as drawn") {
  Fixture& f = fixture();
  const render::FrameView v = frame_view(render::ViewPreset::front, {320, 240});
  auto frame = [&](render::Antialiasing aa, std::optional<glm::ivec4> region) {
    auto target = render::OffscreenTarget::create({320, 240}, aa);
    REQUIRE(target.has_value());
    f.renderer->draw(*target, v);
    if (region) target->set_filter_region(*region);
    return target->capture();
  };
  const render::Image hard = frame(render::Antialiasing::none, std::nullopt);
  const render::Image whole = frame(render::Antialiasing::edge_filter, std::nullopt);
  const render::Image left = frame(render::Antialiasing::edge_filter, glm::ivec4(0, 0, 160, 240));
  // The lathe is centred, so each half holds one silhouette edge.
  int same_right = 0, same_left_as_whole = 0, differs_right_from_whole = 0;
  for (int y = 0; y < 240; ++y)
    for (int x = 0; x < 320; ++x) {
      if (x >= 161) {
        same_right += luma(left, x, y) == luma(hard, x, y);
        differs_right_from_whole += luma(whole, x, y) != luma(hard, x, y);
      } else if (x < 159) {
        same_left_as_whole += luma(left, x, y) == luma(whole, x, y);
      }
    }
  CHECK(same_right == 159 * 240);              // untouched outside the region
  CHECK(differs_right_from_whole > 20);        // where the whole-frame filter did change pixels
  CHECK(same_left_as_whole == 159 * 240);      // inside it, exactly the whole-frame filter
}

TEST_CASE("a shader built with defines sees them and still reports the line of its file") {
  fixture();
  const std::string vs = "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n";
  // Compiles only where MATERIAL is defined; line 5 of the file as written is broken.
  const std::string fs = "#version 330 core\n#ifndef MATERIAL\n#error no material\n#endif\nout vec4 c;\n"
                         "void main() {\n  c = vec4(MATERIAL) + undefined_name;\n}\n";
  auto p = render::ShaderProgram::from_sources("test.vert", render::with_defines(vs, "#define MATERIAL 2\n"),
                                               "broken.frag", render::with_defines(fs, "#define MATERIAL 2\n"));
  REQUIRE_FALSE(p.has_value());
  CHECK(p.error().line == 7);
  CHECK(p.error().message.find("undefined_name") != std::string::npos);
  CHECK(p.error().message.find("no material") == std::string::npos);
  CHECK(render::with_defines(fs, "") == fs);
}

TEST_CASE("the skin's vertex loop visits each hand's capsules up to its last with flesh, none for a hand away") {
  // SwiftShader (the page) runs a loop's every pass for every vertex, even those the shader
  // skips: the 36 capsules of two absent hands were a third of the page's frame (README "In the
  // browser"). The bound must reach the LAST capsule with a radius, not count them: capsule 4
  // alone still dents the skin.
  fixture();
  auto skin = render::ShaderProgram::from_files("model.vert", "model.frag", "#define SHADING 0");
  REQUIRE_MESSAGE(skin.has_value(), (skin ? "" : skin.error().describe()));
  technique::TissueShape tissue;
  tissue.hands[0][1].radius = 0.01f;
  tissue.hands[0][4].radius = 0.012f;  // the right hand has none
  skin->use();
  render::set_tissue_uniforms(skin->id(), tissue);
  const GLint at = glGetUniformLocation(skin->id(), "uHandCapsules");
  REQUIRE(at >= 0);
  GLint used[2] = {-1, -1};
  glGetUniformiv(skin->id(), at, &used[0]);
  glGetUniformiv(skin->id(), glGetUniformLocation(skin->id(), "uHandCapsules[1]"), &used[1]);
  CHECK(used[0] == 5);
  CHECK(used[1] == 0);
  tissue.hands[1][technique::kHandCapsules - 1].radius = 0.02f;
  render::set_tissue_uniforms(skin->id(), tissue);
  glGetUniformiv(skin->id(), glGetUniformLocation(skin->id(), "uHandCapsules[1]"), &used[1]);
  CHECK(used[1] == static_cast<GLint>(technique::kHandCapsules));
}

TEST_CASE("each blood particle is a round dot of the given diameter, coloured by its own speed") {
  fixture();  // a current GL context
  auto pass = render::ParticlePass::create();
  REQUIRE_MESSAGE(pass.has_value(), (pass ? "" : pass.error().describe()));
  constexpr int kSize = 64;
  auto target = render::OffscreenTarget::create({kSize, kSize}, render::Antialiasing::multisample);
  REQUIRE(target.has_value());
  target->bind();
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  // A still particle left of the middle, a fast one right of it (NDC: view_proj is identity).
  // A third, fast one right behind the still one must stay hidden by it (depth on every sample).
  const std::vector<flow::ParticleVertex> particles{
      {-0.5f, 0.0f, 0.0f, 0.0f}, {0.5f, 0.0f, 0.0f, 1.0f}, {-0.5f, 0.0f, 0.5f, 1.0f}};
  constexpr float kDiameter = 12.0f;
  pass->draw(particles, glm::mat4(1.0f), kDiameter, {kSize, kSize});
  const render::Image img = target->capture();
  auto lit = [&](int x, int y) { return luma(img, x, y) > 20; };
  for (const int cx : {16, 48}) {
    // The dot covers the pixels whose centres lie within its radius of the projected point
    // (16 or 48, 32): counted here from the geometry, give or take the edge pixels.
    int inside = 0, lit_inside = 0, lit_outside = 0;
    for (int y = 0; y < kSize; ++y)
      for (int x = cx - 16; x < cx + 16; ++x) {
        const float dx = float(x) + 0.5f - float(cx), dy = float(y) + 0.5f - 32.0f;
        const float r = std::sqrt(dx * dx + dy * dy);
        if (r < kDiameter / 2 - 0.75f) { ++inside; lit_inside += lit(x, y); }
        if (r > kDiameter / 2 + 0.75f) lit_outside += lit(x, y);
      }
    INFO("dot at x " << cx << ": " << lit_inside << " of " << inside << " inside lit, " << lit_outside << " outside");
    CHECK(inside > 60);
    CHECK(lit_inside == inside);
    CHECK(lit_outside == 0);  // round: nothing of a square or triangle around it shows
  }
  auto rgb = [&](int x, int y) {
    const auto* p = &img.rgba[(static_cast<std::size_t>(y) * kSize + static_cast<std::size_t>(x)) * 4];
    return glm::ivec3(p[0], p[1], p[2]);
  };
  // viridis: the still one dark violet-blue, the fast one yellow.
  const glm::ivec3 slow = rgb(16, 32), fast = rgb(48, 32);
  INFO("still dot " << slow.x << " " << slow.y << " " << slow.z);
  CHECK(slow.z > slow.y);
  CHECK(slow.x < 120);  // not mixed with the hidden yellow one
  CHECK(fast.x > 180);
  CHECK(fast.y > 180);
  CHECK(fast.z < 100);
}

TEST_CASE("dynamic resolution: a scene drawn at half size fills the frame, and what follows it stays sharp") {
  // The window's way (render/smoothed_window_target.hpp) into an offscreen frame, as --bench does.
  Fixture& f = fixture();
  const render::FrameView v = frame_view(render::ViewPreset::front, {320, 240});
  const render::Image full = draw(render::ViewPreset::front, 1.0f, {320, 240}, render::Antialiasing::edge_filter);
  auto output = render::OffscreenTarget::create({320, 240}, render::Antialiasing::none);
  REQUIRE(output.has_value());
  render::SmoothedWindowTarget target(std::move(*output), render::Antialiasing::edge_filter);
  target.set_scene_scale(0.5f);
  f.renderer->draw(target, v);
  REQUIRE(target.offscreen() != nullptr);
  CHECK(target.offscreen()->size() == glm::ivec2(160, 120));  // drawn at half the width and height
  target.finish_scene();
  // An interface line one pixel wide, drawn after the scene as the panels are.
  glEnable(GL_SCISSOR_TEST);
  glScissor(40, 0, 1, 240);
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
  glDisable(GL_SCISSOR_TEST);
  const render::Image half = target.capture();
  REQUIRE(half.width == 320);
  REQUIRE(half.height == 240);
  auto red = [&](int x, int y) {
    const auto* p = &half.rgba[(static_cast<std::size_t>(y) * 320 + x) * 4];
    return p[0] == 255 && p[1] == 0 && p[2] == 0;
  };
  for (int y : {10, 120, 230}) {
    CHECK(red(40, y));
    CHECK_FALSE(red(39, y));  // one pixel wide: not stretched with the scene
    CHECK_FALSE(red(41, y));
  }
  // The same picture, only softer: the lathe fills the same place (a one-pixel shift of the
  // silhouette or a missing stretch would move far more than this), yet it is not a plain copy.
  double sum = 0.0;
  int changed = 0, counted = 0;
  for (int y = 0; y < 240; ++y)
    for (int x = 60; x < 320; ++x) {
      const int d = std::abs(luma(half, x, y) - luma(full, x, y));
      sum += d;
      changed += d > 0;
      ++counted;
    }
  CHECK(sum / counted < 3.0);
  CHECK(changed > 200);
  // The centre is still skin and the corner still the background.
  CHECK(std::abs(luma(half, 160, 120) - luma(full, 160, 120)) <= 4);
  CHECK(std::abs(luma(half, 300, 10) - luma(full, 300, 10)) <= 2);
}

TEST_CASE("at full scale the window's way filters the scene straight into the frame: the same picture") {
  // render/smoothed_window_target.cpp runs the edge filter into the window instead of into the
  // scene's own output and then copying that across (session 22: one full-frame copy fewer a
  // frame). The picture must be the filtered scene's to the byte, over the whole frame and with
  // the filter held to a region round the leg (app/frame.cpp), outside which the scene is copied.
  Fixture& f = fixture();
  const glm::ivec2 size{320, 240};
  const render::FrameView v = frame_view(render::ViewPreset::front, size);
  for (const glm::ivec4 region : {glm::ivec4(0, 0, 320, 240), glm::ivec4(100, 60, 120, 120)}) {
    auto alone = render::OffscreenTarget::create(size, render::Antialiasing::edge_filter);
    REQUIRE(alone.has_value());
    f.renderer->draw(*alone, v);
    alone->set_filter_region(region);
    const render::Image expected = alone->capture();
    auto output = render::OffscreenTarget::create(size, render::Antialiasing::none);
    REQUIRE(output.has_value());
    render::SmoothedWindowTarget window(std::move(*output), render::Antialiasing::edge_filter);
    f.renderer->draw(window, v);
    REQUIRE(window.offscreen() != nullptr);
    window.offscreen()->set_filter_region(region);
    window.finish_scene();
    const render::Image drawn = window.capture();
    INFO("filter region " << region.x << " " << region.y << " " << region.z << " " << region.w);
    REQUIRE(drawn.rgba.size() == expected.rgba.size());
    CHECK(drawn.rgba == expected.rgba);
    CHECK(luma(drawn, 160, 120) > 20);  // the leg is there, not two equally empty frames
  }
}
