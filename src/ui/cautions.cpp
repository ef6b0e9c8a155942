#include "ui/cautions.hpp"

#include <imgui.h>

namespace effleura::ui {

void caution_bullets(const std::vector<std::string>& cautions) {
  for (const auto& caution : cautions) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.75f, 0.45f, 1.0f));
    // BulletText does not wrap (ImGui 1.86); a bullet then wrapped text does.
    ImGui::Bullet();
    ImGui::TextWrapped("%s", caution.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace effleura::ui
