// The default camera sees the work past the client (render/sight.hpp): played from its default
// camera, both working hands of every technique are in the frame and not hidden by the leg, the
// client's body, the other leg, the drapes, the table or the therapist's forearms. And a
// technique started at a moment shows the client already in that step's posture. Drives the
// app's State without drawing (the camera is plain maths).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "render/hand_sight.hpp"
#include "render/sight.hpp"
#include "technique/hand_rig.hpp"
#include "scene_render_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

// Known exceptions: technique id -> the least share of pressing samples with both hands seen
// (measured on this branch, minus 3 points), and why. The rest must reach 95 %. In every one of
// these the hidden hand is where no camera can see it, so the fix belongs to the motions
// (content/techniques) or the client's shape, not to the camera. Friction, tapotement,
// vibration and calf squeezes left this list when their inner hand moved off the inner side of
// the leg (hands one above the other across the back, or circles on the back of the calf).
struct Exception {
  const char* id;
  double least;
  const char* why;
};
constexpr Exception kExceptions[] = {
    // The pair glides toward the open side now (68.8 % when the inner hand worked the inner
    // thigh); what is left: the inner hand against the other leg at the inner knee and thigh
    // in the front strokes, and the forearms. Measured 89.0 %.
    {"effleurage", 0.86, "inner hand against the other leg at the knee and inner thigh"},
    // Left the list: compression (64.4 % -> 99.5 % since its calf presses hold the sides of
    // the calf, 100/260 degrees, not its back-sides, 120/240, against the table) and ankle pumps
    // (56.0 % -> 100 % since the sole hand works the outer half of the sole and the heel hand
    // cups the heel from its outer back, 155 degrees, both seen from the open side).
};

double least_share(const std::string& id) {
  for (const auto& e : kExceptions)
    if (id == e.id) return e.least;
  return 0.95;
}

// Both palms (their centres, 2 cm inside the back of the hand) in the picture and seen past the
// client, the table and the sleeves at this moment; what hid a hand is counted in `hidden_by`
// for the message.
bool both_palms_seen(const render::FrameView& v, const render::SightLines& sight, std::map<std::string, int>& hidden_by) {
  const glm::mat4 vp = v.projection * v.view;
  const std::vector<render::Rod> arms = render::sleeve_rods(v);  // render/hand_sight.hpp
  bool both = true;
  for (std::size_t h = 0; h < 2; ++h) {
    const glm::vec3 p = render::palm_centre(v, h);
    const std::string by = render::in_picture(vp, p) ? sight.blocker(v.eye, p, 0.02f, arms) : std::string("off screen");
    if (!by.empty()) ++hidden_by[by + (h == 0 ? " (left)" : " (right)")];
    both = both && by.empty();
  }
  return both;
}

}  // namespace

TEST_CASE("effleurage started at 20 s shows the client supine on the first frame") {
  app::Options o = test::source_options();
  o.technique = "effleurage";
  o.at_seconds = 20.0;  // the second step: the front of the leg
  app::State scene;
  auto loaded = scene.load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  scene.update(1.0 / 30.0);
  const render::FrameView v = scene.frame_view(kSize);
  CHECK(anatomy::to_room(v.leg_to_room, glm::vec3(0, 0, 1)).y == doctest::Approx(1.0f));  // front of the leg up
  CHECK_FALSE(scene.client.turning());
}

