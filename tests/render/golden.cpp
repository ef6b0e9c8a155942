#include "golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace effleura::test {

std::string check_golden(const render::Image& actual, const std::string& name, GoldenThresholds limits) {
  const std::filesystem::path golden = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "tests/render/golden" / (name + ".png");
  const std::filesystem::path out_dir = std::filesystem::path(EFFLEURA_BINARY_DIR) / "test-output";
  std::filesystem::create_directories(out_dir);
  const char* update = std::getenv("EFFLEURA_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    auto written = render::write_png(actual, golden);
    return written ? std::string() : written.error().describe();
  }
  auto expected = render::read_png(golden);
  const auto actual_path = out_dir / (name + ".actual.png");
  if (!expected) {
    (void)render::write_png(actual, actual_path);
    return expected.error().describe() + " (actual image written to " + actual_path.string() +
           "; run with EFFLEURA_UPDATE_GOLDENS=1 to create the golden)";
  }
  auto diff = render::compare_images(*expected, actual);
  if (!diff) return diff.error().describe();
  if (diff->max <= limits.max && diff->mean <= limits.mean) return {};
  const auto diff_path = out_dir / (name + ".diff.png");
  (void)render::write_png(actual, actual_path);
  (void)render::write_png(diff->visual, diff_path);
  std::ostringstream msg;
  msg << name << ": max difference " << diff->max << " (limit " << limits.max << "), mean "
      << diff->mean << " (limit " << limits.mean << "); actual " << actual_path.string() << ", difference "
      << diff_path.string();
  return msg.str();
}

}  // namespace effleura::test
