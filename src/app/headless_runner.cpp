// `effleura --headless [--screenshot FILE.png]`: an EGL platform and the fixed clock; renders
// --frames frames and writes the last.
#include <cstdio>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/runners.hpp"

namespace effleura::app {

int run_headless(const Options& options) {
  Context ctx;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  if (const int status = open_headless(ctx); status != kExitOk) return status;
  for (int i = 0; i < options.frames; ++i) frame(ctx, i > 0 ? ctx.fixed_dt : 0.0);
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
