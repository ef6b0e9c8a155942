// Hostile command lines and files, as a tester tried them: FIFOs and devices where files
// belong, options that were silently ignored or conflicting, output targets that are not
// regular files, huge values. Each gives one line naming what is wrong and exit 2, at once.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../support/test_models.hpp"
#include "run_binary.hpp"

using effleura::test::run;
namespace fs = std::filesystem;

namespace {

const std::string kExe = EFFLEURA_EXE;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

fs::path scratch() { return effleura::test::temp_dir("cli-hostile"); }

fs::path fifo(const std::string& name) {
  const auto p = scratch() / name;
  fs::remove_all(p);
  REQUIRE(::mkfifo(p.c_str(), 0600) == 0);
  return p;
}

fs::path lathe() {
  const auto p = scratch() / "lathe.obj";
  effleura::test::write_lathe_obj(p);
  return p;
}

void check_one_line(const effleura::test::RunResult& r, const std::string& needle) {
  CHECK_MESSAGE(r.status == 2, r.err);
  CHECK_MESSAGE(r.err_lines() == 1, r.err);
  CHECK_MESSAGE(r.err.find(needle) != std::string::npos, r.err);
}

}  // namespace

TEST_CASE("a FIFO as --model, --areas, --lesson or --playlist is refused at once (each blocked forever before)") {
  const auto shot = q(scratch() / "x.png");
  const auto model = fifo("model.glb");
  check_one_line(run(kExe, "--headless --screenshot " + shot + " --model " + q(model)), model.string() + ": is a pipe");
  const auto areas = fifo("areas.toml");
  check_one_line(run(kExe, "--headless --screenshot " + shot + " --model " + q(lathe()) + " --areas " + q(areas)),
                 "is a pipe");
  const auto lesson = fifo("lesson.toml");
  check_one_line(run(kExe, "--record " + q(scratch() / "l.mp4") + " --lesson " + q(lesson)), "--lesson: is a pipe");
  const auto playlist = fifo("playlist.toml");
  check_one_line(run(kExe, "--kiosk --headless --playlist " + q(playlist)), "is a pipe");
}

TEST_CASE("--playlist /dev/zero is refused instead of read until memory runs out") {
  check_one_line(run(kExe, "--kiosk --headless --playlist /dev/zero"), "/dev/zero: --playlist: is a device");
}

TEST_CASE("a FIFO as content/areas.toml is refused with its path") {
  const auto content = scratch() / "content";
  fs::remove_all(content);
  fs::copy(fs::path(EFFLEURA_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
  fs::remove(content / "areas.toml");
  REQUIRE(::mkfifo((content / "areas.toml").c_str(), 0600) == 0);
  check_one_line(run(kExe, "--headless --screenshot " + q(scratch() / "x.png") + " --size 64x64 --content " + q(content)),
                 (content / "areas.toml").string());
}

TEST_CASE("--headless with --lesson or --playlist and no recording is an error, not a silent exit 0") {
  check_one_line(run(kExe, "--headless --lesson " + q(scratch() / "missing.toml")), "--headless makes one screenshot");
  const auto lesson = fs::path(EFFLEURA_SOURCE_DIR) / "content" / "lessons";
  REQUIRE(fs::is_directory(lesson));
  check_one_line(run(kExe, "--headless --playlist " + q(scratch() / "missing.toml")), "--playlist");
  check_one_line(run(kExe, "--record " + q(scratch() / "l.mp4") + " --lesson " + q(scratch() / "missing.toml")),
                 "--lesson: no such file");
}

TEST_CASE("--bench with --kiosk, --record or --simulate is refused instead of ignored") {
  check_one_line(run(kExe, "--bench --kiosk"), "--bench cannot be combined with --kiosk");
  check_one_line(run(kExe, "--bench --record " + q(scratch() / "b.mp4")), "--bench cannot be combined with --record");
  check_one_line(run(kExe, "--bench --simulate rest --report " + q(scratch() / "r.json")),
                 "--bench cannot be combined with --simulate");
}

TEST_CASE("options another mode reads are refused instead of dropped without a word") {
  const std::string report = " --report " + q(scratch() / "r.json");
  check_one_line(run(kExe, "--simulate rest" + report + " --record " + q(scratch() / "s.mp4")),
                 "--simulate writes a report and draws nothing; it cannot be combined with --record");
  check_one_line(run(kExe, "--simulate rest" + report + " --screenshot " + q(scratch() / "s.png")),
                 "cannot be combined with --screenshot");
  check_one_line(run(kExe, "--simulate rest" + report + " --technique effleurage"), "name the technique in --simulate");
  check_one_line(run(kExe, "--hand-report " + q(scratch() / "h.json") + " --kiosk"),
                 "--hand-report writes a report and draws nothing; it cannot be combined with --kiosk");
  check_one_line(run(kExe, "--screenshot " + q(scratch() / "a.png") + " --record " + q(scratch() / "a.mp4")),
                 "--screenshot writes one picture; it cannot be combined with --record");
  check_one_line(run(kExe, "--headless --screenshot " + q(scratch() / "b.png") + " --seconds 5"), "--seconds sets the length");
  check_one_line(run(kExe, "--headless --screenshot " + q(scratch() / "c.png") + " --stocking 20"), "--stocking is used by --simulate only");
  check_one_line(run(kExe, "--headless --screenshot " + q(scratch() / "d.png") + " --incompetent aorta"),
                 "--incompetent: unknown vein 'aorta'");
  check_one_line(run(kExe, "--hand-report " + q(scratch() / "h2.json") + " --incompetent great-saphenous"),
                 "--incompetent leaks valves in the flow model, which --hand-report does not run");
  check_one_line(run(kExe, "--headless --screenshot " + q(scratch() / "e.png") + " --at 3"), "--at needs --technique");
  check_one_line(run(kExe, "--headless --screenshot " + q(scratch() / "f.png") + " --speed 0.5"), "--speed needs --technique");
  for (const char* n : {"a.png", "b.png", "c.png", "d.png", "e.png", "f.png"}) CHECK_FALSE(fs::exists(scratch() / n));
}

TEST_CASE("a screenshot over a FIFO is refused and the FIFO is left in place") {
  const auto target = fifo("shot.png");
  check_one_line(run(kExe, "--headless --size 64x64 --model " + q(lathe()) + " --screenshot " + q(target)),
                 "not a regular file");
  struct stat st {};
  REQUIRE(::lstat(target.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("bad --record paths fail before any frame is rendered") {
  auto nodir = run(kExe, "--record /nonexistent/effleura/out.mp4 --technique effleurage --seconds 1 --size 64x64");
  check_one_line(nodir, "does not exist");
  CHECK(nodir.out.find("frame") == std::string::npos);
  check_one_line(run(kExe, "--record " + q(scratch() / "out.txt") + " --technique effleurage --seconds 1"), ".mp4");
  check_one_line(run(kExe, "--record /dev/full --technique effleurage --seconds 1"), "not a regular file");
}

TEST_CASE("a huge bad value is echoed on one short line") {
  auto r = run(kExe, "--speed " + std::string(100'000, '9') + "x");
  check_one_line(r, "--speed");
  CHECK(r.err.size() < 1000);
}
