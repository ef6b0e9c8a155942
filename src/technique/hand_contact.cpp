#include "technique/hand_contact.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "anatomy/leg_surface.hpp"

namespace effleura::technique {
namespace {

constexpr float kReachMeant = 0.5f;  // a blended intention counts from half way
constexpr float kPalmHeldOffM = 0.002f;  // a grip holding its palm off the skin further than this grips with its pads

void append_string(std::string& o, const std::string& s) {
  o += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      o += buf;
    } else {
      o += c;
    }
  }
  o += '"';
}

void append_number(std::string& o, double v, const char* format = "%.3f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  o += buf;
}

}  // namespace

SkinSide skin_under(const anatomy::LegSurface& surface, const TechniqueFrame& frame, const HandState& hand) {
  return SkinSide{&surface, hand.on_sole, hand.on_sole ? frame.ankle_deg : 0.0f, hand.indentation_m};
}

HandSitting measure_sitting(const SkinSide& skin, const HandShape& shape, const FingerPose& pose) {
  HandSitting out;
  auto flesh = [&](const glm::vec3& p, float radius, std::size_t part) {
    if (!skin.covers(p)) return;
    const float d = skin.outside(p) - radius;
    if (d < out.deepest_m) {
      out.deepest_m = d;
      out.deepest_part = part;
    }
  };
  // A point meant to touch: on the palm's underside (radius 0), or the axis of a phalanx,
  // whose flesh reaches `radius` round it.
  auto intended = [&](const glm::vec3& p, float radius) {
    if (!skin.covers(p)) return;
    ++out.intended;
    if (skin.outside(p) - radius <= kTouchToleranceM) ++out.touching;
  };
  // The palm: its underside (local y = 0 of the palm part less its half-thickness), on a 3 x 3
  // grid over its width and length.
  // Its sides where the palm's arch turned them (hand_rig.hpp palm_underside).
  const HandPart& palm = shape.parts[0];
  for (int i = -1; i <= 1; ++i)
    for (int k = 0; k <= 2; ++k) {
      const glm::vec3 p = palm_underside(shape, 0.8f * palm.radius.x * static_cast<float>(i),
                                         palm.length * (0.1f + 0.4f * static_cast<float>(k)));
      flesh(p, 0.0f, 0);
      // A C grip's palm (palm_gap_m) is held off the skin on purpose: its pads grip, not it.
      if (pose.palm_touch >= kReachMeant && pose.palm_gap_m < kPalmHeldOffM) intended(p, 0.0f);
    }
  // The fingers: flesh round each phalanx's axis at its start, middle and end; the pads (the
  // palm side, local -Y) of the fingers meant to touch.
  for (std::size_t f = 0; f < kFingerCount; ++f)
    for (std::size_t j = 0; j < 3; ++j) {
      const HandPart& part = shape.parts[hand_part(f, j)];
      const glm::vec3 start(part.frame[3]);
      const glm::vec3 mid = 0.5f * (start + part.tip);
      // The thumb's metacarpal lies in the ball of the thumb, part of the palm's flesh.
      if (!(f == 0 && j == 0)) {
        for (const glm::vec3& p : {start, mid, part.tip}) flesh(p, part.radius.y, hand_part(f, j));
      }
      if (pose.reach[f] < kReachMeant) continue;
      // A hand on its pads touches with the ends of the fingers; one that rests its palm with
      // the middle phalanges too.
      if (j == 2) {
        intended(mid, part.radius.y);
        intended(part.tip, part.radius.y);
      } else if (j == 1 && pose.palm_touch >= kReachMeant) {
        intended(mid, part.radius.y);
      }
    }
  return out;
}

