#include "app/window_platform.hpp"

#include "render/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/context.hpp"
#include "ui/fonts.hpp"

namespace effleura::app {
namespace {

// GLFW names printable keys by layout ("q"); the kiosk's exit chord names them the same way.
std::string key_name(int key) {
  const char* name = glfwGetKeyName(key, 0);
  if (name) return name;
  if (key == GLFW_KEY_ESCAPE) return "escape";
  if (key == GLFW_KEY_F10) return "f10";
  return {};
}

}  // namespace

WindowPlatform::WindowPlatform(std::unique_ptr<render::WindowContext> window)
    : window_(std::move(window)), target_(window_->window()) {}

Expected<std::unique_ptr<WindowPlatform>> WindowPlatform::open(const render::WindowOptions& options,
                                                               const WindowLook& look) {
  auto window = render::WindowContext::create(options);
  if (!window) return std::unexpected(window.error());
  std::unique_ptr<WindowPlatform> p(new WindowPlatform(std::move(*window)));
  GLFWwindow* w = p->window_->window();
  if (look.hide_cursor) glfwSetInputMode(w, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  install_input_callbacks(w, &p->input_);  // before ImGui, so its backend chains to ours

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no stray imgui.ini next to wherever it was started
  ImGui::StyleColorsDark();
  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(w, &xscale, &yscale);
  p->scale_ = xscale;
  if (look.scale_sizes) ImGui::GetStyle().ScaleAllSizes(xscale);
  ui::load_interface_font(look.font_px * xscale);
  ImGui_ImplGlfw_InitForOpenGL(w, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  glfwGetCursorPos(w, &p->last_mouse_.x, &p->last_mouse_.y);
  return p;
}

WindowPlatform::~WindowPlatform() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

glm::ivec2 WindowPlatform::ui_size() const {
  // Hover and click work in window coordinates; HiDPI framebuffers are scaled to match.
  int ww = 1, wh = 1;
  glfwGetWindowSize(window_->window(), &ww, &wh);
  return {ww, wh};
}

bool WindowPlatform::closing() const { return glfwWindowShouldClose(window_->window()); }
void WindowPlatform::close() { glfwSetWindowShouldClose(window_->window(), GLFW_TRUE); }

std::optional<glm::vec2> WindowPlatform::hover_point() const {
  if (ImGui::GetIO().WantCaptureMouse || glfwGetMouseButton(window_->window(), GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS)
    return std::nullopt;
  return glm::vec2(last_mouse_);
}

void WindowPlatform::take_input(Context& ctx, double dt) {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  if (ctx.style.kiosk) kiosk_input(ctx, dt);
  else explorer_input(ctx, dt);
}

void WindowPlatform::explorer_input(Context& ctx, double dt) {
  GLFWwindow* w = window_->window();
  handle_camera_input(w, input_, ctx.state.camera, dt, last_mouse_);
  Commands& c = ctx.pending;
  if (!ImGui::GetIO().WantCaptureKeyboard) {
    // ImGui 1.86 indexes keys by the GLFW key code in its GLFW backend.
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) c.screenshot = true;
    if ((glfwGetKey(w, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS) &&
        glfwGetKey(w, GLFW_KEY_Q) == GLFW_PRESS)
      c.quit = true;
    // Projector clickers send Page Up / Page Down.
    if (ctx.lesson_or_playlist && ctx.lesson_or_playlist->lesson()) {
      if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN) || ImGui::IsKeyPressed(GLFW_KEY_N)) c.lesson.next = true;
      if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP) || ImGui::IsKeyPressed(GLFW_KEY_B)) c.lesson.back = true;
      if (ImGui::IsKeyPressed(GLFW_KEY_P, false)) c.lesson.toggle_presenter = true;
    }
  }
  // A click (released without a drag) on the leg lights the area under it.
  if (!ImGui::GetIO().WantCaptureMouse && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
      ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).x == 0.0f &&
      ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y == 0.0f)
    c.click = glm::vec2(last_mouse_);
}

void WindowPlatform::kiosk_input(Context& ctx, double dt) {
  GLFWwindow* w = window_->window();
  lesson::KioskScheduler* kiosk = ctx.lesson_or_playlist ? ctx.lesson_or_playlist->kiosk() : nullptr;
  if (kiosk) {
    const auto& playlist = kiosk->playlist();
    auto down = [&](int a, int b) { return glfwGetKey(w, a) == GLFW_PRESS || glfwGetKey(w, b) == GLFW_PRESS; };
    const bool ctrl = down(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL);
    const bool shift = down(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
    const bool alt = down(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
    const bool super = down(GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER);
    for (int key = GLFW_KEY_SPACE; key <= GLFW_KEY_LAST; ++key)
      if (glfwGetKey(w, key) == GLFW_PRESS && playlist.exit_chord.matches(ctrl, shift, alt, super, key_name(key)))
        ctx.pending.quit = true;
  }
  // A touch, click or key pauses the loop so a visitor can explore.
  if (input_.any_input) {
    ctx.pending.visitor = true;
    input_.any_input = false;
  }
  if (!kiosk || kiosk->mode() == lesson::KioskMode::explore)
    handle_camera_input(w, input_, ctx.state.camera, dt, last_mouse_);
}

void WindowPlatform::end_frame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window_->window());
}

}  // namespace effleura::app
