// The pointer names and lights only what is drawn (session 25): with the soleus shown alone
// (atlas "Show only"), hovering just beside it read "Shin - Tibia (shin bone)" in a window at
// 1280x720, the skin and the tibia both hidden, and a click there lit the shin. The rays now pass
// through what the atlas hides. GL-free: the leg loaded from the source tree, rays from the
// frame's camera.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "app/atlas.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "ui/structure_names.hpp"

using namespace effleura;

TEST_CASE("hover and click pass through what the atlas hides: beside a soleus shown alone, nothing is named or lit") {
  app::Options o;
  o.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  o.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  o.view = render::ViewPreset::back;  // the calf's back: the soleus under the gastrocnemius and the skin
  auto state = std::make_unique<app::State>();
  auto loaded = state->load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  const anatomy::Model& leg = state->model;
  std::size_t soleus = leg.meshes.size();
  for (std::size_t i = 0; i < leg.meshes.size(); ++i)
    if (leg.meshes[i].name == "muscle.soleus") soleus = i;
  REQUIRE(soleus < leg.meshes.size());
  app::isolate(state->settings.atlas, leg, soleus);
  const std::string name = ui::structure_title(state->drawn_model().meshes[soleus]);

  // The soleus's box on screen, and half as much again around it: a grid of points over it.
  constexpr glm::ivec2 kSize{1280, 720};
  const render::FrameView view = state->frame_view(kSize);
  const glm::mat4 to_clip = view.projection * view.view * view.leg_to_room;
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (const glm::vec3& p : state->drawn_model().meshes[soleus].positions) {
    const glm::vec4 c = to_clip * glm::vec4(p, 1.0f);
    if (c.w <= 0.0f) continue;
    const glm::vec2 px((0.5f * c.x / c.w + 0.5f) * kSize.x, (0.5f - 0.5f * c.y / c.w) * kSize.y);
    lo = glm::min(lo, px);
    hi = glm::max(hi, px);
  }
  REQUIRE(hi.x > lo.x);
  const glm::vec2 grow = 0.5f * (hi - lo);
  lo = glm::max(lo - grow, glm::vec2(0.0f));
  hi = glm::min(hi + grow, glm::vec2(kSize) - 1.0f);
  int soleus_named = 0, other_named = 0, lit = 0;
  std::string first_other;
  constexpr int kGrid = 12;  // 144 rays: a second or two of picking in Release
  for (int i = 0; i < kGrid; ++i)
    for (int j = 0; j < kGrid; ++j) {
      const glm::vec2 at = lo + (hi - lo) * glm::vec2(static_cast<float>(i) + 0.5f, static_cast<float>(j) + 0.5f) / static_cast<float>(kGrid);
      const std::string said = state->describe_at(at, kSize);
      if (said.empty()) continue;
      if (said == name) {
        ++soleus_named;
      } else {
        ++other_named;
        if (first_other.empty()) first_other = said;
      }
      if (state->toggle_area_at(at, kSize)) ++lit;
    }
  INFO("first other name: " << first_other);
  CHECK(soleus_named > 0);  // the grid does cross the soleus
  CHECK(other_named == 0);
  CHECK(lit == 0);
  CHECK(std::none_of(state->settings.selected.begin(), state->settings.selected.end(), [](bool on) { return on; }));
}
