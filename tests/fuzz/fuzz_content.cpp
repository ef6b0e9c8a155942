// Fuzz target: the content loaders (poses, techniques, lessons, playlists, locales, areas,
// area mappings, veins) from text. The first byte picks the loader; the rest is the file.
// Each must return a value or an error, never crash or hang.
#include "../support/test_paths.hpp"
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/area_content.hpp"
#include "anatomy/area_mapping.hpp"
#include "anatomy/vein_network.hpp"
#include "lesson/lesson.hpp"
#include "lesson/locale.hpp"
#include "lesson/playlist.hpp"
#include "technique/pose.hpp"
#include "technique/technique_loader.hpp"
#include "fuzz_entry.hpp"

namespace {

struct RealContent {
  effleura::technique::PoseLibrary poses;
  effleura::anatomy::AreaContent areas;
  std::vector<std::string> technique_ids;
  RealContent() {
    const std::string content = EFFLEURA_SOURCE_DIR + "/content";
    if (auto p = effleura::technique::load_poses(content + "/poses.toml")) poses = std::move(*p);
    if (auto a = effleura::anatomy::load_area_content(content + "/areas.toml")) areas = std::move(*a);
    // The ids only (file names), so each fuzz run starts in milliseconds.
    for (const auto& e : std::filesystem::directory_iterator(content + "/techniques"))
      technique_ids.push_back(e.path().stem().string());
  }
};

template <class T>
void consume(const effleura::Expected<T>& r) {
  if (!r) (void)r.error().describe();
}

}  // namespace

EFFLEURA_FUZZ_TARGET(content) {
  static const RealContent real;
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  using namespace effleura;
  switch (data[0] % 8) {
    case 0: consume(technique::load_poses_from_string(text, "poses.toml")); break;
    case 1: consume(technique::load_technique_string(text, "t.toml", real.poses, &real.areas)); break;
    case 2: consume(lesson::load_lesson_string(text, "l.toml", real.technique_ids)); break;
    case 3: consume(lesson::load_playlist_string(text, "p.toml", real.technique_ids)); break;
    case 4: consume(lesson::load_locale_string(text, "en.toml")); break;
    case 5: consume(anatomy::parse_area_content(text, "areas.toml")); break;
    case 6: consume(anatomy::parse_area_mapping(text, "map.toml")); break;
    default: consume(anatomy::parse_vein_network(text, "veins.toml")); break;
  }
  return 0;
}
