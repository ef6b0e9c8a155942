// The still room (render/still_room.hpp) keeps the background, client, table and drapes from
// frame to frame while nothing they show changes. Each case here warms it on one frame (drawn,
// kept, reused), then changes one thing the kept pixels depend on and draws again: the picture
// must be what the renderer draws with the room off. A key field the room forgot to compare
// would lay the old client under the new frame: leaving out the target, view, projection, eye,
// pose or kept parts each fails a case here (checked in session 25). The drapes' opacity (only
// between 0.999 and 1), the levels of detail and the glow (no client part has areas) have none.
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "render/render_target.hpp"
#include "scene_render_support.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{320, 180};  // the app's 16:9, small: a case draws ~8 frames

// Pixels whose channels differ by more than 2 levels.
int differing(const render::Image& a, const render::Image& b) {
  REQUIRE(a.rgba.size() == b.rgba.size());
  int n = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4)
    for (std::size_t c = 0; c < 3; ++c)
      if (std::abs(int{a.rgba[i + c]} - int{b.rgba[i + c]}) > 2) {
        ++n;
        break;
      }
  return n;
}

// Kept and drawn pictures may differ where two surfaces lie at the same depth (the drape's edge
// meeting the leg's skin): what is drawn after the kept pixels now wins those ties. At 1280x720
// that was 1 to 29 pixels of 921,600 (README, "The still room"); here, at 1/16 of the pixels, a
// dozen of 57,600 is ample, and every change below moves over ten times that (required: a stale
// kept picture shows).
constexpr int kTiePixels = 12;

struct Rig {
  std::unique_ptr<app::State> scene;
  render::OffscreenTarget target;
};

Rig load_rig() {
  app::Options o = test::source_options();
  auto scene = std::make_unique<app::State>();
  auto loaded = scene->load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  render::Renderer& r = *test::scene_rig().renderer;
  r.set_model(scene->model);
  r.set_hands(scene->hands);
  r.set_client(scene->client_model);
  r.finish_levels_of_detail();
  auto target = render::OffscreenTarget::create(kSize);
  REQUIRE(target.has_value());
  return {std::move(scene), std::move(*target)};
}

render::Image draw(render::RenderTarget& target, const render::FrameView& view) {
  test::scene_rig().renderer->draw(target, view);
  return target.capture();
}

// What the renderer draws with the still room off.
render::Image reference(render::RenderTarget& target, const render::FrameView& view) {
  render::Renderer& r = *test::scene_rig().renderer;
  r.set_still_room(false);
  render::Image image = draw(target, view);
  r.set_still_room(true);
  return image;
}

}  // namespace

TEST_CASE("the still room: a kept picture is reused only while nothing it shows has changed") {
  Rig rig = load_rig();
  const render::FrameView base = rig.scene->frame_view(kSize);
  REQUIRE(base.client.has_value());
  const render::Image base_drawn = reference(rig.target, base);

  // Drawn (the key is new), kept (seen twice), reused: the reused frame is the drawn one.
  draw(rig.target, base);
  draw(rig.target, base);
  const render::Image reused = draw(rig.target, base);
  CHECK(differing(reused, base_drawn) <= kTiePixels);

  struct Change {
    const char* what;
    std::function<void(render::FrameView&)> apply;
  };
  const glm::vec3 other_foot{2.0f * -0.085f, 0.05f, 0.09f};  // the other foot's instep, leg frame (the rest is draped)
  const std::vector<Change> changes{
      {"the camera turns", [](render::FrameView& v) { v.view = glm::rotate(v.view, 0.05f, glm::vec3(0.0f, 1.0f, 0.0f)); }},
      {"the lens zooms", [](render::FrameView& v) { v.projection[0][0] *= 1.1f; v.projection[1][1] *= 1.1f; }},
      {"the eye moves (shading)", [](render::FrameView& v) { v.eye += glm::vec3(0.0f, 1.5f, 0.0f); }},
      {"the other knee bends", [](render::FrameView& v) { v.client->right_knee_flexion_deg = 60.0f; }},
      {"the body moves", [](render::FrameView& v) { v.client->body = glm::translate(v.client->body, glm::vec3(0.0f, 0.0f, 0.05f)); }},
      {"a bolster under the knees", [](render::FrameView& v) { v.client->knee_bolster = !v.client->knee_bolster; }},
      {"no table", [](render::FrameView& v) { v.client->on_table = false; }},
      {"the other leg hidden", [](render::FrameView& v) { v.other_leg = false; }},
      {"the skin layer hidden", [](render::FrameView& v) { v.layers.skin = false; }},
      {"the X-ray view", [](render::FrameView& v) { v.skin_opacity = 0.35f; }},
      {"no client", [](render::FrameView& v) { v.client.reset(); }},
      // A dent on the other foot, too far from the massaged one to move it: that leg's skin is drawn
      // live (dented), not kept.
      {"a dent on the other foot", [&](render::FrameView& v) { v.tissue.dents[0] = {other_foot, 0.05f, 0.03f, {0.0f, 0.0f, 1.0f}}; }},
  };
  for (const Change& change : changes) {
    const std::string what = change.what;
    CAPTURE(what);
    render::FrameView changed = base;
    change.apply(changed);
    const render::Image expected = reference(rig.target, changed);
    // The change shows: a stale kept picture would be caught.
    REQUIRE(differing(expected, base_drawn) > 10 * kTiePixels);
    for (int i = 0; i < 3; ++i) draw(rig.target, base);  // drawn, kept, reused
    CHECK(differing(draw(rig.target, changed), expected) <= kTiePixels);
    // Kept again for the change: still the same picture.
    draw(rig.target, changed);
    CHECK(differing(draw(rig.target, changed), expected) <= kTiePixels);
  }

  {
    const std::string what = "another target, of another size";
    CAPTURE(what);
    auto other = render::OffscreenTarget::create(kSize / 2);
    REQUIRE(other.has_value());
    const render::FrameView small = rig.scene->frame_view(kSize / 2);
    const render::Image expected = reference(*other, small);
    for (int i = 0; i < 3; ++i) draw(rig.target, base);
    CHECK(differing(draw(*other, small), expected) == 0);
  }
}
