#pragma once
// Mouse, touch-pad and keyboard control of the camera in any window (explorer, lesson,
// kiosk explore mode). Input that ImGui wants is left to ImGui.
#include <string>

#include <glm/vec2.hpp>

#include "render/camera.hpp"

struct GLFWwindow;

namespace effleura::app {

struct InputState {
  double scroll_x = 0.0, scroll_y = 0.0;
  bool any_input = false;  // a click, touch, scroll or key since the last frame (kiosk)
};

// Installs scroll, button and key callbacks that fill the InputState (stored as the
// window's user pointer). Call before ImGui's GLFW backend so it chains to these.
void install_input_callbacks(GLFWwindow* window, InputState* input);
void handle_camera_input(GLFWwindow* w, InputState& input, render::Camera& camera, double dt, glm::dvec2& last_mouse);
// "effleura-YYYYMMDD-HHMMSS.png" for F12 screenshots.
std::string screenshot_name();

}  // namespace effleura::app
