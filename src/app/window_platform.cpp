#include "app/window_platform.hpp"

#include <string>

#include "render/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/context.hpp"
#include "app/imgui_mouse.hpp"
#include "ui/fonts.hpp"

namespace effleura::app {
namespace {

// GLFW names printable keys by layout ("q"); the kiosk's exit chord names them the same way.
std::string key_name(int key, int scancode) {
#ifndef __EMSCRIPTEN__  // Emscripten's GLFW has no key names (it throws); the browser build's chord keys are the named ones below
  if (const char* name = glfwGetKeyName(key, scancode)) return name;
#else
  (void)scancode;
  if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>('a' + key - GLFW_KEY_A));
#endif
  if (key == GLFW_KEY_ESCAPE) return "escape";
  if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12) return "f" + std::to_string(key - GLFW_KEY_F1 + 1);
  if (key == GLFW_KEY_SPACE) return "space";
  if (key == GLFW_KEY_ENTER) return "enter";
  if (key == GLFW_KEY_TAB) return "tab";
  if (key == GLFW_KEY_BACKSPACE) return "backspace";
  if (key == GLFW_KEY_DELETE) return "delete";
  if (key == GLFW_KEY_HOME) return "home";
  if (key == GLFW_KEY_END) return "end";
  return {};
}

// Our callbacks are the only ones installed (ImGui's backend is told not to install its own);
// they queue each event, and ImGui gets keys, text and the mouse a frame's batch at a time
// (take_input).
WindowInput& input(GLFWwindow* window) { return *static_cast<WindowInput*>(glfwGetWindowUserPointer(window)); }

void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  const KeyEvent e{key, action == GLFW_RELEASE ? KeyAction::release : action == GLFW_REPEAT ? KeyAction::repeat : KeyAction::press,
                   mods, scancode};
  input(w).imgui.push_back(e);
  input(w).queue.push(e);
}
void on_char(GLFWwindow* w, unsigned codepoint) {
  input(w).imgui.push_back(CharEvent{codepoint});
  input(w).queue.push(CharEvent{codepoint});
}
void on_button(GLFWwindow* w, int button, int action, int mods) {
  const ButtonEvent e{button, action == GLFW_PRESS, mods};
  input(w).imgui.push_back(e);
  input(w).queue.push(e);
}
void on_cursor(GLFWwindow* w, double x, double y) {
  input(w).imgui.push_back(CursorEvent{{x, y}});
  input(w).queue.push(CursorEvent{{x, y}});
}
void on_scroll(GLFWwindow* w, double x, double y) {
  input(w).imgui.push_back(ScrollEvent{{x, y}});
  input(w).queue.push(ScrollEvent{{x, y}});
}

// Hands ImGui this frame's batch of events, in order: keys and text through its backend's
// callbacks, the mouse into input.mouse (written into ImGuiIO after the backend polls).
void feed_imgui(GLFWwindow* w, WindowInput& in) {
  std::vector<InputEvent>& backlog = in.imgui;
  const std::size_t n = next_batch(in.mouse, backlog);
  for (std::size_t i = 0; i < n; ++i) {
    if (const auto* k = std::get_if<KeyEvent>(&backlog[i])) {
      const int action = k->action == KeyAction::release ? GLFW_RELEASE : k->action == KeyAction::repeat ? GLFW_REPEAT : GLFW_PRESS;
      ImGui_ImplGlfw_KeyCallback(w, k->key, k->scancode, action, k->mods);
    } else if (const auto* c = std::get_if<CharEvent>(&backlog[i])) {
      ImGui_ImplGlfw_CharCallback(w, c->codepoint);
    } else {
      advance(in.mouse, backlog[i]);
    }
  }
  backlog.erase(backlog.begin(), backlog.begin() + static_cast<std::ptrdiff_t>(n));
}

}  // namespace

WindowPlatform::WindowPlatform(std::unique_ptr<render::WindowContext> window, render::Antialiasing antialiasing)
    : window_(std::move(window)), target_(window_->window(), antialiasing) {}

namespace {

// Multisampling is nearly free on a GPU; on a software renderer (Mesa's llvmpipe, softpipe,
// SwiftShader) it multiplies the rasterising, and the edge filter looks almost the same for a
// fraction of it (README, "Speed").
render::Antialiasing default_antialiasing() {
  return software_renderer() ? render::Antialiasing::edge_filter : render::Antialiasing::multisample;
}

}  // namespace

bool software_renderer() {
  const std::string name = render::current_gl_info().renderer;
  for (const char* software : {"llvmpipe", "softpipe", "SwiftShader", "Software Rasterizer"})
    if (name.find(software) != std::string::npos) return true;
  return false;
}

