#include "app/practice_view.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface.hpp"
#include "app/practice_mode.hpp"
#include "app/state.hpp"

namespace effleura::app {
namespace {

constexpr std::size_t kTrailStrokes = 12;   // the session's latest strokes stay on the leg
constexpr float kHalfWidthM = 0.006f;       // a 12 mm ribbon: narrower than the hand, wider than a line
constexpr float kLiftM = 0.002f;            // just above the skin, so it is not lost in it
constexpr float kGhostLiftM = 0.004f;       // the ghost over the student's trail and the demonstration's own
constexpr float kGhostEdge = 1.35f;         // its dark edge: this much wider than the white
// White alone hardly shows on pale skin under bright light: a dark edge outlines it.
constexpr glm::vec4 kGhostEdgeColour{0.10f, 0.12f, 0.22f, 0.75f};

// The ghost: a quad a segment between edges picked on the skin, each lifted along its own
// outward direction, a dark wider one first and the white over it.
void ghost_ribbon(const std::vector<PracticeMode::GhostPoint>& path, double reached,
                  std::vector<render::ColouredVertex>& out) {
  for (const float widen : {kGhostEdge, 1.0f}) {
    const glm::vec4 colour = widen > 1.0f ? kGhostEdgeColour : kPracticeGhost;
    const auto edges = [&](const PracticeMode::GhostPoint& g) {
      const glm::vec3 l = g.left + g.left_out * kGhostLiftM, r = g.right + g.right_out * kGhostLiftM;
      const glm::vec3 mid = 0.5f * (l + r);
      return std::pair{mid + (l - mid) * widen, mid + (r - mid) * widen};
    };
    for (std::size_t i = 1; i < path.size() && path[i].t <= reached; ++i) {
      const auto [a0, a1] = edges(path[i - 1]);
      const auto [b0, b1] = edges(path[i]);
      const render::ColouredVertex q[4] = {{a0, colour}, {a1, colour}, {b1, colour}, {b0, colour}};
      for (int k : {0, 1, 2, 0, 2, 3}) out.push_back(q[k]);
    }
  }
}

// A ribbon through skin points (each with its outward normal), two triangles a segment.
void ribbon(const std::vector<glm::vec3>& points, const std::vector<glm::vec3>& normals, float half_width,
            const glm::vec4& colour, std::vector<render::ColouredVertex>& out) {
  for (std::size_t i = 1; i < points.size(); ++i) {
    const glm::vec3 d = points[i] - points[i - 1];
    if (glm::length(d) < 1e-5f) continue;
    const glm::vec3 n = glm::normalize(normals[i] + normals[i - 1]);
    const glm::vec3 side = glm::normalize(glm::cross(d, n)) * half_width;
    const glm::vec3 a = points[i - 1] + n * kLiftM, b = points[i] + n * kLiftM;
    const render::ColouredVertex q[4] = {{a - side, colour}, {a + side, colour}, {b + side, colour}, {b - side, colour}};
    for (int k : {0, 1, 2, 0, 2, 3}) out.push_back(q[k]);
  }
}

}  // namespace

glm::vec4 practice_colour(const PracticeStroke& stroke) {
  const auto& avoid = stroke.grades[practice::Criterion::avoid];
  if (avoid.applies && !avoid.pass) return kPracticeUnsafe;
  return stroke.grades.score >= 0.999f ? kPracticeRight : kPracticeImprove;
}

void append_practice_view(const PracticeMode& mode, const State& state, render::FrameView& v) {
  if (!mode.active()) return;
  const anatomy::LegSurface& surface = state.simulation.surface();
  const auto& strokes = mode.strokes();
  std::vector<glm::vec3> points, normals;
  for (std::size_t i = strokes.size() > kTrailStrokes ? strokes.size() - kTrailStrokes : 0; i < strokes.size(); ++i) {
    points.clear();
    normals.clear();
    for (const auto& s : strokes[i].stroke.samples) {
      if (s.pressure_mmhg <= 0.5f) continue;  // resting, not stroking
      points.push_back(s.point);
      normals.push_back(surface.normal(s.along, s.around));
    }
    ribbon(points, normals, kHalfWidthM, practice_colour(strokes[i]), v.coloured);
  }
  // The demonstration's stroke, as far as "Show me" has played it, on the skin.
  if (const auto reached = mode.ghost_time(state)) ghost_ribbon(mode.ghost_path(), *reached, v.coloured);
}

}  // namespace effleura::app
