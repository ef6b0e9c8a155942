#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>

#include "render/gl.hpp"
#include "render/gl_context.hpp"
#include "render/window_size.hpp"

namespace effleura::render {
namespace {

std::string g_glfw_error;

void on_glfw_error(int, const char* description) { g_glfw_error = description ? description : ""; }

}  // namespace

bool display_available() {
  const char* x = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (wayland && *wayland);
}

Expected<std::unique_ptr<WindowContext>> WindowContext::create(const WindowOptions& options) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) return fail("cannot start the windowing system: " + g_glfw_error);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
#ifdef __EMSCRIPTEN__
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);  // WebGL 2 (OpenGL ES 3.0)
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // The canvas only receives the finished scene (a blit from the offscreen frame, which has its
  // own depth buffer) and the panels: it needs no depth or stencil buffer, and no alpha channel,
  // so the browser neither clears them each frame nor blends the canvas with the page
  // (Emscripten's GLFW asks for all three by default). WebGL 2 always has the offscreen frame
  // (smoothed_window_target.cpp's fallback into the window is for drivers that refuse one).
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
#else
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
#endif
  glfwWindowHint(GLFW_SAMPLES, options.samples);
#ifndef __EMSCRIPTEN__  // GLFW 3.2's hints in Emscripten: the page's zoom is the browser's
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: the window follows the monitor scale
#endif
  GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  int w = options.width, h = options.height;
  if (monitor) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    w = mode->width;
    h = mode->height;
  }
#ifndef __EMSCRIPTEN__
  else if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) {
    // Never larger than the screen's free area (render/window_size.hpp).
    int x = 0, y = 0, free_w = 0, free_h = 0;
    glfwGetMonitorWorkarea(primary, &x, &y, &free_w, &free_h);
    float xscale = 1.0f, yscale = 1.0f;
    glfwGetMonitorContentScale(primary, &xscale, &yscale);
    const glm::ivec2 size = window_size({w, h}, {free_w, free_h}, xscale);
    w = size.x;
    h = size.y;
  }
#endif
  GLFWwindow* window = glfwCreateWindow(w, h, options.title, monitor, nullptr);
  if (!window) {
    glfwTerminate();
    return fail("cannot open an OpenGL 3.3 core window: " + g_glfw_error);
  }
  glfwMakeContextCurrent(window);
#ifndef __EMSCRIPTEN__  // the browser's WebGL functions are linked, not loaded
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
    glfwDestroyWindow(window);
    glfwTerminate();
    return fail("cannot load OpenGL 3.3 core functions");
  }
#endif
  glfwSwapInterval(options.vsync ? 1 : 0);
  std::unique_ptr<WindowContext> out(new WindowContext());
  out->window_ = window;
  return out;
}

WindowContext::~WindowContext() {
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

}  // namespace effleura::render
