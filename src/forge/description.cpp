#include "forge/description.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "core/toml_reader.hpp"

namespace effleura::forge {
namespace {

template <class T>
std::unexpected<Error> bad(const Expected<T>& e) {
  return std::unexpected(e.error());
}

Error located_at(const toml::node& node, const std::string& file, const std::string& key,
                 std::string message) {
  return Error{std::move(message), file, static_cast<int>(node.source().begin.line),
               static_cast<int>(node.source().begin.column), key};
}

// A list of fixed-width rows of numbers, e.g. points = [[x, y, z, r], ...].
// `wider` > width allows rows of that many numbers instead (all rows alike).
Expected<std::vector<std::vector<float>>> rows(const TomlTable& t, std::string_view key,
                                               std::size_t width, std::size_t min_rows,
                                               std::size_t wider = 0) {
  const toml::node* n = t.raw().get(key);
  const std::string widths = std::to_string(width) + (wider > width ? " or " + std::to_string(wider) : "");
  const std::string want = "a list of at least " + std::to_string(min_rows) + " rows of " + widths + " numbers";
  if (!n) return std::unexpected(t.error_at(key, "missing; expected " + want));
  const toml::array* arr = n->as_array();
  if (!arr || arr->size() < min_rows) return std::unexpected(t.error_at(key, "expected " + want));
  std::vector<std::vector<float>> out;
  const toml::array* first = arr->front().as_array();
  if (wider > width && first && first->size() == wider) width = wider;
  for (const auto& row : *arr) {
    const toml::array* r = row.as_array();
    if (!r || r->size() != width)
      return std::unexpected(located_at(row, t.file(), t.qualified(key),
                                        "expected a row of " + (row.as_array() == first ? widths : std::to_string(width)) +
                                            " numbers"));
    std::vector<float> vals;
    for (const auto& v : *r) {
      if (!v.is_number())
        return std::unexpected(located_at(v, t.file(), t.qualified(key), "expected a number"));
      // Every row holds positions or directions in metres on a leg about 1 m long; -9.2e18
      // or inf would reach the mesher as a volume of absurd size.
      if (!(std::abs(v.value<double>().value_or(0.0)) <= 3.0))
        return std::unexpected(located_at(v, t.file(), t.qualified(key), "expected a number within +-3 m"));
      vals.push_back(static_cast<float>(v.value<double>().value_or(0.0)));
    }
    out.push_back(std::move(vals));
  }
  return out;
}

Expected<glm::vec3> vec3(const TomlTable& t, std::string_view key, double lo, double hi) {
  auto v = t.numbers(key, 3);
  if (!v) return bad(v);
  for (double x : *v)
    if (!(x >= lo && x <= hi))
      return std::unexpected(t.error_at(key, "each number must lie between " + std::to_string(lo) +
                                                 " and " + std::to_string(hi)));
  return glm::vec3(static_cast<float>((*v)[0]), static_cast<float>((*v)[1]),
                   static_cast<float>((*v)[2]));
}

Expected<float> num(const TomlTable& t, std::string_view key, double lo, double hi) {
  auto v = t.number(key, lo, hi);
  if (!v) return bad(v);
  return static_cast<float>(*v);
}

Expected<float> num_or(const TomlTable& t, std::string_view key, double fallback, double lo,
                       double hi) {
  auto v = t.number_or(key, fallback, lo, hi);
  if (!v) return bad(v);
  return static_cast<float>(*v);
}

// Resamples a chain along a Catmull-Rom spline through its points (positions and radii): a
// tube whose radius changes slope at every point shows a ring crease under the skin, a
// spline keeps the belly's outline smooth. The spline is still drawn as straight round cones,
// and each joint between two cones turns the surface by a small angle over a narrow band; with
// cones many centimetres long those joints read as flat facets with bright edges wherever the
// skin over a belly is thin (the back of the knee showed a light rectangular patch where the
// gastrocnemius heads begin). Cones no longer than kMaxSegment keep every turn below what
// the eye picks out.
constexpr float kMaxSegment = 0.005f;  // metres, at the reference stature

Chain smooth_chain(const Chain& in) {
  if (in.points.size() < 3) return in;
  Chain out;
  const std::size_t n = in.points.size();
  auto at = [&](std::ptrdiff_t i) {
    return in.points[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(n) - 1))];
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto s = static_cast<std::ptrdiff_t>(i);
    const ChainPoint p0 = at(s - 1), p1 = at(s), p2 = at(s + 1), p3 = at(s + 2);
    const int steps = std::max(3, static_cast<int>(std::ceil(glm::length(p2.p - p1.p) / kMaxSegment)));
    for (int k = 0; k < steps; ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(steps);
      const float t2 = t * t, t3 = t2 * t;
      const float w0 = -0.5f * t3 + t2 - 0.5f * t, w1 = 1.5f * t3 - 2.5f * t2 + 1.0f,
                  w2 = -1.5f * t3 + 2.0f * t2 + 0.5f * t, w3 = 0.5f * t3 - 0.5f * t2;
      ChainPoint q;
      q.p = p0.p * w0 + p1.p * w1 + p2.p * w2 + p3.p * w3;
      q.r = std::max(0.5f * std::min(p1.r, p2.r), p0.r * w0 + p1.r * w1 + p2.r * w2 + p3.r * w3);
      out.points.push_back(q);
    }
  }
  out.points.push_back(in.points.back());
  return out;
}

