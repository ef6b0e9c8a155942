#include "render/fullscreen.hpp"

#include "render/gl.hpp"

namespace effleura::render {

void draw_fullscreen(unsigned vertex_array, unsigned texture) {
  if (texture) {
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture);
  }
  glBindVertexArray(vertex_array);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
}

}  // namespace effleura::render
