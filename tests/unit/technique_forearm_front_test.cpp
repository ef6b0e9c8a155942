// Sitting, a therapist reaches the inner side of the hanging leg from in front of the client
// (technique/forearm.cpp, kInnerFrom), not from beside the table on the leg's outer side: from
// there a hand on the inner side of the calf or thigh took its forearm across the front of the
// leg, the sleeve over the worked calf or knee and the hand behind it (compression sitting,
// tapotement's crossing over the knee; session 22). The forearms placed as app/state.cpp places
// them: the palms on the bent leg, the stance beside the table. The knee and hip bends turn
// about the leg frame's X axis, so a point's side of the leg (x against the leg axis's) is the
// same bent or straight.
#include <doctest/doctest.h>

#include <array>
#include <string>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/frame.hpp"
#include "technique/forearm.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// Further than this to either side of the leg's axis counts as on that side (metres).
constexpr float kOffAxis = 0.03f;

struct Crossing {
  int moments = 0;    // sampled moments with a hand on the leg (either hand counts once)
  int crossed = 0;    // hand-moments whose elbow lies on the other side of the leg from the wrist
  double first_at = -1.0;
};

// Every 40 ms (160 ms under the sanitizers) of technique `id` played sitting.
Crossing crossings(const std::string& id) {
  const anatomy::LegSurface& surface = test::shipped_surface();
  Timeline tl(test::shipped_technique(id), test::real_poses(), surface);
  tl.set_client_sitting(true);
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const anatomy::LegBend bend{frame::kKneeCentre, pose.knee_flexion_deg, pose.hip_flexion_deg};
  const Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  TechniqueFrame f;
  Crossing c;
  const double every = 0.04 * test::kSanitizedStride;
  for (double s = 0.0; s <= tl.duration(); s += every) {
    tl.evaluate(s, f);
    std::array<glm::mat4, 2> palms{};
    for (std::size_t h = 0; h < 2; ++h) palms[h] = anatomy::bend_palm(f.hands[h].transform, bend.knee, bend.knee_deg, bend.hip_deg);
    const auto arms = place_forearms(palms, &surface, &stance, &bend, finger_pads(f));
    for (std::size_t h = 0; h < 2; ++h) {
      if (f.hands[h].on_sole || !f.hands[h].contact) continue;
      ++c.moments;
      const float axis_x = anatomy::LegSurface::axis(f.hands[h].along).x;
      const float wrist = arms[h].wrist.x - axis_x, elbow = arms[h].elbow.x - axis_x;
      if ((wrist < -kOffAxis && elbow > kOffAxis) || (wrist > kOffAxis && elbow < -kOffAxis)) {
        if (c.crossed == 0) c.first_at = s;
        ++c.crossed;
      }
    }
  }
  MESSAGE(id << " sitting: a forearm across the leg at " << c.crossed << " of " << c.moments << " hand-moments on the leg (first at "
             << c.first_at << " s)");
  return c;
}

}  // namespace

TEST_CASE("sitting, no forearm reaches across the leg: inner-side hands are worked from in front of the client") {
  // Measured (Release, every 40 ms), hand-moments with the elbow across the leg from the wrist:
  // with the therapist only beside the table (session 22's main) effleurage 122 of 1422 (from
  // 1.12 s), friction 40 of 1016 (11.56 s), tapotement 85 of 287 (14.2 s: its crossing over the
  // knee onto the inner thigh), the other seven 0 (compression's hands on the inner calf took
  // their forearms up and inward, not across). With inner hands worked from in front: effleurage
  // 53, friction 40 (its finger-pad hands, not yet looked at), the rest 0. Bounds: those, as
  // ratchets (the sanitizers' sparser sampling counts fewer).
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Crossing c = crossings(t.id);
    int bound = 0;
    if (t.id == "effleurage") bound = 53;
    if (t.id == "friction") bound = 40;
    CHECK(c.crossed <= bound);
  }
}