TEST_CASE("from its default camera both hands are seen past the leg and the client while they press") {
  app::Options probe = test::source_options();
  app::State library;
  REQUIRE(library.load(probe, app::resolve_data_paths(probe)).has_value());
  REQUIRE_FALSE(library.client_model.meshes.empty());
  const auto ids = library.simulation.techniques().ids();
  REQUIRE(ids.size() >= 10);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    // Under the sanitizers every other technique (the figures of those run are the same).
    if (k % 2 == 1 && test::kSanitized) continue;
    const std::string& id = ids[k];
    CAPTURE(id);
    app::Options o = test::source_options();
    o.technique = id;
    app::State scene;
    REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
    render::SightLines sight(scene.client_model, &scene.model);
    const double duration = scene.simulation.timeline()->duration();
    constexpr double dt = 0.1;
    int pressing = 0, seen = 0;
    double first_hidden = -1.0;
    std::map<std::string, int> hidden_by;  // what hid a hand, for the message
    for (double t = 0.0; t < duration - dt; t += dt) {
      scene.update(dt);
      const auto& f = scene.simulation.frame();
      if (!(f.hands[0].contact && f.hands[0].pressure_mmhg > 0.0f) && !(f.hands[1].contact && f.hands[1].pressure_mmhg > 0.0f))
        continue;
      const render::FrameView v = scene.frame_view(kSize);
      sight.set_pose(v.client);
      const bool both = both_palms_seen(v, sight, hidden_by);
      ++pressing;
      if (both) ++seen;
      else if (first_hidden < 0.0) first_hidden = t;
    }
    const double share = pressing > 0 ? static_cast<double>(seen) / pressing : 0.0;
    std::string why;
    for (const auto& [by, n] : hidden_by) why += " " + by + " x" + std::to_string(n);
    std::printf("default camera %-14s: both hands seen in %.1f %% of %d pressing samples (first hidden at %.1f s)%s\n",
                id.c_str(), 100.0 * share, pressing, first_hidden, why.c_str());
    CHECK(pressing > 20);
    CHECK_MESSAGE(share >= least_share(id), "first hidden at t = " << first_hidden << " s");
  }
}

