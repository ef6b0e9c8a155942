#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "lesson/key_chord.hpp"
#include "lesson/playlist.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;
using namespace effleura::lesson;

namespace {

const char* kHeader =
    "language = \"en\"\n"                  // 1
    "crossfade_s = 1.0\n"                  // 2
    "[[scene]]\n"                          // 3
    "disclaimer = true\n"                  // 4
    "caption = \"k.disclaimer\"\n"         // 5
    "duration_s = 10\n";                   // 6

Expected<Playlist> load(const std::string& extra) {
  return load_playlist_string(std::string(kHeader) + extra, "p.toml", lesson_test::technique_ids());
}

}  // namespace

TEST_CASE("key chords parse into modifiers and a key, and bad ones are refused") {
  auto c = parse_key_chord("Ctrl + Shift + Q");
  REQUIRE(c.has_value());
  CHECK(c->ctrl);
  CHECK(c->shift);
  CHECK_FALSE(c->alt);
  CHECK(c->key == "q");
  CHECK(c->text() == "ctrl+shift+q");
  CHECK(c->matches(true, true, false, false, "Q"));
  CHECK_FALSE(c->matches(true, false, false, false, "q"));  // shift not held
  CHECK_FALSE(c->matches(true, true, true, false, "q"));    // an extra modifier
  CHECK(parse_key_chord("alt+f4")->key == "f4");
  CHECK(parse_key_chord("super+escape")->super);
  CHECK(parse_key_chord("q").error().message.find("no modifier") != std::string::npos);
  CHECK(parse_key_chord("ctrl+shift").error().message.find("no key") != std::string::npos);
  CHECK(parse_key_chord("ctrl+ctrl+q").error().message.find("twice") != std::string::npos);
  CHECK(parse_key_chord("ctrl+q+w").error().message.find("two keys") != std::string::npos);
  CHECK(parse_key_chord("ctrl+f13").error().message.find("unknown key 'f13'") != std::string::npos);
  CHECK(parse_key_chord("ctrl++q").error().message.find("empty part") != std::string::npos);
}

TEST_CASE("the waiting-room playlist loads with its texts, a disclaimer and sensible settings") {
  auto en = load_locale(lesson_test::content("locales/en.toml"));
  REQUIRE(en.has_value());
  auto p = load_playlist(lesson_test::content("playlists/waiting-room.toml"), lesson_test::technique_ids(), &*en);
  REQUIRE_MESSAGE(p.has_value(), p.error().describe());
  CHECK(p->language == "en");
  CHECK(p->idle_timeout_s == doctest::Approx(120.0));
  CHECK(p->exit_chord.text() == "ctrl+shift+q");
  CHECK(p->fps_cap == doctest::Approx(30.0));
  CHECK(p->scenes.size() >= 8);
  CHECK(std::count_if(p->scenes.begin(), p->scenes.end(), [](const PlaylistScene& s) { return s.disclaimer; }) == 1);
  CHECK(en->missing(p->text_keys()).empty());
  // Every technique the loop shows exists as a technique file.
  for (const auto& s : p->scenes) {
    if (s.technique.empty()) continue;
    CHECK_MESSAGE(std::filesystem::exists(lesson_test::content("techniques/" + s.technique + ".toml")), s.technique);
  }
  // The loop covers several techniques, not one on repeat, and the camera moves in every scene.
  std::set<std::string> techniques;
  for (const auto& s : p->scenes) {
    techniques.insert(s.technique);
    CHECK(s.duration_s > 2.0 * p->crossfade_s);
    CHECK_FALSE(s.camera.keys.empty());
  }
  CHECK(techniques.size() >= 6);
}

TEST_CASE("defaults apply when a playlist leaves settings out") {
  auto p = load("");
  REQUIRE_MESSAGE(p.has_value(), p.error().describe());
  CHECK(p->idle_timeout_s == doctest::Approx(120.0));
  CHECK(p->fps_cap == doctest::Approx(30.0));
  CHECK(p->exit_chord.text() == "ctrl+shift+q");
  REQUIRE(p->scenes.size() == 1);
  CHECK(p->scenes[0].technique.empty());
  CHECK(p->scenes[0].layers == Layers{});
  CHECK(p->scenes[0].camera.keys.size() == 1);
}

