#include "technique/technique_loader.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>
#include <system_error>

#include "anatomy/area_content.hpp"
#include "anatomy/areas.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/toml_reader.hpp"

namespace effleura::technique {
namespace {

template <class T>
using E = Expected<T>;

// Pressure bands (estimates, mmHg) each category may claim as its typical peak.
struct Band {
  const char* name;
  double lo;
  double hi;
};
constexpr std::array<Band, 3> kBands{{{"light", 5, 30}, {"medium", 20, 60}, {"firm", 40, 100}}};

// Behind the knee only light pressure (subject.md, precautions): the popliteal fossa as a box in
// surface coordinates, and the most a keyframe may press there.
constexpr float kPoplitealLow = 0.43f;
constexpr float kPoplitealHigh = 0.55f;
constexpr float kPoplitealHalfAngle = 35.0f * std::numbers::pi_v<float> / 180.0f;
constexpr float kPoplitealMaxMmHg = 15.0f;  // content/areas.toml: popliteal 5-15 mmHg

constexpr double kMaxKeyPressure = 120.0;  // far above firm massage; anything more is a typo

struct Context {
  const PoseLibrary& poses;
  const anatomy::AreaContent* areas;  // for area-relative keyframes; may be null
};

std::string fmt(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

E<Keyframe> read_key(const TomlTable& k, const Context& ctx, SurfaceKind* surface_of_hand) {
  const PoseLibrary& poses = ctx.poses;
  if (auto ok = k.only_keys({"t", "surface", "along", "around", "u", "v", "area", "at", "roll",
                             "pose", "pressure", "contact", "lift_mm", "tissue_mm"});
      !ok)
    return std::unexpected(ok.error());
  Keyframe key;
  key.line = static_cast<int>(k.raw().source().begin.line);
  auto t = k.number("t", 0.0, 600.0);
  if (!t) return std::unexpected(t.error());
  key.t = static_cast<float>(*t);

  std::string surface = "leg";
  if (k.has("surface")) {
    auto s = k.one_of("surface", {"leg", "sole"});
    if (!s) return std::unexpected(s.error());
    surface = *s;
  }
  key.surface = surface == "sole" ? SurfaceKind::sole : SurfaceKind::leg;
  if (surface_of_hand) {
    if (*surface_of_hand != key.surface)
      return std::unexpected(k.error_at(k.has("surface") ? "surface" : "t",
                                        "a hand keeps to one surface within a step; start a new "
                                        "step to move between leg and sole"));
  }
  if (k.has("area")) {
    if (key.surface != SurfaceKind::leg)
      return std::unexpected(k.error_at("area", "area-relative keyframes are on the leg, not the sole"));
    for (const char* other : {"along", "around", "u", "v"})
      if (k.has(other))
        return std::unexpected(k.error_at(other, "give either area and at, or along and around"));
    auto area = k.string("area");
    if (!area) return std::unexpected(area.error());
    const auto index = anatomy::area_index(*area);
    if (!index) {
      std::string list;
      for (auto a : anatomy::kAreaIds) list += (list.empty() ? "" : ", ") + std::string(a);
      return std::unexpected(k.error_at("area", "unknown area '" + *area + "'; expected one of: " + list));
    }
    if (!ctx.areas)
      return std::unexpected(k.error_at("area", "area-relative keyframes need content/areas.toml; "
                                                "load it and pass it to the technique loader"));
    auto at = k.numbers("at", 2);
    if (!at) return std::unexpected(at.error());
    for (std::size_t i = 0; i < 2; ++i)
      if ((*at)[i] < 0.0 || (*at)[i] > 1.0)
        return std::unexpected(k.error_at_item("at", i, "expected a fraction from 0 to 1 (0 = bottom or "
                                                   "first edge of the area, 1 = top or last edge)"));
    const anatomy::AreaRegion& r = ctx.areas->areas[*index].region;
    const double along = r.along_min + (*at)[0] * (r.along_max - r.along_min);
    const double around = r.around_min + (*at)[1] * (r.around_max - r.around_min);
    key.a = static_cast<float>(std::clamp(along, static_cast<double>(anatomy::kLegAlongMin),
                                          static_cast<double>(anatomy::kLegAlongMax)));
    key.b = static_cast<float>(around * std::numbers::pi / 180.0);
  } else if (key.surface == SurfaceKind::leg) {
    if (k.has("u") || k.has("v"))
      return std::unexpected(k.error_at(k.has("u") ? "u" : "v",
                                        "u and v belong to surface = \"sole\"; on the leg use "
                                        "along and around"));
    // Below the leg's lowest section a hand lies on the heel (technique/skin_side.hpp).
    auto along = k.number("along", anatomy::kHeelAlongMin, anatomy::kLegAlongMax);
    if (!along) return std::unexpected(along.error());
    auto around = k.number("around", -360.0, 720.0);
    if (!around) return std::unexpected(around.error());
    key.a = static_cast<float>(*along);
    key.b = static_cast<float>(*around * std::numbers::pi / 180.0);
  } else {
    if (k.has("along") || k.has("around"))
      return std::unexpected(k.error_at(k.has("along") ? "along" : "around",
                                        "along and around belong to the leg; on the sole use u "
                                        "(0 heel .. 1 toes) and v (-1 medial .. 1 lateral)"));
    auto u = k.number("u", 0.0, 1.0);
    if (!u) return std::unexpected(u.error());
    auto v = k.number("v", -1.0, 1.0);
    if (!v) return std::unexpected(v.error());
    key.a = static_cast<float>(*u);
    key.b = static_cast<float>(*v);
  }
  auto roll = k.number_or("roll", 0.0, -360.0, 360.0);
  if (!roll) return std::unexpected(roll.error());
  key.roll = static_cast<float>(*roll * std::numbers::pi / 180.0);

  auto pose = k.string("pose");
  if (!pose) return std::unexpected(pose.error());
  auto pi = poses.index(*pose);
  if (!pi)
    return std::unexpected(
        k.error_at("pose", "unknown pose '" + *pose + "'; expected one of: " + poses.names()));
  key.pose = *pi;

  auto contact = k.boolean_or("contact", true);
  if (!contact) return std::unexpected(contact.error());
  key.contact = *contact;

  if (k.has("pressure")) {
    const toml::node* n = k.raw().get("pressure");
    if (n->is_number() && n->value<double>().value_or(0.0) < 0.0)
      return std::unexpected(k.error_at("pressure", "pressure must not be negative (mmHg); use "
                                                    "0 and contact = false for a lifted hand"));
    auto p = k.number("pressure", 0.0, kMaxKeyPressure);
    if (!p) return std::unexpected(p.error());
    key.pressure_mmhg = static_cast<float>(*p);
  } else if (key.contact) {
    return std::unexpected(k.error_at("pressure", "missing; a hand in contact needs a pressure "
                                                  "in mmHg (0 to 120)"));
  }
  if (!key.contact && key.pressure_mmhg > 0.0f)
    return std::unexpected(k.error_at("pressure", "a lifted hand presses nothing: pressure must "
                                                  "be 0 when contact = false"));
  auto lift = k.number_or("lift_mm", key.contact ? 0.0 : 30.0, 0.0, 200.0);
  if (!lift) return std::unexpected(lift.error());
  if (key.contact && *lift > 0.0)
    return std::unexpected(k.error_at("lift_mm", "a hand in contact has no lift; set contact = "
                                                 "false to raise it"));
  if (!key.contact && *lift < 5.0)
    return std::unexpected(k.error_at("lift_mm", "a lifted hand needs at least 5 mm of lift, or "
                                                 "it would graze the skin"));
  key.lift_m = static_cast<float>(*lift * 1e-3);
  // Skin and muscle the grip lifts (+) or presses into a fold (-) here: kneading and squeezing.
  auto tissue = k.number_or("tissue_mm", 0.0, -10.0, 20.0);
  if (!tissue) return std::unexpected(tissue.error());
  if (!key.contact && *tissue != 0.0)
    return std::unexpected(k.error_at("tissue_mm", "a lifted hand holds no tissue: tissue_mm must be 0 when "
                                                   "contact = false"));
  key.tissue_m = static_cast<float>(*tissue * 1e-3);
  return key;
}

bool in_popliteal(const Keyframe& k) {
  if (k.surface != SurfaceKind::leg) return false;
  if (k.a < kPoplitealLow || k.a > kPoplitealHigh) return false;
  const float two_pi = 2.0f * std::numbers::pi_v<float>;
  float d = std::fmod(k.b - std::numbers::pi_v<float>, two_pi);
  if (d > std::numbers::pi_v<float>) d -= two_pi;
  if (d < -std::numbers::pi_v<float>) d += two_pi;
  return std::abs(d) <= kPoplitealHalfAngle;
}

E<std::vector<Keyframe>> read_hand(const TomlTable& step, std::string_view hand, float duration,
                                   float max_scale, const Context& ctx) {
  if (!step.has(hand))
    return std::unexpected(step.error_at(hand, "missing; every step needs keyframes for both "
                                               "hands ([[step.left]] and [[step.right]])"));
  auto tables = step.tables(hand);
  if (!tables) return std::unexpected(tables.error());
  if (tables->size() < 2)
    return std::unexpected(step.error_at(hand, "expected at least two keyframes (t = 0 and t = "
                                               "duration)"));
  std::vector<Keyframe> keys;
  for (const TomlTable& k : *tables) {
    auto key = read_key(k, ctx, keys.empty() ? nullptr : &keys.front().surface);
    if (!key) return std::unexpected(key.error());
    if (keys.empty() && key->t != 0.0f)
      return std::unexpected(k.error_at("t", "the first keyframe of a cycle must be at t = 0"));
    if (!keys.empty() && !(key->t > keys.back().t))
      return std::unexpected(k.error_at("t", "keyframe times must increase: t = " + fmt(key->t) +
                                                 " does not come after t = " + fmt(keys.back().t)));
    if (key->t > duration + 1e-4f)
      return std::unexpected(k.error_at("t", "t = " + fmt(key->t) + " is past the step's "
                                             "duration (" + fmt(duration) + " s)"));
    if (in_popliteal(*key) && key->pressure_mmhg * max_scale > kPoplitealMaxMmHg)
      return std::unexpected(k.error_at("pressure", "behind the knee only light pressure: at most " +
                                                        fmt(kPoplitealMaxMmHg) + " mmHg after the "
                                                        "step's pressure_scale"));
    keys.push_back(*key);
  }
  if (std::abs(keys.back().t - duration) > 1e-4f)
    return std::unexpected(tables->back().error_at("t", "the last keyframe must be at t = duration (" +
                                                            fmt(duration) + " s) so cycles join up"));
  return keys;
}

E<Oscillation> read_oscillation(const TomlTable& step) {
  Oscillation o;
  if (step.has("tap") && step.has("shake"))
    return std::unexpected(step.error_at("shake", "a step has either tap or shake, not both"));
  if (!step.has("tap") && !step.has("shake")) return o;
  const bool tap = step.has("tap");
  auto t = step.table(tap ? "tap" : "shake");
  if (!t) return std::unexpected(t.error());
  if (tap) {
    if (auto ok = t->only_keys({"hz", "lift_mm", "duty", "phase", "hands"}); !ok) return std::unexpected(ok.error());
  } else {
    if (auto ok = t->only_keys({"hz", "amplitude_mm", "phase", "hands"}); !ok) return std::unexpected(ok.error());
  }
  o.kind = tap ? Oscillation::Kind::tap : Oscillation::Kind::shake;
  auto hz = t->number("hz", tap ? 0.5 : 1.0, tap ? 10.0 : 15.0);
  if (!hz) return std::unexpected(hz.error());
  o.frequency_hz = static_cast<float>(*hz);
  auto amp = tap ? t->number("lift_mm", 2.0, 80.0) : t->number("amplitude_mm", 0.5, 10.0);
  if (!amp) return std::unexpected(amp.error());
  o.amplitude_m = static_cast<float>(*amp * 1e-3);
  if (tap) {
    auto duty = t->number_or("duty", 0.35, 0.1, 0.9);
    if (!duty) return std::unexpected(duty.error());
    o.duty = static_cast<float>(*duty);
  }
  if (t->has("phase")) {
    auto ph = t->numbers("phase", 2);
    if (!ph) return std::unexpected(ph.error());
    o.phase = {static_cast<float>((*ph)[0]), static_cast<float>((*ph)[1])};
  }
  if (t->has("hands")) {
    auto names = t->strings("hands");
    if (!names) return std::unexpected(names.error());
    o.active = {false, false};
    for (std::size_t i = 0; i < names->size(); ++i) {
      const std::string& n = (*names)[i];
      if (n != "left" && n != "right")
        return std::unexpected(t->error_at_item("hands", i, "expected \"left\" and/or \"right\", got \"" + n + "\""));
      o.active[n == "left" ? 0 : 1] = true;
    }
    if (!o.active[0] && !o.active[1])
      return std::unexpected(t->error_at("hands", "expected at least one of \"left\" and \"right\""));
  }
  return o;
}

// A joint's keyframes in a step (`name` = [{ t, angle }]): none, or from t = 0 to the step's
// duration with increasing times, each angle within [lo, hi] degrees.
E<std::vector<AnkleKey>> read_joint_keys(const TomlTable& s, const char* name, double lo, double hi, float duration) {
  std::vector<AnkleKey> keys;
  auto tables = s.tables(name);
  if (!tables) return std::unexpected(tables.error());
  const std::string joint(name);
  for (const TomlTable& k : *tables) {
    if (auto ok = k.only_keys({"t", "angle"}); !ok) return std::unexpected(ok.error());
    auto t = k.number("t", 0.0, 600.0);
    if (!t) return std::unexpected(t.error());
    auto angle = k.number("angle", lo, hi);
    if (!angle) return std::unexpected(angle.error());
    AnkleKey key{static_cast<float>(*t), static_cast<float>(*angle)};
    if (keys.empty() && key.t != 0.0f)
      return std::unexpected(k.error_at("t", "the first " + joint + " keyframe of a cycle must be at t = 0"));
    if (!keys.empty() && !(key.t > keys.back().t))
      return std::unexpected(k.error_at("t", "keyframe times must increase: t = " + fmt(key.t) +
                                                 " does not come after t = " + fmt(keys.back().t)));
    if (key.t > duration + 1e-4f) return std::unexpected(k.error_at("t", "t is past the step's duration"));
    keys.push_back(key);
  }
  if (keys.size() == 1) return std::unexpected(s.error_at(name, "expected at least two " + joint + " keyframes"));
  if (!keys.empty() && std::abs(keys.back().t - duration) > 1e-4f)
    return std::unexpected(tables->back().error_at("t", "the last " + joint + " keyframe must be at t = duration"));
  return keys;
}

E<Step> read_step(const TomlTable& s, const Context& ctx) {
  // A table list under a name other than left/right/ankle is almost always a mistyped hand.
  for (const auto& [k, node] : s.raw()) {
    const std::string key(k.str());
    if (node.is_array_of_tables() && key != "left" && key != "right" && key != "ankle" && key != "knee")
      return std::unexpected(s.error_at(key, "unknown hand '" + key + "'; expected left or right "
                                             "(or ankle for the foot, knee for the knee)"));
  }
  if (auto ok = s.only_keys({"caption", "attend", "duration", "repeat", "pressure_scale", "left",
                             "right", "ankle", "knee", "tap", "shake", "camera_turn", "camera",
                             "sitting_camera",
                             "client_turn", "sitting_stance", "sitting_side"});
      !ok)
    return std::unexpected(ok.error());
  Step step;
  auto caption = s.string("caption");
  if (!caption) return std::unexpected(caption.error());
  step.caption = *caption;
  auto attend = s.string("attend");
  if (!attend) return std::unexpected(attend.error());
  step.attend = *attend;
  auto duration = s.number("duration", 0.2, 120.0);
  if (!duration) return std::unexpected(duration.error());
  step.duration = static_cast<float>(*duration);
  auto repeat = s.number_or("repeat", 1.0, 1.0, 100.0);
  if (!repeat) return std::unexpected(repeat.error());
  if (*repeat != std::floor(*repeat))
    return std::unexpected(s.error_at("repeat", "expected a whole number of cycles"));
  step.repeat = static_cast<int>(*repeat);
  if (s.has("pressure_scale")) {
    auto sc = s.numbers("pressure_scale", 2);
    if (!sc) return std::unexpected(sc.error());
    for (std::size_t i = 0; i < 2; ++i)
      if ((*sc)[i] < 0.1 || (*sc)[i] > 2.0)
        return std::unexpected(s.error_at_item("pressure_scale", i, "expected a factor from 0.1 to 2"));
    step.scale_first = static_cast<float>((*sc)[0]);
    step.scale_last = static_cast<float>((*sc)[1]);
  }
  auto turn = s.number_or("camera_turn", 0.0, -90.0, 90.0);
  if (!turn) return std::unexpected(turn.error());
  step.camera_turn_deg = static_cast<float>(*turn);
  auto view = read_step_view(s, "camera");
  if (!view) return std::unexpected(view.error());
  step.camera = *view;
  auto sitting_view = read_step_view(s, "sitting_camera");
  if (!sitting_view) return std::unexpected(sitting_view.error());
  step.sitting_camera = *sitting_view;
  if (s.has("client_turn")) {
    auto way = s.one_of("client_turn", {"inner-up", "outer-up"});
    if (!way) return std::unexpected(way.error());
    step.client_turn_outer_up = *way == "outer-up";
  }
  if (s.has("sitting_stance")) {
    auto place = s.one_of("sitting_stance", {"side", "front"});
    if (!place) return std::unexpected(place.error());
    step.sitting_in_front = *place == "front";
  }
  if (s.has("sitting_side")) {
    auto half = s.one_of("sitting_side", {"outer", "inner"});
    if (!half) return std::unexpected(half.error());
    step.sitting_side = *half == "outer" ? 1.0f : -1.0f;
  }
  const float max_scale = std::max(step.scale_first, step.scale_last);
  auto left = read_hand(s, "left", step.duration, max_scale, ctx);
  if (!left) return std::unexpected(left.error());
  auto right = read_hand(s, "right", step.duration, max_scale, ctx);
  if (!right) return std::unexpected(right.error());
  step.hands = {std::move(*left), std::move(*right)};

  // Anatomical ranges (estimates): the ankle about 20 degrees of dorsiflexion and 40-50 of
  // plantarflexion; the knee bends to about 135 degrees, but the skin is checked to 90 (issue 13:
  // volume and closedness at 0, 45 and 90) and stays whole a little past it.
  auto ankle = read_joint_keys(s, "ankle", -45.0, 25.0, step.duration);
  if (!ankle) return std::unexpected(ankle.error());
  step.ankle = std::move(*ankle);
  auto knee = read_joint_keys(s, "knee", 0.0, 120.0, step.duration);
  if (!knee) return std::unexpected(knee.error());
  step.knee = std::move(*knee);

  auto osc = read_oscillation(s);
  if (!osc) return std::unexpected(osc.error());
  step.oscillation = *osc;
  return step;
}

E<Technique> read_technique(const toml::table& root, const std::string& file, std::string id,
                            const Context& ctx) {
  TomlTable t(root, file);
  if (auto ok = t.only_keys({"name", "summary", "areas", "direction", "pressure", "pressure_mmhg",
                             "tempo", "repetitions", "views", "cautions", "evidence", "sources", "practice",
                             "step"});
      !ok)
    return std::unexpected(ok.error());
  Technique out;
  out.id = std::move(id);
  out.file = file;
  auto name = t.string("name");
  if (!name) return std::unexpected(name.error());
  out.name = *name;
  auto summary = t.string("summary");
  if (!summary) return std::unexpected(summary.error());
  out.summary = *summary;

  auto areas = t.strings("areas");
  if (!areas) return std::unexpected(areas.error());
  if (areas->empty()) return std::unexpected(t.error_at("areas", "expected at least one area id"));
  for (std::size_t i = 0; i < areas->size(); ++i) {
    if (!anatomy::area_index((*areas)[i])) {
      std::string list;
      for (auto a : anatomy::kAreaIds) list += (list.empty() ? "" : ", ") + std::string(a);
      return std::unexpected(t.error_at_item("areas", i, "unknown area '" + (*areas)[i] +
                                                        "'; expected one of: " + list));
    }
  }
  out.areas = *areas;

  auto direction = t.one_of("direction", {"toward-heart", "circular", "across-fibres", "in-place"});
  if (!direction) return std::unexpected(direction.error());
  out.direction = *direction;
  auto pressure = t.one_of("pressure", {"light", "medium", "firm"});
  if (!pressure) return std::unexpected(pressure.error());
  out.pressure = *pressure;
  const Band* band = nullptr;
  for (const Band& b : kBands)
    if (out.pressure == b.name) band = &b;
  auto mmhg = t.number("pressure_mmhg", band->lo, band->hi);
  if (!mmhg)
    return std::unexpected(t.error_at("pressure_mmhg", "expected " + fmt(band->lo) + " to " +
                                                          fmt(band->hi) + " mmHg for '" + out.pressure +
                                                          "' pressure"));
  out.pressure_mmhg = static_cast<float>(*mmhg);
  auto tempo = t.number("tempo", 1.0, 240.0);
  if (!tempo) return std::unexpected(tempo.error());
  out.tempo = static_cast<float>(*tempo);
  auto reps = t.number("repetitions", 1.0, 500.0);
  if (!reps) return std::unexpected(reps.error());
  out.repetitions = static_cast<int>(*reps);

  auto views = t.strings("views");
  if (!views) return std::unexpected(views.error());
  for (std::size_t i = 0; i < views->size(); ++i) {
    const auto& v = (*views)[i];
    if (v != "front" && v != "back" && v != "lateral" && v != "medial" && v != "top")
      return std::unexpected(t.error_at_item("views", i, "unknown view '" + v +
                                                        "'; expected one of: front, back, lateral, "
                                                        "medial, top"));
  }
  if (views->empty()) return std::unexpected(t.error_at("views", "expected at least one view"));
  out.views = *views;
  auto cautions = t.strings("cautions");
  if (!cautions) return std::unexpected(cautions.error());
  out.cautions = *cautions;
  auto evidence = t.string("evidence");
  if (!evidence) return std::unexpected(evidence.error());
  out.evidence = *evidence;
  if (t.has("sources")) {
    auto sources = t.strings("sources");
    if (!sources) return std::unexpected(sources.error());
    out.sources = *sources;
  }

  auto steps = t.tables("step");
  if (!steps) return std::unexpected(steps.error());
  if (steps->empty())
    return std::unexpected(t.error_at("step", "missing; expected at least one [[step]]"));
  int cycles = 0;
  for (const TomlTable& s : *steps) {
    auto step = read_step(s, ctx);
    if (!step) return std::unexpected(step.error());
    cycles += step->repeat;
    out.steps.push_back(std::move(*step));
  }
  if (cycles != out.repetitions)
    return std::unexpected(t.error_at("repetitions", "the steps repeat " + std::to_string(cycles) +
                                                         " cycles in all; repetitions says " +
                                                         std::to_string(out.repetitions)));
  return out;
}

std::string id_of(const std::filesystem::path& p) { return p.stem().string(); }

}  // namespace

const Technique* TechniqueLibrary::find(std::string_view id) const {
  for (const auto& t : techniques_)
    if (t.id == id) return &t;
  return nullptr;
}

std::vector<std::string> TechniqueLibrary::ids() const {
  std::vector<std::string> out;
  for (const auto& t : techniques_) out.push_back(t.id);
  return out;
}

void TechniqueLibrary::put(Technique t) {
  for (auto& existing : techniques_)
    if (existing.id == t.id) {
      existing = std::move(t);
      return;
    }
  techniques_.push_back(std::move(t));
  auto rank = [](const Technique& x) {
    auto it = std::find(kTechniqueIds.begin(), kTechniqueIds.end(), x.id);
    return static_cast<std::size_t>(it - kTechniqueIds.begin());
  };
  std::stable_sort(techniques_.begin(), techniques_.end(), [&](const Technique& a, const Technique& b) {
    const auto ra = rank(a);
    const auto rb = rank(b);
    return ra != rb ? ra < rb : a.id < b.id;
  });
}

Expected<Technique> load_technique_string(std::string_view text, const std::string& source_name,
                                          const PoseLibrary& poses, const anatomy::AreaContent* areas) {
  auto root = parse_toml_string(text, source_name);
  if (!root) return std::unexpected(root.error());
  return read_technique(*root, source_name, id_of(source_name), Context{poses, areas});
}

Expected<Technique> load_technique_file(const std::filesystem::path& file, const PoseLibrary& poses,
                                        const anatomy::AreaContent* areas) {
  auto root = parse_toml_file(file);
  if (!root) return std::unexpected(root.error());
  return read_technique(*root, file.string(), id_of(file), Context{poses, areas});
}

Expected<TechniqueLibrary> load_techniques(const std::filesystem::path& dir, const PoseLibrary& poses,
                                           const anatomy::AreaContent* areas) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return fail("technique folder not found", dir.string());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec) && entry.path().extension() == ".toml") files.push_back(entry.path());
  if (ec) return fail("cannot list the technique folder (" + ec.message() + ")", dir.string());
  std::sort(files.begin(), files.end());
  if (files.empty()) return fail("no technique files (*.toml) in the folder", dir.string());
  TechniqueLibrary lib;
  for (const auto& f : files) {
    auto t = load_technique_file(f, poses, areas);
    if (!t) return std::unexpected(t.error());
    lib.put(std::move(*t));
  }
  return lib;
}