// Steps that move the hands round the leg or off it: the sweep above counts pressing moments
// only, so a hand hidden while lifted (a turn-over, a return stroke) escapes it. Here every
// moment of the step counts, as effleura --hand-report counts them: both palms in the frame and
// seen past the client, the table and the forearms. Played in 0.1 s steps up to the step (the
// camera and the client only need to have arrived), then sampled every 20 ms (every 80 ms
// under the sanitizers).
TEST_CASE("both hands stay seen through compression's lift over the knee and effleurage's fuller glides") {
  struct Case {
    const char* id;
    std::size_t step;
    double least;  // a little under the measured share (the lower of every 20 ms and every 80 ms)
    const char* posture = "supine";
    int stride = 1;  // every 20 ms times this (a long step sampled more thinly: CI time)
  };
  // Compression's step 4: 95.0 % at 20 and at 80 ms; 72.5 % when the right hand went under the
  // lying leg (session 11). Effleurage's step 3: 95.6 % at 20 ms, 95.5 % at 80 ms since the left
  // hand waits 7 cm over the ankle between strokes (session 14; 94.5 % at 3 cm, a forearm across
  // it); 93.0-93.1 % when it came back beside the prone ankle's bolster (session 12).
  // Petrissage's step 4 (the move to the front of the thigh): 84.0 % at 20 ms, 88.0 % at 80 ms
  // (--hand-report, played in 20 ms steps from the start: 91.0 %; here the camera and the client
  // arrive in 0.1 s steps); 33.3 % when the hands went round under the prone leg and the client rolled only in the next
  // step, the camera from under the table (session 13: the client rolls over the top in this
  // step, the hands go round over the outer side, the view search judges the step's moments with
  // the client part turned). On session 13's merged main: 90.0 % every 20 ms, 92.0 % every 80 ms
  // (stride 4), --hand-report 95.0 %; hidden by the client's left arm (left hand, where it passed
  // 9 cm over the outer thigh beside the client's hand) and the right forearm, 5 moments each.
  // Session 14: the left hand passes 14 cm over it and the right goes round 15 degrees further
  // over the top: 97.0 % every 20 ms, 96.0 % every 80 ms, --hand-report 100 % (0.82 -> 0.94; the
  // old content's 90 % fails).
  // Session 15, the skin over the calf's bellies: effleurage's step 3 fell to 89.6 % (the left
  // palm rises out of the lower calf's hollow at 85 degrees and the view search chose a camera
  // that lost it behind the ankle bolster and the forearms); with the left hand at 110 degrees
  // and the right coming back lower, 95.8 % every 20 ms, 96.0 % every 80 ms.
  // Vibration sitting, step 2 (the lift over the knee to the top of the thigh), session 16:
  // 98.0 % every 20 ms (99.0 % before the calf step's hands moved 3 mm apart; 47.0 % before the
  // view search judged a step in the air on all its moments: on the few at its ends with a hand
  // on the skin every view tied and the suggestion won, from which the left forearm came end-on
  // to the camera and hid its own palm at 53 of 100 moments; app/view_search.cpp).
  // Session 18, the thigh's bellies (leg.glb re-forged: the whole skin re-meshed by < 0.5 mm)
  // merged with compression's new calf steps (worked from the back, prone, the hands going round
  // the outer side while the client rolls): compression's step 4 95.0 % on the old skin -> 84.0 %
  // (the right forearm hides its palm at 12 moments as it comes round: tried around 70 and a 45 mm
  // lift, 83-85 %): a regression to win back, bound 0.935 -> 0.83. Petrissage's step 4 fell
  // 95.0 % -> 92.0 % on the new skin; its lifted right hand's roll at 1.2 s, 230 -> 235, keeps 95 %.
  // Session 19: compression's hands turn their palms toward the camera sooner as they go round
  // (at 0.7 s the left's roll 60 -> 80, at 0.8 s the right's 90 -> 60): 84.0 % -> 97.0 % every
  // 20 ms (the left forearm 3 moments at 0.46-0.50 s; every 80 ms not run, 0.48 s is on that
  // grid: ~96 % expected); bound back to 0.935.
  // Session 20: sitting_reach's knee blend widened (0.44-0.60) took sitting vibration's step 2
  // 96.0 -> 93.0 % (the lower palm under its own forearm beside the bent knee); with the hands
  // 4 cm off the skin in transit (2 before), 98.0 % (forearms 1 + 1 moments). Every 80 ms not run.
  // Session 21: sitting, the step camera judges a step of 3 s or more again on a moment every
  // 0.1 s, touching or not, from a finer grid of views (app/view_search.cpp). Cross-fibre's third
  // step (the thumbs across the thigh, 12 s): 89.2 -> 99.2 % (--hand-report); every 60 ms here.
  // Session 23: effleurage's step 3 had slipped to 95.1 % (feet's upright sleeves, session 22):
  // its right hand comes back over the calf above the waiting left (0.42 up the leg, not 0.20),
  // so its forearm no longer crosses the left palm: 96.0 % every 20 ms, 97.0 % every 80 ms.
  // Compression's step 4 (the left following the rolling top): 94.0 -> 95.0 %.
  // Session 25: compression's lifted left hand goes round lower (160 / 120 degrees at 0.5 / 0.8 s,
  // its back 79 -> 54 degrees from up) under a camera pinned in content; its forearms then hide a
  // palm at 10 of 100 moments (searched: 9; the old content 5): 95 -> 90 %, bound 0.935 -> 0.88,
  // the price of a hand carried palm down.
  // Session 26: the left follows the rolling top closer (within 28 degrees) and the camera looks
  // down from above the outer front (pinned 15 / 1, as step 5 is seen): 90 -> 88 % here (the
  // forearms hide a palm at 12 moments; --hand-report, every 20 ms as drawn, 0.85 -> 0.90): bound
  // 0.87. With the left within 20-23 degrees of the top it read 92 %, but the hands met.
  // Session 29: pinned from the knee's end (45 / -20, so the carried right hand is not seen
  // square on its back: compression_carry_view_test), 88 -> 91 %.
  const Case cases[] = {{"compression", 3, 0.87}, {"effleurage", 2, 0.95}, {"petrissage", 3, 0.94},
                        {"vibration", 1, 0.97, "sitting"}, {"cross-fibre", 2, 0.95, "sitting", 3}};
  for (const Case& c : cases) {
    CAPTURE(c.id);
    CAPTURE(c.posture);
    app::Options o = test::source_options();
    o.technique = c.id;
    o.posture = c.posture;
    app::State scene;
    REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
    render::SightLines sight(scene.client_model, &scene.model);
    const technique::Timeline* timeline = scene.simulation.timeline();
    REQUIRE(timeline != nullptr);
    REQUIRE(c.step < timeline->step_count());
    const double start = timeline->step_start(c.step), end = timeline->step_end(c.step);
    test::play_to(scene, start);
    double t = start;
    const double dt = 0.02 * test::kSanitizedStride * c.stride;
    int samples = 0, seen = 0;
    std::map<std::string, int> hidden_by;
    for (; t < end - 1e-6; t += dt) {
      const render::FrameView v = scene.frame_view(kSize);
      sight.set_pose(v.client, v.ankle_deg);
      ++samples;
      if (both_palms_seen(v, sight, hidden_by)) ++seen;
      scene.update(dt);
    }
    const double share = static_cast<double>(seen) / samples;
    std::string why;
    for (const auto& [by, n] : hidden_by) why += " " + by + " x" + std::to_string(n);
    std::printf("%-12s %-7s step %zu: both hands seen at %d of %d moments (%.1f %%)%s\n", c.id, c.posture, c.step + 1, seen,
                samples, 100.0 * share, why.c_str());
    CHECK(samples >= static_cast<int>((end - start) / dt) - 1);
    CHECK(share >= c.least);
  }
}

