#include "practice/grading.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include <glm/geometric.hpp>

#include "practice/wording.hpp"

namespace effleura::practice {
namespace {

constexpr float kPressingMmhg = 0.5f;     // below this the hand only rests: not part of the stroke
constexpr float kInArea = 0.5f;           // an area's soft weight at which a point counts as in it
// How strict each criterion is comes from the technique file's [practice] table (rules.hpp).
constexpr float kPi = std::numbers::pi_v<float>;

std::string fmt(const char* f, double a, double b = 0.0) {
  const int n = std::snprintf(nullptr, 0, f, a, b);
  std::string out(static_cast<std::size_t>(std::max(n, 0)), '\0');
  std::snprintf(out.data(), out.size() + 1, f, a, b);
  return out;
}

Grade pass(std::string coaching, float score = 1.0f) { return {true, true, score, std::move(coaching)}; }
Grade fail(std::string coaching, float score = 0.0f) { return {true, false, score, std::move(coaching)}; }

float angle_delta(float a, float b) {
  float d = std::fmod(b - a, 2.0f * kPi);
  if (d > kPi) d -= 2.0f * kPi;
  if (d < -kPi) d += 2.0f * kPi;
  return d;
}

// A measured figure as the sentences print it ("%.0f" or "%.1f").
std::string num(const char* f, double v) { return fmt(f, v); }

Grade grade_direction(const std::string& direction, const std::vector<StrokeSample>& s) {
  float up = 0.0f, down = 0.0f, side = 0.0f, turn = 0.0f;
  float prev_heading = 0.0f;
  bool have_heading = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const float da = s[i].along - s[i - 1].along;
    const float ds = angle_delta(s[i - 1].around, s[i].around) * 0.05f;  // ~ a leg's radius
    (da > 0.0f ? up : down) += std::abs(da);
    side += std::abs(ds);
    if (std::hypot(da, ds) > 1e-3f) {
      const float h = std::atan2(ds, da);
      if (have_heading) turn += angle_delta(prev_heading, h);
      prev_heading = h;
      have_heading = true;
    }
  }
  const float along = up + down;
  if (direction == "toward-heart") {
    if (up - down > 0.03f && up >= 0.75f * along)
      return pass(phrase("up-good"));
    if (down > up)
      return fail(phrase("up-down"));
    return fail(phrase("up-across"));
  }
  if (direction == "across-fibres") {
    if (side > along) return pass(phrase("across-good"));
    return fail(phrase("across-fail"));
  }
  if (direction == "circular") {
    if (std::abs(turn) >= kPi) return pass(phrase("circles-good"));
    return fail(phrase("circles-fail"));
  }
  if (direction == "in-place") {
    if (along + side < 0.06f) return pass(phrase("in-place-good"));
    return fail(phrase("in-place-fail"));
  }
  return {};
}

}  // namespace

Reference measure_reference(const technique::Technique& technique, const technique::Timeline& timeline,
                            Rules rules) {
  Reference r;
  r.pressure_mmhg = technique.pressure_mmhg;
  const float tempo = rules.tempo.value_or(technique.tempo);
  r.cycle_s = tempo > 0.0f ? 60.0 / static_cast<double>(tempo) : 0.0;
  r.rules = std::move(rules);
  if (technique.steps.empty() || timeline.step_count() == 0) return r;
  const std::size_t step = main_step(technique);
  const std::size_t lead = companion_of(technique).lead;
  const double start = timeline.step_start(step);
  const double cycle = technique.steps[step].duration;
  constexpr double kDt = 0.05;
  for (double t = start; t <= start + cycle + 1e-9; t += kDt) {
    const technique::TechniqueFrame f = timeline.evaluate(t);
    const technique::HandState& h = f.hands[lead];
    const bool pressing = h.contact && !h.on_sole && h.pressure_mmhg > kPressingMmhg;
    if (!pressing) {
      if (!r.demo.empty()) break;  // the first pressing run is the stroke
      continue;
    }
    StrokeSample s;
    s.t = t - start;
    s.point = glm::vec3(h.transform[3]);
    s.along = h.along;
    s.around = h.around;
    s.pressure_mmhg = h.pressure_mmhg;
    r.demo.samples.push_back(s);
  }
  if (r.demo.duration() > 0.0) r.speed_m_s = r.demo.length() / static_cast<float>(r.demo.duration());
  return r;
}

