#pragma once
// What the technique panel says after a hot reload (issue 19): nothing after a good reload;
// after a failed one, what happened to what is on screen, then the error. "Still playing the
// last good version" is true only while a technique plays; when the playing technique's own
// file is gone it has stopped, and the notice says so and that it resumes when the file returns.
#include <string>

#include "core/error.hpp"

namespace effleura::app {

class Simulation;

// After reloading poses.toml and the techniques.
std::string reload_notice(const Expected<void>& reloaded, const Simulation& sim);
// After reloading the open lesson or playlist.
std::string lesson_reload_notice(const Expected<void>& reloaded);

}  // namespace effleura::app
