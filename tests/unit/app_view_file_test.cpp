// A saved view shared as a file of its own (app/view_file.hpp, `effleura --view FILE`): what is
// written reads back the same; a broken file names the file, the line and what was expected; the
// command line reads the file at once (a broken one is a bad option, exit 2) and plays the
// view's technique from its moment unless --technique says otherwise.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>
#include "../support/temp_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/atlas.hpp"
#include "app/atlas_commands.hpp"
#include "app/cli.hpp"
#include "app/language.hpp"
#include "app/panels.hpp"
#include "app/view_file.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const char* name) { return test::fresh_scratch("view-file", name); }

// A view with every key away from its default, so a key lost on the way shows.
app::SavedView full_view() {
  app::SavedView v;
  v.name = "Sóleo, \"from behind\"";
  v.camera = {2.75f, -0.375f, 1.625f, {0.125f, -0.25f, 0.5f}};
  v.layers = {false, true, true, false, true, false};
  v.skin_opacity = 0.25f;
  v.lit[2] = v.lit[5] = true;
  v.hidden = {"skin", "muscle.gastrocnemius_medial"};
  v.faded = {"bone.tibia"};
  v.cut = 0.375f;
  v.cut_keep_below = false;
  v.cut_axis = app::CutAxis::sideways;
  v.technique = "effleurage";
  v.at = 4.5;
  v.selected = "muscle.soleus";
  return v;
}

}  // namespace

