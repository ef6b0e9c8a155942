#include "app/reload_notice.hpp"

#include <cstdio>

#include "app/simulation.hpp"

namespace effleura::app {

std::string reload_notice(const Expected<void>& reloaded, const Simulation& sim) {
  if (reloaded) return {};
  const std::string error = reloaded.error().describe();
  const std::string gone = sim.awaited_technique();
  if (!gone.empty()) {
    char at[32];
    std::snprintf(at, sizeof at, "%.1f s", sim.awaited_time());
    return "Stopped " + gone + " at " + at + ": its file techniques/" + gone +
           ".toml is gone or cannot be read. It plays on from there when the file is back.\n" + error;
  }
  if (sim.technique())
    return "Not reloaded, still playing the last good version:\n" + error;
  return "Not reloaded, the last good version is kept:\n" + error;
}

std::string lesson_reload_notice(const Expected<void>& reloaded) {
  if (reloaded) return {};
  return "The lesson or playlist was not reloaded, the last good version goes on:\n" +
         reloaded.error().describe();
}

}  // namespace effleura::app
