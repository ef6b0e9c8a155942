// Which OpenGL the current context is: the same on the desktop (EGL or a window) and in the
// browser (WebGL), so it sits apart from egl_context.cpp, which the web build leaves out.
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif

#include "render/gl.hpp"
#include "render/gl_context.hpp"

namespace effleura::render {

GlInfo current_gl_info() {
  auto str = [](GLenum e) {
    const auto* s = reinterpret_cast<const char*>(glGetString(e));
    return std::string(s ? s : "unknown");
  };
#ifdef __EMSCRIPTEN__
  // WebGL calls itself "WebKit WebGL" (Chromium) whatever draws it. Its debug extension names
  // the real renderer (SwiftShader, or a graphics card), which the window needs to choose its
  // smoothing as on the desktop (app::software_renderer): multisampling in SwiftShader took
  // ~2x the edge filter's time a frame (README "In the browser").
  constexpr GLenum kUnmaskedRenderer = 0x9246;  // UNMASKED_RENDERER_WEBGL
  if (emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "WEBGL_debug_renderer_info"))
    return {str(kUnmaskedRenderer), str(GL_VERSION)};
#endif
  return {str(GL_RENDERER), str(GL_VERSION)};
}

}  // namespace effleura::render
