#include "app/view_search.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include <glm/geometric.hpp>

#include "anatomy/leg_bend.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "render/hand_sight.hpp"
#include "render/posture_view.hpp"
#include "render/sight.hpp"
#include "technique/forearm.hpp"
#include "technique/hand_rig.hpp"

namespace effleura::app {
namespace {

constexpr int kMoments = 10;          // sampled over the step
// Sitting, a second look (best_step_view): at least this many moments, and the finer search's
// view taken only where it sees both hands at this many more of them.
constexpr int kDenseMoments = 40;
constexpr int kDenseMargin = 2;
// At least one moment every kDenseEvery seconds (friction's circles, 2-3 a second, alias at 0.25
// s), at most kDenseMost; the margin at least this share of them. Steps shorter than
// kDenseFromSeconds keep their view: the camera's 1.2 s move between steps (StepCamera) is most
// of them, and a view farther from the last step's lost what it won (vibration's lift over the
// knee 0.98 -> 0.92, petrissage's turn 0.96 -> 0.93).
constexpr double kDenseEvery = 0.1;
constexpr int kDenseMost = 200;
constexpr float kDenseMarginShare = 0.05f;
constexpr double kDenseFromSeconds = 3.0;
constexpr float kAspect = 16.0f / 9.0f;
// Tapping fingertips count as seen only from views at least this far (radians) round from across
// the leg toward the foot's end (the lowest pitch tried for such steps, below): the sole faces
// that way. From -0.6 toe taps' second step (ball and toes) took a view from the outer side, the
// sole still nearly edge-on; at -0.75 both its steps take the same view from beyond the toes, so
// the camera does not move between them.
constexpr float kTipPitch = -0.75f;

struct Moment {
  // Per hand, the palm's centre as --hand-report takes it and a point 4 cm toward the fingers:
  // room.
  std::array<glm::vec3, 4> palms;
  // A hand that works the sole with its fingertips (toe taps): the tips of the fingers that reach
  // for the skin, room. They press the sole, which faces the table's end: from the side the foot
  // hides them even where the palm is seen.
  std::vector<glm::vec3> tips;
  std::vector<render::Rod> arms;
  anatomy::ClientPose pose;  // the client at this moment (part turned in a turn-over step)
};

}  // namespace

ViewAngles best_step_view(const State& state, std::size_t step, const anatomy::Bounds& region, ViewAngles suggested) {
  const technique::Timeline* timeline = state.simulation.timeline();
  if (!timeline || step >= timeline->step_count()) return suggested;
  const bool client = !state.client_model.meshes.empty();
  const anatomy::ClientPose pose = state.client.pose_for_step(step);
  // On the table, not end-on along the leg (from the head or the feet): a student sees the
  // stroke's direction from the side.
  if (client && pose.on_table) suggested.pitch = std::clamp(suggested.pitch, -0.45f, 0.55f);
  const glm::mat4 leg_to_room = client ? pose.left_leg : glm::mat4(1.0f);
  const bool table = client && pose.on_table;
  // A step the client rolls over into (petrissage's move to the front of the thigh): the hands
  // go round the leg in the air while it turns, so every moment counts, each with the client as
  // it lies then; otherwise the moments the hands touch, with the client settled.
  const bool rolls = client && state.client.rolls_into(step);

  const double start = timeline->step_start(step);
  const double end = timeline->step_end(step);
  // The step's moments, `count` of them evenly spread; `every`: all of them, touching or not.
  const auto gather = [&](int count, bool every, float& ankle_mean) {
    technique::TechniqueFrame f;
    // A step that carries the hands from one place to the next (vibration's and compression's
    // lift over the knee) touches the skin only at its ends: judged on those few moments, every
    // view tied and the nearest to the suggestion won, whatever hid the hands in the air between
    // (sitting vibration: the forearms end-on to the camera, hiding their own palms). When most
    // moments are in the air, every moment counts.
    int touching = 0;
    for (int i = 0; i < count; ++i) {
      timeline->evaluate(start + (end - start) * (i + 0.5) / count, f);
      // A tapping hand between blows still presses by its envelope (indentation): not carried.
      const auto on_skin = [](const technique::HandState& h) { return h.contact || h.indentation_m > 0.0f; };
      touching += (on_skin(f.hands[0]) || on_skin(f.hands[1])) ? 1 : 0;
    }
    const bool carried = every || 2 * touching < count;
    std::vector<Moment> moments;
    float ankle_sum = 0.0f;  // the foot's angle over the step: the sight lines turn the foot by its mean
    for (int i = 0; i < count; ++i) {
      const double into = (end - start) * (i + 0.5) / count;
      timeline->evaluate(start + into, f);
      if (!rolls && !carried && !(f.hands[0].contact || f.hands[1].contact)) continue;
      const anatomy::ClientPose now = rolls ? state.client.pose_in_step(step, into) : pose;
      const glm::mat4 leg_now = client ? now.left_leg : glm::mat4(1.0f);
      technique::Stance stance = technique::stance_beside_table(leg_now, anatomy::Table::kTopY);
      stance.in_front = f.in_front;  // as the app draws them (State::frame_view)
      ankle_sum += f.ankle_deg;
      // Sitting, the hands are where the bent leg is drawn (anatomy/leg_bend.hpp).
      const float knee = client ? pose.knee_flexion_deg : 0.0f, hip = client ? pose.hip_flexion_deg : 0.0f;
      const std::array<glm::mat4, 2> palms{anatomy::bend_palm(f.hands[0].transform, frame::kKneeCentre, knee, hip),
                                           anatomy::bend_palm(f.hands[1].transform, frame::kKneeCentre, knee, hip)};
      const anatomy::LegBend bend{frame::kKneeCentre, knee, hip};
      const auto arms = technique::place_forearms({palms[0], palms[1]}, &state.simulation.surface(), table ? &stance : nullptr, &bend,
                                                  technique::finger_pads(f));
      Moment m;
      m.pose = now;
      for (std::size_t h = 0; h < 2; ++h) {
        // The palm's middle as drawn, as --hand-report takes it (render/hand_sight.hpp), and the
        // palm frame's middle, 4 cm nearer the fingers (the search took only this one before
        // session 13: for ankle pumps' second step it chose a view in which the heel hand's own
        // sleeve hid the report's point at 99 % of moments). Both have to be seen.
        const technique::HandShape shape = technique::build_hand(palms[h], f.hands[h].pose, f.hands[h].hand);
        m.palms[2 * h] = render::palm_centre(leg_now, shape);
        // Only while it taps (the press envelope, steady through the rhythm), not while it is
        // carried to the next spot.
        if (f.hands[h].on_sole && f.hands[h].pose.palm_touch < 0.5f && f.hands[h].indentation_m > 0.0f)
          for (std::size_t finger = 1; finger < technique::kFingerCount; ++finger)
            if (f.hands[h].pose.reach[finger] > 0.5f)
              m.tips.push_back(glm::vec3(leg_now * glm::vec4(shape.parts[technique::hand_part(finger, 2)].tip, 1.0f)));
        m.palms[2 * h + 1] = glm::vec3(leg_now * palms[h] * glm::vec4(0.0f, 0.02f, 0.045f, 1.0f));
        m.arms.push_back(render::sleeve_rod(leg_now, arms[h].frame));
      }
      moments.push_back(std::move(m));
    }
    ankle_mean = moments.empty() ? 0.0f : ankle_sum / static_cast<float>(moments.size());
    return moments;
  };
  float ankle = 0.0f;
  const std::vector<Moment> moments = gather(kMoments, false, ankle);
  if (moments.empty()) return suggested;
  render::SightLines sight(state.client_model, &state.model);
  sight.set_pose(client ? std::optional(pose) : std::nullopt, ankle);

  render::Camera probe = state.camera;
  probe.set_subject(leg_to_room, client ? pose.knee_flexion_deg : 0.0f, client ? pose.hip_flexion_deg : 0.0f);
  const glm::vec3 want = probe.follow_direction(region, suggested.yaw, suggested.pitch);
  auto score_on = [&](ViewAngles a, const std::vector<Moment>& judged) {
    probe.follow(region, a.yaw, a.pitch, 0.0f);
    const glm::vec3 eye = probe.eye();
    const glm::mat4 vp = probe.projection_matrix(kAspect) * probe.view_matrix();
    auto seen_point = [&](const glm::vec3& p, const Moment& m, float margin) {
      const glm::vec4 c = vp * glm::vec4(p, 1.0f);
      return c.w > 0.0f && std::abs(c.x) <= 0.95f * c.w && std::abs(c.y) <= 0.95f * c.w && sight.clear(eye, p, margin, m.arms);
    };
    int seen = 0;
    for (const Moment& m : judged) {
      if (rolls) sight.set_pose(m.pose, ankle);
      const bool both = std::all_of(m.palms.begin(), m.palms.end(), [&](const glm::vec3& p) { return seen_point(p, m, 0.02f); });
      seen += both ? 1 : 0;
      // Tapping fingertips count once more. The tip is its pad's axis end, 6-8 mm off the sole as
      // it taps: only its last 10 mm go unchecked (the palms' 20 mm lets a line graze the foot's
      // edge and pass for seen).
      // Only from a view lowered toward the foot (kTipPitch): from across the leg the tips on the
      // ball of the foot passed for seen, but the sole stood edge-on and where they tap could not
      // be seen (session 13: toe taps' second step kept its side view).
      if (!m.tips.empty() && a.pitch <= kTipPitch &&
          std::all_of(m.tips.begin(), m.tips.end(), [&](const glm::vec3& p) { return seen_point(p, m, 0.01f); }))
        ++seen;
    }
    // Seen moments first; among equals, the closest to the suggestion.
    const glm::vec3 d = glm::normalize(eye - probe.pose().target);
    return static_cast<float>(seen) + 0.5f * (glm::dot(d, want) + 1.0f) * 0.45f;
  };
  const auto score = [&](ViewAngles a) { return score_on(a, moments); };
  ViewAngles best = suggested;
  float best_score = score(suggested);
  constexpr float kPi = 3.14159265f;
  // Only the leg's open half (yaw 0..pi: front, lateral, back; lying, "front"/"back" is from
  // above) and never end-on along the leg (from the head or the feet a student cannot tell the
  // stroke's direction).
  // The sole faces the table's end: from the side the foot's edge hides fingertips tapping it (toe
  // taps' first step: all three tips seen at 8 of 10 moments at best from the side), so a step
  // with tapping tips also tries views lower toward the foot, -0.6 and -0.75 rad (34 and 43
  // degrees from across the leg toward its end: 10 of 10 with both palms). Lower still (-0.9) the
  // heel hid the heel hand's palm. The camera keeps above the table top (render/camera.cpp).
  const auto tipped = static_cast<std::size_t>(
      std::count_if(moments.begin(), moments.end(), [](const Moment& m) { return !m.tips.empty(); }));
  const std::vector<float> pitches =
      tipped > 0 ? std::vector<float>{-0.45f, 0.1f, 0.55f, -0.6f, -0.75f} : std::vector<float>{-0.45f, 0.1f, 0.55f};
  for (int y = 0; y <= 6 && best_score < static_cast<float>(moments.size() + tipped) + 0.4f; ++y)
    for (const float pitch : pitches) {
      const ViewAngles a{static_cast<float>(y) * kPi / 6.0f, pitch};
      const float s = score(a);
      if (s > best_score) best_score = s, best = a;
    }
  // Sitting (session 21), a step of kDenseFromSeconds or more is judged again on a moment every
  // kDenseEvery, touching or not (as --hand-report counts them), from a finer grid of views, and
  // the view moves only where that search sees both hands at a margin more of them. Sitting, the
  // hands cross the bent knee, lift round it and pass under their own forearms, so ten moments
  // that touch sample a step thinly. --hand-report sitting, both hands seen, all ten: effleurage
  // 0.540 / 0.730 / 0.539 -> 0.775 / 0.821 / 0.777, tapotement 0.820 / 0.809 -> 0.957 / 0.816,
  // cross-fibre 3 0.892 -> 0.992, calf squeezes 2 0.855 -> 1.000, no step lower. With 40 moments,
  // no margin and short steps too, four steps lost 1.5-7.6 points (friction 4 0.84 -> 0.76).
  if (client && state.client.posture() == anatomy::ClientPosture::sitting && end - start >= kDenseFromSeconds) {
    float dense_ankle = 0.0f;
    const int count = std::clamp(static_cast<int>((end - start) / kDenseEvery), kDenseMoments, kDenseMost);
    const std::vector<Moment> dense = gather(count, true, dense_ankle);
    if (!dense.empty()) {
      sight.set_pose(pose, dense_ankle);
      const float kept = score_on(best, dense);
      ViewAngles refined = best;
      float refined_score = kept;
      for (int y = 0; y <= 12 && refined_score < static_cast<float>(dense.size()) + 0.4f; ++y)
        for (const float pitch : {-0.45f, -0.25f, -0.05f, 0.1f, 0.3f, 0.55f}) {
          const ViewAngles a{static_cast<float>(y) * kPi / 12.0f, pitch};
          const float s = score_on(a, dense);
          if (s > refined_score) refined_score = s, refined = a;
        }
      const float margin = std::max(static_cast<float>(kDenseMargin), kDenseMarginShare * static_cast<float>(dense.size()));
      if (std::floor(refined_score) >= std::floor(kept) + margin) best = refined;
    }
  }
  return best;
}

}  // namespace effleura::app
