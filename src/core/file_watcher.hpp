#pragma once
// Polling file watcher for hot reload: remembers each watched file's modification time and size
// (a folder: every regular file below it) and reports when anything differs. No threads: the app
// calls poll(dt) every frame and the watcher looks at the disk at most every `interval` seconds
// (0.5 s by default, so an edit is noticed within a second).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace effleura {

class FileWatcher {
 public:
  explicit FileWatcher(double interval_s = 0.5) : interval_(interval_s) {}

  // Adds a file or folder and records its current state.
  void watch(const std::filesystem::path& path);
  // Compares with the last snapshot now; true if a file changed, appeared or disappeared.
  // The new state becomes the snapshot, so each change is reported once.
  [[nodiscard]] bool changed();
  // Accumulates dt and calls changed() once the interval has passed; false in between.
  [[nodiscard]] bool poll(double dt);
  // Paths that differed in the last change (for messages).
  [[nodiscard]] const std::vector<std::filesystem::path>& last_changes() const { return changes_; }

 private:
  struct Entry {
    std::filesystem::path path;
    std::int64_t mtime = 0;
    std::uintmax_t size = 0;
    bool exists = false;
  };
  [[nodiscard]] std::vector<Entry> scan() const;

  std::vector<std::filesystem::path> roots_;
  std::vector<Entry> snapshot_;
  std::vector<std::filesystem::path> changes_;
  double interval_;
  double since_ = 0.0;
};

}  // namespace effleura
