#include "ui/headless_imgui.hpp"

#include <algorithm>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "ui/fonts.hpp"

namespace effleura::ui {

HeadlessImGui::HeadlessImGui(bool kiosk) : kiosk_(kiosk) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

void HeadlessImGui::prepare_font(glm::ivec2 size) {
  // The window's text size at the picture's scale (ui/fonts.hpp: one rule for both).
  const float scale = picture_scale(size, kiosk_);
  if (font_built_ && scale == scale_) return;
  scale_ = scale;
  load_interface_font(interface_font_px(kiosk_, scale_));
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  font_built_ = true;
}

HeadlessImGui::~HeadlessImGui() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

void HeadlessImGui::begin(glm::ivec2 size, float dt) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DeltaTime = std::max(dt, 1e-4f);
  prepare_font(size);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void HeadlessImGui::end() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace effleura::ui
