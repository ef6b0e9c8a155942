#pragma once
// The only way GL enters the code base: the glad loader generated at build time. Nothing
// outside src/render (and the app's window/ImGui glue) includes this.
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>  // the web build (scripts/web.sh): WebGL 2, whose functions Emscripten links
#else
#include <glad/gl.h>
#endif