Expected<std::unique_ptr<WindowPlatform>> WindowPlatform::open(const render::WindowOptions& options,
                                                               const WindowLook& look) {
  auto window = render::WindowContext::create(options);
  if (!window) return std::unexpected(window.error());
  const render::Antialiasing antialiasing = look.antialias.value_or(default_antialiasing());
  std::unique_ptr<WindowPlatform> p(new WindowPlatform(std::move(*window), antialiasing));
  GLFWwindow* w = p->window_->window();
  if (look.hide_cursor) glfwSetInputMode(w, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  glfwSetWindowUserPointer(w, &p->input_);
  glfwSetKeyCallback(w, on_key);
  glfwSetCharCallback(w, on_char);
  glfwSetMouseButtonCallback(w, on_button);
  glfwSetCursorPosCallback(w, on_cursor);
  glfwSetScrollCallback(w, on_scroll);
  glfwSetWindowFocusCallback(w, ImGui_ImplGlfw_WindowFocusCallback);  // ImGui's own, as it asks
  glfwSetCursorEnterCallback(w, ImGui_ImplGlfw_CursorEnterCallback);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no stray imgui.ini next to wherever it was started
  ImGui::StyleColorsDark();
  float xscale = 1.0f, yscale = 1.0f;
#ifdef __EMSCRIPTEN__
  // The page's canvas has device pixels (web_main.cpp sizes it to CSS size x the device pixel
  // ratio, and Emscripten's GLFW, 3.1.6, knows no content scale): its scale is that ratio, as a
  // HiDPI desktop window's is its monitor's. A browser's zoom changes the ratio too.
  xscale = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (!(xscale > 0.0f)) xscale = 1.0f;
#else
  glfwGetWindowContentScale(w, &xscale, &yscale);
#endif
  p->scale_ = xscale;
  p->scale_sizes_ = look.scale_sizes;
  if (look.scale_sizes) ImGui::GetStyle().ScaleAllSizes(xscale);
  p->font_px_ = p->pending_font_px_ = look.font_px * xscale;
  ui::load_interface_font(p->font_px_);
  ImGui_ImplGlfw_InitForOpenGL(w, false);  // our callbacks feed it (above)
#ifdef __EMSCRIPTEN__
  ImGui_ImplOpenGL3_Init("#version 300 es");
#else
  ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
  glm::dvec2 cursor{0.0};
  glfwGetCursorPos(w, &cursor.x, &cursor.y);
  p->input_.queue.set_cursor(cursor);
  p->input_.mouse.at = cursor;
  p->input_.mouse.placed = true;
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

void WindowPlatform::rescale(float scale) {
  if (!(scale > 0.0f) || scale == scale_) return;
  const float factor = scale / scale_;
  if (scale_sizes_) ImGui::GetStyle().ScaleAllSizes(factor);
  pending_font_px_ *= factor;  // built before the next interface frame (take_input)
  scale_ = scale;
}

bool WindowPlatform::rebuild_font(float factor) {
  if (!(factor > 0.0f)) return false;
  pending_font_px_ *= factor;
  return true;
}

bool WindowPlatform::closing() const { return glfwWindowShouldClose(window_->window()); }
void WindowPlatform::close() { glfwSetWindowShouldClose(window_->window(), GLFW_TRUE); }

std::optional<glm::vec2> WindowPlatform::hover_point() const {
  if (ImGui::GetIO().WantCaptureMouse || input_.queue.button_down(GLFW_MOUSE_BUTTON_LEFT)) return std::nullopt;
  return glm::vec2(input_.queue.cursor());
}

void WindowPlatform::take_input(Context& ctx, double dt) {
  glfwPollEvents();  // runs the callbacks: every event since the last frame is queued
  feed_imgui(window_->window(), input_);  // before its frame starts, as its callbacks would
  ImGuiIO& imgui = ImGui::GetIO();
  if (pending_font_px_ != font_px_) {
    // Between two ImGui frames: the atlas is baked again and uploaded as a new texture.
    font_px_ = pending_font_px_;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::load_interface_font(font_px_);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    imgui.FontGlobalScale = 1.0f;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();  // polls the mouse (1.86); the events' mouse replaces what it read
  apply(input_.mouse, imgui);
  ImGui::NewFrame();  // after this, ImGui knows whether a panel or text field wants the input
  InputSituation s;
  s.keyboard_to_ui = imgui.WantCaptureKeyboard;
  s.mouse_to_ui = imgui.WantCaptureMouse;
  s.window_size = glm::vec2(ui_size());
#ifdef __EMSCRIPTEN__
  s.pixels_per_point = scale_;  // the canvas's cursor is in device pixels: a CSS pixel is scale_ of them
#endif
  LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  if (ctx.style.kiosk) {
    lesson::KioskScheduler* kiosk = lp ? lp->kiosk() : nullptr;
    s.kiosk = true;
    s.exit_chord = kiosk ? &kiosk->playlist().exit_chord : nullptr;
    s.key_name = key_name;
    s.camera = !kiosk || kiosk->mode() == lesson::KioskMode::explore;
    s.keyboard_to_ui = false;  // no text fields in the kiosk; its chord always works
  } else {
    s.lesson = lp && lp->lesson();
    s.practice = ctx.practice.active();
    s.on_leg = [](const void* c, glm::vec2 at) {
      const Context& context = *static_cast<const Context*>(c);
      return anatomy::pick(context.state.model, context.state.ray_through(at, context.platform->ui_size())).skin.has_value();
    };
    s.on_leg_context = &ctx;
  }
  auto commands = input_.queue.take(s, dt);
  ctx.pending.input.insert(ctx.pending.input.end(), commands.begin(), commands.end());
}

void WindowPlatform::end_frame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (measure_work_) {
    glFinish();  // on a software renderer the swap would wait for this anyway
    work_done_ = std::chrono::steady_clock::now();
  }
  glfwSwapBuffers(window_->window());
}

}  // namespace effleura::app