TEST_CASE("camera paths: view lists spread over the scene, keys with yaw/pitch and times") {
  auto p = load("[[scene]]\ncaption = \"k.a\"\nduration_s = 20\ncamera = [\"front\", \"lateral\", \"back\"]\n"
                "[[scene]]\ncaption = \"k.b\"\nduration_s = 20\ncamera = [{ yaw = 30, pitch = 10, at = 5 }, { view = \"top\" }]\n");
  REQUIRE_MESSAGE(p.has_value(), p.error().describe());
  const auto& a = p->scenes[1].camera.keys;
  REQUIRE(a.size() == 3);
  CHECK(a[0].at_s == doctest::Approx(0.0));
  CHECK(a[1].at_s == doctest::Approx(10.0));
  CHECK(a[2].at_s == doctest::Approx(20.0));
  CHECK(a[1].angles.yaw_deg == doctest::Approx(90.0));
  const auto& b = p->scenes[2].camera.keys;
  REQUIRE(b.size() == 2);
  CHECK(b[0].at_s == doctest::Approx(5.0));
  CHECK(b[0].angles.yaw_deg == doctest::Approx(30.0));
  CHECK(b[1].view == "top");
  // Halfway between front (0) and lateral (90) the eased yaw is 45; before the first key it holds.
  CHECK(evaluate(p->scenes[1].camera, 5.0).yaw_deg == doctest::Approx(45.0));
  CHECK(evaluate(p->scenes[2].camera, 1.0).yaw_deg == doctest::Approx(30.0));
  CHECK(nearest_view(evaluate(p->scenes[1].camera, 20.0)) == "back");
}

TEST_CASE("camera moves between back (180) and medial (-90) turn the short way") {
  CameraPath path;
  path.keys = {{"back", view_angles("back"), 0.0}, {"medial", view_angles("medial"), 10.0}};
  // The short way from 180 to 270 (= -90) passes 225 (= -135), not 45.
  CHECK(evaluate(path, 5.0).yaw_deg == doctest::Approx(-135.0));
}

TEST_CASE("malformed playlists give their specific error, line and key") {
  struct Case {
    const char* name;
    std::string extra;
    int line;
    const char* key;
    const char* says;
  };
  const std::vector<Case> cases{
      {"unknown technique", "[[scene]]\ncaption = \"k\"\nduration_s = 5\ntechnique = \"efleurage\"\n", 10, "scene[1].technique", "effleurage, petrissage"},
      {"unknown area", "[[scene]]\ncaption = \"k\"\nduration_s = 5\nareas = [\"calf\"]\n", 10, "scene[1].areas", "feet, ankles, calves"},
      {"unknown layer", "[[scene]]\ncaption = \"k\"\nduration_s = 5\nlayers = [\"skin\", \"nerves\"]\n", 10, "scene[1].layers", "skin, muscles, bones, veins"},
      {"unknown view", "[[scene]]\ncaption = \"k\"\nduration_s = 5\ncamera = [\"side\"]\n", 10, "scene[1].camera", "front, back, lateral, medial, top"},
      {"typo in a scene", "[[scene]]\ncaption = \"k\"\nduration_s = 5\ncaptoin = \"x\"\n", 10, "scene[1].captoin", "unknown key"},
      {"scene too short for the cross-fade", "[[scene]]\ncaption = \"k\"\nduration_s = 2\n", 9, "scene[1].duration_s", "cross-fade"},
      {"opacity out of range", "[[scene]]\ncaption = \"k\"\nduration_s = 5\nskin_opacity = 1.5\n", 10, "scene[1].skin_opacity", "from 0 to 1"},
      {"view and yaw together", "[[scene]]\ncaption = \"k\"\nduration_s = 5\ncamera = [{ view = \"back\", yaw = 3 }]\n", 10, "scene[1].camera[0].yaw", "not both"},
      {"key time past the scene", "[[scene]]\ncaption = \"k\"\nduration_s = 5\ncamera = [{ view = \"back\", at = 9 }]\n", 10, "scene[1].camera[0].at", "from 0 to 5"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto p = load(c.extra);
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().file == "p.toml");
    CHECK(p.error().line == c.line);
    CHECK(p.error().column > 0);
    CHECK(p.error().key == c.key);
    CHECK_MESSAGE(p.error().message.find(c.says) != std::string::npos, p.error().message);
  }
}

