#pragma once
// The still room: while the camera rests, the background and the parts of the client, table and
// drapes that no hand shades or moves look the same frame after frame, yet on llvmpipe they
// cost a good share of each frame (the client's pixels alone ~10 ms at 1280x720, session 24).
// Once two frames in a row agree on everything those pixels depend on (RoomKey), the second
// keeps a copy of its colour and depth after drawing them; later frames with the same key start
// from that copy and draw only the leg, hands, reached client parts and lines over it.
#include <array>
#include <cstdint>
#include <optional>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "anatomy/areas.hpp"
#include "anatomy/client_pose.hpp"

namespace effleura::render {

// Everything the kept pixels depend on. Whatever the renderer does not hold as a uniform of the
// client's parts (the leg, the hands, the tissue, the lines) is not here, because none of it is kept.
struct RoomKey {
  unsigned framebuffer = 0;   // the target drawn into, its size and samples
  glm::ivec2 size{0};
  int samples = 0;
  glm::mat4 view{1.0f}, projection{1.0f};  // the camera (and the lights, which follow it)
  glm::vec3 eye{0.0f};                     // the shading's eye and the parts' levels of detail
  std::optional<anatomy::ClientPose> client;  // every part's frame, bend and whether it shows
  // ClientPass::still_parts: which parts are kept. It also says whether the skin layer (the body
  // and drapes), the other leg and the drapes (kept only where opaque) are drawn at all.
  std::uint64_t parts = 0;
  float drape_opacity = 1.0f;   // the drapes' uOpacity when kept (0 when not)
  unsigned levels = 0;          // counts the client's levels of detail taken in
  // The areas' glow, only when a client part carries area weights (zeros otherwise: the glow's
  // slow pulse would change the key every frame for nothing).
  std::array<float, anatomy::kAreaCount> highlight{};
};

[[nodiscard]] bool same_room(const RoomKey& a, const RoomKey& b);

// What the renderer does with this frame's key.
enum class RoomUse {
  draw,   // draw everything: the key differs from the last frame's (a moving camera pays nothing)
  keep,   // the same key twice running: draw the still parts first, then keep a copy
  reuse,  // the copy fits: start from it
};

class StillRoom {
 public:
  StillRoom() = default;
  ~StillRoom();
  StillRoom(const StillRoom&) = delete;
  StillRoom& operator=(const StillRoom&) = delete;

  [[nodiscard]] RoomUse plan(const RoomKey& key);
  // Copies the bound target's colour and depth (framebuffer `from`) into the kept copy.
  void keep(const RoomKey& key);
  // Copies the kept colour and depth into the target (its framebuffer bound for drawing after).
  void restore(const RoomKey& key) const;
  // Forgets the copy and the last key (a new client, or the cache switched off).
  void forget();

 private:
  std::optional<RoomKey> last_, kept_;
  unsigned fbo_ = 0, colour_ = 0, depth_ = 0;
  glm::ivec2 size_{0};
  int samples_ = -1;
};

}  // namespace effleura::render
