// `effleura --headless [--screenshot FILE.png]`: an EGL platform and the fixed clock; renders
// --frames frames and writes the last.
#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/client_muscles.hpp"
#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/flow_replay.hpp"
#include "app/frame.hpp"
#include "app/runners.hpp"
#include "practice/stroke_file.hpp"

namespace effleura::app {

int run_headless(const Options& options) {
  // A bad stroke file is refused before the content and the GL context are set up (a third of
  // a second in Release, seconds under the sanitizers); prepare_practice reads it again to play.
  if (options.practice && options.stroke) {
    if (auto stroke = practice::load_stroke_file(*options.stroke); !stroke) {
      report_error(stroke.error().describe());
      return kExitBadInput;
    }
  }
  Context ctx;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  if (const int status = open_headless(ctx); status != kExitOk) return status;
  ctx.style.panels = ctx.style.panels || options.panels;  // --panels: the picture as the window shows it
  if (const int status = prepare_practice(ctx, options, true); status != kExitOk) return status;
  // A practised stroke is shown once it has been drawn and graded (unless --frames says when).
  const int frames = ctx.practice.playing() && !options.frames_set
                         ? static_cast<int>(std::lround((ctx.practice.script_seconds() + 1.0) * options.fps))
                         : options.frames;
  // --panels: the panels as a window shows them after a moment (app/frame.hpp).
  // Their plots as after playing to --at (app/flow_replay.hpp), then settled.
  if (ctx.style.panels) {
    // A walking client's own pumps too, on the drawn stride (kGait's phase), as each frame sets them.
    const MusclesBefore muscles = [&state = ctx.state](double before_s) {
      const double back = std::ceil(before_s / flow::kGait.period_s) * flow::kGait.period_s;  // whole strides: same phase
      return client_muscles(state.client, state.simulation.posture, back - before_s);
    };
    const double span_s = static_cast<double>(FlowHistory::kSamples) * FlowHistory::kInterval;
    if (ctx.state.simulation.playback())
      replay_flow_history(ctx.state.simulation, ctx.state.history, ctx.fixed_dt, span_s, muscles);
    else  // walking with no technique: the client's own pumps since it started to walk (--at)
      replay_muscles_history(ctx.state.simulation, ctx.state.history, ctx.fixed_dt, ctx.state.client.walk_time(),
                             span_s, muscles);
    settle_panels(ctx, std::chrono::minutes(2));
  }
  for (int i = 0; i < frames; ++i) frame(ctx, i > 0 ? ctx.fixed_dt : 0.0);
  if (options.screenshot) {
    auto written = render::write_png(ctx.platform->target().capture(), *options.screenshot);
    if (!written) {
      report_error(written.error().describe());
      return kExitBadInput;
    }
    std::printf("wrote %s (%dx%d)\n", options.screenshot->string().c_str(), options.size.x, options.size.y);
  }
  return kExitOk;
}

}  // namespace effleura::app