StrokeGrades grade(const Stroke& stroke, const technique::Technique& tech, const Reference& ref,
                   const anatomy::AreaContent& areas, std::optional<double> since_last_s) {
  StrokeGrades out;
  std::vector<StrokeSample> s;
  for (const auto& x : stroke.samples)
    if (x.pressure_mmhg > kPressingMmhg) s.push_back(x);
  if (s.size() < 2 || s.back().t - s.front().t < 0.1) {
    out.summary = phrase("too-short");
    return out;
  }
  auto& g = out.grades;
  const auto at = [](Criterion c) { return static_cast<std::size_t>(c); };
  const float stature = areas.reference_stature;

  const Rules& rules = ref.rules;
  const auto top_of = [&](std::size_t a) {
    for (const AreaBand& b : rules.area_pressure)
      if (b.area == a) return b.hi_mmhg;
    return areas.areas[a].pressure_mmhg_max;
  };

  // What to avoid, and pressure per area: the areas each point lies in.
  float worst_over = 0.0f;
  std::size_t worst_area = anatomy::kAreaCount;
  float worst_pressure = 0.0f;
  bool light_area = false;
  int on_target = 0;
  float pressure_sum = 0.0f;
  const Spot* pressed_spot = nullptr;  // the spot pressed hardest, beyond what the rules allow
  float spot_pressure = 0.0f;
  for (const auto& x : s) {
    float target = 0.0f;
    for (const auto& id : tech.areas)
      if (const auto i = anatomy::area_index(id)) target = std::max(target, areas.weight(*i, x.point, stature));
    if (target >= kInArea) ++on_target;
    pressure_sum += x.pressure_mmhg;
    if (x.pressure_mmhg > rules.avoid_mmhg)
      for (const Spot& spot : ref.spots)
        if (glm::length(spot.position - x.point) <= rules.avoid_radius_m && x.pressure_mmhg > spot_pressure) {
          pressed_spot = &spot;
          spot_pressure = x.pressure_mmhg;
        }
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
      const auto& info = areas.areas[a];
      if (areas.weight(a, x.point, stature) < kInArea) continue;
      const float over = x.pressure_mmhg / (top_of(a) * (1.0f + rules.area_margin));
      if (over > 1.0f && over > worst_over) {
        worst_over = over;
        worst_area = a;
        worst_pressure = x.pressure_mmhg;
        light_area = info.pressure == anatomy::Pressure::light;
      }
    }
  }
  const float mean_pressure = pressure_sum / static_cast<float>(s.size());

  if (pressed_spot && pressed_spot->vein) {
    g[at(Criterion::avoid)] =
        fail(phrase("vein", {{"spot", spot_name(*pressed_spot)}, {"pressed", num("%.0f", spot_pressure)},
                     {"limit", num("%.0f", rules.avoid_mmhg)}}));
  } else if (pressed_spot) {
    g[at(Criterion::avoid)] =
        fail(phrase("bone", {{"spot", spot_name(*pressed_spot)}, {"pressed", num("%.0f", spot_pressure)},
                     {"limit", num("%.0f", rules.avoid_mmhg)}}));
  } else if (worst_area < anatomy::kAreaCount && light_area) {
    const auto& info = areas.areas[worst_area];
    std::string line = phrase("light-area", {{"area", area_here(info)}, {"limit", num("%.0f", top_of(worst_area))},
                               {"pressed", num("%.0f", worst_pressure)}});
    if (const std::string caution = area_first_caution(info); !caution.empty()) line += " " + caution;
    g[at(Criterion::avoid)] = fail(std::move(line));
  } else {
    g[at(Criterion::avoid)] = pass(phrase("avoid-good"));
  }

  const std::string direction = rules.direction.value_or(tech.direction);
  if (direction != "any") g[at(Criterion::direction)] = grade_direction(direction, s);

  const float share = static_cast<float>(on_target) / static_cast<float>(s.size());
  if (share >= rules.on_area) {
    g[at(Criterion::area)] = pass(phrase("area-good"), 1.0f);
  } else {
    std::string names;
    for (std::size_t i = 0; i < tech.areas.size(); ++i) {
      const auto a = anatomy::area_index(tech.areas[i]);
      if (!a) continue;
      if (!names.empty()) names += i + 1 == tech.areas.size() ? phrase("and") : ", ";
      names += area_name(areas.areas[*a]);
    }
    g[at(Criterion::area)] =
        fail(phrase("area-fail", {{"share", num("%.0f", 100.0 * share)}, {"technique", technique_name(tech)}, {"areas", names}}),
             share);
  }

  const float typical = ref.pressure_mmhg;
  if (typical > 0.0f) {
    const Values figures{{"mean", num("%.0f", mean_pressure)}, {"technique", technique_name(tech)},
                         {"typical", num("%.0f", typical)}, {"pressure", pressure_word(tech.pressure)}};
    if (mean_pressure < rules.pressure_low * typical) {
      g[at(Criterion::pressure)] =
          fail(phrase("more", figures));
    } else if (mean_pressure > rules.pressure_high * typical) {
      g[at(Criterion::pressure)] = fail(phrase("lighter", figures));
    } else if (worst_area < anatomy::kAreaCount) {
      const auto& info = areas.areas[worst_area];
      g[at(Criterion::pressure)] =
          fail(phrase("ease-off", {{"area", area_here(info)}, {"limit", num("%.0f", top_of(worst_area))},
                       {"pressed", num("%.0f", worst_pressure)}}));
    } else {
      g[at(Criterion::pressure)] =
          pass(phrase("pressure-good", figures));
    }
  }

  // Speed is judged for strokes that travel (a hand that works in place shakes or taps).
  if (ref.speed_m_s > 0.02f && direction != "in-place") {
    const double dur = s.back().t - s.front().t;
    Stroke pressed{s};
    const float speed = pressed.length() / static_cast<float>(dur);
    const float ratio = speed / ref.speed_m_s;
    const Values speeds{{"speed", num("%.0f", 100.0 * speed)}, {"demo", num("%.0f", 100.0 * ref.speed_m_s)}};
    if (ratio > rules.speed_high) {
      g[at(Criterion::speed)] =
          fail(phrase("slower", speeds));
    } else if (ratio < rules.speed_low) {
      g[at(Criterion::speed)] = fail(
          phrase("quicker", speeds));
    } else {
      g[at(Criterion::speed)] = pass(phrase("speed-good", speeds));
    }
  }

  if (since_last_s && ref.cycle_s > 0.0) {
    const double gap = *since_last_s;
    const Values gaps{{"gap", num("%.1f", gap)}, {"cycle", num("%.1f", ref.cycle_s)}};
    if (std::abs(gap - ref.cycle_s) <= static_cast<double>(rules.rhythm) * ref.cycle_s)
      g[at(Criterion::rhythm)] = pass(phrase("rhythm-good", gaps));
    else
      g[at(Criterion::rhythm)] =
          fail(phrase("rhythm-fail", gaps));
  }

  // The one thing to change: the first failure in the order of the criteria (safety first).
  int applying = 0;
  float sum = 0.0f;
  std::string right, change;
  for (std::size_t i = 0; i < kCriterionCount; ++i) {
    if (!g[i].applies) continue;
    ++applying;
    sum += g[i].score;
    if (g[i].pass) {
      right += (right.empty() ? "" : ", ") + criterion_name(i);
    } else if (change.empty()) {
      change = g[i].coaching;
    }
  }
  out.score = applying > 0 ? sum / static_cast<float>(applying) : 0.0f;
  if (change.empty())
    out.summary = phrase("well-done", {{"right", right}});
  else
    out.summary = (right.empty() ? std::string() : phrase("got-right", {{"right", right}}) + " ") +
                  phrase("change", {{"change", change}});
  return out;
}

}  // namespace effleura::practice
