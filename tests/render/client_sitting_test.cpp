// Sitting, the knee is bent 90 degrees (anatomy/client_pose.hpp) and the leg is drawn bent
// (shaders/model.vert). What is placed on the leg or looks at it works on the same bent leg:
// the hands of a technique, hover, the sight lines and the camera's framing
// (anatomy/leg_bend.hpp). Drives the app's State without drawing; the bent skin here is
// anatomy::bend_knee of the straight skin, the function the shader's lines are tested against
// (flow_client_pose_test: the flow model's sitting heights).
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/picking.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "render/hand_sight.hpp"
#include "render/sight.hpp"
#include "technique/hand_rig.hpp"
#include "technique/working_region.hpp"
#include "ui/main_ui.hpp"
#include "scene_render_support.hpp"
#include "screen_pixel.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

// Nearest distance from `p` to the skin's vertices bent at the knee (leg frame).
float to_bent_skin(const anatomy::Model& model, const glm::vec3& p, float knee_deg) {
  const anatomy::Mesh* skin = model.find("skin");
  REQUIRE(skin != nullptr);
  float best = FLT_MAX;
  for (const glm::vec3& v : skin->positions)
    best = std::min(best, glm::distance(p, anatomy::bend_knee(v, frame::kKneeCentre, knee_deg)));
  return best;
}

app::Options sitting(const char* technique, double at) {
  app::Options o = test::source_options();
  o.posture = "sitting";
  if (technique) {
    o.technique = technique;
    o.at_seconds = at;
  }
  return o;
}

// One sitting client with no technique, loaded once for the hover and sight cases (a load
// costs most of a case's time); neither changes it.
const app::State& sitting_scene() {
  static const std::unique_ptr<app::State> scene = [] {
    auto s = std::make_unique<app::State>();
    const app::Options o = sitting(nullptr, 0.0);
    if (!s->load(o, app::resolve_data_paths(o)).has_value()) return std::unique_ptr<app::State>();
    s->update(1.0 / 30.0);
    return s;
  }();
  REQUIRE(scene != nullptr);
  return *scene;
}

}  // namespace

