#pragma once
// What every headless run needs, opened in one place: the scene (content and model first, so
// a bad file is exit 2 even on a machine without OpenGL), an EGL context, the renderer and an
// offscreen target of --size. Failures print their one line and give the exit status.
#include <expected>
#include <memory>
#include <optional>

#include "app/options.hpp"
#include "app/scene.hpp"
#include "render/gl_context.hpp"
#include "render/render_target.hpp"
#include "render/renderer.hpp"

namespace effleura::app {

struct HeadlessStage {
  Scene scene;
  std::unique_ptr<render::EglContext> gl;
  std::unique_ptr<render::Renderer> renderer;
  std::optional<render::OffscreenTarget> target;
};

// The stage, or the exit status to return (the error already printed).
std::expected<std::unique_ptr<HeadlessStage>, int> open_headless_stage(const Options& options);

// Loads only the scene; used before anything else (a Show) that must fail with exit 2 first.
// `open_gl` then completes the stage.
std::expected<std::unique_ptr<HeadlessStage>, int> load_headless_scene(const Options& options);
int open_gl(HeadlessStage& stage, const Options& options);  // 0 on success, else the exit status

}  // namespace effleura::app
