// Rhythmic techniques must look rhythmic without flashing: no large area of the frame may
// change brightness more than 3 times a second (the limit in WCAG 2.3.1, which follows the
// photosensitive-epilepsy guidance). Rendered headless at 30 fps and measured, not assumed.
#include <doctest/doctest.h>

#include <cmath>

#include "scene_render_support.hpp"

using namespace effleura;

namespace {

// Mean luminance of each cell of a grid over the image (0-255).
std::vector<double> cell_luminance(const render::Image& img, int cols, int rows) {
  std::vector<double> out(static_cast<std::size_t>(cols * rows), 0.0);
  std::vector<int> n(out.size(), 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * img.width + x) * 4;
      const double l = 0.2126 * img.rgba[i] + 0.7152 * img.rgba[i + 1] + 0.0722 * img.rgba[i + 2];
      const std::size_t c = static_cast<std::size_t>((y * rows / img.height) * cols + x * cols / img.width);
      out[c] += l;
      ++n[c];
    }
  for (std::size_t c = 0; c < out.size(); ++c) out[c] /= std::max(n[c], 1);
  return out;
}

// The largest number of flashes per second in any cell: a flash is a pair of opposing changes
// of at least `step` luminance (10 % of full scale, the WCAG notion of a general flash).
double worst_flash_rate(const std::vector<render::Image>& frames, double fps) {
  const int cols = 4, rows = 4;  // cells of 1/16 of the frame: "a large area"
  std::vector<std::vector<double>> series(cols * rows);
  for (const auto& f : frames) {
    const auto l = cell_luminance(f, cols, rows);
    for (std::size_t c = 0; c < l.size(); ++c) series[c].push_back(l[c]);
  }
  constexpr double step = 25.5;
  double worst = 0.0;
  for (const auto& s : series) {
    int transitions = 0, direction = 0;
    double anchor = s.front();
    for (double v : s) {
      const int d = v > anchor + step ? 1 : (v < anchor - step ? -1 : 0);
      if (d != 0 && d != direction) {
        if (direction != 0) ++transitions;
        direction = d;
      }
      if (d != 0) anchor = v;
    }
    worst = std::max(worst, transitions / 2.0 / (static_cast<double>(s.size()) / fps));
  }
  return worst;
}

}  // namespace

TEST_CASE("tapotement, vibration and toe taps never flash more than 3 times a second") {
  for (const char* id : {"tapotement", "vibration", "toe-taps"}) {
    app::Options o = test::source_options();
    o.technique = id;
    o.at_seconds = 2.0;
    o.view = render::ViewPreset::back;
    const auto frames = test::render_sequence(o, 4.0, {160, 200}, 30.0);
    const double rate = worst_flash_rate(frames, 30.0);
    MESSAGE(std::string(id), ": worst flash rate ", rate, " per second");
    CHECK_MESSAGE(rate <= 3.0, std::string(id));
  }
}

TEST_CASE("the flash measure does catch flashing") {
  // A frame sequence that alternates black and white every frame must fail the measure, or
  // the test above proves nothing.
  std::vector<render::Image> frames;
  for (int i = 0; i < 60; ++i) {
    render::Image img{32, 32, std::vector<std::uint8_t>(32 * 32 * 4, i % 4 < 2 ? 0 : 255)};
    frames.push_back(img);
  }
  CHECK(worst_flash_rate(frames, 30.0) > 3.0);
}
