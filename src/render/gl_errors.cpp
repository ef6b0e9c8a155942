#include "render/gl_errors.hpp"

#include "render/gl.hpp"

namespace effleura::render {

std::string take_gl_errors() {
  std::string out;
  for (int guard = 0; guard < 16; ++guard) {  // a lost context can report errors forever
    const GLenum e = glGetError();
    if (e == GL_NO_ERROR) break;
    const char* name = e == GL_INVALID_ENUM ? "GL_INVALID_ENUM" : e == GL_INVALID_VALUE ? "GL_INVALID_VALUE"
                     : e == GL_INVALID_OPERATION ? "GL_INVALID_OPERATION" : e == GL_OUT_OF_MEMORY ? "GL_OUT_OF_MEMORY"
                     : e == GL_INVALID_FRAMEBUFFER_OPERATION ? "GL_INVALID_FRAMEBUFFER_OPERATION" : "GL error";
    out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

}  // namespace effleura::render
