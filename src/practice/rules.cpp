#include "practice/rules.hpp"
#include "practice/rules_reader.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "anatomy/areas.hpp"
#include "anatomy/model.hpp"
#include "anatomy/vein_network.hpp"

namespace effleura::practice {
namespace {

template <class T>
using E = Expected<T>;

constexpr float kVeinSpotSpacingM = 0.03f;

// A [low, high] pair of shares, low < high.
E<void> read_range(const TomlTable& t, std::string_view key, double min, double max, float& lo, float& hi) {
  if (!t.has(key)) return {};
  auto v = t.numbers(key, 2);
  if (!v) return std::unexpected(v.error());
  if (!((*v)[0] >= min && (*v)[1] <= max && (*v)[0] < (*v)[1]))
    return std::unexpected(t.error_at(key, "expected [low, high] with " + std::to_string(min).substr(0, 4) +
                                               " <= low < high <= " + std::to_string(max).substr(0, 4)));
  lo = static_cast<float>((*v)[0]);
  hi = static_cast<float>((*v)[1]);
  return {};
}

E<void> read_share(const TomlTable& t, std::string_view key, double min, double max, float& out) {
  if (!t.has(key)) return {};
  auto v = t.number(key, min, max);
  if (!v) return std::unexpected(v.error());
  out = static_cast<float>(*v);
  return {};
}

}  // namespace

E<Rules> read_rules(const toml::table& root, const std::string& file) {
  Rules r;
  TomlTable top(root, file);
  if (!top.has("practice")) return r;
  auto table = top.table("practice");
  if (!table) return std::unexpected(table.error());
  const TomlTable& t = *table;
  if (auto ok = t.only_keys({"direction", "tempo", "on_area", "pressure", "speed", "rhythm", "area_margin",
                             "area_pressure", "avoid", "avoid_mmhg", "avoid_radius_mm"});
      !ok)
    return std::unexpected(ok.error());
  r.from_content = true;
  if (t.has("direction")) {
    auto d = t.one_of("direction", {"toward-heart", "circular", "across-fibres", "in-place", "any"});
    if (!d) return std::unexpected(d.error());
    r.direction = *d;
  }
  if (t.has("tempo")) {
    auto v = t.number("tempo", 1.0, 240.0);
    if (!v) return std::unexpected(v.error());
    r.tempo = static_cast<float>(*v);
  }
  if (auto ok = read_share(t, "on_area", 0.0, 1.0, r.on_area); !ok) return std::unexpected(ok.error());
  if (auto ok = read_range(t, "pressure", 0.0, 10.0, r.pressure_low, r.pressure_high); !ok)
    return std::unexpected(ok.error());
  if (auto ok = read_range(t, "speed", 0.0, 20.0, r.speed_low, r.speed_high); !ok) return std::unexpected(ok.error());
  if (auto ok = read_share(t, "rhythm", 0.0, 1.0, r.rhythm); !ok) return std::unexpected(ok.error());
  if (auto ok = read_share(t, "area_margin", 0.0, 1.0, r.area_margin); !ok) return std::unexpected(ok.error());
  if (auto ok = read_share(t, "avoid_mmhg", 0.0, 120.0, r.avoid_mmhg); !ok) return std::unexpected(ok.error());
  if (t.has("avoid_radius_mm")) {
    auto v = t.number("avoid_radius_mm", 5.0, 100.0);
    if (!v) return std::unexpected(v.error());
    r.avoid_radius_m = static_cast<float>(*v / 1000.0);
  }
  if (t.has("area_pressure")) {
    auto bands = t.table("area_pressure");
    if (!bands) return std::unexpected(bands.error());
    for (const auto& [key, value] : bands->raw()) {
      const std::string id(key.str());
      const auto area = anatomy::area_index(id);
      if (!area) {
        std::string list;
        for (auto a : anatomy::kAreaIds) list += (list.empty() ? "" : ", ") + std::string(a);
        return std::unexpected(bands->error_at(id, "unknown area '" + id + "'; expected one of: " + list));
      }
      AreaBand band{*area};
      if (auto ok = read_range(*bands, id, 0.0, 120.0, band.lo_mmhg, band.hi_mmhg); !ok)
        return std::unexpected(ok.error());
      r.area_pressure.push_back(band);
    }
  }
  if (t.has("avoid")) {
    auto avoid = t.strings("avoid");
    if (!avoid) return std::unexpected(avoid.error());
    for (std::size_t i = 0; i < avoid->size(); ++i) {
      const std::string& id = (*avoid)[i];
      if (std::find(kAvoidIds.begin(), kAvoidIds.end(), id) == kAvoidIds.end()) {
        std::string list;
        for (auto a : kAvoidIds) list += (list.empty() ? "" : ", ") + std::string(a);
        return std::unexpected(t.error_at_item("avoid", i, "unknown spot '" + id + "'; expected one of: " + list));
      }
    }
    r.avoid = *avoid;
  }
  return r;
}

E<Rules> load_rules(const std::filesystem::path& technique_file) {
  auto root = parse_toml_file(technique_file);
  if (!root) return std::unexpected(root.error());
  return read_rules(*root, technique_file.string());
}

E<std::vector<LandmarkName>> load_landmark_names(const std::filesystem::path& file) {
  auto root = parse_toml_file(file);
  if (!root) return std::unexpected(root.error());
  TomlTable top(*root, file.string());
  auto list = top.tables("landmark");
  if (!list) return std::unexpected(list.error());
  std::vector<LandmarkName> out;
  for (const TomlTable& l : *list) {
    auto at = l.string("at");
    if (!at) return std::unexpected(at.error());
    auto name = l.string("name");
    if (!name) return std::unexpected(name.error());
    out.push_back({*at, *name});
  }
  return out;
}

std::vector<Spot> avoid_spots(const Rules& rules, std::span<const LandmarkName> names,
                              std::span<const anatomy::Landmark> landmarks, const anatomy::VeinNetwork* network,
                              std::span<const std::string> varicose_veins) {
  std::vector<Spot> out;
  for (const std::string& id : rules.avoid) {
    if (id == "varicose") {
      if (!network) continue;
      for (const std::string& vein_id : varicose_veins) {
        const anatomy::Vein* v = network->find(vein_id);
        if (!v || v->kind != anatomy::VeinKind::superficial || v->points.empty()) continue;
        const std::string label = "a marked varicose vein (" + v->name + ")";
        glm::vec3 last = v->points.front();
        out.push_back({label, last, true, vein_id});
        for (const glm::vec3& p : v->points) {
          // Points between the centre line's knots, so no stretch is left unmarked.
          const float gap = glm::length(p - last);
          const int n = static_cast<int>(std::floor(gap / kVeinSpotSpacingM));
          for (int k = 1; k <= n; ++k) out.push_back({label, last + (p - last) * (float(k) / float(n + 1)), true, vein_id});
          if (gap > 0.0f) out.push_back({label, p, true, vein_id});
          last = p;
        }
      }
      continue;
    }
    const auto named = std::find_if(names.begin(), names.end(), [&](const LandmarkName& n) { return n.id == id; });
    if (named == names.end()) continue;
    for (const anatomy::Landmark& l : landmarks)
      if (l.name == named->name) out.push_back({l.name, l.position, false, l.name});
  }
  return out;
}

}  // namespace effleura::practice