// The same resampling for a sheet's centre line and half-width vectors: the iliotibial band
// is drawn from six points 6-10 cm apart, and its flat segments showed through the thin skin
// of the outer thigh as a pale panel with a horizontal edge at every point.
Sheet smooth_sheet(const Sheet& in) {
  if (in.points.size() < 3) return in;
  Sheet out;
  out.thickness = in.thickness;
  auto at_half = [&](std::ptrdiff_t i) {
    return in.half[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(in.points.size()) - 1))];
  };
  const std::size_t n = in.points.size();
  auto at = [&](const std::vector<glm::vec3>& v, std::ptrdiff_t i) {
    return v[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(n) - 1))];
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto s = static_cast<std::ptrdiff_t>(i);
    const float length = glm::length(in.points[i + 1] - in.points[i]);
    const int steps = std::max(3, static_cast<int>(std::ceil(length / (2.0f * kMaxSegment))));
    for (int k = 0; k < steps; ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(steps);
      const float t2 = t * t, t3 = t2 * t;
      const float w0 = -0.5f * t3 + t2 - 0.5f * t, w1 = 1.5f * t3 - 2.5f * t2 + 1.0f,
                  w2 = -1.5f * t3 + 2.0f * t2 + 0.5f * t, w3 = 0.5f * t3 - 0.5f * t2;
      out.points.push_back(at(in.points, s - 1) * w0 + at(in.points, s) * w1 + at(in.points, s + 1) * w2 +
                           at(in.points, s + 2) * w3);
      out.across.push_back(at(in.across, s - 1) * w0 + at(in.across, s) * w1 + at(in.across, s + 1) * w2 +
                           at(in.across, s + 2) * w3);
      // The spline overshoots a little between a thick and a thin point; never below half the
      // thinner one (as for a chain's radii).
      if (!in.half.empty())
        out.half.push_back(std::max(0.5f * std::min(at_half(s), at_half(s + 1)),
                                    at_half(s - 1) * w0 + at_half(s) * w1 + at_half(s + 1) * w2 + at_half(s + 2) * w3));
    }
  }
  out.points.push_back(in.points.back());
  out.across.push_back(in.across.back());
  if (!in.half.empty()) out.half.push_back(in.half.back());
  return out;
}

