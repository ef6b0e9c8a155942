#include "../support/test_paths.hpp"
#include "golden.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <glm/common.hpp>
#include <glm/vec2.hpp>

namespace effleura::test {

GoldenDifference difference(const render::Image& expected, const render::Image& actual, int pixel) {
  GoldenDifference d;
  d.visual = render::Image{actual.width, actual.height, std::vector<std::uint8_t>(actual.rgba.size(), 255)};
  glm::ivec2 lo{actual.width, actual.height}, hi{-1, -1};
  double sum = 0.0;
  for (int y = 0; y < actual.height; ++y)
    for (int x = 0; x < actual.width; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(actual.width) + x) * 4;
      int most = 0;
      for (std::size_t c = 0; c < 3; ++c) {  // alpha is always opaque in our renders
        const int diff = std::abs(int(expected.rgba[i + c]) - int(actual.rgba[i + c]));
        most = std::max(most, diff);
        sum += diff;
      }
      d.max = std::max(d.max, most);
      // Changed pixels in red at full strength; smaller drifts in grey, amplified 4x.
      const bool changed = most > pixel;
      const auto faint = static_cast<std::uint8_t>(255 - std::min(255, most * 4));
      d.visual.rgba[i] = changed ? 255 : faint;
      d.visual.rgba[i + 1] = changed ? 0 : faint;
      d.visual.rgba[i + 2] = changed ? 0 : faint;
      if (!changed) continue;
      ++d.changed;
      lo = glm::min(lo, glm::ivec2(x, y));
      hi = glm::max(hi, glm::ivec2(x, y));
    }
  const std::size_t pixels = static_cast<std::size_t>(actual.width) * static_cast<std::size_t>(actual.height);
  d.mean = pixels ? sum / (3.0 * static_cast<double>(pixels)) : 0.0;
  d.share = pixels ? static_cast<double>(d.changed) / static_cast<double>(pixels) : 0.0;
  if (d.changed) d.box = {lo.x, lo.y, hi.x - lo.x + 1, hi.y - lo.y + 1};
  return d;
}

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
  if (expected->width != actual.width || expected->height != actual.height) {
    (void)render::write_png(actual, actual_path);
    return name + ": image sizes differ: golden " + std::to_string(expected->width) + "x" +
           std::to_string(expected->height) + ", actual " + std::to_string(actual.width) + "x" +
           std::to_string(actual.height) + "; actual " + actual_path.string();
  }
  const GoldenDifference d = difference(*expected, actual, limits.pixel);
  // EFFLEURA_GOLDEN_REPORT=1 prints the figures of every comparison, to set thresholds from.
  if (const char* report = std::getenv("EFFLEURA_GOLDEN_REPORT"); report && std::string(report) == "1")
    std::printf("golden %s: max %d mean %.4f changed (> %d) %zu = %.5f%%\n", name.c_str(), d.max, d.mean, limits.pixel,
                d.changed, 100.0 * d.share);
  if (d.max <= limits.max && d.mean <= limits.mean && d.share <= limits.share) return {};
  const auto diff_path = out_dir / (name + ".diff.png");
  (void)render::write_png(actual, actual_path);
  (void)render::write_png(d.visual, diff_path);
  std::ostringstream msg;
  msg << name << ": max difference " << d.max << " (limit " << limits.max << "), mean " << d.mean << " (limit "
      << limits.mean << "), " << d.changed << " pixels differ by more than " << limits.pixel << " = "
      << 100.0 * d.share << " % (limit " << 100.0 * limits.share << " %)";
  if (d.changed)
    msg << ", within x " << d.box.x << ".." << d.box.x + d.box.z - 1 << ", y " << d.box.y << ".."
        << d.box.y + d.box.w - 1 << " (from the top-left)";
  msg << "; actual " << actual_path.string() << ", difference " << diff_path.string();
  return msg.str();
}

}  // namespace effleura::test
