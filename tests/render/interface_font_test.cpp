// The interface text of a headless picture is the window's (and so the page's, which is a window
// in the browser): 17 px at 720 lines. It was 20 px, so every caption box of a desktop picture
// was wider than the page's, and the browser test's held effleurage frame with step 1's pinned
// camera differed from the page by 3.45 % of its pixels (limit 3 %), that box alone (session 26).
#include <doctest/doctest.h>

#include <cmath>

#include <imgui.h>

#include "app/headless_platform.hpp"
#include "app/window_platform.hpp"

using namespace effleura;

namespace {

// The pixel size the headless platform builds its font at for one picture of `size`.
float headless_font_px(app::HeadlessPlatform& headless, glm::ivec2 size, bool kiosk = false) {
  auto target = render::OffscreenTarget::create(size, render::Antialiasing::none);
  REQUIRE(target);
  headless.set_target(std::move(*target));
  headless.enable_ui(kiosk);
  headless.begin_ui(1.0 / 30.0);
  const float px = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  headless.end_frame();
  return px;
}

}  // namespace

TEST_CASE("a headless picture's text is the window's size up to 720 lines and grows with the height above") {
  auto headless = app::HeadlessPlatform::open();
  REQUIRE(headless);
  const float window_px = app::WindowLook{}.font_px;  // a window's at a content scale of 1
  CHECK(headless_font_px(**headless, {1280, 720}) == window_px);  // the browser test's size
  CHECK(headless_font_px(**headless, {320, 180}) == window_px);   // never smaller than a window's
  // A 1080p picture reads like a 720p window, only sharper (whole pixels: fonts.cpp).
  CHECK(headless_font_px(**headless, {1920, 1080}) == std::round(window_px * 1.5f));
  // The kiosk's window draws larger text (run_kiosk and the page's ?kiosk); so does its picture.
  CHECK(headless_font_px(**headless, {1280, 720}, true) == ui::kKioskFontPx);
  CHECK(ui::kKioskFontPx > window_px);
}

TEST_CASE("a headless kiosk picture's text is the kiosk screen's at 720 and 1080 lines") {
  // The kiosk's screen has a content scale of 1 at either height (a TV, a mini PC's monitor), so
  // run_kiosk's window draws 40 px on both; a picture or recording of the loop at 1080p drew 60
  // (its height per 720 lines) until session 28, and its overlay at 1.5 times the window's.
  auto headless = app::HeadlessPlatform::open();
  REQUIRE(headless);
  CHECK(headless_font_px(**headless, {1280, 720}, true) == ui::kKioskFontPx);
  CHECK(headless_font_px(**headless, {1920, 1080}, true) == ui::kKioskFontPx);
  CHECK((*headless)->ui_scale() == 1.0f);  // the labels and legend as the window draws them
}
