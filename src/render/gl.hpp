#pragma once
// The only way GL enters the code base: the glad loader generated at build time. Nothing
// outside src/render (and the app's window/ImGui glue) includes this.
#include <glad/gl.h>