TEST_CASE("playlist-level errors: no disclaimer, bad chord, missing caption text") {
  auto no_disclaimer = load_playlist_string("[[scene]]\ncaption = \"k\"\nduration_s = 9\n", "p.toml",
                                            lesson_test::technique_ids());
  REQUIRE_FALSE(no_disclaimer.has_value());
  CHECK(no_disclaimer.error().key == "scene");
  CHECK(no_disclaimer.error().message.find("disclaimer = true") != std::string::npos);

  auto chord = load_playlist_string("exit_chord = \"q\"\n[[scene]]\ndisclaimer = true\ncaption = \"k\"\nduration_s = 9\n",
                                    "p.toml", lesson_test::technique_ids());
  REQUIRE_FALSE(chord.has_value());
  CHECK(chord.error().line == 1);
  CHECK(chord.error().key == "exit_chord");
  CHECK(chord.error().message.find("no modifier") != std::string::npos);

  Locale en;
  en.set_identity("en", "English", "en.toml");
  en.put("k.disclaimer", {"Education, not advice.", {}, 1});
  auto missing = load_playlist_string(std::string(kHeader) + "[[scene]]\ncaption = \"k.missing\"\nduration_s = 5\n",
                                      "p.toml", lesson_test::technique_ids(), &en);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().line == 8);
  CHECK(missing.error().key == "scene[1].caption");
  CHECK(missing.error().message.find("k.missing") != std::string::npos);

  auto empty = load_playlist_string("language = \"en\"\n", "p.toml", lesson_test::technique_ids());
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().message.find("no scenes") != std::string::npos);
}

TEST_CASE("reload_playlist keeps the last good playlist when the file is broken") {
  const auto file = std::filesystem::temp_directory_path() / ("effleura-playlist-" + std::to_string(::getpid()) + ".toml");
  auto write = [&](const std::string& text) { std::ofstream(file) << text; };
  write(std::string(kHeader));
  Playlist current;
  REQUIRE(reload_playlist(file, lesson_test::technique_ids(), nullptr, current).has_value());
  REQUIRE(current.scenes.size() == 1);
  write(std::string(kHeader) + "[[scene]]\ncaption = \"k\"\nduration_s = 5\ntechnique = \"nope\"\n");
  auto r = reload_playlist(file, lesson_test::technique_ids(), nullptr, current);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().line == 10);
  CHECK(current.scenes.size() == 1);
  std::filesystem::remove(file);
}

TEST_CASE("load_kiosk_content pairs the playlist with the texts of its language") {
  auto k = load_kiosk_content(lesson_test::content("playlists/waiting-room.toml"), lesson_test::content("locales"),
                              lesson_test::technique_ids());
  REQUIRE_MESSAGE(k.has_value(), k.error().describe());
  CHECK(k->locale.id() == k->playlist.language);
  for (const auto& s : k->playlist.scenes) CHECK(k->locale.text(s.caption).front() != '[');
  // A playlist in a language with no locale file names the file it looked for.
  const auto dir = std::filesystem::temp_directory_path() / ("effleura-kiosk-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "p.toml") << "language = \"xx\"\n[[scene]]\ndisclaimer = true\ncaption = \"k\"\nduration_s = 9\n"; }
  auto missing = load_kiosk_content(dir / "p.toml", lesson_test::content("locales"), lesson_test::technique_ids());
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().file.find("xx.toml") != std::string::npos);
  std::filesystem::remove_all(dir);
}
