#pragma once
// Small models written by the tests themselves, so renderer and CLI tests do not depend on
// the generated leg (which changes as the anatomy improves).
#include "../support/scratch_dir.hpp"
#include "../support/test_paths.hpp"
#include <cmath>
#include <filesystem>
#include <fstream>
#include <utility>
#include <string>
#include <vector>

#include <unistd.h>

namespace effleura::test {

// A closed, leg-like lathe (radius by height, metres) as Wavefront OBJ with outward faces.
inline void write_lathe_obj(const std::filesystem::path& path, int segments = 48) {
  const std::vector<std::pair<float, float>> rings = {
      {0.00f, 0.000f}, {0.01f, 0.030f}, {0.06f, 0.038f}, {0.12f, 0.036f}, {0.35f, 0.062f},
      {0.49f, 0.057f}, {0.60f, 0.066f}, {0.85f, 0.098f}, {0.92f, 0.070f}, {0.94f, 0.000f}};
  std::ofstream out(path);
  out << "o skin\n";
  for (const auto& [y, r] : rings)
    for (int i = 0; i < segments; ++i) {
      const double a = 2.0 * 3.14159265358979 * i / segments;
      out << "v " << r * std::sin(a) << ' ' << y << ' ' << r * std::cos(a) << '\n';
    }
  const int n = segments;
  for (int k = 0; k + 1 < static_cast<int>(rings.size()); ++k)
    for (int i = 0; i < n; ++i) {
      const int a = k * n + i + 1, b = k * n + (i + 1) % n + 1;
      const int c = (k + 1) * n + (i + 1) % n + 1, d = (k + 1) * n + i + 1;
      out << "f " << a << ' ' << b << ' ' << c << "\nf " << a << ' ' << c << ' ' << d << '\n';
    }
}

}  // namespace effleura::test
