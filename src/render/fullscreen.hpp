#pragma once
// The full-screen triangle of shaders/background.vert, drawn by the background, the edge
// filter and the kiosk's cross-fade: no vertex buffer, but a core profile still needs a
// vertex array bound. With a texture, it is bound on unit 0 for the fragment shader.
namespace effleura::render {

void draw_fullscreen(unsigned vertex_array, unsigned texture = 0);

}  // namespace effleura::render
