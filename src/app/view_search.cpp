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

namespace effleura::app {
namespace {

constexpr int kMoments = 10;          // sampled over the step
constexpr float kAspect = 16.0f / 9.0f;

struct Moment {
  std::array<glm::vec3, 2> palms;  // room
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
  std::vector<Moment> moments;
  technique::TechniqueFrame f;
  float ankle_sum = 0.0f;  // the foot's angle over the step: the sight lines turn the foot by its mean
  for (int i = 0; i < kMoments; ++i) {
    const double into = (end - start) * (i + 0.5) / kMoments;
    timeline->evaluate(start + into, f);
    if (!rolls && !(f.hands[0].contact || f.hands[1].contact)) continue;
    const anatomy::ClientPose now = rolls ? state.client.pose_in_step(step, into) : pose;
    const glm::mat4 leg_now = client ? now.left_leg : glm::mat4(1.0f);
    const technique::Stance stance = technique::stance_beside_table(leg_now, anatomy::Table::kTopY);
    ankle_sum += f.ankle_deg;
    // Sitting, the hands are where the bent leg is drawn (anatomy/leg_bend.hpp).
    const float knee = client ? pose.knee_flexion_deg : 0.0f, hip = client ? pose.hip_flexion_deg : 0.0f;
    const std::array<glm::mat4, 2> palms{anatomy::bend_palm(f.hands[0].transform, frame::kKneeCentre, knee, hip),
                                         anatomy::bend_palm(f.hands[1].transform, frame::kKneeCentre, knee, hip)};
    const anatomy::LegBend bend{frame::kKneeCentre, knee, hip};
    const auto arms = technique::place_forearms({palms[0], palms[1]}, &state.simulation.surface(), table ? &stance : nullptr, &bend);
    Moment m;
    m.pose = now;
    for (std::size_t h = 0; h < 2; ++h) {
      const glm::mat4& palm = palms[h];
      // The palm's middle, 2 cm inside the back of the hand (the hand rig's palm is ~9 cm long).
      m.palms[h] = glm::vec3(leg_now * palm * glm::vec4(0.0f, 0.02f, 0.045f, 1.0f));
      m.arms.push_back(render::sleeve_rod(leg_now, arms[h].frame));
    }
    moments.push_back(std::move(m));
  }
  if (moments.empty()) return suggested;
  render::SightLines sight(state.client_model, &state.model);
  const float ankle = ankle_sum / static_cast<float>(moments.size());
  sight.set_pose(client ? std::optional(pose) : std::nullopt, ankle);

  render::Camera probe = state.camera;
  probe.set_subject(leg_to_room, client ? pose.knee_flexion_deg : 0.0f, client ? pose.hip_flexion_deg : 0.0f);
  const glm::vec3 want = probe.follow_direction(region, suggested.yaw, suggested.pitch);
  auto score = [&](ViewAngles a) {
    probe.follow(region, a.yaw, a.pitch, 0.0f);
    const glm::vec3 eye = probe.eye();
    const glm::mat4 vp = probe.projection_matrix(kAspect) * probe.view_matrix();
    int seen = 0;
    for (const Moment& m : moments) {
      if (rolls) sight.set_pose(m.pose, ankle);
      bool both = true;
      for (const glm::vec3& p : m.palms) {
        const glm::vec4 c = vp * glm::vec4(p, 1.0f);
        both = both && c.w > 0.0f && std::abs(c.x) <= 0.95f * c.w && std::abs(c.y) <= 0.95f * c.w &&
               sight.clear(eye, p, 0.02f, m.arms);
      }
      seen += both ? 1 : 0;
    }
    // Seen moments first; among equals, the closest to the suggestion.
    const glm::vec3 d = glm::normalize(eye - probe.pose().target);
    return static_cast<float>(seen) + 0.5f * (glm::dot(d, want) + 1.0f) * 0.45f;
  };
  ViewAngles best = suggested;
  float best_score = score(suggested);
  constexpr float kPi = 3.14159265f;
  // Only the leg's open half (yaw 0..pi: front, lateral, back; lying, "front"/"back" is from
  // above) and never end-on along the leg (from the head or the feet a student cannot tell the
  // stroke's direction).
  for (int y = 0; y <= 6 && best_score < static_cast<float>(moments.size()) + 0.4f; ++y)
    for (const float pitch : {-0.45f, 0.1f, 0.55f}) {
      const ViewAngles a{static_cast<float>(y) * kPi / 6.0f, pitch};
      const float s = score(a);
      if (s > best_score) best_score = s, best = a;
    }
  return best;
}

}  // namespace effleura::app