// Petrissage's C grip has to be seen from its camera, not only exist in the numbers: the thumb
// apart from the fingers. Over the calf step, every 20 ms (80 ms under the sanitizers), the share
// of moments at which each hand's thumb (the middle of its last phalanx) is seen from the step
// camera past the leg, the client, the forearms and both hands' own palms and fingers (the rods
// below). Kneading-c's thumb (opposition 60, abduction 0) leaves the palm pointing along the
// index and 30 degrees down, under the fingers: the hand hides it and the grip reads as a fist.
// So the calf's lower (right) hand takes kneading-c-wide / kneading-squeeze-wide (the thumb spread
// 20 degrees, opposed 85 / 90) and works 2 cm lower, where its wide thumb clears the upper hand.
TEST_CASE("petrissage's kneading thumbs are seen from the calf step's camera") {
  app::Options o = test::source_options();
  o.technique = "petrissage";
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  render::SightLines sight(scene.client_model, &scene.model);
  const technique::Timeline* timeline = scene.simulation.timeline();
  REQUIRE(timeline != nullptr);
  const double end = timeline->step_end(0);
  const double dt = 0.02 * test::kSanitizedStride;
  // A part as a rod: its axis, its thicker radius. The palm is a flat slab (8 x 3 cm): three rods
  // side by side across it.
  auto rods_of = [](const glm::mat4& leg_to_room, const technique::HandShape& shape, bool but_thumb,
                    std::vector<render::Rod>& out) {
    for (std::size_t i = 0; i < shape.parts.size(); ++i) {
      if (but_thumb && i >= technique::hand_part(0, 0) && i <= technique::hand_part(0, 2)) continue;
      const auto& part = shape.parts[i];
      const auto at = [&](float x, float z) { return glm::vec3(leg_to_room * part.frame * glm::vec4(x, 0.0f, z, 1.0f)); };
      if (i == 0) {
        for (const float x : {-0.025f, 0.0f, 0.025f}) out.push_back({at(x, 0.0f), at(x, part.length), part.radius.y});
      } else {
        out.push_back({at(0.0f, 0.0f), at(0.0f, part.length), part.radius.x});
      }
    }
  };
  int samples = 0;
  int thumb_seen[2] = {0, 0};
  std::map<std::string, int> hidden_by[2];
  for (double t = 0.0; t < end - 1e-6; t += dt) {
    const render::FrameView v = scene.frame_view(kSize);
    sight.set_pose(v.client, v.ankle_deg);
    const glm::mat4 vp = v.projection * v.view;
    const std::vector<render::Rod> arms = render::sleeve_rods(v);
    for (std::size_t h = 0; h < 2; ++h) {
      std::vector<render::Rod> rods = arms;
      rods_of(v.leg_to_room, v.hands[h].shape, true, rods);       // this hand, all but its thumb
      rods_of(v.leg_to_room, v.hands[1 - h].shape, false, rods);  // the other hand, whole
      const auto& tip = v.hands[h].shape.parts[technique::hand_part(0, 2)];
      const glm::vec3 p(v.leg_to_room * tip.frame * glm::vec4(0.0f, 0.0f, 0.5f * tip.length, 1.0f));
      if (render::in_picture(vp, p) && sight.clear(v.eye, p, 0.01f, rods)) {
        ++thumb_seen[h];
        continue;
      }
      // What hid it, for the message (the first that does): the picture's edge, the scene (by
      // name), a sleeve, this hand's palm and fingers, else the other hand.
      std::vector<render::Rod> own;
      rods_of(v.leg_to_room, v.hands[h].shape, true, own);
      const bool framed = render::in_picture(vp, p);
      const std::string scene_by = framed ? sight.blocker(v.eye, p, 0.01f) : std::string();
      const std::string by = !framed                              ? std::string("off screen")
                             : !scene_by.empty()                  ? scene_by
                             : !sight.clear(v.eye, p, 0.01f, arms) ? std::string("forearm")
                             : !sight.clear(v.eye, p, 0.01f, own)  ? std::string("own hand")
                                                                   : std::string("other hand");
      ++hidden_by[h][by];
    }
    ++samples;
    scene.update(dt);
  }
  const double left = static_cast<double>(thumb_seen[0]) / samples, right = static_cast<double>(thumb_seen[1]) / samples;
  std::printf("petrissage calf step: thumb tip seen at %.1f %% (left), %.1f %% (right) of %d moments\n", 100.0 * left,
              100.0 * right, samples);
  std::printf("  step camera yaw %.2f pitch %.2f rad\n", scene.camera.pose().yaw, scene.camera.pose().pitch);
  for (std::size_t h = 0; h < 2; ++h) {
    std::string why;
    for (const auto& [by, n] : hidden_by[h]) why += " " + by + " x" + std::to_string(n);
    std::printf("  %s thumb hidden by:%s\n", h == 0 ? "left" : "right", why.c_str());
  }
  CHECK(samples >= static_cast<int>(end / dt) - 1);
  // Measured left 34.0 / 32.0 % and right 100.0 / 100.0 % (every 20 / 80 ms); with kneading-c on
  // both hands the right thumb was never seen (0.0 %) and this fails. The left (upper) hand keeps
  // kneading-c: spread even 4 degrees, its thumb reaches down into the lower hand (the two hands
  // overlap by 3.5 mm, by 10-13 mm at 8-12 degrees; hand contact asks them apart).
  // Session 14 (the message's "hidden by" tally): the left thumb is hidden by its own hand (368
  // of the 396 moments it is not seen). Rolled 13 degrees (roll 103, so the thumb turns toward
  // the near side) and spread (kneading-c-wide), it is seen 100 %, but the hands must then be
  // 3.5 cm further apart to keep the thumbs apart, and the lower hand's thumb rests on the skin
  // less often on the narrower calf (the thumb-pad case falls to 78 %): not landed.
  // Session 15, on the skin over the calf's bellies: the hands 1 cm higher (left) and 2.5 cm
  // lower (right), so the thumbs keep clear of each other there: left 42.0 / 44.0 %, right
  // 100 / 100 % (every 20 / 80 ms); the old content on the new skin read 37.0 / 76.0 %.
  // Session 16 (the per-moment trace): the left thumb was seen only while its hand rolled toward
  // the near side, between about 150 and 177 degrees round (0.46-1.3 s of each cycle, the
  // squeeze); rolled out to 185-195 (the relaxed grip) its kneading-c thumb, which runs forward
  // under the fingers, lay under its own hand and fingers from this camera. The left hand now
  // works 164-178 degrees round (was 165-195; the roll still spans 22 degrees) and 2 mm higher:
  // left 83.7 / 84.0 %, right 100 / 100 % (every 20 / 80 ms); session 15's content reads 42.0 /
  // 44.0 % and fails here.
  CHECK(left >= 0.80);
  CHECK(right >= 0.95);
}

