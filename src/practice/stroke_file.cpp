#include "practice/stroke_file.hpp"

#include <algorithm>
#include <numbers>

#include "anatomy/leg_surface.hpp"
#include "core/toml_reader.hpp"

namespace effleura::practice {
namespace {

Expected<StrokeFile> read(const toml::table& root, const std::string& file) {
  TomlTable top(root, file);
  if (auto ok = top.only_keys({"note", "point"}); !ok) return std::unexpected(ok.error());
  StrokeFile out;
  if (auto note = top.optional_string("note")) out.note = *note;
  auto points = top.tables("point");
  if (!points) return std::unexpected(points.error());
  for (const TomlTable& p : *points) {
    if (auto ok = p.only_keys({"t", "along", "around", "pressure"}); !ok) return std::unexpected(ok.error());
    auto t = p.number("t", 0.0, 600.0);
    if (!t) return std::unexpected(t.error());
    auto along = p.number("along", anatomy::kLegAlongMin, anatomy::kLegAlongMax);
    if (!along) return std::unexpected(along.error());
    auto around = p.number("around", -360.0, 720.0);
    if (!around) return std::unexpected(around.error());
    auto pressure = p.number("pressure", 0.0, 120.0);
    if (!pressure) return std::unexpected(pressure.error());
    if (!out.points.empty() && !(*t > out.points.back().t))
      return std::unexpected(p.error_at("t", "t = " + std::to_string(*t).substr(0, 6) +
                                                 " does not come after the previous point's t"));
    out.points.push_back({*t, static_cast<float>(*along), static_cast<float>(*around), static_cast<float>(*pressure)});
  }
  if (out.points.size() < 2)
    return std::unexpected(top.error_at("point", "a stroke needs at least two [[point]] tables (t, along, around, "
                                                 "pressure)"));
  return out;
}

}  // namespace

Expected<StrokeFile> load_stroke_file(const std::filesystem::path& file) {
  auto root = parse_toml_file(file);
  if (!root) return std::unexpected(root.error());
  return read(*root, file.string());
}

Expected<StrokeFile> parse_stroke_string(std::string_view text, const std::string& source_name) {
  auto root = parse_toml_string(text, source_name);
  if (!root) return std::unexpected(root.error());
  return read(*root, source_name);
}

StrokePoint point_at(const StrokeFile& file, double t) {
  const auto& p = file.points;
  if (p.empty()) return {};
  if (t <= p.front().t) return p.front();
  if (t >= p.back().t) return p.back();
  const auto next = std::upper_bound(p.begin(), p.end(), t, [](double x, const StrokePoint& q) { return x < q.t; });
  const StrokePoint& b = *next;
  const StrokePoint& a = *(next - 1);
  const float k = static_cast<float>((t - a.t) / (b.t - a.t));
  return {t, a.along + (b.along - a.along) * k, a.around_deg + (b.around_deg - a.around_deg) * k,
          a.pressure_mmhg + (b.pressure_mmhg - a.pressure_mmhg) * k};
}

Stroke to_stroke(const StrokeFile& file, const anatomy::LegSurface& surface, double t0) {
  // Sampled as the window samples a drag (30 a second), so the grading sees the same kind of
  // stroke whether it was drawn or written down.
  constexpr double kDt = 1.0 / 30.0;
  Stroke out;
  if (file.points.empty()) return out;
  const double start = file.points.front().t, end = file.points.back().t;
  for (double t = start;; t += kDt) {
    const StrokePoint q = point_at(file, std::min(t, end));
    const float around = q.around_deg * std::numbers::pi_v<float> / 180.0f;
    out.samples.push_back(sample_at(surface, t0 + std::min(t, end) - start, surface.position(q.along, around),
                                    q.pressure_mmhg));
    if (t >= end) break;
  }
  return out;
}

}  // namespace effleura::practice
