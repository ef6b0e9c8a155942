#pragma once
// Renders whole scenes (the generated leg, content, simulation) headless for golden tests,
// sharing one EGL context and renderer across test cases.
#include <memory>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "app/state.hpp"
#include "render/gl_context.hpp"
#include "render/image.hpp"
#include "render/renderer.hpp"

namespace effleura::test {

struct SceneRig {
  std::unique_ptr<render::EglContext> gl;
  std::unique_ptr<render::Renderer> renderer;
};

SceneRig& scene_rig();

// Options reading content/ and assets/ from the source tree.
app::Options source_options();

// Loads a scene with `options`, steps it `frames` times at `fps`, and renders the last frame.
render::Image render_scene(const app::Options& options, int frames, glm::ivec2 size, double fps = 30.0);

// Plays a loaded scene from its start to `seconds` in 0.1 s updates and one last short one, as
// the app's frames do: the step cameras ease toward each step's view over updates, so a scene
// jumped there in one update would look from elsewhere.
void play_to(app::State& scene, double seconds);

// Renders `seconds` of a scene and returns every frame (for time-based checks).
std::vector<render::Image> render_sequence(const app::Options& options, double seconds, glm::ivec2 size, double fps);

}  // namespace effleura::test
