#include "core/file_watcher.hpp"

#include <algorithm>
#include <system_error>

namespace effleura {
namespace {

void stat_into(const std::filesystem::path& p, std::vector<std::filesystem::path>& out) {
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) {
    for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) out.push_back(it->path());
  } else {
    out.push_back(p);  // a missing file is watched too: its appearance is a change
  }
}

}  // namespace

std::vector<FileWatcher::Entry> FileWatcher::scan() const {
  std::vector<std::filesystem::path> files;
  for (const auto& r : roots_) stat_into(r, files);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::vector<Entry> out;
  out.reserve(files.size());
  for (const auto& f : files) {
    Entry e{f};
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(f, ec);
    if (!ec) {
      e.mtime = static_cast<std::int64_t>(t.time_since_epoch().count());
      e.size = std::filesystem::file_size(f, ec);
      e.exists = !ec;
    }
    out.push_back(std::move(e));
  }
  return out;
}

void FileWatcher::watch(const std::filesystem::path& path) {
  roots_.push_back(path);
  snapshot_ = scan();
}

bool FileWatcher::changed() {
  since_ = 0.0;
  std::vector<Entry> now = scan();
  changes_.clear();
  std::size_t i = 0, j = 0;
  while (i < snapshot_.size() || j < now.size()) {
    if (j == now.size() || (i < snapshot_.size() && snapshot_[i].path < now[j].path)) {
      if (snapshot_[i].exists) changes_.push_back(snapshot_[i].path);  // removed
      ++i;
    } else if (i == snapshot_.size() || now[j].path < snapshot_[i].path) {
      if (now[j].exists) changes_.push_back(now[j].path);  // appeared
      ++j;
    } else {
      const Entry& a = snapshot_[i];
      const Entry& b = now[j];
      if (a.exists != b.exists || a.mtime != b.mtime || a.size != b.size) changes_.push_back(b.path);
      ++i;
      ++j;
    }
  }
  snapshot_ = std::move(now);
  return !changes_.empty();
}

bool FileWatcher::poll(double dt) {
  since_ += dt;
  if (since_ < interval_) return false;
  return changed();
}

}  // namespace effleura
