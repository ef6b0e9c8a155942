// What --help (and so the man page) says of EFFLEURA_X264_PRESET's default is what a recording
// uses: --help said veryfast after session 22 made ultrafast the default (record_runner.cpp).
// x264 writes its settings into the stream ("x264 - core ... - options: cabac=0 ref=1 ..."),
// so a recording with the variable unset and one with it set to the preset --help names carry
// the same options exactly when --help is right (ultrafast and veryfast differ in cabac, ref,
// me, subme and more).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../support/sanitizer.hpp"
#include "../support/test_models.hpp"
#include "run_binary.hpp"

using effleura::test::run;

namespace {

const std::string kExe = EFFLEURA_EXE;

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The preset --help gives as the default: "EFFLEURA_X264_PRESET ... (default NAME;" or ")".
std::string help_default_preset() {
  const std::string help = run(kExe, "--help").out;
  const auto line = help.find("EFFLEURA_X264_PRESET");
  if (line == std::string::npos) return {};
  const auto at = help.find("(default ", line);
  if (at == std::string::npos || at > help.find('\n', line)) return {};
  const auto from = at + 9;
  return help.substr(from, help.find_first_of(";)", from) - from);
}

// x264's options string in an MP4, or empty when the stream holds none (another encoder).
std::string x264_options(const std::filesystem::path& video) {
  const std::string bytes = effleura::test::slurp(video);
  const auto at = bytes.find("options: ");
  if (bytes.find("x264 - core") == std::string::npos || at == std::string::npos) return {};
  return bytes.substr(at, bytes.find('\0', at) - at);
}

}  // namespace

// Release pass only: two recordings that check a sentence, not memory (CI's sanitized pass
// records in show_cli_test already).
TEST_CASE("the x264 preset --help names as the default is the one a recording uses" *
          doctest::skip(effleura::test::kSanitized)) {
  if (std::system("command -v ffmpeg >/dev/null 2>&1") != 0) {
    MESSAGE("ffmpeg not installed; preset check skipped");
    return;
  }
  const std::string preset = help_default_preset();
  REQUIRE_MESSAGE(!preset.empty(), "--help gives no default for EFFLEURA_X264_PRESET");
  const auto dir = effleura::test::temp_dir("record-preset");
  // Three frames at 64x64: a fraction of a second; the options string is the same at any length.
  const std::string args = " --technique effleurage --seconds 0.3 --size 64x64 --fps 10";
  const auto unset = dir / "unset.mp4", named = dir / ("named-" + preset + ".mp4");
  auto a = run(kExe, "--record " + q(unset) + args, "env -u EFFLEURA_X264_PRESET");
  REQUIRE_MESSAGE(a.status == 0, a.err);
  const std::string by_default = x264_options(unset);
  if (by_default.empty()) {
    MESSAGE("this ffmpeg does not encode with x264; preset check skipped");
    return;
  }
  auto b = run(kExe, "--record " + q(named) + args, "EFFLEURA_X264_PRESET=" + preset);
  REQUIRE_MESSAGE(b.status == 0, b.err);
  CHECK_MESSAGE(x264_options(named) == by_default, "--help says the default is ", preset, "; unset gives ", by_default);
}
