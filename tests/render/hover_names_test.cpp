// Hover names what the student sees under the pointer: a bone, an artery and a nerve, each at
// screen points where that structure is drawn in its own colour (issue 13's "hover names a
// bone, an artery and a nerve at known screen points"). The points come from the structure's
// own mesh (the middle of its cross-section every centimetre along the leg) through the
// frame's camera; a point counts only where the rendered pixel there has the structure's
// colour, so something else drawn in front (a bone before a nerve) leaves it out rather than
// asking hover to see through it. anatomy_picking_test checks the rays; this checks the
// pixels the student points at.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/paths.hpp"
#include "render/render_target.hpp"
#include "scene_render_support.hpp"
#include "screen_pixel.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

enum class Colour { bone, artery, nerve };

// The forge's colours (forge/leg_forge.cpp) as lit on screen: arteries red, nerves yellow,
// bones ivory. The table (maroon) and the background (grey-blue) fall in none of them.
bool looks_like(const render::Image& img, glm::ivec2 px, Colour c) {
  const std::size_t i = 4 * (static_cast<std::size_t>(px.y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(px.x));
  const int r = img.rgba[i], g = img.rgba[i + 1], b = img.rgba[i + 2];
  switch (c) {
    case Colour::artery: return r > 90 && r > 3 * g && r > 3 * b;
    case Colour::nerve: return r > 120 && g > 0.7 * r && b < 0.6 * g;
    case Colour::bone: return r > 110 && g > 0.9 * r && b > 0.78 * r;
  }
  return false;
}

struct Target {
  const char* mesh;      // the structure's mesh in leg.glb
  const char* expected;  // what hover must say
  Colour colour;
  float y_low, y_high;   // heights (m) to sample, away from the palpable landmarks, which hover names first
};

struct Tally {
  int drawn = 0;   // sampled points whose pixel shows the structure's colour
  int named = 0;   // of those, hover named the structure
  std::string wrong;  // the first other name given there
};

Tally hover_over(const app::State& scene, const render::Image& img, const Target& t) {
  const anatomy::Model& model = scene.drawn_model();
  const anatomy::Mesh* mesh = nullptr;
  for (const auto& m : model.meshes)
    if (m.name == t.mesh) mesh = &m;
  REQUIRE_MESSAGE(mesh != nullptr, "no mesh " << t.mesh << " in the leg");
  const render::FrameView view = scene.frame_view(kSize);
  const glm::mat4 to_clip = view.projection * view.view * view.leg_to_room;
  Tally tally;
  for (float y = t.y_low; y < t.y_high; y += 0.01f) {
    glm::vec3 sum(0.0f);
    int n = 0;
    for (const glm::vec3& p : mesh->positions)
      if (p.y >= y && p.y < y + 0.01f) {
        sum += p;
        ++n;
      }
    if (n == 0) continue;
    const glm::vec4 c = to_clip * glm::vec4(sum / static_cast<float>(n), 1.0f);
    if (c.w <= 0.0f) continue;
    const glm::vec2 px = test::top_left_pixel(c, kSize);
    const glm::ivec2 at(static_cast<int>(px.x), static_cast<int>(px.y));
    if (at.x < 0 || at.y < 0 || at.x >= kSize.x || at.y >= kSize.y || !looks_like(img, at, t.colour)) continue;
    ++tally.drawn;
    const std::string said = scene.describe_at(glm::vec2(at) + 0.5f, kSize);
    if (said.find(t.expected) != std::string::npos) ++tally.named;
    else if (tally.wrong.empty()) tally.wrong = said.empty() ? "(nothing)" : said;
  }
  return tally;
}

}  // namespace

TEST_CASE("hover names a bone, an artery and a nerve at the screen points where each is drawn") {
  // Prone from the inner side with only bones, arteries and nerves shown, as a student
  // looking for the vessels the cautions name: the femoral artery runs below the femur and
  // the sciatic nerve behind it.
  app::Options o = test::source_options();
  o.posture = "prone";
  o.view = render::ViewPreset::medial;
  render::LayerVisibility layers;
  layers.skin = layers.muscles = layers.veins = false;
  o.layers = layers;
  auto scene = std::make_unique<app::State>();
  auto loaded = scene->load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  auto& rig = test::scene_rig();
  rig.renderer->set_model(scene->model);
  rig.renderer->set_hands(scene->hands);
  rig.renderer->set_client(scene->client_model);
  rig.renderer->finish_levels_of_detail();
  auto target = render::OffscreenTarget::create(kSize);
  REQUIRE(target.has_value());
  rig.renderer->draw(*target, scene->frame_view(kSize));
  const render::Image img = target->capture();

  const Target targets[] = {
      {"bone.femur", "Femur", Colour::bone, 0.60f, 0.80f},
      {"artery.femoral", "Femoral artery", Colour::artery, 0.62f, 0.86f},
      {"nerve.sciatic", "Sciatic nerve", Colour::nerve, 0.60f, 0.80f},
  };
  for (const Target& t : targets) {
    const std::string mesh = t.mesh;
    CAPTURE(mesh);
    const Tally tally = hover_over(*scene, img, t);
    MESSAGE(mesh << ": drawn at " << tally.drawn << " sampled points, named at " << tally.named
                   << (tally.wrong.empty() ? "" : ", elsewhere said: " + tally.wrong));
    CHECK(tally.drawn >= 4);                 // the structure is on screen where its mesh says
    CHECK(tally.named == tally.drawn);       // and hover names it at every one of those points
  }
}
