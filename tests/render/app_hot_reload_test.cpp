// Hot reload faults (no GL): a content file replaced by a folder or a FIFO, and the playing
// technique's file deleted and restored. Before, the folder ended the program ("internal
// error"), the FIFO froze it, and a restored file did not resume playback.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "anatomy/model.hpp"
#include "app/reload_notice.hpp"
#include "app/simulation.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

// A private copy of the content, so the test can break it.
app::DataPaths copied_content(const char* name) {
  const auto root = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch" / name;
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(fs::path(EFFLEURA_SOURCE_DIR) / "content", root / "content", fs::copy_options::recursive);
  return {root / "content", fs::path(EFFLEURA_SOURCE_DIR) / "assets"};
}

}  // namespace

TEST_CASE("poses.toml replaced by a folder or a FIFO: the reload fails with a message, the last good stays") {
  const auto paths = copied_content("reload-poses");
  app::Simulation sim;
  anatomy::Model no_model;
  REQUIRE(sim.load(paths, no_model).has_value());
  REQUIRE(sim.select_technique("effleurage").has_value());
  const auto poses = paths.content / "poses.toml";

  fs::remove(poses);
  fs::create_directory(poses);
  auto folder = sim.reload_techniques(paths);
  REQUIRE_FALSE(folder.has_value());
  CHECK(folder.error().describe().find("poses.toml: is a folder") != std::string::npos);
  CHECK(sim.technique() != nullptr);  // still playing the last good content
  CHECK(app::reload_notice(folder, sim).find("Not reloaded, still playing the last good version:\n") == 0);

  fs::remove(poses);
  REQUIRE(::mkfifo(poses.c_str(), 0600) == 0);
  auto fifo = sim.reload_techniques(paths);  // blocked forever before
  REQUIRE_FALSE(fifo.has_value());
  CHECK(fifo.error().message.find("pipe") != std::string::npos);
  CHECK(sim.technique() != nullptr);
}

TEST_CASE("deleting the playing technique's file stops it, restoring the file resumes it") {
  const auto paths = copied_content("reload-technique");
  app::Simulation sim;
  anatomy::Model no_model;
  REQUIRE(sim.load(paths, no_model).has_value());
  REQUIRE(sim.select_technique("effleurage", 2.0).has_value());
  const auto file = paths.content / "techniques" / "effleurage.toml";
  const auto kept = paths.content / "effleurage.toml.kept";
  fs::rename(file, kept);
  const auto gone = sim.reload_techniques(paths);
  CHECK_FALSE(gone.has_value());
  CHECK(sim.technique() == nullptr);
  // The panel said "still playing the last good version" while nothing played.
  const std::string notice = app::reload_notice(gone, sim);
  CHECK(notice.find("still playing") == std::string::npos);
  CHECK(notice.find("Stopped effleurage at 2.0 s") == 0);
  CHECK(notice.find("techniques/effleurage.toml is gone") != std::string::npos);
  CHECK(notice.find("when the file is back") != std::string::npos);

  fs::rename(kept, file);
  const auto back = sim.reload_techniques(paths);
  REQUIRE(back.has_value());
  CHECK(app::reload_notice(back, sim).empty());  // the notice goes with the fault
  REQUIRE(sim.technique() != nullptr);
  CHECK(sim.technique()->id == "effleurage");
  REQUIRE(sim.playback() != nullptr);
  CHECK(sim.playback()->playing());
  CHECK(sim.playback()->time() == doctest::Approx(2.0));
}
