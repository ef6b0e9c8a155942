#include "app/camera_input.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <ctime>

namespace effleura::app {
namespace {

void on_scroll(GLFWwindow* window, double x, double y) {
  auto* input = static_cast<InputState*>(glfwGetWindowUserPointer(window));
  input->scroll_x += x;
  input->scroll_y += y;
  input->any_input = true;
}

void on_button(GLFWwindow* window, int, int action, int) {
  if (action == GLFW_PRESS) static_cast<InputState*>(glfwGetWindowUserPointer(window))->any_input = true;
}

void on_key(GLFWwindow* window, int, int, int action, int) {
  if (action == GLFW_PRESS) static_cast<InputState*>(glfwGetWindowUserPointer(window))->any_input = true;
}

}  // namespace

void install_input_callbacks(GLFWwindow* window, InputState* input) {
  glfwSetWindowUserPointer(window, input);
  glfwSetScrollCallback(window, on_scroll);
  glfwSetMouseButtonCallback(window, on_button);
  glfwSetKeyCallback(window, on_key);
}

std::string screenshot_name() {
  const std::time_t now = std::time(nullptr);
  char buf[64];
  std::strftime(buf, sizeof buf, "effleura-%Y%m%d-%H%M%S.png", std::localtime(&now));
  return buf;
}

// Mouse, touch-pad and keyboard drive the camera unless ImGui wants the input.
void handle_camera_input(GLFWwindow* w, InputState& input, render::Camera& camera, double dt,
                         glm::dvec2& last_mouse) {
  const ImGuiIO& io = ImGui::GetIO();
  glm::dvec2 mouse;
  glfwGetCursorPos(w, &mouse.x, &mouse.y);
  const glm::dvec2 delta = mouse - last_mouse;
  last_mouse = mouse;
  int ww = 1, wh = 1;
  glfwGetWindowSize(w, &ww, &wh);
  if (!io.WantCaptureMouse) {
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS)
      camera.orbit(static_cast<float>(-delta.x * 0.01), static_cast<float>(delta.y * 0.01));
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
        glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS)
      camera.pan(glm::vec2(static_cast<float>(delta.x / wh), static_cast<float>(delta.y / wh)));
    const bool shift = glfwGetKey(w, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
    // Touch-pads scroll in both axes: vertical zooms (or pans with Shift), horizontal orbits.
    if (shift) camera.pan(glm::vec2(static_cast<float>(input.scroll_x * 0.02), static_cast<float>(-input.scroll_y * 0.02)));
    else {
      if (input.scroll_y != 0.0) camera.zoom(static_cast<float>(input.scroll_y));
      if (input.scroll_x != 0.0) camera.orbit(static_cast<float>(input.scroll_x * 0.05), 0.0f);
    }
  }
  input.scroll_x = input.scroll_y = 0.0;
  if (io.WantCaptureKeyboard) return;
  auto down = [&](int key) { return glfwGetKey(w, key) == GLFW_PRESS; };
  const bool shift = down(GLFW_KEY_LEFT_SHIFT) || down(GLFW_KEY_RIGHT_SHIFT);
  const float step = static_cast<float>(1.5 * dt);
  const float dx = (down(GLFW_KEY_RIGHT) ? 1.0f : 0.0f) - (down(GLFW_KEY_LEFT) ? 1.0f : 0.0f);
  const float dy = (down(GLFW_KEY_UP) ? 1.0f : 0.0f) - (down(GLFW_KEY_DOWN) ? 1.0f : 0.0f);
  if (dx != 0.0f || dy != 0.0f) {
    if (shift) camera.pan(glm::vec2(-dx, dy) * step * 0.5f);
    else camera.orbit(dx * step, dy * step);
  }
  const float z = (down(GLFW_KEY_EQUAL) || down(GLFW_KEY_KP_ADD) ? 1.0f : 0.0f) -
                  (down(GLFW_KEY_MINUS) || down(GLFW_KEY_KP_SUBTRACT) ? 1.0f : 0.0f);
  if (z != 0.0f) camera.zoom(z * static_cast<float>(dt) * 8.0f);
  for (int i = 0; i < 5; ++i)
    if (down(GLFW_KEY_1 + i)) camera.set_preset(static_cast<render::ViewPreset>(i), true);
  if (down(GLFW_KEY_R) || down(GLFW_KEY_HOME)) camera.reset(true);
}


}  // namespace effleura::app
