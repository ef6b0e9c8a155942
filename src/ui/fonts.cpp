#include "ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <imgui.h>

namespace effleura::ui {

namespace {
// ImGui bakes only the glyphs it is told to; its default is U+0020-U+00FF, which lacks the
// French œ and the typographic ’ „ “ – of the shipped languages (es, fr, de; locales/*.toml).
// DejaVu Sans (fonts-dejavu-core) covers all of them.
constexpr ImWchar kRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1: accents, ß, «»
    0x0100, 0x017F,  // Latin Extended-A: œ Œ and the rest of Western/Central European letters
    0x2010, 0x2027,  // dashes, ‘ ’ ‚ “ ” „, bullet, ellipsis
    0x2030, 0x203A,  // per mille, ‹ ›
    0x2713, 0x2713,  // check mark: the right answer's button after a wrong one (ui/presenter_panel.cpp)
    0,
};
}  // namespace

bool load_interface_font(float pixel_size) {
  // Whole pixels: at a fractional size (17 px at 112.5 % is 19.125) ImGui's line heights and
  // its floored window sizes disagree by a fraction, and every auto-sized panel shows a
  // scroll bar it does not need.
  pixel_size = std::max(1.0f, std::round(pixel_size));
  // Built here, not at the next frame's start: a font's size is known only once its atlas is,
  // and the interface's size is chosen from it before that frame begins (app::show_interface_scale;
  // unbuilt, a headless picture's first frame read 0, kept its text full size at 320x180 where
  // the next frame showed it at 0.75, and its caption box was 30 px taller).
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                           "/usr/share/fonts/TTF/DejaVuSans.ttf"}) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && io.Fonts->AddFontFromFileTTF(path, pixel_size, nullptr, kRanges)) {
      io.Fonts->Build();
      return true;
    }
  }
  ImFontConfig config;
  config.SizePixels = pixel_size;
  io.Fonts->AddFontDefault(&config);
  io.Fonts->Build();
  return false;
}

float picture_scale(glm::ivec2 size, bool kiosk) {
  return kiosk ? 1.0f : std::max(1.0f, static_cast<float>(size.y) / 720.0f);
}

}  // namespace effleura::ui