Expected<void> reload_techniques(const std::filesystem::path& path, const PoseLibrary& poses,
                                 TechniqueLibrary& library, const anatomy::AreaContent* areas) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    auto lib = load_techniques(path, poses, areas);
    if (!lib) return std::unexpected(lib.error());
    library = std::move(*lib);
    return {};
  }
  auto t = load_technique_file(path, poses, areas);
  if (!t) return std::unexpected(t.error());
  library.put(std::move(*t));
  return {};
}

Expected<void> reload_content(const std::filesystem::path& poses_file,
                              const std::filesystem::path& techniques_dir, PoseLibrary& poses,
                              TechniqueLibrary& library, const anatomy::AreaContent* areas) {
  auto new_poses = load_poses(poses_file);
  if (!new_poses) return std::unexpected(new_poses.error());
  auto new_lib = load_techniques(techniques_dir, *new_poses, areas);
  if (!new_lib) return std::unexpected(new_lib.error());
  poses = std::move(*new_poses);
  library = std::move(*new_lib);
  return {};
}

std::vector<std::string> techniques_for_area(const TechniqueLibrary& library, std::string_view area) {
  std::vector<std::string> out;
  for (const auto& t : library.all())
    if (std::find(t.areas.begin(), t.areas.end(), area) != t.areas.end()) out.push_back(t.id);
  return out;
}

}  // namespace effleura::technique
