#pragma once
// Golden-image comparison for render tests (style.md "Borrow" 7). Each call states its
// thresholds, each with a comment saying why. On failure the message says how many pixels
// differ and the bounding box they lie in, and the actual image and a difference image (red
// where a pixel differs by more than `pixel`, grey where it differs less) are written to
// build/test-output/ so a person can look. EFFLEURA_UPDATE_GOLDENS=1 rewrites the goldens.
#include <string>

#include <glm/vec4.hpp>

#include "render/image.hpp"

namespace effleura::test {

struct GoldenThresholds {
  int max;      // largest per-channel difference allowed anywhere (0-255)
  double mean;  // mean per-channel difference allowed over the image (0-255)
  int pixel;    // a pixel counts as changed when a channel differs by more than this
  double share; // largest fraction of the image's pixels allowed to change
};

struct GoldenDifference {
  int max = 0;
  double mean = 0.0;
  std::size_t changed = 0;                   // pixels over the `pixel` threshold
  double share = 0.0;                        // changed / all pixels
  glm::ivec4 box{0};                         // x, y (from the top-left), width, height of the changed pixels
  render::Image visual;
};

// Compares two images of the same size (the sizes are checked by the caller).
GoldenDifference difference(const render::Image& expected, const render::Image& actual, int pixel);

// Returns an empty string when the image matches, otherwise what went wrong, where, and where
// the actual and difference images were written.
std::string check_golden(const render::Image& actual, const std::string& name, GoldenThresholds limits);

}  // namespace effleura::test