TEST_CASE("a view written to a file reads back with every key") {
  const auto file = scratch("round") / app::view_file_name("Sóleo, \"from behind\"");
  CHECK(file.filename() == "Sóleo-from-behind.toml");
  const app::SavedView v = full_view();
  REQUIRE(app::write_view_file(v, file).has_value());
  const auto back = app::read_view_file(file);
  REQUIRE_MESSAGE(back.has_value(), back.error().describe());
  CHECK(back->name == v.name);
  CHECK(back->camera.yaw == v.camera.yaw);
  CHECK(back->camera.pitch == v.camera.pitch);
  CHECK(back->camera.distance == v.camera.distance);
  CHECK(back->camera.target == v.camera.target);
  CHECK(back->layers.skin == v.layers.skin);
  CHECK(back->layers.muscles == v.layers.muscles);
  CHECK(back->layers.bones == v.layers.bones);
  CHECK(back->layers.veins == v.layers.veins);
  CHECK(back->layers.arteries == v.layers.arteries);
  CHECK(back->layers.nerves == v.layers.nerves);
  CHECK(back->skin_opacity == v.skin_opacity);
  CHECK(back->lit == v.lit);
  CHECK(back->hidden == v.hidden);
  CHECK(back->faded == v.faded);
  CHECK(back->cut == v.cut);
  CHECK(back->cut_keep_below == v.cut_keep_below);
  CHECK(back->cut_axis == v.cut_axis);
  CHECK(back->technique == v.technique);
  CHECK(back->at == v.at);
  CHECK(back->selected == v.selected);
  // A few lines of text, the first saying how to open it.
  const std::string text = app::view_file_text(v);
  CHECK(text.rfind("# An Effleura view: open it with  effleura --view", 0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') <= 14);
}

TEST_CASE("a broken view file names the file, the line and what was expected") {
  const auto dir = scratch("broken");
  struct Case {
    const char* text;
    int line;
    const char* expected;
  };
  const Case cases[] = {
      {"name = \"a\"\n", 1, "camera = [yaw, pitch, distance, x, y, z]"},
      {"name = \"a\"\ncamera = [1, 2, 3]\n", 2, "six numbers"},
      {"camera = [0, 0, 2, 0, 0, 0]\n\nlayers = [\"skin\", \"bone\"]\n", 3, "unknown layer \"bone\""},
      {"camera = [0, 0, 2, 0, 0, 0]\nlit = [\"elbows\"]\n", 2, "unknown area \"elbows\""},
      {"camera = [0, 0, 2, 0, 0, 0]\ncut = \"half\"\n", 2, "cut should be a number"},
      {"camera = [0, 0, 2, 0, 0, 0]\nat = 3\n", 2, "at needs technique"},
      {"camera = [0, 0, 2, 0, 0, 0]\ntechnique = \"effleurage\"\nat = -1\n", 3, "0 or more"},
      {"camera = [0, 0, 2, 0, 0, 0]\n\nselected = 3\n", 3, "selected should be a structure's name"},
      {"camera = [0, 0, 2, 0, 0, 0\n", 1, ""},  // toml's own words for the unclosed list
  };
  int n = 0;
  for (const Case& c : cases) {
    const auto file = dir / ("bad" + std::to_string(++n) + ".toml");
    std::ofstream(file) << c.text;
    CAPTURE(c.text);
    const auto r = app::read_view_file(file);
    REQUIRE_FALSE(r.has_value());
    const std::string said = r.error().describe();
    CHECK_MESSAGE(said.find(file.string() + ":" + std::to_string(c.line)) != std::string::npos, said);
    CHECK_MESSAGE(said.find(c.expected) != std::string::npos, said);
  }
  const auto missing = app::read_view_file(dir / "none.toml");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().describe().find("none.toml") != std::string::npos);
}

TEST_CASE("--view FILE reads the file at once: a broken one is a bad option, a good one plays its technique moment") {
  const auto dir = scratch("cli");
  std::ofstream(dir / "bad.toml") << "camera = [0, 0, 2, 0, 0, 0]\nlit = [\"calves\", 3]\n";
  const auto bad = app::parse_command_line({"--view", (dir / "bad.toml").string()});
  REQUIRE_FALSE(bad.has_value());
  CHECK_MESSAGE(bad.error().message.find((dir / "bad.toml").string() + ":2") != std::string::npos, bad.error().message);
  CHECK(bad.error().message.find("lit should hold names in quotes") != std::string::npos);

  REQUIRE(app::write_view_file(full_view(), dir / "good.toml").has_value());
  const auto good = app::parse_command_line({"--view", (dir / "good.toml").string()});
  REQUIRE_MESSAGE(good.has_value(), good.error().message);
  CHECK(good->view_file == (dir / "good.toml").string());
  CHECK_FALSE(good->view.has_value());
  CHECK(good->technique == "effleurage");
  CHECK(good->at_seconds == doctest::Approx(4.5));
  // --technique on the command line wins over the file's.
  const auto own = app::parse_command_line({"--view", (dir / "good.toml").string(), "--technique", "friction"});
  REQUIRE(own.has_value());
  CHECK(own->technique == "friction");
  CHECK(own->at_seconds == 0.0);
  // A preset name stays a preset; a bare unknown word is a mistyped name, not a file.
  CHECK(app::parse_command_line({"--view", "back"})->view == render::ViewPreset::back);
  const auto typo = app::parse_command_line({"--view", "bakc"});
  REQUIRE_FALSE(typo.has_value());
  CHECK(typo.error().message.find("front, back, lateral, medial or top, or a view file") != std::string::npos);
}

TEST_CASE("the atlas's Save view writes the view's file beside the settings, and the file recalls the same view") {
  const auto dir = scratch("atlas");
  REQUIRE(app::use_interface_language(fs::path(EFFLEURA_SOURCE_DIR) / "content" / "locales", "en").has_value());
  app::State state;
  for (const char* name : {"skin", "muscle.soleus", "bone.tibia"}) {
    anatomy::Mesh mesh;
    mesh.name = name;
    mesh.layer = anatomy::layer_from_name(name);
    mesh.positions = {{0.0f, 0.3f, -0.05f}, {0.02f, 0.4f, -0.06f}};
    state.model.meshes.push_back(mesh);
  }
  app::isolate(state.settings.atlas, state.model, 1);
  state.settings.atlas.selected = 1;  // the soleus picked: its glow and card
  state.settings.selected[2] = true;
  state.camera.go_to({2.5f, 0.2f, 1.1f, {0.0f, 0.35f, -0.05f}}, false);
  app::PanelState panels;
  panels.settings_file = dir / "settings.toml";
  ui::AtlasCommands c;
  c.save_view = "Soleus alone";
  app::apply(c, state, panels);
  const auto file = dir / "views" / "Soleus-alone.toml";
  CHECK_MESSAGE(panels.status_message.find(file.string()) != std::string::npos, panels.status_message);
  const auto read = app::read_view_file(file);
  REQUIRE_MESSAGE(read.has_value(), read.error().describe());
  // Recalled into a fresh state, the view captured again is the one saved.
  app::State other;
  other.model = state.model;
  app::recall_view(other, *read, false);
  const app::SavedView again = app::capture_view(other, "Soleus alone");
  const app::SavedView saved = app::capture_view(state, "Soleus alone");
  CHECK(again.hidden == saved.hidden);
  CHECK(std::find(again.hidden.begin(), again.hidden.end(), "skin") != again.hidden.end());
  CHECK(again.lit == saved.lit);
  CHECK(again.camera.yaw == doctest::Approx(saved.camera.yaw));
  CHECK(again.camera.pitch == doctest::Approx(saved.camera.pitch));
  CHECK(again.camera.distance == doctest::Approx(saved.camera.distance));
  CHECK(app::view_file_text(again) == app::view_file_text(saved));
  // The picked structure comes back too (session 26: the camera and layers did, the soleus's
  // glow and card did not).
  CHECK(saved.selected == "muscle.soleus");
  CHECK(other.settings.atlas.selected == 1);

  // A file saved before the key was kept still opens: nothing picked.
  std::ofstream(dir / "old.toml") << "camera = [2.5, 0.2, 1.1, 0, 0.35, -0.05]\nlit = [\"calves\"]\n";
  const auto old = app::read_view_file(dir / "old.toml");
  REQUIRE_MESSAGE(old.has_value(), old.error().describe());
  CHECK(old->selected.empty());
  app::recall_view(other, *old, false);
  CHECK(other.settings.atlas.selected == -1);
  CHECK(other.settings.selected[2]);
}
