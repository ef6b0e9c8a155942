#pragma once
// A current OpenGL 3.3 core context, from a window (GLFW) or without any display (EGL).
// Creating one loads the GL functions through glad; failure is an Error the app turns into
// exit status 3 ("no usable OpenGL").
#include <memory>
#include <string>

#include "core/error.hpp"

struct GLFWwindow;

namespace effleura::render {

struct GlInfo {
  std::string renderer;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string version;   // GL_VERSION
};

// Reads GL_RENDERER / GL_VERSION from the current context.
GlInfo current_gl_info();

// Headless: EGL on Mesa's surfaceless platform, the EGL device platform, or the default
// display, whichever gives a 3.3 core context first. No X server needed. Several may live in
// one process: create() makes the new one current, closing one leaves the others usable, and
// make_current() binds one again (GL objects are not shared between them).
class EglContext {
 public:
  static Expected<std::unique_ptr<EglContext>> create();
  ~EglContext();
  // Binds this context to the calling thread; false when EGL refuses.
  bool make_current();
  EglContext(const EglContext&) = delete;
  EglContext& operator=(const EglContext&) = delete;
  [[nodiscard]] const std::string& platform() const { return platform_; }

 private:
  EglContext() = default;
  void* display_ = nullptr;
  void* context_ = nullptr;
  std::string platform_;
};

struct WindowOptions {
  int width = 1280;
  int height = 800;
  const char* title = "Effleura";
  bool fullscreen = false;
  int samples = 0;  // the window's own buffer: the scene is smoothed offscreen (smoothed_window_target.hpp)
  bool vsync = true;
};

// A GLFW window with a current 3.3 core context and vsync.
class WindowContext {
 public:
  static Expected<std::unique_ptr<WindowContext>> create(const WindowOptions& options);
  ~WindowContext();
  WindowContext(const WindowContext&) = delete;
  WindowContext& operator=(const WindowContext&) = delete;
  [[nodiscard]] GLFWwindow* window() const { return window_; }

 private:
  WindowContext() = default;
  GLFWwindow* window_ = nullptr;
};

// True when GLFW can open a window here (a display exists); used to fall back to headless.
bool display_available();

}  // namespace effleura::render