TEST_CASE("sitting, the hands of a calf technique rest on the bent calf") {
  // Calf squeezes: find a moment with a hand pressing the calf well below the knee's blend.
  app::State scene;
  const app::Options o = sitting("calf-squeezes", 0.0);
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  const technique::Timeline& timeline = *scene.simulation.timeline();
  double at = -1.0;
  for (double t = 0.5; t < timeline.duration() && at < 0.0; t += 0.25) {
    const auto f = timeline.evaluate(t);
    for (std::size_t i = 0; i < f.contact_count; ++i)
      if (f.patches[i].point.y < frame::kKneeCentre.y - 0.12f) at = t;
  }
  REQUIRE(at > 0.0);
  REQUIRE(scene.simulation.select_technique("calf-squeezes", at).has_value());
  const render::FrameView v = scene.frame_view(kSize);
  REQUIRE(v.client.has_value());
  const float knee = v.client->knee_flexion_deg;
  REQUIRE(knee == doctest::Approx(90.0f));
  const auto& f = scene.simulation.frame();
  int checked = 0;
  for (std::size_t i = 0; i < f.contact_count; ++i) {
    const ContactPatch& patch = f.patches[i];
    if (patch.point.y > frame::kKneeCentre.y - 0.12f) continue;
    const std::size_t h = patch.hand == Hand::left ? 0 : 1;
    CAPTURE(h);
    // The contact point carried from the hand the technique placed (straight leg) to the hand
    // as drawn: the same point of the hand.
    const technique::HandShape straight = technique::build_hand(f.hands[h].transform, f.hands[h].pose, f.hands[h].hand);
    const glm::mat4 moved = v.hands[h].shape.parts[0].frame * glm::inverse(straight.parts[0].frame);
    const glm::vec3 drawn(moved * glm::vec4(patch.point, 1.0f));
    // On the straight skin the contact point lies within a few mm of a skin vertex (the skin's
    // vertices are ~4 mm apart, the patch point is on the analytic surface): the same holds
    // on the bent skin for the drawn hand.
    const float straight_gap = to_bent_skin(scene.model, patch.point, 0.0f);
    const float bent_gap = to_bent_skin(scene.model, drawn, knee);
    CAPTURE(straight_gap);
    CHECK(bent_gap < straight_gap + 0.003f);
    CHECK(bent_gap < 0.008f);
    // The hand is where the bent calf is, not where the straight one would be (>= 10 cm away).
    CHECK(to_bent_skin(scene.model, patch.point, knee) > 0.10f);
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("sitting, hover names the calf where the bent calf is drawn") {
  const app::State& scene = sitting_scene();
  const render::FrameView v = scene.frame_view(kSize);
  REQUIRE(v.client.has_value());
  const float knee = v.client->knee_flexion_deg;
  REQUIRE(knee == doctest::Approx(90.0f));
  const anatomy::Mesh* skin = scene.model.find("skin");
  REQUIRE(skin != nullptr);
  const std::size_t calves = *anatomy::area_index("calves");
  // A calf vertex mid-calf, facing the camera squarely on the bent leg.
  const glm::vec3 leg_eye(glm::inverse(v.leg_to_room) * glm::vec4(v.eye, 1.0f));
  glm::vec3 point{0.0f}, straight{0.0f};
  float best = 0.0f;
  for (std::size_t i = 0; i < skin->positions.size(); ++i) {
    const glm::vec3& p = skin->positions[i];
    if (skin->area_weights[i][calves] < 0.95f || p.y > 0.40f || p.y < 0.25f) continue;
    const glm::vec3 b = anatomy::bend_knee(p, frame::kKneeCentre, knee);
    const glm::vec3 n = glm::mat3(anatomy::knee_bend_at(p, frame::kKneeCentre, knee)) * skin->normals[i];
    const float facing = glm::dot(n, glm::normalize(leg_eye - b));
    if (facing > best) { best = facing; point = b; straight = p; }
  }
  REQUIRE(best > 0.7f);
  auto pixel_of = [&](const glm::vec3& leg_p) {
    const glm::vec4 c = v.projection * v.view * v.leg_to_room * glm::vec4(leg_p, 1.0f);
    return test::top_left_pixel(c, kSize);
  };
  const glm::vec2 px = pixel_of(point);
  CAPTURE(px.x);
  CAPTURE(px.y);
  REQUIRE((px.x > 0.0f && px.y > 0.0f && px.x < kSize.x && px.y < kSize.y));
  const auto hit = anatomy::pick(scene.drawn_model(), scene.ray_through(px, kSize));
  REQUIRE(hit.skin.has_value());
  CHECK(glm::distance(hit.skin->point, point) < 0.01f);
  const std::string said = scene.describe_at(px, kSize);
  CAPTURE(said);
  CHECK(said.find(ui::area_label(calves)) == 0);
  // Where the straight calf would be drawn there is no leg any more: nothing is named.
  const glm::vec2 old_px = pixel_of(straight);
  if (old_px.x > 0.0f && old_px.y > 0.0f && old_px.x < kSize.x && old_px.y < kSize.y)
    CHECK(scene.describe_at(old_px, kSize).find(ui::area_label(calves)) == std::string::npos);
}

TEST_CASE("sitting, the sight lines and the camera's frame see the bent leg") {
  const app::State& scene = sitting_scene();
  const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  render::SightLines sight(scene.client_model, &scene.model);
  sight.set_pose(pose);
  const auto room = [&](const glm::vec3& p) { return glm::vec3(pose.left_leg * glm::vec4(p, 1.0f)); };
  // Where the straight shank would lie (on the leg's axis, mid-calf) there is air: seen from
  // above. The straight leg's skin would hide it.
  const glm::vec3 air = room({frame::kKneeCentre.x, 0.30f, 0.0f});
  CHECK(sight.blocker(air + glm::vec3(0.0f, 1.0f, 0.0f), air, 0.01f) == "");
  // The bent shank's axis mid-calf is inside the skin: from the front (the client faces +X)
  // the shin's skin hides it.
  const glm::vec3 inside = room(anatomy::bend_knee({frame::kKneeCentre.x, 0.30f, 0.0f}, frame::kKneeCentre, 90.0f));
  CHECK(sight.blocker(inside + glm::vec3(1.0f, 0.0f, 0.0f), inside, 0.01f) == "skin");
  // The camera frames the leg as drawn: its box holds the bent heel, not the straight one.
  const anatomy::Bounds box = scene.drawn_bounds();
  const glm::vec3 heel(frame::kKneeCentre.x, 0.03f, -0.03f);
  const glm::vec3 bent_heel = anatomy::bend_knee(heel, frame::kKneeCentre, 90.0f);
  auto inside_box = [&](const glm::vec3& p) { return glm::all(glm::greaterThanEqual(p, box.min)) && glm::all(glm::lessThanEqual(p, box.max)); };
  CHECK(inside_box(bent_heel));
  CHECK_FALSE(inside_box(heel));
}

TEST_CASE("sitting, the camera follows each step of a technique onto its hands, on the bent leg") {
  // Calf squeezes and petrissage played sitting from the default camera, which follows the steps
  // (render/step_camera.hpp). Their steps are framed on the straight leg; the camera bends the
  // region as the leg is drawn and sees a shank region as the named views see the shank
  // (Camera::follow). Through the thigh's frame it looked at where a straight shank would stick
  // out into the room. Sampled every 0.3 s (0.9 s under the sanitizers).
  struct Case { const char* id; double least; };
  // Both hands seen (in the frame, past the client, the table and the forearms) while they
  // press: measured 100 % and 75.9 %, minus 5 points (session 16; the bounds were still those
  // of 25.5 % and 21.8 %, measured when this case was written: the motions have moved since,
  // and at session 16's start these read 100 % and 76.7 %). The rest of petrissage's are hidden
  // behind the calf, whose back faces the table sitting.
  // Calf squeezes 0.95 -> 0.90 in session 17's merge: the hands (calf-squeezes.toml, the grip's
  // fingers closing together) and the forearms (forearm.cpp: kept apart, the trail that grows with
  // its length) each passed 100 % on their own branch; together the lower sleeve hides a palm in
  // 5 of 67 samples (92.5 %). Session 15's content read 25.5 %.
  // Calf squeezes 0.90 -> 0.88 in session 18 (client): re-forging the skin over the thigh re-meshes
  // the whole skin (the simplifier's budget is global; the calf moves by under half a millimetre)
  // and the forearms, which keep off the drawn skin, hide a palm at 2 more of the 67 samples
  // (92.5 -> 89.6 %); no calf keyframe moved.
  // Calf squeezes 0.88 -> 0.95, petrissage 0.70 -> 0.82 in session 21: the wrap grips go round
  // the calf from in front sitting (sitting_reach.cpp, kWrap...) and the step camera re-judges
  // long sitting steps: measured 100 % and 87.9 % (session 18 read 89.6 % for calf squeezes), minus 5 points;
  // the sanitized pass, sampled three times sparser, checks no share.
  for (const Case c : {Case{"calf-squeezes", 0.95}, Case{"petrissage", 0.82}}) {
    CAPTURE(c.id);
    app::State scene;
    const app::Options o = sitting(c.id, 0.0);
    REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
    REQUIRE(scene.camera.following());
    render::SightLines sight(scene.client_model, &scene.model);
    const technique::Timeline& timeline = *scene.simulation.timeline();
    const auto framings = technique::step_framings(timeline);
    const double dt = test::kSanitized ? 0.9 : 0.3;
    int pressing = 0, seen = 0, settled = 0, on_leg = 0, palms = 0, palms_in = 0;
    for (double t = 0.0; t < timeline.duration() - dt; t += dt) {
      scene.update(dt);
      const auto& f = scene.simulation.frame();
      const render::FrameView v = scene.frame_view(kSize);
      REQUIRE(v.client.has_value());
      REQUIRE(v.client->knee_flexion_deg == doctest::Approx(90.0f));
      const glm::mat4 vp = v.projection * v.view;
      // Past the first second of a step the move there is over: the camera looks at the step's
      // region where the bent leg is drawn (its box bent, 3 cm round it).
      const std::size_t step = f.step;
      if (step < framings.size() && f.time > timeline.step_start(step) + 1.5) {
        const anatomy::Bounds b = anatomy::bend_box(framings[step].region, frame::kKneeCentre, 90.0f, v.client->hip_flexion_deg);
        const glm::vec3 target(glm::inverse(v.leg_to_room) * glm::vec4(scene.camera.pose().target, 1.0f));
        ++settled;
        if (glm::all(glm::greaterThanEqual(target, b.min - 0.03f)) && glm::all(glm::lessThanEqual(target, b.max + 0.03f))) ++on_leg;
      }
      if (!(f.hands[0].contact && f.hands[0].pressure_mmhg > 0.0f) && !(f.hands[1].contact && f.hands[1].pressure_mmhg > 0.0f))
        continue;
      sight.set_pose(v.client, f.ankle_deg);
      const std::vector<render::Rod> arms = render::sleeve_rods(v);  // render/hand_sight.hpp
      bool both = true;
      for (std::size_t h = 0; h < 2; ++h) {
        // The palm's centre as drawn (on the bent leg), 2 cm inside the back of the hand.
        const glm::vec3 p = render::palm_centre(v, h);
        const bool in_frame = render::in_picture(vp, p);
        ++palms;
        palms_in += in_frame ? 1 : 0;
        both = both && in_frame && sight.clear(v.eye, p, 0.02f, arms);
      }
      ++pressing;
      if (both) ++seen;
    }
    const double share = pressing > 0 ? static_cast<double>(seen) / pressing : 0.0;
    std::printf("sitting %-14s: palms in the frame %d of %d, both hands seen in %.1f %% of %d pressing samples; "
                "the camera on the bent region %d of %d\n", c.id, palms_in, palms, 100.0 * share, pressing, on_leg, settled);
    CHECK(pressing * (test::kSanitized ? 3 : 1) > 10);
    CHECK(settled > 0);
    CHECK(on_leg == settled);
    CHECK(palms_in == palms);
    if (!test::kSanitized) CHECK(share >= c.least);  // sampled three times as sparsely there
  }
}
