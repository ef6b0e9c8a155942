#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "technique/technique_loader.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// A valid technique; each malformed case changes one line of it (line numbers below count
// from 1 in this text).
const std::string kValid = R"(name = "Test"
summary = "A technique for testing the loader."
areas = ["calves"]
direction = "toward-heart"
pressure = "light"
pressure_mmhg = 20
tempo = 10
repetitions = 1
views = ["back"]
cautions = ["none"]
evidence = "Shoemaker 1997"

[[step]]
caption = "c"
attend = "a"
duration = 2.0
left = [
  { t = 0.0, along = 0.2, around = 200, pose = "flat-palm", pressure = 10 },
  { t = 2.0, along = 0.3, around = 200, pose = "flat-palm", pressure = 10 },
]
right = [
  { t = 0.0, along = 0.2, around = 160, pose = "flat-palm", pressure = 10 },
  { t = 2.0, along = 0.3, around = 160, pose = "flat-palm", pressure = 10 },
]
)";

std::filesystem::path temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("effleura-technique-test-" + name + "-" +
                    std::to_string(std::hash<std::string>{}(EFFLEURA_BINARY_DIR)));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string replace_line(std::string text, int line, const std::string& with) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  const std::size_t end = text.find('\n', start);
  return text.replace(start, end - start, with);
}

struct Case {
  const char* what;
  int line;             // the line to change (0: none)
  std::string with;     // its new text
  int error_line;       // where the error must point
  std::string key_end;  // the error key ends with this
  std::string message;  // the message contains this
};

}  // namespace

TEST_CASE("loader: the valid template loads (so each malformed case fails for its own reason)") {
  const auto dir = temp_dir("valid");
  write(dir / "test.toml", kValid);
  auto t = load_technique_file(dir / "test.toml", test::real_poses());
  REQUIRE_MESSAGE(t.has_value(), (t ? "" : t.error().describe()));
  CHECK(t->id == "test");
  CHECK(t->steps.size() == 1);
  CHECK(t->steps[0].hands[1][1].b == doctest::Approx(160.0 * 3.14159265 / 180.0));
}

