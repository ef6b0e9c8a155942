#pragma once
// Drains GL's error queue; the kiosk logs what it finds each frame, so a driver problem on a
// screen nobody watches is on record rather than silent.
#include <string>

namespace effleura::render {

// Empty when there was no error; otherwise the error names, comma-separated.
std::string take_gl_errors();

}  // namespace effleura::render
