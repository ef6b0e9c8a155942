#pragma once
// A stroke written down: `effleura --headless --practice ID --stroke FILE.toml --report FILE.json`
// grades it, which is how practice is tested and how an instructor prepares "spot the mistake"
// examples (docs/practice/*.toml). The file lists points on the leg with time and pressure:
//
//   [[point]]
//   t = 0.0          # seconds from the stroke's start, each later than the one before
//   along = 0.15     # up the leg: 0.07 just above the ankle bones .. 0.95 the buttock
//   around = 180     # degrees round the leg, as in the technique files
//   pressure = 14    # mmHg
//
// Every problem comes back with file:line:column; nothing throws. No GL.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "practice/stroke.hpp"

namespace effleura::practice {

struct StrokePoint {
  double t = 0.0;
  float along = 0.0f;
  float around_deg = 0.0f;
  float pressure_mmhg = 0.0f;
};

struct StrokeFile {
  std::string note;                 // optional: what the example shows (for the instructor)
  std::vector<StrokePoint> points;  // at least two
};

Expected<StrokeFile> load_stroke_file(const std::filesystem::path& file);
Expected<StrokeFile> parse_stroke_string(std::string_view text, const std::string& source_name);

// The points on this leg's skin (sample_at), starting at `t0` seconds.
Stroke to_stroke(const StrokeFile& file, const anatomy::LegSurface& surface, double t0 = 0.0);
// The stroke at time `t` from its start: the point between the two nearest, linearly.
StrokePoint point_at(const StrokeFile& file, double t);

}  // namespace effleura::practice
