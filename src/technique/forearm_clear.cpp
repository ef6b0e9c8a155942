#include "technique/forearm_clear.hpp"
#include "technique/unit_or.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/leg_bend.hpp"
#include "anatomy/leg_surface.hpp"
#include "anatomy/client_pose.hpp"
#include "core/smooth_step.hpp"
#include "technique/forearm.hpp"

namespace effleura::technique {
namespace {

// Out of the straight leg's skin at p, level (sections are star-shaped about the axis, and
// radial_outside measures along this direction).
glm::vec3 outward(const anatomy::LegSurface& surface, const glm::vec3& p) {
  glm::vec3 r = p - anatomy::LegSurface::axis(std::clamp(p.y, surface.min_along(), surface.max_along()));
  r.y = 0.0f;
  return unit_or(r, glm::vec3(1.0f, 0.0f, 0.0f));
}

// How many times a forearm swings away from the skin before it is left where it is.
constexpr int kClearTries = 16;
// A pads hand's forearm lifts off the skin in this many finer steps (settled, below).
constexpr int kPadsLiftFiner = 5;

// Between a forearm direction that does not clear (the skin, the table top) and the next lift
// step that does, the least lift that clears, found to 1/64 of the step. With whole steps alone,
// where a moment first needed a lift the elbow swung a full step (~20 degrees, ~9 cm) at once.
constexpr int kLiftBisections = 6;
// Thirds taken off the way toward the highest direction the wrist allows, for the lift that
// leaves a sleeve least deep in the table top (settled, below).
constexpr int kFloorSearches = 14;
// The room's up counts as ahead of the wrist (in the hand's frame, toward the fingers) from this
// much, fully from the second.
constexpr float kUpAheadFrom = 0.5f;
constexpr float kUpAheadFull = 0.8f;
// Near the wrist a forearm cannot stand further off the skin than the wrist does: each point of it
// needs at most the wrist's own clearance plus a rise of 1 in 10 along it. Without this, a wrist
// low on the skin (tapotement's hacking hand on the buttock, prone) left the first point, 4 cm up,
// a few millimetres short however far it lifted, so it swung through every try: the elbow flipped
// 0.28 m across its wrist in one 20 ms moment.
constexpr float kLeastRiseNearWrist = 0.1f;
template <class Clear>
glm::vec3 least_clear(const glm::vec3& blocked, const glm::vec3& cleared, const Clear& clear, float least_y) {
  float lo = 0.0f, hi = 1.0f;
  glm::vec3 best = cleared;
  for (int i = 0; i < kLiftBisections; ++i) {
    const float t = 0.5f * (lo + hi);
    const glm::vec3 tried = within_wrist_range(glm::mix(blocked, cleared, t), least_y);
    if (clear(tried)) hi = t, best = tried;
    else lo = t;
  }
  return best;
}

}  // namespace

glm::vec3 within_wrist_range(glm::vec3 d, float least_y) {
  d.y = std::max(d.y, least_y);
  d.z = std::min(d.z, -0.35f);
  return glm::normalize(d);
}

glm::vec3 nearest_in_wrist_range(glm::vec3 d, float least_y) {
  if (d.z <= -0.35f && d.y >= least_y) return glm::normalize(d);
  d.z = std::min(d.z, -0.35f);
  glm::vec2 xy(d.x, std::max(d.y, least_y));
  xy *= std::sqrt(std::max(1.0f - d.z * d.z, 0.0f)) / std::max(glm::length(xy), 1e-5f);
  return within_wrist_range(glm::vec3(xy.x, xy.y, d.z), least_y);
}

glm::vec3 settled(glm::vec3 local, const Settling& arm, const anatomy::LegSurface* surface, const Stance* stance,
                  const anatomy::LegBend* bend) {
  const glm::mat4& base = arm.base;
  const glm::mat4 to_local = glm::inverse(base);
  const float least_y = arm.least_y;
  const glm::vec3& wrist = arm.wrist;
  const bool pads = arm.pads;
  if (surface) {
    // Swing out until the forearm clears the skin (a finger's breadth beyond its own radius),
    // checked at points along it. The foot is not a section of the leg: points below the
    // leg's range are left to the wrist limits.
    const bool bent = bend && (bend->knee_deg != 0.0f || bend->hip_deg != 0.0f);
    // A pads hand's forearm lifts in fifths of the step, so it rises just clear: with whole
    // steps a fingertip pressed a little deeper for one moment (friction's deeper circles)
    // flicked it up 17 degrees and back.
    const int fine = pads ? kPadsLiftFiner : 1;
    // Whether the forearm along `try_local` clears the skin; where not, the drawn skin's outward
    // direction where it came too close.
    const float wrist_out = bent ? 1.0f : surface->radial_outside(wrist);
    const auto clear_of_skin = [&](const glm::vec3& try_local, glm::vec3& skin_out) {
      const glm::vec3 d(base * glm::vec4(try_local, 0.0f));
      for (int s = 1; s <= 6; ++s) {
        const glm::vec3 drawn = wrist + d * (kForearmLength * static_cast<float>(s) / 6.0f);
        const float need = std::min(0.022f + 0.015f * static_cast<float>(s) / 6.0f,
                                    wrist_out + kLeastRiseNearWrist * kForearmLength * static_cast<float>(s) / 6.0f);
        const auto too_close = [&](const glm::vec3& p) { return p.y > surface->min_along() && surface->radial_outside(p) < need; };
        if (!bent) {
          if (too_close(drawn)) return false;
          continue;
        }
        for (const glm::vec3& p : anatomy::unbend_leg(drawn, *bend))
          if (too_close(p)) {
            skin_out = glm::mat3(anatomy::knee_bend_at(p, bend->knee, bend->knee_deg, bend->hip_deg)) * outward(*surface, p);
            return false;
          }
      }
      return true;
    };
    glm::vec3 skin_out(0.0f);
    for (int tries = 0; tries < kClearTries * fine; ++tries) {
      if (clear_of_skin(local, skin_out)) break;
      // At a table the forearm lifts toward the ceiling (the therapist reaches over the leg);
      // otherwise out along the back of the hand. With the knee and hip bent (sitting) the
      // room's up is not away from the skin beside the bent knee or on the thigh's side: the
      // lift there is the drawn skin's outward direction where the forearm came too close
      // (with the room's up only the forearm ran out of tries inside the drawn thigh).
      glm::vec3 lift = stance ? glm::vec3(to_local * glm::vec4(stance->up, 0.0f)) : glm::vec3(0.0f, 1.0f, 0.0f);
      if (bent) lift = glm::vec3(to_local * glm::vec4(skin_out, 0.0f));
      const glm::vec3 lifted = within_wrist_range(local + (0.35f / static_cast<float>(fine)) * lift, least_y);
      glm::vec3 ignored(0.0f);
      if (clear_of_skin(lifted, ignored)) {
        local = least_clear(local, lifted, [&](const glm::vec3& l) { return clear_of_skin(l, ignored); }, least_y);
        break;
      }
      local = lifted;
    }
  }
  if (stance && stance->half_length > 0.0f) {
    // A floor at the table top: the sleeve lifts toward the ceiling until it clears the top
    // wherever it passes over the table (sitting, a hand on the top of the thigh a few
    // centimetres above the seat sent its forearm level toward the therapist through it).
    const glm::vec3 up_local(to_local * glm::vec4(stance->up, 0.0f));
    const auto over_top = [&](const glm::vec3& try_local) {
      const glm::vec3 d(base * glm::vec4(try_local, 0.0f));
      for (int s = 1; s <= 6; ++s)
        if (stance->over_table(wrist + d * (kForearmLength * static_cast<float>(s) / 6.0f)) < kSleeveRadius) return false;
      return true;
    };
    // Steps toward the room's up, clamped to the wrist's range, until the sleeve clears the top.
    const glm::vec3 from = local;
    glm::vec3 stepped = local;
    for (int tries = 0; tries < kClearTries; ++tries) {
      if (over_top(stepped)) break;
      const glm::vec3 lifted = within_wrist_range(stepped + 0.35f * up_local, least_y);
      if (over_top(lifted)) {
        stepped = least_clear(stepped, lifted, over_top, least_y);
        break;
      }
      stepped = lifted;
    }
    local = stepped;
    // Where the room's up lies ahead of the wrist (the fingers point at the ceiling: cross-
    // fibre's thumbs on the outer thigh, the forearm's run over the table's edge below the
    // top), the wrist's range cannot follow it: no step cleared, and clamping each step drifted
    // the forearm sideways along the range's edge to a corner of it, the elbow swinging up to
    // 203 mm in one 20 ms moment. There, lying, the lift goes toward the direction nearest the
    // room's up that the wrist allows, by the least that clears, or where nothing on the way
    // clears as far as leaves the sleeve least deep in the top; blended in as up comes ahead of
    // the wrist. (Everywhere, it took petrissage's two forearms under the thigh as the client
    // turns (up only a little ahead, z 0.3) to one place whatever their spread apart, and they
    // met; sitting, the hands on the hanging calf and foot have their forearms cross the table's
    // end, where the depth in the top jumps, and the least deep lift jumped with it.)
    const bool sitting_bend = bend && (bend->knee_deg != 0.0f || bend->hip_deg != 0.0f);
    const float ahead = std::clamp((up_local.z - kUpAheadFrom) / (kUpAheadFull - kUpAheadFrom), 0.0f, 1.0f);
    if (!over_top(from) && !sitting_bend && ahead > 0.0f) {
      const glm::vec3 highest = nearest_in_wrist_range(unit_or(up_local, glm::vec3(0, 1, 0)), least_y);
      const auto depth = [&](const glm::vec3& try_local) {
        const glm::vec3 d(base * glm::vec4(try_local, 0.0f));
        float deepest = -1.0f;
        for (int s = 1; s <= 6; ++s)
          deepest = std::max(deepest, kSleeveRadius - stance->over_table(wrist + d * (kForearmLength * static_cast<float>(s) / 6.0f)));
        return deepest;
      };
      const auto lifted_by = [&](float t) { return within_wrist_range(glm::mix(from, highest, t), least_y); };
      float lo = 0.0f, hi = 1.0f;
      for (int i = 0; i < kFloorSearches; ++i) {
        const float a = lo + (hi - lo) / 3.0f, b = hi - (hi - lo) / 3.0f;
        if (depth(lifted_by(a)) <= depth(lifted_by(b))) hi = b;
        else lo = a;
      }
      const glm::vec3 least_deep = lifted_by(0.5f * (lo + hi));
      const glm::vec3 toward_up = over_top(least_deep) ? least_clear(from, least_deep, over_top, least_y) : least_deep;
      local = within_wrist_range(glm::mix(stepped, toward_up, smooth_step(ahead)), least_y);
    }
  }
  return local;
}

}  // namespace effleura::technique
