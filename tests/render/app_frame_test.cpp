// One frame of the app (app/frame.hpp) on the headless platform: commands asked for in one
// frame are carried out at the start of the next, before the simulation; the view the scene
// and the labels are drawn with is the camera after this frame's step, not the last one.
#include <doctest/doctest.h>

#include <cmath>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "scene_render_support.hpp"

using namespace effleura;

namespace {

bool same(const glm::mat4& a, const glm::mat4& b) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      if (a[c][r] != b[c][r]) return false;
  return true;
}

}  // namespace

TEST_CASE("a frame carries out last frame's commands, steps, then draws with the stepped camera") {
  app::Options options = test::source_options();
  options.size = {160, 120};
  options.technique = "effleurage";
  app::Context ctx;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_headless(ctx) == 0);

  app::frame(ctx, 0.0);  // the first frame shows the start without stepping
  CHECK(ctx.state.simulation.time() == 0.0);
  CHECK(ctx.frames == 1);

  // What a panel asked for: the veins alone and a camera move to the back view (animated).
  ctx.pending.main.layers = render::LayerVisibility{false, false, false, true};
  ctx.pending.main.preset = render::ViewPreset::back;
  const glm::mat4 before = ctx.state.camera.view_matrix();
  app::frame(ctx, 1.0 / 30.0);
  CHECK(ctx.state.simulation.time() == doctest::Approx(1.0 / 30.0));
  CHECK_FALSE(ctx.state.settings.layers.skin);  // carried out
  CHECK_FALSE(ctx.view.layers.skin);            // and drawn in the same frame
  // The camera moved during this frame's step, and the frame's view is the moved camera.
  CHECK_FALSE(same(before, ctx.state.camera.view_matrix()));
  CHECK(same(ctx.view.view, ctx.state.camera.view_matrix()));
  // Nothing is left pending: a command is carried out once.
  CHECK_FALSE(ctx.pending.main.layers.has_value());
  CHECK_FALSE(ctx.pending.main.preset.has_value());
}

// A headless picture is one frame at dt 0 (`effleura --headless --screenshot`, --frames 1); the
// window's and the page's frames all have dt > 0, even with the technique held (the page's
// ?paused). The caption was worked out only when the state stepped, so the picture had none where
// the page drew the step's caption, and the browser test's held effleurage frame differed from
// the desktop's picture by that box (3.99 % of pixels once the step's pinned camera put it at the
// top, over the light wall; session 25). Now the first frame draws it too, and in the held
// frame's box: the headless font was loaded, and its atlas built, only as the first frame began,
// after the interface's size was chosen from it (app::show_interface_scale), so at 320x180
// (where a window shows its text at 0.75) the first frame's text was full size: the box 30 px
// taller (a line more) and 26 px higher (17 px text; 20 px in session 26: 13 px higher).
TEST_CASE("the first frame draws the step's caption, as a held technique's next frame does") {
  app::Options options = test::source_options();
  options.size = {320, 180};
  options.technique = "effleurage";
  options.at_seconds = 6.0;  // the browser test's held moment: step 1, the warm-up glides
  app::Context ctx;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_headless(ctx) == 0);

  app::frame(ctx, 0.0);
  REQUIRE(ctx.panels.drawn_caption.has_value());
  const ui::ScreenBox first = *ctx.panels.drawn_caption;

  REQUIRE(ctx.state.simulation.playback() != nullptr);
  ctx.state.simulation.playback()->pause();
  app::frame(ctx, 1.0 / 30.0);
  REQUIRE(ctx.panels.drawn_caption.has_value());
  const ui::ScreenBox held = *ctx.panels.drawn_caption;

  // Within a pixel: the held frame's camera is the first frame's, eased by nothing.
  for (int i = 0; i < 2; ++i) {
    CHECK(std::abs(first.min[i] - held.min[i]) <= 1.0f);
    CHECK(std::abs(first.max[i] - held.max[i]) <= 1.0f);
  }
}
