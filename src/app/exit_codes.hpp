#pragma once
// Exit statuses, as promised in the README: scripts and the kiosk watchdog rely on them.
namespace effleura::app {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,    // something failed while running (a file could not be written...)
  kExitBadInput = 2,   // bad flag or value, missing/unreadable/corrupt file, broken content
  kExitNoOpenGL = 3,   // no usable OpenGL 3.3 core context
};

}  // namespace effleura::app
