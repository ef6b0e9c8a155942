#include "app/imgui_mouse.hpp"

#include <cfloat>

#include <imgui.h>

namespace effleura::app {
namespace {
constexpr int kSettleFrames = 2;
}  // namespace

std::size_t next_batch(ImGuiMouse& mouse, const std::vector<InputEvent>& events) {
  const std::size_t n = imgui_batch(events);
  if (mouse.settling == 0) return n;
  --mouse.settling;
  for (std::size_t i = 0; i < n; ++i)
    if (const auto* b = std::get_if<ButtonEvent>(&events[i]); b && b->pressed) return 0;
  return n;
}

void advance(ImGuiMouse& mouse, const InputEvent& event) {
  if (const auto* b = std::get_if<ButtonEvent>(&event)) {
    if (b->button >= 0 && b->button < static_cast<int>(mouse.down.size()))
      mouse.down[static_cast<std::size_t>(b->button)] = b->pressed;
    if (!b->pressed) mouse.settling = kSettleFrames;
  } else if (const auto* c = std::get_if<CursorEvent>(&event)) {
    mouse.at = c->at;
    mouse.placed = true;
  } else if (const auto* s = std::get_if<ScrollEvent>(&event)) {
    mouse.wheel += s->by;
  }
}

void apply(ImGuiMouse& mouse, ImGuiIO& io) {
  static_assert(sizeof(io.MouseDown) / sizeof(io.MouseDown[0]) == 5, "ImGuiMouse::down follows ImGuiIO::MouseDown");
  for (std::size_t i = 0; i < mouse.down.size(); ++i) io.MouseDown[i] = mouse.down[i];
  if (mouse.placed && io.MousePos.x != -FLT_MAX)
    io.MousePos = ImVec2(static_cast<float>(mouse.at.x), static_cast<float>(mouse.at.y));
  io.MouseWheelH += static_cast<float>(mouse.wheel.x);
  io.MouseWheel += static_cast<float>(mouse.wheel.y);
  mouse.wheel = glm::dvec2(0.0);
}

}  // namespace effleura::app
