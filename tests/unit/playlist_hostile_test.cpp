// The playlist replaced by a folder or a FIFO while the kiosk runs: the reload fails with one
// line and the last good playlist stays (a folder ended the program before; a FIFO froze it).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "lesson/playlist.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;
using namespace effleura::lesson;
namespace fs = std::filesystem;

TEST_CASE("a playlist replaced by a folder or a FIFO keeps the last good one") {
  const auto file = fs::temp_directory_path() / ("effleura-hostile-playlist-" + std::to_string(::getpid()) + ".toml");
  fs::remove_all(file);
  fs::copy_file(lesson_test::content("playlists/waiting-room.toml"), file);
  Playlist current;
  REQUIRE(reload_playlist(file, lesson_test::technique_ids(), nullptr, current).has_value());
  const auto scenes = current.scenes.size();
  REQUIRE(scenes > 0);

  fs::remove(file);
  fs::create_directory(file);
  auto folder = reload_playlist(file, lesson_test::technique_ids(), nullptr, current);
  REQUIRE_FALSE(folder.has_value());
  CHECK(folder.error().message == "is a folder, not a file");
  CHECK(current.scenes.size() == scenes);

  fs::remove(file);
  REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  auto fifo = reload_playlist(file, lesson_test::technique_ids(), nullptr, current);
  REQUIRE_FALSE(fifo.has_value());
  CHECK(fifo.error().message.find("pipe") != std::string::npos);
  CHECK(current.scenes.size() == scenes);
  fs::remove(file);
}
