#pragma once
// The knee bend (anatomy/client_pose.hpp bend_knee) as a rigid transform at a point, and the leg
// model as the bent leg is drawn. Everything that is placed on the leg or looks at it - the
// hands, hover and picking, the sight lines, the camera's framing - works in the leg frame; when
// the knee is bent (sitting) it must work on the same bent leg shaders/model.vert draws, or the
// hands rest on, and the pointer names, a straight leg that is not there. No GL.
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "anatomy/model.hpp"

namespace effleura::anatomy {

// The rigid transform the bend applies at leg-frame point `at`: T(knee) R_x(flexion w(at.y))
// T(-knee), then the hip blend (client_pose.hpp blend_hip, about frame::kHipCentre) for a leg
// whose hip is flexed by `hip_deg`, so bend_leg(p, ...) == knee_bend_at(p, ...) * p. A hand frame
// premultiplied by the transform at its palm centre moves and turns with the skin beneath it.
[[nodiscard]] glm::mat4 knee_bend_at(const glm::vec3& at, const glm::vec3& knee, float flexion_deg, float hip_deg = 0.0f);
// A point of the massaged leg as drawn: bent at the knee, then the hip blend (shaders/model.vert).
[[nodiscard]] glm::vec3 bend_leg(const glm::vec3& p, const glm::vec3& knee, float knee_deg, float hip_deg);

// The bend of the drawn leg: its knee centre and the knee's and the hip's flexion (degrees).
struct LegBend {
  glm::vec3 knee{0.0f};
  float knee_deg = 0.0f, hip_deg = 0.0f;
};
// The inverse of bend_leg: every point of the straight leg that the bend draws at `p`, so what
// is placed on the drawn leg (a forearm beside the bent knee) can be tested against the straight
// leg's surface. Near the leg there is one; farther out than the leg is thick, the turned zones
// overlap at a deep bend and a point can be drawn from two or three (it is inside the drawn leg
// if any of them is inside the straight one). The hip, then the knee, are undone each by solving
// for its weight (the turned point must have the weight it was turned by): a fixed-point
// iteration of knee_bend_at's inverse does not converge at 90 degrees.
[[nodiscard]] std::vector<glm::vec3> unbend_leg(const glm::vec3& p, const LegBend& bend);

// A hand's palm frame (technique::HandState::transform, column 3 the palm centre) on the bent leg.
[[nodiscard]] inline glm::mat4 bend_palm(const glm::mat4& palm, const glm::vec3& knee, float flexion_deg, float hip_deg = 0.0f) {
  return knee_bend_at(glm::vec3(palm[3]), knee, flexion_deg, hip_deg) * palm;
}

// The model with every position, normal, fibre direction and landmark bent at `knee` by
// `flexion_deg`, as drawn (areas, indices and the rest copied). flexion 0: a plain copy.
[[nodiscard]] Model bent_model(const Model& model, const glm::vec3& knee, float flexion_deg, float hip_deg = 0.0f);

// The box round the bent skin (or every mesh when there is no skin): what the camera frames.
[[nodiscard]] Bounds bent_bounds(const Model& model, const glm::vec3& knee, float flexion_deg, float hip_deg = 0.0f);

// A leg-frame box bent: the box round its eight corners bent (a focus region).
[[nodiscard]] Bounds bend_box(const Bounds& box, const glm::vec3& knee, float flexion_deg, float hip_deg = 0.0f);

}  // namespace effleura::anatomy
