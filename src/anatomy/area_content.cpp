#include "anatomy/area_content.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>

#include "core/toml_reader.hpp"

namespace effleura::anatomy {
namespace {

template <class T>
std::unexpected<Error> bad(const Expected<T>& e) {
  return std::unexpected(e.error());
}

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

// Soft membership of x in [lo, hi]: 0.5 on the edges, 1 inside by more than falloff / 2.
float soft_interval(float x, float lo, float hi, float falloff) {
  const float inside = std::min(x - lo, hi - x);
  if (falloff <= 0.0f) return inside >= 0.0f ? 1.0f : 0.0f;
  return smoothstep(-0.5f * falloff, 0.5f * falloff, inside);
}

Expected<std::pair<float, float>> range(const TomlTable& t, std::string_view key, double lo,
                                        double hi) {
  auto v = t.numbers(key, 2);
  if (!v) return bad(v);
  if (!((*v)[0] >= lo && (*v)[1] <= hi && (*v)[0] < (*v)[1]))
    return std::unexpected(t.error_at(key, "expected [low, high] with " + std::to_string(lo) +
                                               " <= low < high <= " + std::to_string(hi)));
  return std::pair{static_cast<float>((*v)[0]), static_cast<float>((*v)[1])};
}

Expected<AreaRegion> read_region(const TomlTable& t) {
  if (auto k = t.only_keys({"shape", "along", "around", "falloff_along", "falloff_around"}); !k) return bad(k);
  AreaRegion r;
  if (t.has("shape")) {
    auto shape = t.one_of("shape", {"box", "diamond"});
    if (!shape) return bad(shape);
    r.shape = *shape == "diamond" ? RegionShape::diamond : RegionShape::box;
  }
  auto along = range(t, "along", -1.0, 3.0);
  if (!along) return bad(along);
  r.along_min = along->first;
  r.along_max = along->second;
  auto around = range(t, "around", -360.0, 720.0);
  if (!around) return bad(around);
  r.around_min = around->first;
  r.around_max = around->second;
  auto fa = t.number_or("falloff_along", 0.02, 0.0, 0.5);
  if (!fa) return bad(fa);
  r.falloff_along = static_cast<float>(*fa);
  auto fr = t.number_or("falloff_around", 20.0, 0.0, 180.0);
  if (!fr) return bad(fr);
  r.falloff_around = static_cast<float>(*fr);
  if (r.shape == RegionShape::diamond) {
    if (r.full_circle()) return std::unexpected(t.error_at("around", "a diamond needs a sector narrower than 360 degrees"));
    if (t.has("falloff_around"))
      return std::unexpected(t.error_at("falloff_around", "a diamond's edges all use falloff_along (metres)"));
  }
  return r;
}

Expected<AreaInfo> read_area(const TomlTable& t) {
  if (auto k = t.only_keys({"id", "name", "description", "muscles", "pressure", "pressure_mmhg",
                            "cautions", "region"});
      !k)
    return bad(k);
  AreaInfo a;
  std::vector<std::string> ids(kAreaIds.begin(), kAreaIds.end());
  auto id = t.one_of("id", ids);
  if (!id) return bad(id);
  a.id = *id;
  for (auto [key, out] : {std::pair{"name", &a.name}, {"description", &a.description}}) {
    auto s = t.string(key);
    if (!s) return bad(s);
    if (s->empty()) return std::unexpected(t.error_at(key, "must not be empty"));
    *out = *s;
  }
  auto muscles = t.strings("muscles");
  if (!muscles) return bad(muscles);
  a.muscles = *muscles;
  if (const toml::node* n = t.raw().get("muscles")) {
    a.muscles_line = static_cast<int>(n->source().begin.line);
    a.muscles_column = static_cast<int>(n->source().begin.column);
  }
  auto pressure = t.one_of("pressure", {"light", "medium", "firm"});
  if (!pressure) return bad(pressure);
  a.pressure = *pressure == "light" ? Pressure::light : *pressure == "medium" ? Pressure::medium : Pressure::firm;
  auto mmhg = range(t, "pressure_mmhg", 0.0, 300.0);
  if (!mmhg) return bad(mmhg);
  a.pressure_mmhg_min = mmhg->first;
  a.pressure_mmhg_max = mmhg->second;
  auto cautions = t.strings("cautions");
  if (!cautions) return bad(cautions);
  a.cautions = *cautions;
  auto region = t.table("region");
  if (!region) return bad(region);
  auto r = read_region(*region);
  if (!r) return bad(r);
  a.region = *r;
  return a;
}

Expected<AreaContent> read_content(const toml::table& table, const std::string& file) {
  const TomlTable root(table, file);
  if (auto k = root.only_keys({"reference_stature", "centreline", "area"}); !k) return bad(k);
  AreaContent c;
  c.file = file;
  auto rs = root.number("reference_stature", 1.0, 2.5);
  if (!rs) return bad(rs);
  c.reference_stature = static_cast<float>(*rs);
  auto cl = root.table("centreline");
  if (!cl) return bad(cl);
  if (auto k = cl->only_keys({"points"}); !k) return bad(k);
  const toml::node* pts = cl->raw().get("points");
  const toml::array* arr = pts ? pts->as_array() : nullptr;
  if (!arr || arr->size() < 2)
    return std::unexpected(cl->error_at("points", "expected a list of at least two [x, y, z] points"));
  for (const auto& row : *arr) {
    const toml::array* r = row.as_array();
    Error e{"expected [x, y, z] numbers, listed from the lowest point up", file,
            static_cast<int>(row.source().begin.line), static_cast<int>(row.source().begin.column),
            "centreline.points"};
    if (!r || r->size() != 3 || !(*r)[0].is_number() || !(*r)[1].is_number() || !(*r)[2].is_number())
      return std::unexpected(e);
    const glm::vec3 p(static_cast<float>((*r)[0].value<double>().value_or(0)),
                      static_cast<float>((*r)[1].value<double>().value_or(0)),
                      static_cast<float>((*r)[2].value<double>().value_or(0)));
    if (!c.centreline.empty() && !(p.y > c.centreline.back().y)) return std::unexpected(e);
    c.centreline.push_back(p);
  }
  auto list = root.tables("area");
  if (!list) return bad(list);
  std::array<bool, kAreaCount> seen{};
  for (const auto& t : *list) {
    auto a = read_area(t);
    if (!a) return bad(a);
    const std::size_t i = *area_index(a->id);
    if (seen[i]) return std::unexpected(t.error_at("id", "area \"" + a->id + "\" is described twice"));
    seen[i] = true;
    c.areas[i] = std::move(*a);
  }
  for (std::size_t i = 0; i < kAreaCount; ++i)
    if (!seen[i])
      return std::unexpected(root.error_at("area", "area \"" + std::string(kAreaIds[i]) +
                                                       "\" is missing; all nine areas must be described"));
  return c;
}

}  // namespace

std::string_view pressure_name(Pressure p) {
  switch (p) {
    case Pressure::light: return "light";
    case Pressure::medium: return "medium";
    case Pressure::firm: return "firm";
  }
  return "light";
}

glm::vec3 AreaContent::centre_at(float y) const {
  if (centreline.empty()) return glm::vec3(0.0f, y, 0.0f);
  if (y <= centreline.front().y) return glm::vec3(centreline.front().x, y, centreline.front().z);
  for (std::size_t i = 0; i + 1 < centreline.size(); ++i) {
    const glm::vec3 a = centreline[i], b = centreline[i + 1];
    if (y <= b.y) {
      const float t = (y - a.y) / (b.y - a.y);
      return glm::vec3(a.x + (b.x - a.x) * t, y, a.z + (b.z - a.z) * t);
    }
  }
  return glm::vec3(centreline.back().x, y, centreline.back().z);
}

namespace {

// A diamond's weight: a smoothstep across the signed distance (m) to the rhombus whose corners
// sit at the middle of the band's and the sector's sides. Angles become arc lengths on the
// circle through the point, so the edges are as soft as the other areas' in metres.
float diamond_weight(const AreaRegion& r, const glm::vec3& q, const glm::vec3& c) {
  // Near the centreline (the cut across the top) angles mean little: no arc shorter than 2 cm
  // radius, or every point there would sit on the diamond's edge.
  const float radius = std::max(std::hypot(q.x - c.x, q.z - c.z), 0.02f);
  const float angle = std::atan2(q.x - c.x, q.z - c.z) * (180.0f / glm::pi<float>());
  const float mid = 0.5f * (r.around_min + r.around_max);
  float delta = std::fmod(angle - mid, 360.0f);
  if (delta > 180.0f) delta -= 360.0f;
  if (delta < -180.0f) delta += 360.0f;
  const float half_width = 0.5f * (r.around_max - r.around_min) * (glm::pi<float>() / 180.0f) * radius;
  const float half_height = 0.5f * (r.along_max - r.along_min);
  const float across = std::abs(delta) * (glm::pi<float>() / 180.0f) * radius;
  const float up = std::abs(q.y - 0.5f * (r.along_min + r.along_max));
  if (half_width <= 0.0f) return 0.0f;
  // Distance to the edge line |across| / w + |up| / h = 1 (positive inside).
  const float inside = (1.0f - across / half_width - up / half_height) * half_width * half_height /
                       std::hypot(half_width, half_height);
  if (r.falloff_along <= 0.0f) return inside >= 0.0f ? 1.0f : 0.0f;
  return smoothstep(-0.5f * r.falloff_along, 0.5f * r.falloff_along, inside);
}

}  // namespace

float AreaContent::weight(std::size_t area, const glm::vec3& p, float stature) const {
  if (area >= kAreaCount || stature <= 0.0f) return 0.0f;
  const AreaRegion& r = areas[area].region;
  const glm::vec3 q = p * (reference_stature / stature);
  if (r.shape == RegionShape::diamond) return diamond_weight(r, q, centre_at(q.y));
  float w = soft_interval(q.y, r.along_min, r.along_max, r.falloff_along);
  if (w <= 0.0f || r.full_circle()) return w;
  const glm::vec3 c = centre_at(q.y);
  float angle = std::atan2(q.x - c.x, q.z - c.z) * (180.0f / glm::pi<float>());
  if (angle < 0.0f) angle += 360.0f;
  // Try the angle and its turns so sectors such as [300, 420] wrap through anterior.
  float best = 0.0f;
  for (float turn : {-360.0f, 0.0f, 360.0f})
    best = std::max(best, soft_interval(angle + turn, r.around_min, r.around_max, r.falloff_around));
  return w * best;
}

Expected<AreaContent> parse_area_content(std::string_view text, const std::string& source_name) {
  auto parsed = parse_toml_string(text, source_name);
  if (!parsed) return bad(parsed);
  return read_content(*parsed, source_name);
}

Expected<AreaContent> load_area_content(const std::filesystem::path& path) {
  auto parsed = parse_toml_file(path);
  if (!parsed) return bad(parsed);
  return read_content(*parsed, path.string());
}

}  // namespace effleura::anatomy