TEST_CASE("sight lines are blocked by the table, the other leg and a forearm, and clear from above") {
  app::Options o = test::source_options();
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::supine);
  render::SightLines sight(scene.client_model, &scene.model);
  sight.set_pose(pose);
  // A point on the front of the left thigh (leg frame: 0.6 m up, in front of the axis).
  const glm::vec3 thigh(pose.left_leg * glm::vec4(0.0f, 0.60f, 0.09f, 1.0f));
  const glm::vec3 above = thigh + glm::vec3(0.0f, 1.2f, 0.0f);
  CHECK(sight.clear(above, thigh, 0.03f));
  // From under the table: the table top is in the way.
  CHECK_FALSE(sight.clear(thigh - glm::vec3(0.0f, 0.5f, 0.0f), thigh, 0.03f));
  // Level from the other leg's side (the leg's -X, medial) onto the thigh's inner side: the
  // other leg and its drape are in the way.
  const glm::vec3 medial = anatomy::to_room(pose.left_leg, glm::vec3(-1, 0, 0));
  const glm::vec3 inner(pose.left_leg * glm::vec4(-0.08f, 0.60f, 0.0f, 1.0f));
  const std::string by = sight.blocker(inner + 1.5f * medial, inner, 0.03f);
  CHECK((by == "client.leg-right" || by == "drape.leg-right"));
  // Level from the open (lateral) side it is seen.
  CHECK(sight.clear(thigh - 1.5f * medial + glm::vec3(0.0f, 0.3f, 0.0f), thigh, 0.03f));
  // A rod across the sight line hides it.
  const render::Rod rod{above * 0.5f + thigh * 0.5f - glm::vec3(0.2f, 0.0f, 0.0f),
                        above * 0.5f + thigh * 0.5f + glm::vec3(0.2f, 0.0f, 0.0f), 0.03f};
  CHECK_FALSE(sight.clear(above, thigh, 0.03f, {rod}));
}

