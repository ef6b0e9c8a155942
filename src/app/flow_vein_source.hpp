#pragma once
// Whether a vein network is what its file (veins.toml) holds now: the Blood flow panel's worker
// asks on every request before it lets the start-up cache, keyed by the file's bytes, answer for
// the network on screen (a veins.toml edited after it was read, or one that failed to reload so
// the last good network stays, is another leg). It used to read and parse the file each time;
// the parse (milliseconds) now happens only when the file's bytes changed since the last ask.
#include <filesystem>
#include <optional>
#include <string>

#include "anatomy/vein_network.hpp"

namespace effleura::app {

class VeinSource {
 public:
  explicit VeinSource(std::filesystem::path path) : path_(std::move(path)) {}

  // True when the file can be read, parses, and holds exactly `network`. Reads the file's bytes
  // every time (a few kilobytes); parses them only when they differ from the last call's.
  [[nodiscard]] bool holds(const anatomy::VeinNetwork& network);
  [[nodiscard]] int parses() const { return parses_; }  // how often the file was parsed (tests)

 private:
  std::filesystem::path path_;
  std::optional<std::string> bytes_;             // the file as last read
  std::optional<anatomy::VeinNetwork> network_;  // what those bytes parse to; none if they do not
  int parses_ = 0;
};

}  // namespace effleura::app
