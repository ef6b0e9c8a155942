// The X-ray view makes the massaged leg's skin see-through; the client around it stays a person
// lying on a table under a sheet. Until session 23 the drapes faded with the leg's skin (0.2):
// over the opaque torso and the other leg the sheet all but vanished, and the client read as
// bare from the waist to the armpits and down the other leg (render/renderer.cpp kXrayDrapeOpacity).
#include <doctest/doctest.h>

#include <algorithm>

#include "../support/sanitizer.hpp"
#include "scene_render_support.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{320, 180};  // the app's 16:9

struct Rgb {
  int r, g, b;
};

Rgb at(const render::Image& img, int x, int y) {
  const std::size_t i = 4 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x));
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]};
}

// How coloured a pixel is: (max - min) / max. The sheet (0.90, 0.89, 0.85) is 0.06, the body's
// skin (0.86, 0.66, 0.55) 0.36, the table's upholstery 0.4; lighting scales all three channels alike.
float saturation(Rgb c) {
  const int hi = std::max({c.r, c.g, c.b}), lo = std::min({c.r, c.g, c.b});
  return hi > 0 ? static_cast<float>(hi - lo) / static_cast<float>(hi) : 0.0f;
}

// A lit sheet: bright and nearly grey.
bool sheet_like(Rgb c, float most_saturation) { return std::max({c.r, c.g, c.b}) > 110 && saturation(c) < most_saturation; }

}  // namespace

TEST_CASE("the X-ray view keeps the client draped: where the sheet lies opaque it still reads as a sheet") {
  for (render::ViewPreset view : {render::ViewPreset::lateral, render::ViewPreset::back}) {
    // Four scenes loaded and drawn: under the sanitizers (CI's time) the back view alone.
    if (test::kSanitized && view != render::ViewPreset::back) continue;
    CAPTURE(static_cast<int>(view));
    app::Options o = test::source_options();
    o.view = view;
    const render::Image opaque = test::render_scene(o, 1, kSize);
    o.xray = 0.2f;
    const render::Image xray = test::render_scene(o, 1, kSize);
    // The sheet's pixels in the opaque picture (the hip drape over the torso, the other leg's).
    int sheet = 0, kept = 0;
    for (int y = 0; y < kSize.y; ++y)
      for (int x = 0; x < kSize.x; ++x) {
        if (!sheet_like(at(opaque, x, y), 0.12f)) continue;
        ++sheet;
        // Faded over the body's skin or the leg's red muscles a pixel takes some of their colour:
        // at 0.6 of the sheet over skin (0.86, 0.66, 0.55) it is 0.17 saturated, at main's 0.2 0.29.
        kept += sheet_like(at(xray, x, y), 0.22f);
      }
    const float share = static_cast<float>(kept) / static_cast<float>(std::max(sheet, 1));
    MESSAGE("sheet pixels ", sheet, ", still a sheet in the X-ray view ", kept, " (", share, ")");
    REQUIRE(sheet > 2000);  // the drapes are in view (a fifth of the picture or so)
    // Measured at 320x180: lateral (3,340 sheet pixels) 0.25 -> 0.99, back (5,231) 0.09 -> 0.99
    // (with session 23's smoother sheet 3,352 and 5,276 pixels, 0.99 and 0.99);
    // the drapes faded to the leg skin's 0.2 left a quarter and a tenth.
    CHECK(share > 0.8f);
  }
}
