// `effleura --headless --practice ID --stroke FILE.toml --report FILE.json`: a written stroke
// graded as the window grades a drawn one; the sample "spot the mistake" strokes in docs/practice.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../support/test_models.hpp"
#include "run_binary.hpp"

using effleura::test::run;

namespace {

const std::string kExe = EFFLEURA_EXE;
const std::filesystem::path kDocs = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "docs" / "practice";

struct Graded {
  effleura::test::RunResult run;
  std::string json;
};

Graded practise(const char* technique, const std::filesystem::path& stroke, const char* name) {
  const auto out = effleura::test::temp_dir("cli") / name;
  std::filesystem::remove(out);
  Graded g;
  g.run = run(kExe, std::string("--headless --practice ") + technique + " --stroke '" + stroke.string() +
                        "' --report '" + out.string() + "'");
  g.json = effleura::test::slurp(out);
  return g;
}

bool passes(const std::string& json, const std::string& criterion) {
  const auto at = json.find("\"" + criterion + "\"");
  if (at == std::string::npos) return false;
  const auto pass = json.find("\"pass\"", at);
  return pass != std::string::npos && json.compare(pass, 13, "\"pass\": true,") == 0;
}

}  // namespace

// Two runs of the program (~0.7 s CPU each); the other mistakes are graded in unit_flow's practice cases.
TEST_CASE("practice CLI: the good sample stroke scores full marks, a spot-the-mistake one says what is wrong") {
  const Graded up = practise("effleurage", kDocs / "effleurage-up-the-calf.toml", "up.json");
  REQUIRE_MESSAGE(up.run.status == 0, up.run.err);
  CHECK(effleura::test::number_after(up.json, "\"score\"") == doctest::Approx(1.0));
  for (const char* c : {"safety", "direction", "area", "pressure", "speed"}) CHECK_MESSAGE(passes(up.json, c), c);
  CHECK(up.json.find("\"rules_from_file\": true") != std::string::npos);
  // On the real leg, with its bony landmarks to avoid, the demonstration's own stroke is full marks.
  CHECK(effleura::test::number_after(up.json, "\"demonstration_score\"") == doctest::Approx(1.0));
  CHECK(effleura::test::number_after(up.json, "\"spots_to_avoid\"") >= 5);
  CHECK(up.run.out.find("100 %") != std::string::npos);

  const Graded knee = practise("effleurage", kDocs / "spot-the-mistake-behind-the-knee.toml", "knee.json");
  REQUIRE_MESSAGE(knee.run.status == 0, knee.run.err);
  CHECK_FALSE(passes(knee.json, "safety"));
  CHECK(knee.json.find("behind the knee") != std::string::npos);
}

TEST_CASE("practice CLI: a bad stroke file, or none, is one error line with exit 2 (file:line when there is a file)") {
  const auto dir = effleura::test::temp_dir("cli");
  const auto bad = dir / "bad-stroke.toml";
  std::ofstream(bad) << "[[point]]\nt = 1\nalong = 0.2\naround = 180\npressure = 10\n"
                        "[[point]]\nt = 0.5\nalong = 0.3\naround = 180\npressure = 10\n";
  auto r = run(kExe, "--headless --practice effleurage --stroke '" + bad.string() + "' --report '" +
                         (dir / "bad.json").string() + "'");
  CHECK(r.status == 2);
  CHECK(r.err_lines() == 1);
  CHECK(r.err.find(bad.string() + ":7") != std::string::npos);
  CHECK(r.err.find("does not come after") != std::string::npos);

  r = run(kExe, "--headless --practice effleurage --report '" + (dir / "bad.json").string() + "'");
  CHECK(r.status == 2);
  CHECK(r.err.find("--stroke") != std::string::npos);
}

// A written stroke played into a picture (the frames of --record take the same path): a few
// frames, small, so one run costs ~1.7 s CPU; a bad stroke file writes no picture.
TEST_CASE("practice CLI: --screenshot with --stroke plays the stroke into a picture, a bad stroke file writes none") {
  const auto dir = effleura::test::temp_dir("cli");
  const auto png = dir / "practice-shot.png";
  std::filesystem::remove(png);
  auto r = run(kExe, "--headless --practice effleurage --stroke '" + (kDocs / "effleurage-up-the-calf.toml").string() +
                         "' --screenshot '" + png.string() + "' --size 96x72 --frames 4");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("(96x72)") != std::string::npos);
  CHECK(std::filesystem::file_size(png) > 1000);

  const auto bad = dir / "bad-shot-stroke.toml";
  std::ofstream(bad) << "[[point]]\nt = 0\nalong = 0.2\naround = 180\npressure = -4\n";
  const auto none = dir / "practice-none.png";
  std::filesystem::remove(none);
  r = run(kExe, "--headless --practice effleurage --stroke '" + bad.string() + "' --screenshot '" + none.string() +
                    "' --size 96x72 --frames 4");
  CHECK(r.status == 2);
  CHECK(r.err.find(bad.string() + ":") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(none));
}
