#pragma once
// What stands between the camera and a point of the scene: the client's body, the other leg, the
// drapes, the table and its bolsters (assets/client.glb, each part placed by the pose as the
// client pass draws it), the massaged leg's skin, and the therapist's forearms. Used to judge
// whether a working hand can be seen (the step camera's choice of side, --hand-report, tests).
// Plain maths, no GL: a segment against triangles, pruned by each part's box, then by the boxes of
// runs of triangles laid out in space order (meshoptimizer's spatial sort, once per mesh), so a
// line tests a few hundred triangles of the leg's ~58,000 instead of all of them.
#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/client_pose_bends.hpp"
#include "anatomy/model.hpp"

namespace effleura::render {

// A rounded rod that hides what is behind it (a forearm: wrist to elbow, in the room).
struct Rod {
  glm::vec3 a{0.0f}, b{0.0f};
  float radius = 0.0f;
};

class SightLines {
 public:
  // `client` (may be empty: a foreign model has no client) and `leg` (its "skin" mesh, in the
  // leg frame; nullptr: no leg) must outlive this.
  SightLines(const anatomy::Model& client, const anatomy::Model* leg);
  // Places the parts; cheap when the pose and the ankle have not changed. No pose (a foreign
  // model, no client): the leg alone, in its own frame. The massaged leg's foot turns at its
  // ankle by `leg_ankle_deg` (+ dorsiflexion; a technique's ankle, render/frame_view.hpp
  // ankle_deg), or without it by the pose's (walking), as shaders/model.vert draws it.
  void set_pose(const std::optional<anatomy::ClientPose>& pose, std::optional<float> leg_ankle_deg = std::nullopt);
  // True when nothing hides room point `p` from `eye`; the last `margin` metres before the
  // point are not checked, so a point resting on the skin counts as seen. `rods` hide too.
  [[nodiscard]] bool clear(const glm::vec3& eye, const glm::vec3& p, float margin = 0.02f,
                           const std::vector<Rod>& rods = {}) const;
  // What hides it: "" when clear, "forearm" for a rod, otherwise the mesh's name ("skin" for
  // the leg). For reports and test messages.
  [[nodiscard]] std::string blocker(const glm::vec3& eye, const glm::vec3& p, float margin = 0.02f,
                                    const std::vector<Rod>& rods = {}) const;

 private:
  struct Box {
    glm::vec3 lo{1e9f}, hi{-1e9f};
  };
  struct Part {
    std::string name;
    std::vector<glm::vec3> vertices;  // room frame
    std::shared_ptr<const std::vector<std::uint32_t>> corners;  // three per triangle, in space order
    glm::vec3 lo{0.0f}, hi{0.0f};
    std::vector<Box> runs;    // the box of each kRun triangles in turn
    std::vector<Box> groups;  // the box of each kRun runs in turn
  };
  // The mesh's triangles' corner indices in space order (computed once per mesh and kept: the
  // bends move triangles a little, not apart, so neighbours stay neighbours).
  std::shared_ptr<const std::vector<std::uint32_t>> space_order(const anatomy::Mesh& mesh);
  // `knee_deg` != 0: the mesh bent at `knee` first (anatomy::bend_knee), `hip_deg` != 0: its top
  // kept with the pelvis (anatomy::blend_hip), `ankle_deg` != 0: before both, its foot turned at
  // `ankle` by each vertex's ankle_blend (only the other leg has them), as drawn.
  void add(const anatomy::Mesh& mesh, const glm::mat4& to_room, const glm::vec3& knee, float knee_deg,
           const glm::vec3& hip, float hip_deg, const glm::vec3& ankle = {}, float ankle_deg = 0.0f,
           const std::optional<anatomy::HipSides>& sides = std::nullopt);  // walking: fold_hips, not the blend
  const anatomy::Model& client_;
  const anatomy::Model* leg_;
  // The parts as placed for the last few poses, newest last: a step the client rolls into is
  // judged at each of its moments from every candidate view in turn (app/view_search.cpp), so
  // the same ten poses come round again and again (petrissage's turn-over: 210 placements of
  // ~80,000 triangles -> 10). At most kKept (~0.6 MB each).
  struct Placement {
    std::optional<anatomy::ClientPose> pose;
    float ankle_deg = 0.0f;  // the massaged leg's foot as placed
    std::vector<Part> parts;
  };
  static constexpr std::size_t kKept = 12;
  std::vector<Placement> placements_;
  std::size_t current_ = 0;  // placements_[current_] is what lines are tested against
  std::vector<Part> parts_;  // being built by add()
  std::vector<std::pair<const anatomy::Mesh*, std::shared_ptr<const std::vector<std::uint32_t>>>> orders_;
};

}  // namespace effleura::render