TechniqueFigures measure_technique(const Timeline& timeline, const anatomy::LegSurface& surface, double dt,
                                   const VisibilityTest& visible) {
  TechniqueFigures out;
  out.id = timeline.id();
  const std::size_t steps = timeline.step_count();
  out.steps.resize(steps);
  std::vector<std::array<double, 2>> share_sum(steps, {0.0, 0.0});
  std::vector<int> seen(steps, 0);
  for (std::size_t s = 0; s < steps; ++s) {
    out.steps[s].start = timeline.step_start(s);
    out.steps[s].end = timeline.step_end(s);
    out.steps[s].closest_mm = std::numeric_limits<float>::max();
  }
  TechniqueFrame frame;
  const auto n = static_cast<long long>(std::floor(timeline.duration() / dt));
  for (long long i = 0; i <= n; ++i) {
    timeline.evaluate(static_cast<double>(i) * dt, frame);
    StepFigures& step = out.steps[frame.step];
    if (step.caption.empty()) step.caption = std::string(frame.caption);
    ++step.samples;
    std::array<HandShape, 2> shapes;
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = frame.hands[h];
      shapes[h] = build_hand(hand.transform, hand.pose, hand.hand);
      const HandSitting sitting = measure_sitting(skin_under(surface, frame, hand), shapes[h], hand.pose);
      HandFigures& fig = step.hands[h];
      fig.deepest_mm = std::min(fig.deepest_mm, sitting.deepest_m * 1000.0f);
      if (hand.contact && hand.pressure_mmhg > 0.0f && sitting.intended > 0) {
        ++fig.pressing_samples;
        share_sum[frame.step][h] += static_cast<double>(sitting.touching) / sitting.intended;
      }
    }
    step.closest_mm = std::min(step.closest_mm, 1000.0f * hands_gap(hand_capsules(shapes[0]), hand_capsules(shapes[1])));
    if (visible) {
      seen[frame.step] += visible(frame, shapes) ? 1 : 0;
      step.visible_share = static_cast<double>(seen[frame.step]) / step.samples;
    }
  }
  for (std::size_t s = 0; s < steps; ++s)
    for (std::size_t h = 0; h < 2; ++h) {
      HandFigures& fig = out.steps[s].hands[h];
      if (fig.pressing_samples > 0) fig.contact_share = share_sum[s][h] / fig.pressing_samples;
    }
  return out;
}

std::string figures_json(const std::vector<TechniqueFigures>& all) {
  std::string o = "{\n  \"techniques\": [";
  for (std::size_t t = 0; t < all.size(); ++t) {
    o += t ? ",\n    {" : "\n    {";
    o += "\"id\": ";
    append_string(o, all[t].id);
    o += ", \"steps\": [";
    for (std::size_t s = 0; s < all[t].steps.size(); ++s) {
      const StepFigures& st = all[t].steps[s];
      o += s ? ",\n      {" : "\n      {";
      o += "\"step\": " + std::to_string(s + 1) + ", \"caption\": ";
      append_string(o, st.caption);
      o += ", \"start_s\": ";
      append_number(o, st.start, "%.2f");
      o += ", \"end_s\": ";
      append_number(o, st.end, "%.2f");
      o += ", \"samples\": " + std::to_string(st.samples);
      o += ", \"closest_approach_mm\": ";
      append_number(o, st.closest_mm, "%.1f");
      o += ", \"forearms_closest_mm\": ";
      if (std::isnan(st.forearms_closest_mm)) o += "null";
      else {
        append_number(o, st.forearms_closest_mm, "%.1f");
        o += ", \"forearms_closest_at_s\": ";
        append_number(o, st.forearms_closest_at, "%.2f");
      }
      o += ", \"both_hands_visible_share\": ";
      if (st.visible_share < 0.0) o += "null";
      else append_number(o, st.visible_share);
      o += ", \"hands\": {";
      for (std::size_t h = 0; h < 2; ++h) {
        const HandFigures& f = st.hands[h];
        o += h ? ", \"right\": {" : "\"left\": {";
        o += "\"pressing_samples\": " + std::to_string(f.pressing_samples) + ", \"contact_share\": ";
        if (f.contact_share < 0.0) o += "null";
        else append_number(o, f.contact_share);
        o += ", \"deepest_penetration_mm\": ";
        append_number(o, -f.deepest_mm, "%.1f");
        o += "}";
      }
      o += "}}";
    }
    o += "\n    ]}";
  }
  o += "\n  ]\n}\n";
  return o;
}

}  // namespace effleura::technique
