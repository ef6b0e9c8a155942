#include "ui/headless_imgui.hpp"

#include <algorithm>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace effleura::ui {

HeadlessImGui::HeadlessImGui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

HeadlessImGui::~HeadlessImGui() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

void HeadlessImGui::begin(glm::ivec2 size, float dt) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DeltaTime = std::max(dt, 1e-4f);
  // Text scales with the image height, so a 1080p render reads like a 720p one, only sharper.
  scale_ = std::max(1.0f, static_cast<float>(size.y) / 720.0f) * 1.4f;
  io.FontGlobalScale = scale_;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void HeadlessImGui::end() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace effleura::ui