Expected<glm::vec3> landmark_at(const Description& d, const TomlTable& t, std::string_view key) {
  auto id = t.string(key);
  if (!id) return bad(id);
  if (const Landmark* l = d.landmark(*id)) return l->p;
  return std::unexpected(t.error_at(key, "unknown landmark \"" + *id + "\" (see leg.toml [landmarks])"));
}

// Parts shared by bones, muscles and pads: [[x.chain]], [[x.ellipsoid]], [[x.sheet]].
Expected<Shape> read_shape(const Description& d, const TomlTable& t) {
  Shape s;
  auto blend = num_or(t, "blend", 0.005, 0.0, 0.2);
  if (!blend) return bad(blend);
  s.blend = *blend;

  auto chains = t.tables("chain");
  if (!chains) return bad(chains);
  for (const auto& c : *chains) {
    if (auto k = c.only_keys({"points", "from", "from_radius", "to", "to_radius"}); !k) return bad(k);
    Chain chain;
    if (c.has("from")) {
      auto p = landmark_at(d, c, "from");
      if (!p) return bad(p);
      auto r = num(c, "from_radius", 0.0005, 0.3);
      if (!r) return bad(r);
      chain.points.push_back({*p, *r});
    }
    if (c.has("points")) {
      auto pts = rows(c, "points", 4, 1);
      if (!pts) return bad(pts);
      for (const auto& row : *pts) {
        if (!(row[3] > 0.0f && row[3] < 0.3f))
          return std::unexpected(c.error_at("points", "each radius (4th number) must be in (0, 0.3) m"));
        chain.points.push_back({glm::vec3(row[0], row[1], row[2]), row[3]});
      }
    }
    if (c.has("to")) {
      auto p = landmark_at(d, c, "to");
      if (!p) return bad(p);
      auto r = num(c, "to_radius", 0.0005, 0.3);
      if (!r) return bad(r);
      chain.points.push_back({*p, *r});
    }
    if (chain.points.size() < 2)
      return std::unexpected(c.error_at("points", "a chain needs at least two points (from, points, to)"));
    Chain smooth = smooth_chain(chain);
    index_chain(smooth);
    s.chains.push_back(std::move(smooth));
  }

  for (const char* part : {"ellipsoid", "carve"}) {
    auto ells = t.tables(part);
    if (!ells) return bad(ells);
    for (const auto& e : *ells) {
      if (auto k = e.only_keys({"centre", "at", "offset", "radii", "rotate"}); !k) return bad(k);
      Ellipsoid el;
      if (e.has("at")) {
        auto p = landmark_at(d, e, "at");
        if (!p) return bad(p);
        el.centre = *p;
        if (e.has("offset")) {
          auto o = vec3(e, "offset", -0.5, 0.5);
          if (!o) return bad(o);
          el.centre += *o;
        }
      } else {
        auto c = vec3(e, "centre", -2.0, 3.0);
        if (!c) return bad(c);
        el.centre = *c;
      }
      auto r = vec3(e, "radii", 0.0005, 0.5);
      if (!r) return bad(r);
      el.radii = *r;
      if (e.has("rotate")) {
        auto rot = vec3(e, "rotate", -360.0, 360.0);
        if (!rot) return bad(rot);
        el.rotate_deg = *rot;
      }
      (std::string_view(part) == "carve" ? s.carves : s.ellipsoids).push_back(el);
    }
  }

  auto sheets = t.tables("sheet");
  if (!sheets) return bad(sheets);
  for (const auto& sh : *sheets) {
    if (auto k = sh.only_keys({"points", "thickness"}); !k) return bad(k);
    // [x, y, z, half-width vector] or, for a belly whose depth changes along it (a flat
    // muscle), [x, y, z, half-width vector, thickness].
    auto pts = rows(sh, "points", 6, 2, 7);
    if (!pts) return bad(pts);
    Sheet out;
    const bool per_point = pts->front().size() == 7;
    if (per_point && sh.has("thickness"))
      return std::unexpected(sh.error_at("thickness", "give the thickness either here or as each point's 7th number, not both"));
    if (!per_point) {
      auto th = num(sh, "thickness", 0.0002, 0.05);
      if (!th) return bad(th);
      out.thickness = *th * 0.5f;
    }
    for (const auto& row : *pts) {
      out.points.emplace_back(row[0], row[1], row[2]);
      out.across.emplace_back(row[3], row[4], row[5]);
      if (per_point) {
        if (!(row[6] >= 0.0002f && row[6] <= 0.08f))
          return std::unexpected(sh.error_at("points", "each thickness (7th number) must be in [0.0002, 0.08] m"));
        out.half.push_back(0.5f * row[6]);
      }
    }
    s.sheets.push_back(smooth_sheet(out));
  }
  if (s.chains.empty() && s.ellipsoids.empty() && s.sheets.empty())
    return std::unexpected(t.error_at("id", "has no parts: give at least one chain, ellipsoid or sheet"));
  return s;
}

