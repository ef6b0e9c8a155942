#include "app/reload_notice.hpp"

#include <cstdio>

#include "app/simulation.hpp"
#include "ui/tr.hpp"

namespace effleura::app {

// The English here is en.toml's [ui.reload] (a test keeps the two equal): the hot-reload tests
// and a run without locales still read whole sentences.
std::string reload_notice(const Expected<void>& reloaded, const Simulation& sim) {
  if (reloaded) return {};
  const std::string error = reloaded.error().describe();
  const std::string gone = sim.awaited_technique();
  if (!gone.empty()) {
    char at[32];
    std::snprintf(at, sizeof at, "%.1f", sim.awaited_time());
    return ui::trf_or("ui.reload.stopped",
                      "Stopped {technique} at {seconds} s: its file techniques/{technique}.toml is gone or cannot be "
                      "read. It plays on from there when the file is back.",
                      {{"technique", gone}, {"seconds", at}}) +
           "\n" + error;
  }
  if (sim.technique())
    return ui::trf_or("ui.reload.still-playing", "Not reloaded, still playing the last good version:") + "\n" + error;
  return ui::trf_or("ui.reload.kept", "Not reloaded, the last good version is kept:") + "\n" + error;
}

std::string lesson_reload_notice(const Expected<void>& reloaded) {
  if (reloaded) return {};
  return ui::trf_or("ui.reload.lesson", "The lesson or playlist was not reloaded, the last good version goes on:") + "\n" +
         reloaded.error().describe();
}

}  // namespace effleura::app
