#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/flow_indices.hpp"
#include "app/headless_platform.hpp"
#include "app/memory_usage.hpp"
#include "app/runners.hpp"
#include "app/setup_times.hpp"
#include "render/gl.hpp"
#include "render/dynamic_resolution.hpp"
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

// One view the benchmark times: what is shown, and whether the window's interface is drawn.
struct BenchView {
  const char* name;
  render::LayerVisibility layers{};
  float skin_opacity = 1.0f;
  const char* technique = nullptr;  // nullptr: none
  bool interface = false;           // the explorer's panels, labels and caption (as the window)
};

// The views a plain `--bench` runs: what a student sees most (the opaque leg, the X-ray with
// every layer, the flow view as its panel button sets it, a technique with both hands, their
// forearms and the client, and that again with the window's panels).
std::vector<BenchView> standard_views() {
  std::vector<BenchView> v;
  v.push_back({"opaque"});
  v.push_back({"x-ray, all layers (--xray 0.35)", {}, 0.35f});
  v.push_back({"flow view (--xray 0.2 --layers skin,veins,bones)", {true, false, true, true, false, false}, 0.2f});
  v.push_back({"effleurage: hands, forearms, client", {}, 1.0f, "effleurage"});
  v.push_back({"effleurage + the window's panels", {}, 1.0f, "effleurage", true});
  return v;
}

struct ViewFigures {
  std::vector<double> wall_ms, cpu_ms, sim_ms, draw_ms, scale;
};

// Frames per block of --bench-still: the still room on for one block, off for the next. Each
// block with it on starts with two frames that draw everything (the key seen twice, then kept).
constexpr int kStillBlock = 20;

// Renders `frames` frames with the camera orbiting once round (so every side is timed); the
// first two (shader variants compiled, buffers first filled) are not counted.
// With --scene-scale auto the scene's scale follows the frame times as in a window (the camera
// always moves here, so it is never drawn sharp for being still).
// `still` (--bench-still): the camera rests, and the frames of every other block of kStillBlock
// are drawn with the still room off and counted in `*off` instead: A B A B in one run.
ViewFigures run_frames(Context& ctx, int frames, bool interface, render::SmoothedWindowTarget* scaled, bool dynamic,
                       ViewFigures* off = nullptr) {
  const double dt = ctx.fixed_dt;
  State& scene = ctx.state;
  ViewFigures f;
  render::DynamicResolution controller;
  for (int i = 0; i < frames; ++i) {
    if (scaled && dynamic) scaled->set_scene_scale(controller.scale());
    const double scale = scaled ? scaled->scene_scale() : 1.0;
    const bool room_off = off && (i / kStillBlock) % 2 == 1;
    if (off) ctx.renderer->set_still_room(!room_off);
    ViewFigures& into = room_off ? *off : f;
    const auto t0 = Clock::now();
    const double cpu0 = process_cpu_ms();
    double sim = 0.0;
    if (!off) scene.camera.orbit(static_cast<float>(2.0 * 3.14159265 / frames), 0.0f);
    if (interface) {
      frame(ctx, dt);  // the window's whole frame: input, simulation, scene, panels
    } else {
      advance(ctx, dt);
      sim = ms_since(t0);
      compute_view(ctx);
      draw_scene(ctx);
    }
    // A window's swap resolves the samples or runs the filter (the scaled target did in finish_scene).
    if (render::OffscreenTarget* target = ctx.platform->offscreen(); target && !scaled) target->resolve();
    ctx.platform->end_frame();  // glFinish: count the GPU's work, not just its submission
    if (dynamic) controller.update(ms_since(t0), true, dt);
    if (i < 2) continue;
    into.scale.push_back(scale);
    into.wall_ms.push_back(ms_since(t0));
    into.cpu_ms.push_back(process_cpu_ms() - cpu0);
    into.sim_ms.push_back(sim);
    into.draw_ms.push_back(into.wall_ms.back() - sim);
  }
  if (off) ctx.renderer->set_still_room(true);
  return f;
}

