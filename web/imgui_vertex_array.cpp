// The page's one vertex array object for Dear ImGui (README "In the browser", "The kiosk's growth").
// Debian's Dear ImGui 1.86 OpenGL 3 backend creates a vertex array object every time it draws a
// frame's interface and deletes it afterwards (so that each of several GL contexts has its own).
// A native driver hands the freed name out again. Emscripten's WebGL layer never reuses an id:
// it takes every new object's id from one counter and pads its table (GL.vaos) up to that id, so
// the table grew by one slot a frame for the page's whole life (216,000 a hour at 60 frames a
// second), and every other table by as much the next time an object of its kind was made.
// scripts/web.sh compiles the backend with glGenVertexArrays and glDeleteVertexArrays renamed to
// these two: the backend's object is made once and kept. It sets the object's buffer and
// attributes again on every frame (ImGui_ImplOpenGL3_SetupRenderState), so reusing it is safe.
// The page has one GL context and never loses it on purpose, so one object serves.
#include <GLES3/gl3.h>

namespace {
GLuint g_kept = 0;  // the backend's vertex array object; 0 until its first frame
}  // namespace

extern "C" void effleura_imgui_gen_vertex_arrays(GLsizei n, GLuint* arrays) {
  if (n != 1) {  // the backend asks for one; anything else goes to WebGL as asked
    glGenVertexArrays(n, arrays);
    return;
  }
  if (g_kept == 0) glGenVertexArrays(1, &g_kept);
  arrays[0] = g_kept;
}

extern "C" void effleura_imgui_delete_vertex_arrays(GLsizei n, const GLuint* arrays) {
  if (n == 1 && arrays[0] == g_kept) return;  // kept for the next frame
  glDeleteVertexArrays(n, arrays);
}
