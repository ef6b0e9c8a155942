#include "anatomy/vein_network.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/files.hpp"
#include "core/toml_reader.hpp"

namespace effleura::anatomy {
namespace {

bool is_kebab(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Error at_node(const toml::node& node, const std::string& file, std::string key, std::string msg) {
  const auto& src = node.source();
  return Error{std::move(msg), file, static_cast<int>(src.begin.line),
               static_cast<int>(src.begin.column), std::move(key)};
}

Expected<std::vector<glm::vec3>> read_points(const TomlTable& t) {
  const toml::node* n = t.raw().get("points");
  if (!n) return std::unexpected(t.error_at("points", "missing; expected a list of [x, y, z] points in metres"));
  const toml::array* arr = n->as_array();
  if (!arr || arr->size() < 2)
    return std::unexpected(t.error_at("points", "expected a list of at least two [x, y, z] points"));
  std::vector<glm::vec3> out;
  for (const auto& item : *arr) {
    const toml::array* p = item.as_array();
    bool ok = p && p->size() == 3;
    glm::vec3 v{0.0f};
    for (std::size_t i = 0; ok && i < 3; ++i) {
      const toml::node& c = *p->get(i);
      if (!c.is_number()) {
        ok = false;
        break;
      }
      const double d = c.value<double>().value_or(0.0);
      if (!(std::abs(d) <= 3.0)) {
        ok = false;
        break;
      }
      v[static_cast<int>(i)] = static_cast<float>(d);
    }
    if (!ok)
      return std::unexpected(at_node(item, t.file(), t.qualified("points"),
                                     "expected [x, y, z] in metres (each within +-3 m)"));
    if (!out.empty() && glm::distance(out.back(), v) < 1e-4f)
      return std::unexpected(at_node(item, t.file(), t.qualified("points"),
                                     "repeats the previous point; points must be distinct"));
    out.push_back(v);
  }
  return out;
}

Expected<Vein> read_vein(const TomlTable& t) {
  if (auto ok = t.only_keys({"id", "name", "kind", "outflow", "inlet", "radius_mm", "radii_mm",
                             "volume_ml", "paired", "compliance_per_mmhg", "valves",
                             "inflow_start_ml_min", "inflow_along_ml_min",
                             "outlet_resistance_mmhg_s_per_ml", "collapse_stiffness_mmhg",
                             "circular_transmural_mmhg", "points"});
      !ok)
    return std::unexpected(ok.error());
  Vein v;
  auto id = t.string("id");
  if (!id) return std::unexpected(id.error());
  if (!is_kebab(*id))
    return std::unexpected(t.error_at("id", "expected a kebab-case id such as \"great-saphenous\""));
  v.id = *id;
  v.name = t.optional_string("name").value_or(v.id);
  auto kind = t.one_of("kind", {"deep", "superficial", "perforator", "sinus"});
  if (!kind) return std::unexpected(kind.error());
  v.kind = *kind == "deep"          ? VeinKind::deep
           : *kind == "superficial" ? VeinKind::superficial
           : *kind == "perforator"  ? VeinKind::perforator
                                    : VeinKind::sinus;
  auto outflow = t.string("outflow");
  if (!outflow) return std::unexpected(outflow.error());
  v.outflow = *outflow;
  if (t.has("inlet")) {  // optional, but when present it must name a vein (not `inlet = 42`)
    auto inlet = t.string("inlet");
    if (!inlet) return std::unexpected(inlet.error());
    v.inlet = *inlet;
  }
  auto points = read_points(t);
  if (!points) return std::unexpected(points.error());
  v.points = std::move(*points);

  auto paired = t.number_or("paired", 1, 1, 4);
  if (!paired) return std::unexpected(paired.error());
  v.paired = static_cast<int>(*paired);
  auto compliance = t.number_or("compliance_per_mmhg", 0.02, 0.001, 0.2);
  if (!compliance) return std::unexpected(compliance.error());
  v.compliance_per_mmhg = *compliance;

  const int given = (t.has("radius_mm") ? 1 : 0) + (t.has("radii_mm") ? 1 : 0) + (t.has("volume_ml") ? 1 : 0);
  if (given != 1)
    return std::unexpected(t.error_at("id", "give exactly one of radius_mm, radii_mm or volume_ml"));
  if (t.has("radius_mm")) {
    auto r = t.number("radius_mm", 0.3, 20.0);
    if (!r) return std::unexpected(r.error());
    v.radii_m.assign(v.points.size(), static_cast<float>(*r * 1e-3));
  } else if (t.has("radii_mm")) {
    auto r = t.numbers("radii_mm", v.points.size());
    if (!r) return std::unexpected(r.error());
    for (double x : *r) {
      if (!(x >= 0.3 && x <= 20.0))
        return std::unexpected(t.error_at("radii_mm", "expected radii from 0.3 to 20 mm, one per point"));
      v.radii_m.push_back(static_cast<float>(x * 1e-3));
    }
  } else {
    auto vol = t.number("volume_ml", 0.5, 200.0);
    if (!vol) return std::unexpected(vol.error());
    const double r = std::sqrt(*vol * 1e-6 / (std::numbers::pi * v.paired * v.length_m()));
    v.radii_m.assign(v.points.size(), static_cast<float>(r));
  }

  if (t.has("valves")) {
    const toml::array* arr = t.raw().get("valves")->as_array();
    if (!arr) return std::unexpected(t.error_at("valves", "expected a list of fractions from 0 to 1"));
    for (const auto& item : *arr) {
      const double f = item.value<double>().value_or(-1.0);
      if (!item.is_number() || !(f >= 0.0 && f <= 1.0))
        return std::unexpected(at_node(item, t.file(), t.qualified("valves"),
                                       "expected a fraction of the vein's length from 0 to 1"));
      v.valves.push_back(f);
    }
  }
  auto in_start = t.number_or("inflow_start_ml_min", 0.0, 0.0, 1000.0);
  if (!in_start) return std::unexpected(in_start.error());
  v.inflow_start_ml_min = *in_start;
  auto in_along = t.number_or("inflow_along_ml_min", 0.0, 0.0, 1000.0);
  if (!in_along) return std::unexpected(in_along.error());
  v.inflow_along_ml_min = *in_along;
  auto outlet = t.number_or("outlet_resistance_mmhg_s_per_ml", 0.0, 0.0, 100.0);
  if (!outlet) return std::unexpected(outlet.error());
  v.outlet_resistance_mmhg_s_per_ml = *outlet;
  auto stiff = t.number_or("collapse_stiffness_mmhg", 0.0, 0.0, 100.0);
  if (!stiff) return std::unexpected(stiff.error());
  v.collapse_stiffness_mmhg = *stiff;
  if (t.has("circular_transmural_mmhg")) {
    auto round = t.number("circular_transmural_mmhg", -20.0, 40.0);
    if (!round) return std::unexpected(round.error());
    v.circular_transmural_mmhg = *round;
  }
  return v;
}

Expected<void> read_params(const TomlTable& root, VeinNetworkParams& p) {
  if (root.has("network")) {
    auto t = root.table("network");
    if (!t) return std::unexpected(t.error());
    if (auto ok = t->only_keys({"segment_length_m", "central_venous_pressure_mmhg",
                                "reference_above_hip_m", "arterial_pressure_mmhg",
                                "nominal_venous_pressure_mmhg", "central_resistance_mmhg_s_per_ml",
                                "circular_transmural_mmhg", "collapse_stiffness_mmhg", "calf_top_m",
                                "calf_muscle_deep_fraction", "fascia_transmission", "ankle_vein",
                                "femoral_vein"});
        !ok)
      return ok;
    struct Field { const char* key; double* out; double lo; double hi; };
    const Field fields[] = {
        {"segment_length_m", &p.segment_length_m, 0.005, 0.5},
        {"central_venous_pressure_mmhg", &p.central_venous_pressure_mmhg, -10.0, 30.0},
        {"reference_above_hip_m", &p.reference_above_hip_m, 0.0, 1.0},
        {"arterial_pressure_mmhg", &p.arterial_pressure_mmhg, 40.0, 200.0},
        {"nominal_venous_pressure_mmhg", &p.nominal_venous_pressure_mmhg, 0.0, 39.0},
        {"central_resistance_mmhg_s_per_ml", &p.central_resistance_mmhg_s_per_ml, 1e-4, 10.0},
        {"circular_transmural_mmhg", &p.circular_transmural_mmhg, 0.5, 50.0},
        {"collapse_stiffness_mmhg", &p.collapse_stiffness_mmhg, 0.5, 100.0},
        {"calf_top_m", &p.calf_top_m, 0.1, 0.9},
        {"calf_muscle_deep_fraction", &p.calf_muscle_deep_fraction, 0.0, 1.0},
        {"fascia_transmission", &p.fascia_transmission, 0.0, 1.0}};
    for (const auto& f : fields) {
      auto v = t->number_or(f.key, *f.out, f.lo, f.hi);
      if (!v) return std::unexpected(v.error());
      *f.out = *v;
    }
    p.ankle_vein = t->optional_string("ankle_vein").value_or(p.ankle_vein);
    p.femoral_vein = t->optional_string("femoral_vein").value_or(p.femoral_vein);
  }
  if (root.has("valves")) {
    auto t = root.table("valves");
    if (!t) return std::unexpected(t.error());
    if (auto ok = t->only_keys({"closing_time_superficial_s", "closing_time_perforator_s",
                                "closing_time_deep_s", "opening_time_s", "closing_pressure_mmhg",
                                "leak_fraction"});
        !ok)
      return ok;
    struct Field { const char* key; double* out; double lo; double hi; };
    const Field fields[] = {{"closing_time_superficial_s", &p.closing_time_superficial_s, 0.01, 2.0},
                            {"closing_time_perforator_s", &p.closing_time_perforator_s, 0.01, 2.0},
                            {"closing_time_deep_s", &p.closing_time_deep_s, 0.01, 2.0},
                            {"opening_time_s", &p.opening_time_s, 0.005, 2.0},
                            {"closing_pressure_mmhg", &p.closing_pressure_mmhg, 0.1, 1000.0},
                            {"leak_fraction", &p.leak_fraction, 0.0, 0.1}};
    for (const auto& f : fields) {
      auto v = t->number_or(f.key, *f.out, f.lo, f.hi);
      if (!v) return std::unexpected(v.error());
      *f.out = *v;
    }
  }
  return {};
}

}  // namespace

std::string_view vein_kind_name(VeinKind kind) {
  switch (kind) {
    case VeinKind::deep: return "deep";
    case VeinKind::superficial: return "superficial";
    case VeinKind::perforator: return "perforator";
    case VeinKind::sinus: return "sinus";
  }
  return "deep";
}

double Vein::length_m() const {
  double len = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i)
    len += static_cast<double>(glm::distance(points[i - 1], points[i]));
  return len;
}

namespace {
// Index of the polyline piece holding `fraction`, and the local parameter inside it.
std::pair<std::size_t, float> locate(const Vein& v, double fraction) {
  const double target = std::clamp(fraction, 0.0, 1.0) * v.length_m();
  double walked = 0.0;
  for (std::size_t i = 1; i < v.points.size(); ++i) {
    const double piece = static_cast<double>(glm::distance(v.points[i - 1], v.points[i]));
    if (walked + piece >= target || i + 1 == v.points.size()) {
      const double t = piece > 0.0 ? std::clamp((target - walked) / piece, 0.0, 1.0) : 0.0;
      return {i - 1, static_cast<float>(t)};
    }
    walked += piece;
  }
  return {0, 0.0f};
}
}  // namespace

glm::vec3 Vein::point_at(double fraction) const {
  if (points.empty()) return glm::vec3(0.0f);
  if (points.size() == 1) return points.front();
  auto [i, t] = locate(*this, fraction);
  return points[i] + (points[i + 1] - points[i]) * t;
}

float Vein::radius_at(double fraction) const {
  if (radii_m.empty()) return 0.0f;
  if (radii_m.size() == 1) return radii_m.front();
  auto [i, t] = locate(*this, fraction);
  return radii_m[i] + (radii_m[i + 1] - radii_m[i]) * t;
}

const Vein* VeinNetwork::find(std::string_view id) const {
  for (const auto& v : veins)
    if (v.id == id) return &v;
  return nullptr;
}

std::optional<std::size_t> VeinNetwork::index_of(std::string_view id) const {
  for (std::size_t i = 0; i < veins.size(); ++i)
    if (veins[i].id == id) return i;
  return std::nullopt;
}

std::vector<std::string> VeinNetwork::ids() const {
  std::vector<std::string> out;
  for (const auto& v : veins) out.push_back(v.id);
  return out;
}

Expected<VeinNetwork> parse_vein_network(std::string_view text, const std::string& source_name) {
  auto parsed = parse_toml_string(text, source_name);
  if (!parsed) return std::unexpected(parsed.error());
  TomlTable root(*parsed, source_name);
  if (auto ok = root.only_keys({"network", "valves", "vein"}); !ok) return std::unexpected(ok.error());
  VeinNetwork net;
  if (auto ok = read_params(root, net.params); !ok) return std::unexpected(ok.error());
  auto tables = root.tables("vein");
  if (!tables) return std::unexpected(tables.error());
  if (tables->empty()) return std::unexpected(root.error_at("vein", "expected at least one [[vein]]"));
  for (const auto& t : *tables) {
    auto v = read_vein(t);
    if (!v) return std::unexpected(v.error());
    if (net.find(v->id)) return std::unexpected(t.error_at("id", "duplicate vein id '" + v->id + "'"));
    net.veins.push_back(std::move(*v));
  }
  // Connections: every outflow and inlet names a known vein, and following outflows from any
  // vein reaches "central" (no loops), so blood always has a way out.
  std::string known;
  for (const auto& v : net.veins) known += (known.empty() ? "" : ", ") + v.id;
  bool any_central = false;
  for (std::size_t i = 0; i < net.veins.size(); ++i) {
    const Vein& v = net.veins[i];
    const TomlTable& t = (*tables)[i];
    if (v.outflow == "central") {
      any_central = true;
    } else if (!net.find(v.outflow) || v.outflow == v.id) {
      return std::unexpected(t.error_at("outflow", "unknown vein '" + v.outflow +
                                                       "'; expected \"central\" or one of: " + known));
    }
    if (!v.inlet.empty() && (!net.find(v.inlet) || v.inlet == v.id))
      return std::unexpected(t.error_at("inlet", "unknown vein '" + v.inlet + "'; expected one of: " + known));
    std::size_t hops = 0;
    const Vein* cur = &v;
    while (cur->outflow != "central" && hops <= net.veins.size()) {
      cur = net.find(cur->outflow);
      ++hops;
    }
    if (hops > net.veins.size())
      return std::unexpected(t.error_at("outflow", "outflows form a loop and never reach \"central\""));
  }
  if (!any_central)
    return std::unexpected(root.error_at("vein", "no vein has outflow = \"central\""));
  if (!net.find(net.params.ankle_vein))
    return std::unexpected(Error{"ankle_vein names unknown vein '" + net.params.ankle_vein + "'",
                                 source_name, 0, 0, "network.ankle_vein"});
  if (!net.find(net.params.femoral_vein))
    return std::unexpected(Error{"femoral_vein names unknown vein '" + net.params.femoral_vein + "'",
                                 source_name, 0, 0, "network.femoral_vein"});
  return net;
}

Expected<VeinNetwork> load_vein_network(const std::filesystem::path& path) {
  auto text = read_text_file(path);
  if (!text) return std::unexpected(text.error());
  return parse_vein_network(*text, path.string());
}

}  // namespace effleura::anatomy
