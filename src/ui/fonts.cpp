#include "ui/fonts.hpp"

#include <filesystem>

#include <imgui.h>

namespace effleura::ui {

bool load_interface_font(float pixel_size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                           "/usr/share/fonts/TTF/DejaVuSans.ttf"}) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && io.Fonts->AddFontFromFileTTF(path, pixel_size)) return true;
  }
  ImFontConfig config;
  config.SizePixels = pixel_size;
  io.Fonts->AddFontDefault(&config);
  return false;
}

}  // namespace effleura::ui