Expected<std::vector<Body>> read_bodies(const Description& d, const std::filesystem::path& path,
                                        const std::string& array_key, bool muscles) {
  auto parsed = parse_toml_file(path);
  if (!parsed) return bad(parsed);
  const TomlTable root(*parsed, path.string());
  if (auto k = root.only_keys({array_key}); !k) return bad(k);
  auto list = root.tables(array_key);
  if (!list) return bad(list);
  if (list->empty()) return std::unexpected(root.error_at(array_key, "no [[" + array_key + "]] entries"));
  std::vector<Body> out;
  for (const auto& t : *list) {
    std::vector<std::string> keys{"id", "name", "blend", "triangles", "chain", "ellipsoid", "sheet", "carve"};
    if (muscles) {
      for (const char* k : {"origin", "insertion", "via", "kind", "tendon_origin", "tendon_insertion", "envelope"}) keys.emplace_back(k);
    } else {
      for (const char* k : {"foot", "skin"}) keys.emplace_back(k);
    }
    if (auto k = t.only_keys(keys); !k) return bad(k);
    Body b;
    auto id = t.string("id");
    if (!id) return bad(id);
    if (id->empty() || id->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
      return std::unexpected(t.error_at("id", "ids use lower-case letters, digits and '-'"));
    b.id = *id;
    auto name = t.string("name");
    if (!name) return bad(name);
    b.name = *name;
    auto tris = t.number_or("triangles", 1500, 100, 60000);
    if (!tris) return bad(tris);
    b.triangles = static_cast<std::size_t>(*tris);
    std::string prefix = "bone.";
    if (muscles) {
      auto kind = t.has("kind") ? t.one_of("kind", {"muscle", "tendon", "band"})
                                : Expected<std::string>(std::string("muscle"));
      if (!kind) return bad(kind);
      prefix = *kind + ".";
      auto t0 = num_or(t, "tendon_origin", 0.0, 0.0, 0.9);
      if (!t0) return bad(t0);
      auto t1 = num_or(t, "tendon_insertion", 0.0, 0.0, 0.9);
      if (!t1) return bad(t1);
      b.tendon_origin = *kind == "muscle" ? *t0 : 1.0f;
      b.tendon_insertion = *kind == "muscle" ? *t1 : 1.0f;
      for (const char* k : {"origin", "insertion"}) {
        auto lm = t.string(k);
        if (!lm) return bad(lm);
        if (!d.landmark(*lm))
          return std::unexpected(t.error_at(k, "unknown landmark \"" + *lm + "\" (see leg.toml [landmarks])"));
        (std::string_view(k) == "origin" ? b.origin : b.insertion) = *lm;
      }
      if (t.has("via")) {
        auto lm = t.string("via");
        if (!lm) return bad(lm);
        if (!d.landmark(*lm))
          return std::unexpected(t.error_at("via", "unknown landmark \"" + *lm + "\" (see leg.toml [landmarks])"));
        b.via = *lm;
      }
    } else {
      auto foot = t.boolean_or("foot", false);
      if (!foot) return bad(foot);
      b.moves_with_foot = *foot;
      auto skin = t.boolean_or("skin", true);
      if (!skin) return bad(skin);
      b.in_skin = *skin;
    }
    b.mesh_name = prefix + b.id;
    for (const auto& other : out)
      if (other.mesh_name == b.mesh_name)
        return std::unexpected(t.error_at("id", "id \"" + b.id + "\" is used twice"));
    auto shape = read_shape(d, t);
    if (!shape) return bad(shape);
    b.shape = std::move(*shape);
    if (muscles && t.has("envelope")) {
      auto env = t.table("envelope");
      if (!env) return bad(env);
      if (auto k = env->only_keys({"blend", "chain", "ellipsoid", "sheet"}); !k) return bad(k);
      auto env_shape = read_shape(d, *env);
      if (!env_shape) return bad(env_shape);
      b.envelope = std::move(*env_shape);
    }
    out.push_back(std::move(b));
  }
  return out;
}

Expected<void> read_leg(Description& d, const std::filesystem::path& path) {
  auto parsed = parse_toml_file(path);
  if (!parsed) return bad(parsed);
  const TomlTable root(*parsed, path.string());
  if (auto k = root.only_keys({"leg", "landmarks", "joints"}); !k) return bad(k);
  auto leg = root.table("leg");
  if (!leg) return bad(leg);
  if (auto k = leg->only_keys({"reference_stature", "body_voxel"}); !k) return bad(k);
  auto rs = num(*leg, "reference_stature", 1.0, 2.5);
  if (!rs) return bad(rs);
  d.reference_stature = d.stature = *rs;
  auto bv = num_or(*leg, "body_voxel", 0.0025, 0.0005, 0.02);
  if (!bv) return bad(bv);
  d.body_voxel = *bv;
  auto lms = root.table("landmarks");
  if (!lms) return bad(lms);
  // toml++ tables are ordered by key; keep that order (deterministic, independent of hashing).
  for (const auto& [key, node] : lms->raw()) {
    const std::string id(key.str());
    auto p = vec3(*lms, id, -2.0, 3.0);
    if (!p) return bad(p);
    d.landmarks.push_back({id, *p});
  }
  auto joints = root.table("joints");
  if (!joints) return bad(joints);
  if (auto k = joints->only_keys({"hip", "knee", "ankle"}); !k) return bad(k);
  for (auto [key, out] : {std::pair{"hip", &d.hip}, {"knee", &d.knee}, {"ankle", &d.ankle}}) {
    auto p = landmark_at(d, *joints, key);
    if (!p) return bad(p);
    *out = *p;
  }
  return {};
}

Expected<void> read_skin(Description& d, const std::filesystem::path& path) {
  auto parsed = parse_toml_file(path);
  if (!parsed) return bad(parsed);
  const TomlTable root(*parsed, path.string());
  if (auto k = root.only_keys({"skin", "pad"}); !k) return bad(k);
  auto skin = root.table("skin");
  if (!skin) return bad(skin);
  if (auto k = skin->only_keys({"blend", "voxel", "triangles", "top", "midline_x", "crotch",
                                "cut_round", "ankle_full_below", "ankle_none_above", "level"});
      !k)
    return bad(k);
  SkinSpec& s = d.skin;
  struct F {
    const char* key;
    float* out;
    double lo, hi;
  };
  for (const F& f : {F{"blend", &s.blend, 0.0, 0.1}, F{"voxel", &s.voxel, 0.0005, 0.02},
                     F{"top", &s.top_y, 0.5, 2.5}, F{"midline_x", &s.midline_x, -0.5, 0.5},
                     F{"crotch", &s.crotch_y, 0.3, 2.0}, F{"cut_round", &s.cut_round, 0.0, 0.1},
                     F{"ankle_full_below", &s.ankle_full_below, 0.0, 0.5},
                     F{"ankle_none_above", &s.ankle_none_above, 0.0, 0.5}}) {
    auto v = num(*skin, f.key, f.lo, f.hi);
    if (!v) return bad(v);
    *f.out = *v;
  }
  if (!(s.ankle_none_above > s.ankle_full_below))
    return std::unexpected(skin->error_at("ankle_none_above", "must be above ankle_full_below"));
  auto tris = skin->number("triangles", 1000, 140000);
  if (!tris) return bad(tris);
  s.triangles = static_cast<std::size_t>(*tris);
  auto levels = skin->tables("level");
  if (!levels) return bad(levels);
  if (levels->size() < 2) return std::unexpected(skin->error_at("level", "needs at least two [[skin.level]] entries"));
  for (const auto& l : *levels) {
    if (auto k = l.only_keys({"y", "thickness", "blend", "circumference", "source"}); !k) return bad(k);
    SkinLevel lv;
    auto y = num(l, "y", -0.1, 2.5);
    if (!y) return bad(y);
    lv.y = *y;
    auto th = num_or(l, "thickness", 0.005, 0.0, 0.1);
    if (!th) return bad(th);
    lv.thickness = *th;
    auto lb = num_or(l, "blend", s.blend, 0.0, 0.1);
    if (!lb) return bad(lb);
    lv.blend = *lb;
    if (l.has("circumference")) {
      auto c = num(l, "circumference", 0.05, 2.0);
      if (!c) return bad(c);
      lv.circumference = *c;
    }
    lv.source = l.optional_string("source").value_or("");
    if (!s.levels.empty() && !(lv.y > s.levels.back().y))
      return std::unexpected(l.error_at("y", "levels must be listed from the lowest up"));
    s.levels.push_back(lv);
  }
  auto pads = root.tables("pad");
  if (!pads) return bad(pads);
  for (const auto& p : *pads) {
    if (auto k = p.only_keys({"id", "blend", "chain", "ellipsoid", "sheet"}); !k) return bad(k);
    auto shape = read_shape(d, p);
    if (!shape) return bad(shape);
    s.pads.push_back(std::move(*shape));
  }
  return {};
}

}  // namespace