TEST_CASE("loader: each malformed technique gets its own located error, nothing crashes") {
  const std::vector<Case> cases{
      {"unknown area", 3, R"(areas = ["calves", "knees"])", 3, "areas", "unknown area 'knees'"},
      {"unknown pose", 19, R"(  { t = 2.0, along = 0.3, around = 200, pose = "karate-chop", pressure = 10 },)", 19,
       "step[0].left[1].pose", "unknown pose 'karate-chop'"},
      {"unknown hand", 21, "middle = [", 21, "middle", "unknown hand 'middle'"},
      {"times out of order", 19, R"(  { t = 0.0, along = 0.3, around = 200, pose = "flat-palm", pressure = 10 },)", 19,
       "step[0].left[1].t", "keyframe times must increase"},
      {"negative pressure", 22, R"(  { t = 0.0, along = 0.2, around = 160, pose = "flat-palm", pressure = -5 },)", 22,
       "step[0].right[0].pressure", "must not be negative"},
      {"typo in a key", 7, "tempoo = 10", 7, "tempoo", "unknown key"},
      {"wrong type", 7, R"(tempo = "fast")", 7, "tempo", "found a string"},
      {"pressure outside its band", 6, "pressure_mmhg = 80", 6, "pressure_mmhg", "for 'light' pressure"},
      {"firm pressure behind the knee", 18,
       R"(  { t = 0.0, along = 0.48, around = 185, pose = "flat-palm", pressure = 40 },)", 18,
       "step[0].left[0].pressure", "behind the knee only light pressure"},
      {"syntax error", 2, R"(summary = "unterminated)", 2, "", "TOML syntax error"},
      {"last key before the end", 16, "duration = 3.0", 19, "step[0].left[1].t", "t = duration"},
      {"lifted hand pressing", 18,
       R"(  { t = 0.0, along = 0.2, around = 200, pose = "flat-palm", contact = false, lift_mm = 20, pressure = 10 },)",
       18, "step[0].left[0].pressure", "pressure must be 0 when contact = false"},
      {"repetitions disagree", 8, "repetitions = 3", 8, "repetitions", "repeat 1 cycles in all"},
      {"along off the leg", 22, R"(  { t = 0.0, along = 1.5, around = 160, pose = "flat-palm", pressure = 10 },)", 22,
       "step[0].right[0].along", "expected a number from 0 to 0.95"},
      {"unknown surface", 22,
       R"(  { t = 0.0, surface = "arm", along = 0.2, around = 160, pose = "flat-palm", pressure = 10 },)", 22,
       "step[0].right[0].surface", "expected one of: leg, sole"},
      {"ankle beyond its range", 20, "]\nankle = [ { t = 0.0, angle = 0 }, { t = 2.0, angle = 60 } ]", 21,
       "step[0].ankle[1].angle", "expected a number from -45 to 25"},
      {"unknown direction", 4, R"(direction = "sideways")", 4, "direction", "toward-heart, circular"},
      {"unknown view", 9, R"(views = ["back", "underneath"])", 9, "views", "unknown view 'underneath'"},
      {"tissue on a lifted hand", 18,
       R"(  { t = 0.0, along = 0.2, around = 200, pose = "flat-palm", contact = false, lift_mm = 20, tissue_mm = 5 },)",
       18, "step[0].left[0].tissue_mm", "tissue_mm must be 0 when contact = false"},
      {"tissue lifted too far", 18,
       R"(  { t = 0.0, along = 0.2, around = 200, pose = "flat-palm", pressure = 10, tissue_mm = 40 },)", 18,
       "step[0].left[0].tissue_mm", "expected a number from -10 to 20"},
      {"tap too fast", 16, "duration = 2.0\ntap = { hz = 40, lift_mm = 10 }", 17, "step[0].tap.hz",
       "expected a number from 0.5 to 10"},
      {"tap names an unknown hand", 16, "duration = 2.0\ntap = { hz = 4, lift_mm = 10, hands = [\"left\", \"foot\"] }", 17,
       "step[0].tap.hands", "expected \"left\" and/or \"right\", got \"foot\""},
      {"knee bent past the skin's checked range", 20, "]\nknee = [ { t = 0.0, angle = 0 }, { t = 2.0, angle = 150 } ]", 21,
       "step[0].knee[1].angle", "expected a number from 0 to 120"},
      {"knee keyframes that stop short of the step's end", 20, "]\nknee = [ { t = 0.0, angle = 0 }, { t = 1.5, angle = 90 } ]",
       21, "step[0].knee[1].t", "the last knee keyframe must be at t = duration"},
      {"camera turned past the side", 16, "duration = 2.0\ncamera_turn = 120", 17, "step[0].camera_turn",
       "expected a number from -90 to 90"},
      {"step camera beyond one turn", 16, "duration = 2.0\ncamera = { around = 400 }", 17, "step[0].camera.around",
       "expected a number from -360 to 360"},
      {"step camera looking along the leg", 16, "duration = 2.0\ncamera = { around = 90, tilt = -85 }", 17,
       "step[0].camera.tilt", "expected a number from -80 to 80"},
      {"step camera framing nothing", 16, "duration = 2.0\ncamera = { around = 90, scale = 0 }", 17,
       "step[0].camera.scale", "expected a number from 0.5 to 3"},
      {"step camera without its direction", 16, "duration = 2.0\ncamera = { tilt = 10 }", 17, "step[0].camera.around",
       "missing"},
      {"step camera with a mistyped key", 16, "duration = 2.0\ncamera = { around = 90, zoom = 2 }", 17,
       "step[0].camera.zoom", "unknown key"},
      {"step camera that is not a table", 16, "duration = 2.0\ncamera = 90", 17, "step[0].camera",
       "expected a table"},
      {"step camera and a turn of the searched view", 16, "duration = 2.0\ncamera_turn = 20\ncamera = { around = 90 }",
       17, "step[0].camera_turn", "not both"},
      {"sitting camera beyond one turn", 16, "duration = 2.0\nsitting_camera = { around = -400 }", 17,
       "step[0].sitting_camera.around", "expected a number from -360 to 360"},
      {"client rolling an unknown way", 16, "duration = 2.0\nclient_turn = \"sideways\"", 17, "step[0].client_turn",
       "expected one of: inner-up, outer-up"},
      {"therapist placed nowhere known", 16, "duration = 2.0\nsitting_stance = \"behind\"", 17, "step[0].sitting_stance",
       "expected one of: side, front"},
      {"sitting hands on no known side of the leg", 16, "duration = 2.0\nsitting_side = \"behind\"", 17,
       "step[0].sitting_side", "expected one of: outer, inner"},
  };
  const auto dir = temp_dir("bad");
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const std::string text = c.line > 0 ? replace_line(kValid, c.line, c.with) : kValid;
    write(dir / "bad.toml", text);
    auto t = load_technique_file(dir / "bad.toml", test::real_poses());
    REQUIRE_FALSE(t.has_value());
    const Error& e = t.error();
    CAPTURE(e.describe());
    CHECK(e.file == (dir / "bad.toml").string());
    CHECK(e.line == c.error_line);
    CHECK(e.column > 0);
    CHECK(e.key.size() >= c.key_end.size());
    CHECK(e.key.substr(e.key.size() - std::min(e.key.size(), c.key_end.size())) == c.key_end);
    CHECK(e.message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("loader: a step's own cameras (lying, sitting) are read in degrees and a scale, and a step without has none") {
  const auto dir = temp_dir("step-camera");
  write(dir / "pinned.toml", replace_line(kValid, 16, "duration = 2.0\ncamera = { around = 135, tilt = -20, scale = 1.4 }\n"
                                                      "sitting_camera = { around = 200, tilt = 30 }"));
  auto pinned = load_technique_file(dir / "pinned.toml", test::real_poses());
  REQUIRE_MESSAGE(pinned.has_value(), (pinned ? "" : pinned.error().describe()));
  REQUIRE(pinned->steps.size() == 1);
  REQUIRE(pinned->steps[0].camera.has_value());
  CHECK(pinned->steps[0].camera->around_deg == doctest::Approx(135.0));
  CHECK(pinned->steps[0].camera->tilt_deg == doctest::Approx(-20.0));
  CHECK(pinned->steps[0].camera->scale == doctest::Approx(1.4));
  REQUIRE(pinned->steps[0].sitting_camera.has_value());
  CHECK(pinned->steps[0].sitting_camera->around_deg == doctest::Approx(200.0));
  CHECK(pinned->steps[0].sitting_camera->tilt_deg == doctest::Approx(30.0));
  CHECK(pinned->steps[0].sitting_camera->scale == 1.0f);
  // Only the direction given: straight across the leg, framed as the search frames it.
  // The table form, under the step's keyframes: [step.camera] names the last [[step]]'s.
  write(dir / "around.toml", kValid + "[step.camera]\naround = 90\n");
  auto around = load_technique_file(dir / "around.toml", test::real_poses());
  REQUIRE_MESSAGE(around.has_value(), (around ? "" : around.error().describe()));
  REQUIRE(around->steps[0].camera.has_value());
  CHECK(around->steps[0].camera->around_deg == doctest::Approx(90.0));
  CHECK(around->steps[0].camera->tilt_deg == 0.0f);
  CHECK(around->steps[0].camera->scale == 1.0f);
  CHECK_FALSE(around->steps[0].sitting_camera.has_value());
  write(dir / "searched.toml", kValid);
  auto searched = load_technique_file(dir / "searched.toml", test::real_poses());
  REQUIRE(searched.has_value());
  CHECK_FALSE(searched->steps[0].camera.has_value());
  CHECK_FALSE(searched->steps[0].sitting_camera.has_value());
}

TEST_CASE("loader: a step's sitting side is read as +1 outer or -1 inner, and a step without leaves it to the keys") {
  const auto dir = temp_dir("sitting-side");
  write(dir / "outer.toml", replace_line(kValid, 16, "duration = 2.0\nsitting_side = \"outer\""));
  auto outer = load_technique_file(dir / "outer.toml", test::real_poses());
  REQUIRE_MESSAGE(outer.has_value(), (outer ? "" : outer.error().describe()));
  CHECK(outer->steps[0].sitting_side == 1.0f);
  write(dir / "inner.toml", replace_line(kValid, 16, "duration = 2.0\nsitting_side = \"inner\""));
  auto inner = load_technique_file(dir / "inner.toml", test::real_poses());
  REQUIRE_MESSAGE(inner.has_value(), (inner ? "" : inner.error().describe()));
  CHECK(inner->steps[0].sitting_side == -1.0f);
  write(dir / "keys.toml", kValid);
  auto keys = load_technique_file(dir / "keys.toml", test::real_poses());
  REQUIRE(keys.has_value());
  CHECK(keys->steps[0].sitting_side == 0.0f);
}

TEST_CASE("loader: a missing hand, an empty file and binary junk are errors, not crashes") {
  const auto dir = temp_dir("junk");
  std::string no_right = kValid.substr(0, kValid.find("right = ["));
  write(dir / "a.toml", no_right);
  auto a = load_technique_file(dir / "a.toml", test::real_poses());
  REQUIRE_FALSE(a.has_value());
  CHECK(a.error().line == 13);  // the [[step]] that lacks it
  CHECK(a.error().message.find("both hands") != std::string::npos);

  write(dir / "b.toml", "");
  auto b = load_technique_file(dir / "b.toml", test::real_poses());
  REQUIRE_FALSE(b.has_value());
  CHECK(b.error().key == "name");

  write(dir / "c.toml", std::string("\x00\xff\xfe[[[\x01", 7));
  CHECK_FALSE(load_technique_file(dir / "c.toml", test::real_poses()).has_value());
  CHECK_FALSE(load_technique_file(dir / "missing.toml", test::real_poses()).has_value());
  CHECK_FALSE(load_techniques(dir / "no-such-folder", test::real_poses()).has_value());
}

TEST_CASE("loader: poses.toml errors are located too") {
  auto p = load_poses_from_string("[flat-palm]\nthumb = [1, 2]\n", "poses.toml");
  REQUIRE_FALSE(p.has_value());
  CHECK(p.error().line == 2);
  CHECK(p.error().key == "flat-palm.thumb");
  auto q = load_poses_from_string(
      "[odd]\nthumb=[0,0,0]\nindex=[0,0,0]\nmiddle=[0,0,0]\nring=[0,0,0]\nlittle=[0,0,200]\ncontact_radius_mm=10\n",
      "poses.toml");
  REQUIRE_FALSE(q.has_value());
  CHECK(q.error().line == 6);
  CHECK(q.error().message.find("-30 to 110") != std::string::npos);
  // A complete file that lacks one of the six poses techniques rely on.
  auto r = load_poses_from_string(
      "[flat-palm]\nthumb=[0,0,0]\nindex=[0,0,0]\nmiddle=[0,0,0]\nring=[0,0,0]\nlittle=[0,0,0]\ncontact_radius_mm=40\n",
      "poses.toml");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("kneading-grip") != std::string::npos);
  // The intention keys: an unknown part and a curl past any joint, each at its line.
  const std::string fingers = "thumb=[0,0,0]\nindex=[0,0,0]\nmiddle=[0,0,0]\nring=[0,0,0]\nlittle=[0,0,0]\n";
  auto s = load_poses_from_string("[odd]\n" + fingers + "contact_radius_mm=10\ntouch = [\"palm\", \"elbow\"]\n",
                                  "poses.toml");
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().line == 8);
  CHECK(s.error().column > 0);
  CHECK(s.error().key == "odd.touch");
  CHECK(s.error().message.find("unknown part 'elbow'") != std::string::npos);
  auto u = load_poses_from_string("[odd]\n" + fingers + "contact_radius_mm=10\nmax_curl = 150\n", "poses.toml");
  REQUIRE_FALSE(u.has_value());
  CHECK(u.error().line == 8);
  CHECK(u.error().key == "odd.max_curl");
  auto v = load_poses_from_string("[odd]\n" + fingers + "contact_radius_mm=10\ntouch = []\n", "poses.toml");
  REQUIRE_FALSE(v.has_value());
  CHECK(v.error().line == 8);
  CHECK(v.error().message.find("at least one part") != std::string::npos);
  // A palm held off the skin (palm_gap_mm) belongs to a grip whose palm is meant to touch.
  auto w = load_poses_from_string("[odd]\n" + fingers + "contact_radius_mm=10\ntouch = [\"fingers\"]\npalm_gap_mm = 8\n",
                                  "poses.toml");
  REQUIRE_FALSE(w.has_value());
  CHECK(w.error().line == 9);
  CHECK(w.error().key == "odd.palm_gap_mm");
  CHECK(w.error().message.find("\"palm\" in touch") != std::string::npos);
}