void print_view(const char* name, const ViewFigures& f, bool interface, bool scaled) {
  std::printf("view: %s\n", name);
  if (scaled)
    std::printf("  scene scale median (min)    %10.2f   (%.2f)\n", percentile(f.scale, 0.5),
                f.scale.empty() ? 1.0 : *std::min_element(f.scale.begin(), f.scale.end()));
  std::printf("  frame time median (ms)      %10.2f\n", percentile(f.wall_ms, 0.5));
  std::printf("  frame time p95 (ms)         %10.2f\n", percentile(f.wall_ms, 0.95));
  std::printf("  frame CPU median (ms)       %10.2f   (user + sys, all threads: compare this)\n",
              percentile(f.cpu_ms, 0.5));
  if (interface) return;
  std::printf("  simulation median (ms)      %10.2f   (technique, flow, particles)\n", percentile(f.sim_ms, 0.5));
  std::printf("  drawing median (ms)         %10.2f\n", percentile(f.draw_ms, 0.5));
}

// Puts `view` on screen the way the window's controls would.
void stage_view(Context& ctx, const BenchView& view) {
  State& scene = ctx.state;
  scene.settings.layers = view.layers;
  scene.settings.skin_opacity = view.skin_opacity;
  if (view.technique) {
    if (!scene.simulation.technique() || scene.simulation.technique()->id != view.technique) {
      (void)scene.simulation.select_technique(view.technique);  // a shipped technique
      scene.frame_technique(std::nullopt, false);
    }
  } else if (scene.simulation.technique()) {
    scene.simulation.clear_technique();
    scene.camera.reset(false);
  }
  ctx.style.overlay = view.interface;
  ctx.style.panels = view.interface;
}

}  // namespace