const Landmark* Description::landmark(const std::string& id) const {
  auto it = std::find_if(landmarks.begin(), landmarks.end(), [&](const Landmark& l) { return l.id == id; });
  return it == landmarks.end() ? nullptr : &*it;
}

Expected<Description> load_description(const std::filesystem::path& dir) {
  Description d;
  if (auto r = read_leg(d, dir / "leg.toml"); !r) return std::unexpected(r.error());
  auto bones = read_bodies(d, dir / "bones.toml", "bone", false);
  if (!bones) return bad(bones);
  d.bones = std::move(*bones);
  auto muscles = read_bodies(d, dir / "muscles.toml", "muscle", true);
  if (!muscles) return bad(muscles);
  d.muscles = std::move(*muscles);
  if (auto r = read_skin(d, dir / "skin.toml"); !r) return std::unexpected(r.error());
  return d;
}

void scale_to_stature(Description& d, float stature) {
  const float s = stature / d.reference_stature;
  d.stature = stature;
  for (auto& l : d.landmarks) l.p *= s;
  d.hip *= s;
  d.knee *= s;
  d.ankle *= s;
  for (auto* list : {&d.bones, &d.muscles})
    for (auto& b : *list) {
      b.shape.scale(s);
      if (b.envelope) b.envelope->scale(s);
    }
  for (auto& p : d.skin.pads) p.scale(s);
  SkinSpec& k = d.skin;
  for (auto& l : k.levels) {
    l.y *= s;
    l.thickness *= s;
    l.blend *= s;
    if (l.circumference) *l.circumference *= s;
  }
  k.blend *= s;
  k.top_y *= s;
  k.midline_x *= s;
  k.crotch_y *= s;
  k.cut_round *= s;
  k.ankle_full_below *= s;
  k.ankle_none_above *= s;
}

}  // namespace effleura::forge
