#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/headless_platform.hpp"
#include "app/memory_usage.hpp"
#include "app/runners.hpp"
#include "render/gl.hpp"
#include "render/gl_context.hpp"

namespace effleura::app {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

// `effleura --bench`: an EGL platform and the fixed clock, timing the frame's simulation and
// drawing steps apart (no interface: the scene alone).
int run_bench(const Options& options) {
  const auto start = Clock::now();
  Context ctx;
  ctx.options = options;
  ctx.style.overlay = false;
  State& scene = ctx.state;
  const DataPaths paths = resolve_data_paths(options);
  if (auto loaded = scene.load_model(options, paths); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  const double load_ms = ms_since(start);
  const auto hands_start = Clock::now();
  if (auto loaded = scene.load_hands(paths); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  const double hands_load_ms = ms_since(hands_start);
  const auto content_start = Clock::now();
  if (auto loaded = scene.load_content(options, paths); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  const double content_ms = ms_since(content_start);
  auto platform = HeadlessPlatform::open();
  if (!platform) { report_error(platform.error().describe()); return kExitNoOpenGL; }
  HeadlessPlatform& headless = **platform;
  ctx.platform = std::move(*platform);
  auto renderer = render::Renderer::create();
  if (!renderer) { report_error(renderer.error().describe()); return kExitNoOpenGL; }
  ctx.renderer = std::move(*renderer);
  const auto upload_start = Clock::now();
  ctx.renderer->set_model(scene.model);
  glFinish();
  const double upload_ms = ms_since(upload_start);
  const auto hands_upload_start = Clock::now();
  ctx.renderer->set_hands(scene.hands);
  ctx.renderer->set_client(scene.client_model);
  glFinish();
  const double hands_upload_ms = ms_since(hands_upload_start);
  const render::Antialiasing antialiasing = options.antialias.value_or(render::Antialiasing::multisample);
  auto target = render::OffscreenTarget::create(options.size, antialiasing);
  if (!target) { report_error(target.error().describe()); return kExitBadInput; }
  headless.set_target(std::move(*target));

  const int frames = options.frames_set ? options.frames : 300;
  const double dt = 1.0 / options.fps;
  // The camera orbits during the run so the timing covers every side of the model.
  std::vector<double> frame_ms, sim_ms, draw_ms;
  frame_ms.reserve(static_cast<std::size_t>(frames));
  double first_frame_ms = 0.0;
  for (int i = 0; i < frames; ++i) {
    const auto t0 = Clock::now();
    advance(ctx, dt);
    scene.camera.orbit(static_cast<float>(2.0 * 3.14159265 / frames), 0.0f);
    const double sim = ms_since(t0);
    const auto t1 = Clock::now();
    compute_view(ctx);
    draw_scene(ctx);
    glFinish();  // count the GPU's work, not just command submission
    if (i == 0) {
      first_frame_ms = ms_since(start);
    } else {
      frame_ms.push_back(ms_since(t0));
      sim_ms.push_back(sim);
      draw_ms.push_back(ms_since(t1));
    }
  }
  const auto info = render::current_gl_info();
  std::printf("effleura benchmark: %dx%d, %d frames, %zu triangles + %zu in the hands, renderer %s\n",
              options.size.x, options.size.y, frames, scene.model.triangle_count(), scene.hands.triangle_count(),
              info.renderer.c_str());
  const char* antialias_name = antialiasing == render::Antialiasing::multisample ? "msaa 4x"
                               : antialiasing == render::Antialiasing::edge_filter ? "edge filter" : "off";
  std::printf("scene: technique %s, skin opacity %.2f, antialiasing %s\n",
              scene.simulation.technique() ? scene.simulation.technique()->id.c_str() : "none",
              static_cast<double>(scene.settings.skin_opacity), antialias_name);
  std::printf("model load (ms)               %10.1f\n", load_ms);
  std::printf("model upload (ms)             %10.1f\n", upload_ms);
  std::printf("hands load + upload (ms)      %10.1f + %.1f\n", hands_load_ms, hands_upload_ms);
  std::printf("content + simulation set-up (ms) %7.1f\n", content_ms);
  std::printf("start-up to first frame (ms)  %10.1f\n", first_frame_ms);
  std::printf("frame time median (ms)        %10.2f\n", percentile(frame_ms, 0.5));
  std::printf("frame time p95 (ms)           %10.2f\n", percentile(frame_ms, 0.95));
  std::printf("  simulation median (ms)      %10.2f   (technique, flow, particles)\n", percentile(sim_ms, 0.5));
  if (const technique::Timeline* tl = scene.simulation.timeline()) {
    // Both hands, their finger fit and contacts at one moment, spread over the whole timeline.
    technique::TechniqueFrame f;
    constexpr int kEvaluations = 2000;
    const auto t0 = Clock::now();
    for (int i = 0; i < kEvaluations; ++i) tl->evaluate(tl->duration() * i / kEvaluations, f);
    std::printf("  technique at one moment (us) %9.2f   (both hands, fingers fitted, contacts)\n",
                ms_since(t0) * 1000.0 / kEvaluations);
  }
  std::printf("  drawing median (ms)         %10.2f\n", percentile(draw_ms, 0.5));
  std::printf("peak resident memory (MB)     %10.1f\n", peak_resident_mb());
  return kExitOk;
}

}  // namespace effleura::app