// `effleura --bench`: an EGL platform and the fixed clock; start-up step by step, then each
// view's frame time (wall and CPU). With --technique, --xray or --layers only that view is
// timed; without, the standard views.
int run_bench(const Options& options) {
  const auto start = Clock::now();
  const double start_cpu = process_cpu_ms();
  SetupTimes times;
  Context ctx;
  ctx.options = options;
  ctx.fixed_dt = 1.0 / options.fps;
  ctx.style.overlay = false;
  State& scene = ctx.state;
  scene.setup_times = &times;
  const DataPaths paths = resolve_data_paths(options);
  ctx.paths = paths;
  if (auto loaded = scene.load(options, paths); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  scene.setup_times = nullptr;
  // Without it the panels' view timed the clinic's figures being computed on the worker thread
  // (~5 s of CPU, counted in every frame's CPU time) on every run, never kept (sessions 12-13's
  // unexplained ~35 ms of panels).
  use_cached_flow_indices(ctx);
  if (options.bench_quick)
    // The panels then say the figures are not available; everything else is drawn as timed.
    ctx.state.flow_indices = FlowIndices([](const anatomy::VeinNetwork&, const flow::LegCondition&, flow::Posture,
                                            std::stop_token) -> Expected<FlowIndices::Figures> {
      return fail("left out of a quick bench (--bench-quick)");
    });
  times.restart();
  auto platform = HeadlessPlatform::open();
  if (!platform) { report_error(platform.error().describe()); return kExitNoOpenGL; }
  HeadlessPlatform& headless = **platform;
  ctx.platform = std::move(*platform);
  times.mark("EGL context");
  auto renderer = render::Renderer::create();
  if (!renderer) { report_error(renderer.error().describe()); return kExitNoOpenGL; }
  ctx.renderer = std::move(*renderer);
  glFinish();
  times.mark("shaders compiled");
  ctx.renderer->set_model(scene.model);
  glFinish();
  times.mark("leg uploaded");
  ctx.renderer->set_hands(scene.hands);
  ctx.renderer->set_client(scene.client_model);
  glFinish();
  times.mark("hands + client uploaded");
  const render::Antialiasing antialiasing = options.antialias.value_or(render::Antialiasing::multisample);
  auto target = render::OffscreenTarget::create(options.size, antialiasing);
  if (!target) { report_error(target.error().describe()); return kExitBadInput; }
  render::SmoothedWindowTarget* scaled = nullptr;
  if (options.scene_scale) {
    // The window's way: the scene offscreen at a scale, stretched into the full-size frame.
    auto output = render::OffscreenTarget::create(options.size, render::Antialiasing::none);
    if (!output) { report_error(output.error().describe()); return kExitBadInput; }
    auto made = std::make_unique<render::SmoothedWindowTarget>(std::move(*output), antialiasing);
    made->set_scene_scale(*options.scene_scale > 0.0f ? *options.scene_scale : 1.0f);
    scaled = made.get();
    headless.set_scaled_target(std::move(made));
  } else {
    headless.set_target(std::move(*target));
  }
  ctx.style.filter_subject = antialiasing == render::Antialiasing::edge_filter;  // as recordings do
  advance(ctx, ctx.fixed_dt);
  compute_view(ctx);
  draw_scene(ctx);
  if (!scaled) headless.offscreen()->resolve();
  glFinish();
  times.mark("first frame drawn");
  const double first_frame_ms = ms_since(start), first_frame_cpu = process_cpu_ms() - start_cpu;
  // Built on another thread since the upload; the window draws full meshes until they are in.
  ctx.renderer->finish_levels_of_detail();
  times.mark("levels of detail in (waited)");

  const auto info = render::current_gl_info();
  std::printf("effleura benchmark: %dx%d, %zu triangles + %zu in the hands + %zu in the client, renderer %s\n",
              options.size.x, options.size.y, scene.model.triangle_count(), scene.hands.triangle_count(),
              scene.client_model.triangle_count(), info.renderer.c_str());
  const char* antialias_name = antialiasing == render::Antialiasing::multisample ? "msaa 4x"
                               : antialiasing == render::Antialiasing::edge_filter ? "edge filter" : "off";
  std::printf("antialiasing %s\n", antialias_name);
  if (options.bench_quick)
    std::printf("quick bench (--bench-quick): a check that every figure is printed, not a measurement; "
                "clinic figures left out\n");
  std::printf("start-up, step by step            wall (ms)   CPU (ms)\n");
  for (const auto& step : times.steps())
    std::printf("  %-32s %9.1f  %9.1f\n", step.name.c_str(), step.wall_ms, step.cpu_ms);
  std::printf("start-up to first frame (ms)  %10.1f   (CPU %.1f; the levels of detail are built after it)\n",
              first_frame_ms, first_frame_cpu);

  const bool one_view = options.technique || options.xray || options.layers || options.panels;
  std::vector<BenchView> views;
  if (!one_view) views = standard_views();
  else views.push_back({"as asked", scene.settings.layers, scene.settings.skin_opacity});
  if (one_view && options.panels) {
    // --panels: the same view with the window's interface. Not all the difference is the
    // panels': the camera frames the leg into the room they leave, so the scene is drawn larger.
    views.push_back({"as asked + the window's panels", scene.settings.layers, scene.settings.skin_opacity, nullptr, true});
  }
  const int frames = options.frames_set ? options.frames : options.bench_quick ? 8 : (one_view ? 300 : 120);
  for (const BenchView& view : views) {
    if (!one_view) stage_view(ctx, view);
    else ctx.style.overlay = ctx.style.panels = view.interface;
    if (view.interface) {
      headless.enable_ui();
      // The window computes the Blood flow panel's clinic figures once for a leg (then reads them
      // from the start-up cache): wait for them here, so the frames time the panels, not the worker.
      const auto w0 = Clock::now();
      settle_panels(ctx, std::chrono::minutes(2));
      std::printf("panels settled (clinic figures %s) %6.0f ms, not timed\n",
                  options.bench_quick ? "left out" : "ready", ms_since(w0));
    }
    const bool dynamic = scaled && *options.scene_scale == 0.0f;
    if (options.bench_still) {
      ViewFigures off;
      const ViewFigures on = run_frames(ctx, frames + 2, view.interface, scaled, dynamic, &off);
      print_view((std::string(view.name) + ", camera still, still room on").c_str(), on, view.interface, scaled);
      print_view((std::string(view.name) + ", camera still, still room off").c_str(), off, view.interface, scaled);
    } else {
      print_view(view.name, run_frames(ctx, frames + 2, view.interface, scaled, dynamic), view.interface, scaled);
    }
  }
  if (const technique::Timeline* tl = scene.simulation.timeline()) {
    // Both hands, their finger fit and contacts at one moment, spread over the whole timeline.
    technique::TechniqueFrame f;
    const int evaluations = options.bench_quick ? 20 : 2000;
    const auto t0 = Clock::now();
    for (int i = 0; i < evaluations; ++i) tl->evaluate(tl->duration() * i / evaluations, f);
    std::printf("technique at one moment (us)  %10.2f   (both hands, fingers fitted, contacts)\n",
                ms_since(t0) * 1000.0 / evaluations);
  }
  std::printf("peak resident memory (MB)     %10.1f\n", peak_resident_mb());
  return kExitOk;
}

}  // namespace effleura::app
