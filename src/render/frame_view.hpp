#pragma once
// Everything the renderer reads to draw one frame. The app fills it from the simulation and
// the UI; the renderer never writes back (design.md: "The renderer reads").
#include <array>
#include <optional>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "anatomy/areas.hpp"
#include "anatomy/client_pose.hpp"
#include "flow/particles.hpp"
#include "technique/hand_rig.hpp"
#include "technique/tissue.hpp"
#include "render/trail_geometry.hpp"

#include <vector>

namespace effleura::render {

struct LayerVisibility {
  bool skin = true;
  bool muscles = true;
  bool bones = true;
  bool veins = true;
  bool arteries = true;
  bool nerves = true;
};

struct FrameView {
  // The camera is in the room (world up); the leg, hands, trails, valves and particles are
  // given in the leg's own frame and drawn through leg_to_room (anatomy/client_pose.hpp).
  glm::mat4 view{1.0f};
  glm::mat4 projection{1.0f};
  glm::vec3 eye{0.0f, 0.5f, 2.5f};  // room
  glm::mat4 leg_to_room{1.0f};
  // The rest of the client and the table (assets/client.glb), drawn in this pose when set.
  std::optional<anatomy::ClientPose> client;
  // The client's other leg and its drape drawn. Off in the named medial view, which looks at the
  // lit leg's inner side from where the other leg lies: drawn, it covers that side and the
  // labels' anchors on it (render/client_pass.hpp other_leg_part).
  bool other_leg = true;
  LayerVisibility layers{};
  float skin_opacity = 1.0f;  // 1 opaque; lower values give the X-ray view
  // The atlas tools (app/atlas.hpp), per mesh of the leg model in its order: 1 drawn as usual,
  // 0 hidden, between: drawn see-through at that opacity. Empty: every mesh drawn. The skin's
  // own entries are ignored (the app folds them into layers.skin and skin_opacity).
  std::vector<float> structure_opacity;
  int selected_structure = -1;  // the atlas's selected mesh, drawn with a glow; -1 none
  // The atlas's clipping plane in the room (a, b, c, d: the leg's layers where
  // a x + b y + c z + d < 0 are cut away, the cut faces drawn solid). Off when not set.
  std::optional<glm::vec4> clip;
  // Glow strength per area, 0..1, already including any slow pulse (see highlight.hpp).
  std::array<float, anatomy::kAreaCount> highlight{};
  // The foot's angle at the ankle (degrees, + dorsiflexion), applied through each vertex's
  // ankle blend about the same axis the technique engine turns the sole about.
  float ankle_deg = 0.0f;

  // The therapist's hands ([0] left, [1] right), drawn when visible.
  struct HandView {
    bool visible = false;
    technique::HandShape shape;
    // The forearm's frame (technique/forearm.hpp place_forearms); the zero matrix folds the
    // forearm and sleeve away to nothing (no forearm drawn).
    glm::mat4 forearm{0.0f};
  };
  std::array<HandView, 2> hands{};
  // The soft tissue (technique/tissue.hpp): a dent under each pressing palm with a raised rim
  // round it, refilling after the hand eases, and a kneaded fold lifted between the hands.
  // Radii are final (already widened); shaders/model.vert moves the skin and what lies beneath.
  technique::TissueShape tissue{};
  // Blended coloured triangles lying on or in the leg: stroke trails, valve leaflets.
  std::vector<ColouredVertex> coloured;
  // Blood particles (drawn when the veins layer is on and the skin lets them be seen).
  std::vector<flow::ParticleVertex> particles;
  float particle_px = 3.0f;
};

}  // namespace effleura::render
