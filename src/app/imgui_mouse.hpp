#pragma once
// Dear ImGui's view of the mouse, moved on by our own queued events instead of by polling.
// ImGui 1.86's GLFW backend reads the buttons and the pointer with glfwGetMouseButton and
// glfwGetCursorPos when its frame starts: two clicks between two frames (a quick double click
// at software-render frame rates) are one click to a panel, and a click at one place followed
// by a move reaches ImGui at the second place. The window hands each frame's batch of events
// (imgui_batch cuts it so a button changes at most once a batch, and the pointer does not move
// after a button change) to advance(), and apply() writes the result into ImGuiIO after the
// backend has polled, so what ImGui sees is the events, in order, a frame at a time.
#include <array>

#include <glm/vec2.hpp>

#include "app/input_events.hpp"

struct ImGuiIO;

namespace effleura::app {

struct ImGuiMouse {
  std::array<bool, 5> down{};   // ImGui's five buttons (GLFW_MOUSE_BUTTON_1..5)
  glm::dvec2 at{0.0};           // window coordinates
  bool placed = false;          // a position is known (a cursor event or the window's start)
  glm::dvec2 wheel{0.0};        // scrolled since the last apply(): x horizontal, y the wheel
  int settling = 0;             // frames a press still waits after a release (next_batch)
};

// How many events from the front of `events` ImGui takes this frame: imgui_batch's cut, except
// that a press in the two frames after a release waits (returns 0). A click often changes the
// panel it lands on (a lesson's Next brings a longer step, and the panel lays itself out again
// from what it measured the frame before), and ImGui finds the window under the pointer from
// the last frame's layout; a second quick click must press the button where it has settled, or
// its press lands on the stale layout and ImGui drops it. Two frames: seen so in the window.
std::size_t next_batch(ImGuiMouse& mouse, const std::vector<InputEvent>& events);

// Moves `mouse` on by one event; keys and text leave it as it is.
void advance(ImGuiMouse& mouse, const InputEvent& event);

// Writes buttons, pointer and wheel into `io` (after ImGui_ImplGlfw_NewFrame, before
// ImGui::NewFrame). The pointer is left as the backend found it when it found none (the
// pointer outside an unfocused window). Clears the wheel that was handed over.
void apply(ImGuiMouse& mouse, ImGuiIO& io);

}  // namespace effleura::app
