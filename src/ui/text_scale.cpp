#include "ui/text_scale.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace effleura::ui {

namespace {
void set_font_scale(ImGuiWindow* window, float scale) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  window->FontWindowScale = scale;
  g.FontSize = g.DrawListSharedData.FontSize = window->CalcFontSize();
}
}  // namespace

TextScale::TextScale(float scale) : window_(ImGui::GetCurrentWindowRead()), before_(window_->FontWindowScale) {
  set_font_scale(window_, before_ * scale);
}
TextScale::~TextScale() { set_font_scale(window_, before_); }

}  // namespace effleura::ui
