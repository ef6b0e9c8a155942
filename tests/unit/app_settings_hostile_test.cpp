// The user's settings file (~/.config/effleura/settings.toml) is read at start-up and written
// from the View menu: a FIFO or device planted there, a header toml++ 3.3 does not survive,
// and a planted symlink or FIFO as the write target. Before, the FIFO blocked the start-up
// forever and the write went through std::ofstream (truncate in place, follow symlinks).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>
#include "../support/temp_dir.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/user_settings.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const char* name) { return test::fresh_scratch("settings-hostile", name); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("a FIFO, a folder or a broken header as the settings file gives defaults and one message") {
  const auto dir = scratch("read");
  const auto fifo = dir / "fifo.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_directory(dir / "folder.toml");
  std::ofstream(dir / "header.toml") << "interface_scale = 2.0\n[&]\n";
  for (const char* name : {"fifo.toml", "folder.toml", "header.toml"}) {
    const std::string shown = name;
    CAPTURE(shown);
    std::string problem;
    const app::UserSettings s = app::load_user_settings(dir / name, &problem);  // returns at once
    CHECK(s.interface_scale == doctest::Approx(app::UserSettings{}.interface_scale));
    CHECK(problem.find(name) != std::string::npos);
    CHECK(problem.find("defaults used") != std::string::npos);
    CHECK(problem.find('\n') == std::string::npos);
  }
}

TEST_CASE("saving settings replaces the file whole and never writes through a planted link or FIFO") {
  const auto dir = scratch("write");
  app::UserSettings s;
  s.interface_scale = 1.5f;
  const auto file = dir / "settings.toml";
  const auto victim = dir / "victim.txt";
  std::ofstream(victim) << "keep me";
  fs::create_symlink(victim, file);
  REQUIRE(app::save_user_settings(s, file));
  CHECK(slurp(victim) == "keep me");           // the link was replaced, not followed
  CHECK_FALSE(fs::is_symlink(file));
  CHECK(app::load_user_settings(file).interface_scale == doctest::Approx(1.5f));

  const auto fifo = dir / "fifo.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(app::save_user_settings(s, fifo));  // blocked forever before (no reader)
  struct stat st {};
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  int entries = 0;  // victim.txt, settings.toml, fifo.toml: no temp file left behind
  for (const auto& e : fs::directory_iterator(dir)) {
    CAPTURE(e.path());
    ++entries;
  }
  CHECK(entries == 3);
}