TEST_CASE("poses: touch and max_curl become the pose's intention") {
  const PoseLibrary& poses = test::real_poses();
  const FingerPose& flat = poses.at(*poses.index("flat-palm"));
  const FingerPose& tips = poses.at(*poses.index("fingertips"));
  CHECK(flat.palm_touch == 1.0f);
  for (std::size_t f = 0; f < kFingerCount; ++f) CHECK(flat.reach[f] == 1.0f);
  CHECK(tips.palm_touch == 0.0f);
  CHECK(tips.reach[static_cast<std::size_t>(Finger::index)] == 1.0f);
  CHECK(tips.reach[static_cast<std::size_t>(Finger::little)] == 0.0f);
  // Blending moves the intention gradually, like the angles.
  const FingerPose half = blend(flat, tips, 0.5f);
  CHECK(half.palm_touch == doctest::Approx(0.5f));
  CHECK(half.max_curl_deg == doctest::Approx(0.5f * (flat.max_curl_deg + tips.max_curl_deg)));
  // Petrissage's C grip holds its palm off the skin, more as it squeezes; blended gradually.
  const FingerPose& open = poses.at(*poses.index("kneading-c"));
  const FingerPose& squeeze = poses.at(*poses.index("kneading-squeeze"));
  CHECK(flat.palm_gap_m == 0.0f);
  CHECK(open.palm_gap_m == doctest::Approx(0.005f));
  CHECK(squeeze.palm_gap_m == doctest::Approx(0.013f));
  CHECK(blend(open, squeeze, 0.5f).palm_gap_m == doctest::Approx(0.009f));
}