TEST_CASE("the other foot's sight lines turn with its ankle, as it is drawn") {
  app::Options o = test::source_options();
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  render::SightLines sight(scene.client_model, &scene.model);
  // Level across the right forefoot from the right (body frame: 3 cm above the sole, 15 cm in
  // front of the ankle) to 5 cm inside the foot's middle: the standing foot is in the way; the
  // foot turned 40 degrees toes-up at its ankle has lifted its forefoot out of that line.
  std::string by[2];
  for (int i = 0; i < 2; ++i) {
    const auto pose = anatomy::walking_pose({}, {0.0f, 0.0f, i == 0 ? 0.0f : 40.0f});
    sight.set_pose(pose);
    const glm::vec3 toe(pose.body * glm::vec4(anatomy::kRightAnkleCentre.x, 0.03f, 0.14f, 1.0f));
    const glm::vec3 right = anatomy::to_room(pose.body, glm::vec3(-1, 0, 0));
    by[i] = sight.blocker(toe + 0.5f * right, toe - 0.05f * right, 0.0f);
  }
  CHECK(by[0] == "client.leg-right");
  CHECK(by[1] != "client.leg-right");
}

TEST_CASE("the massaged foot's sight lines turn with its ankle: the pose's walking, or a technique's") {
  app::Options o = test::source_options();
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  render::SightLines sight(scene.client_model, &scene.model);
  // Level across the left forefoot from its outer side (leg frame: 3 cm above the sole, 14 cm in
  // front of the ankle) to 5 cm inside it: the flat foot's skin is in the way; turned 40 degrees
  // toes-up at its ankle (shaders/model.vert turns it so) the forefoot has left that line.
  auto across_toes = [&sight](const anatomy::ClientPose& pose, std::optional<float> ankle) {
    sight.set_pose(pose, ankle);
    const glm::vec3 toe(pose.left_leg * glm::vec4(frame::kAnkleCentre.x, 0.03f, 0.14f, 1.0f));
    const glm::vec3 outer = anatomy::to_room(pose.left_leg, frame::kLateral);
    return sight.blocker(toe + 0.5f * outer, toe - 0.05f * outer, 0.0f);
  };
  CHECK(across_toes(anatomy::walking_pose({}, {}), std::nullopt) == "skin");
  CHECK(across_toes(anatomy::walking_pose({0.0f, 0.0f, 40.0f}, {}), std::nullopt) != "skin");  // walking's ankle
  // A technique's ankle wins over the pose's (ankle pumps lying supine).
  const auto supine = anatomy::client_pose(anatomy::ClientPosture::supine);
  CHECK(across_toes(supine, 0.0f) == "skin");
  CHECK(across_toes(supine, 40.0f) != "skin");
  CHECK(across_toes(supine, 0.0f) == "skin");  // placed again when only the ankle changes
}
