#pragma once
// Golden-image comparison for render tests (style.md "Borrow" 7). Each call states its
// thresholds; on failure the actual and difference images are written next to the build so a
// person can look. EFFLEURA_UPDATE_GOLDENS=1 rewrites the goldens instead of comparing.
#include <string>

#include "render/image.hpp"

namespace effleura::test {

struct GoldenThresholds {
  int max;      // largest per-channel difference allowed anywhere (0-255)
  double mean;  // mean per-channel difference allowed over the image (0-255)
};

// Returns an empty string when the image matches, otherwise what went wrong and where the
// actual and difference images were written.
std::string check_golden(const render::Image& actual, const std::string& name, GoldenThresholds limits);

}  // namespace effleura::test
