// What the browser build has instead of src/render/egl_context.cpp: a browser has no headless
// OpenGL. Nothing in the page asks for it (web/web_main.cpp refuses --headless and the runners
// built on it), but app/context.cpp's open_headless is linked in with the rest of that file,
// so EglContext::create exists and says why it cannot work, as it does on a machine without EGL.
#include "render/gl_context.hpp"
#include "render/gl.hpp"

namespace effleura::render {

Expected<std::unique_ptr<EglContext>> EglContext::create() {
  return fail("headless rendering (EGL) is not available in a browser; use the desktop program");
}

EglContext::~EglContext() = default;

}  // namespace effleura::render
