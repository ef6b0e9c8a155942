// Which OpenGL the current context is: the same on the desktop (EGL or a window) and in the
// browser (WebGL), so it sits apart from egl_context.cpp, which the web build leaves out.
#include <string>

#include "render/gl.hpp"
#include "render/gl_context.hpp"

namespace effleura::render {

GlInfo current_gl_info() {
  auto str = [](GLenum e) {
    const auto* s = reinterpret_cast<const char*>(glGetString(e));
    return std::string(s ? s : "unknown");
  };
  return {str(GL_RENDERER), str(GL_VERSION)};
}

}  // namespace effleura::render