TEST_CASE("hot reload: a broken edit leaves the last good library in place, a good one replaces it") {
  const auto dir = temp_dir("reload");
  write(dir / "test.toml", kValid);
  auto lib = load_techniques(dir, test::real_poses());
  REQUIRE(lib.has_value());
  REQUIRE(lib->find("test") != nullptr);
  CHECK(lib->find("test")->tempo == 10.0f);

  write(dir / "test.toml", replace_line(kValid, 7, "tempo = -3"));
  auto bad = reload_techniques(dir, test::real_poses(), *lib);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().line == 7);
  CHECK(lib->find("test")->tempo == 10.0f);  // untouched

  write(dir / "test.toml", replace_line(kValid, 7, "tempo = 12"));
  REQUIRE(reload_techniques(dir / "test.toml", test::real_poses(), *lib).has_value());
  CHECK(lib->size() == 1);
  CHECK(lib->find("test")->tempo == 12.0f);

  // A second file joins; a broken second file fails the whole folder reload.
  write(dir / "other.toml", kValid);
  REQUIRE(reload_techniques(dir, test::real_poses(), *lib).has_value());
  CHECK(lib->size() == 2);
  write(dir / "other.toml", replace_line(kValid, 3, R"(areas = ["nose"])"));
  auto bad2 = reload_techniques(dir, test::real_poses(), *lib);
  REQUIRE_FALSE(bad2.has_value());
  CHECK(bad2.error().file.find("other.toml") != std::string::npos);
  CHECK(lib->size() == 2);
}

