#pragma once
// Shared by the lesson-group tests: the technique ids as the app would pass them, and paths.
#include "../support/test_paths.hpp"
#include <filesystem>
#include <string>
#include <vector>

namespace lesson_test {

// The ten ids from subject.md, written out here (not taken from the technique library) so the
// lesson tests check the loaders against the documented list.
inline std::vector<std::string> technique_ids() {
  return {"effleurage", "petrissage", "friction", "tapotement", "vibration",
          "compression", "cross-fibre", "ankle-pumps", "calf-squeezes", "toe-taps"};
}

inline std::filesystem::path content(const std::string& rel) {
  return std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / rel;
}

}  // namespace lesson_test