TEST_CASE("hot reload: poses and techniques reload together or not at all") {
  const auto dir = temp_dir("content");
  std::filesystem::create_directories(dir / "techniques");
  std::filesystem::copy_file(test::content_dir() / "poses.toml", dir / "poses.toml");
  write(dir / "techniques" / "test.toml", kValid);
  PoseLibrary poses;
  TechniqueLibrary lib;
  REQUIRE(reload_content(dir / "poses.toml", dir / "techniques", poses, lib).has_value());
  CHECK(poses.size() == test::real_poses().size());
  CHECK(lib.size() == 1);
  // Poses fine, technique broken: neither changes.
  std::ofstream(dir / "poses.toml", std::ios::app) << "\n[extra]\nthumb=[0,0,0]\nindex=[0,0,0]\nmiddle=[0,0,0]\nring=[0,0,0]\nlittle=[0,0,0]\ncontact_radius_mm=20\n";
  write(dir / "techniques" / "test.toml", replace_line(kValid, 5, R"(pressure = "crushing")"));
  auto bad = reload_content(dir / "poses.toml", dir / "techniques", poses, lib);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().line == 5);
  CHECK(poses.size() == test::real_poses().size());
  CHECK_FALSE(poses.index("extra").has_value());
  write(dir / "techniques" / "test.toml", kValid);
  REQUIRE(reload_content(dir / "poses.toml", dir / "techniques", poses, lib).has_value());
  CHECK(poses.index("extra").has_value());
}
