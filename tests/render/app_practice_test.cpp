// Practice mode through the app's real frame path (app/frame.hpp) on the headless platform:
// the Practice panel's command starts it, stroke commands at screen points on the back of the
// calf (what the window's input queue makes of a left-drag there) put the student's hands on
// the skin under the pointer, drive the flow, and grade the stroke when it ends.
// EFFLEURA_PRACTICE_SHOT=PREFIX writes PREFIX-stroke.png (mid-stroke) and PREFIX-graded.png, panels
// and all, to look at.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/trigonometric.hpp>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "app/practice_view.hpp"
#include "lesson/lesson_player.hpp"
#include "render/image.hpp"
#include "scene_render_support.hpp"

using namespace effleura;

namespace {

// Where a point of the leg's frame lands on the window (pixels from the top-left).
glm::vec2 on_screen(const app::Context& ctx, const glm::vec3& p) {
  const glm::ivec2 size = ctx.platform->ui_size();
  const render::FrameView v = ctx.state.camera_view(size);
  const glm::vec4 c = v.projection * v.view * v.leg_to_room * glm::vec4(p, 1.0f);
  const glm::vec2 ndc = glm::vec2(c) / c.w;
  return {(ndc.x + 1.0f) * 0.5f * static_cast<float>(size.x), (1.0f - ndc.y) * 0.5f * static_cast<float>(size.y)};
}

void shoot(app::Context& ctx, const char* suffix) {
  if (const char* prefix = std::getenv("EFFLEURA_PRACTICE_SHOT"))
    CHECK(render::write_png(ctx.platform->target().capture(), std::string(prefix) + suffix).has_value());
}

}  // namespace

TEST_CASE("practice through frame(): a drag up the back of the calf strokes, moves the hands and is graded") {
  app::Options options = test::source_options();
  // Small for the test (software rendering); the size of a window when pictures are asked for.
  options.size = std::getenv("EFFLEURA_PRACTICE_SHOT") ? glm::ivec2(1280, 720) : glm::ivec2(160, 120);
  options.technique = "effleurage";
  app::Context ctx;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_headless(ctx) == 0);
  ctx.style.panels = true;
  app::frame(ctx, 0.0);
  ctx.pending.practice.start = "effleurage";  // the Practice panel's button
  app::frame(ctx, 1.0 / 30.0);
  REQUIRE(ctx.practice.active());
  // The panel now shows the pressure gauge: the technique's pressure, a little under.
  CHECK(ctx.practice.pressure() == doctest::Approx(14.0f));
  // Settle the camera on the back view it moves to.
  for (int i = 0; i < 12; ++i) app::frame(ctx, 1.0 / 30.0);

  const anatomy::LegSurface& leg = ctx.state.simulation.surface();
  const float back = std::numbers::pi_v<float>;
  const glm::vec3 from = leg.position(0.18f, back), to = leg.position(0.36f, back);
  constexpr int kFrames = 24;  // 0.8 s: 0.18 m of calf at about the demonstration's pace
  ctx.pending.input.push_back(app::input::StrokeBegin{on_screen(ctx, from)});
  int pressing_frames = 0;
  for (int i = 1; i <= kFrames; ++i) {
    const float f = static_cast<float>(i) / kFrames;
    app::frame(ctx, 1.0 / 30.0);
    ctx.pending.input.push_back(app::input::StrokeMove{on_screen(ctx, from + (to - from) * f)});
    pressing_frames += ctx.state.simulation.contacts().empty() ? 0 : 1;
    if (i == kFrames * 2 / 3) shoot(ctx, "-stroke.png");
  }
  app::frame(ctx, 1.0 / 30.0);
  REQUIRE(ctx.practice.stroking());
  // The lead hand is on the skin where the pointer is (the pick hits the skin, a little off the
  // surface fitted to it, and the palm sits dented into it).
  const auto& hands = ctx.state.simulation.frame().hands;
  const auto lead = practice::companion_of(*ctx.state.simulation.technique()).lead;
  CHECK(hands[lead].contact);
  CHECK(glm::distance(glm::vec3(hands[lead].transform[3]), to) < 0.03f);
  CHECK(pressing_frames >= kFrames - 1);
  CHECK(ctx.state.simulation.contacts().size() == 2);  // effleurage: both hands
  ctx.pending.input.push_back(app::input::StrokeEnd{});
  app::frame(ctx, 1.0 / 30.0);
  CHECK_FALSE(ctx.practice.stroking());
  CHECK(ctx.state.simulation.contacts().empty());  // lifted
  REQUIRE(ctx.practice.strokes().size() == 1);
  const auto& g = ctx.practice.strokes().back().grades;
  const std::string first_summary = g.summary;  // a copy: INFO reads it later, after `strokes` grows
  INFO(first_summary);
  CHECK(g[practice::Criterion::direction].pass);
  CHECK(g[practice::Criterion::area].pass);
  CHECK(g[practice::Criterion::avoid].pass);
  CHECK(g[practice::Criterion::pressure].pass);
  CHECK(g[practice::Criterion::speed].pass);
  app::frame(ctx, 1.0 / 30.0);  // the panel shows the grades
  shoot(ctx, "-graded.png");

  // A second stroke, down the calf and hard, straight after: coached on direction first.
  for (int i = 0; i < 5; ++i) ctx.pending.input.push_back(app::input::PracticePressure{+1.0f});  // ] ] ] ] ]
  ctx.pending.input.push_back(app::input::StrokeBegin{on_screen(ctx, to)});
  for (int i = 1; i <= 12; ++i) {
    app::frame(ctx, 1.0 / 30.0);
    ctx.pending.input.push_back(app::input::StrokeMove{on_screen(ctx, to + (from - to) * (static_cast<float>(i) / 12.0f))});
  }
  ctx.pending.input.push_back(app::input::StrokeEnd{});
  app::frame(ctx, 1.0 / 30.0);
  app::frame(ctx, 1.0 / 30.0);
  CHECK(ctx.practice.pressure() == doctest::Approx(24.0f));
  REQUIRE(ctx.practice.strokes().size() == 2);
  const auto& down = ctx.practice.strokes().back().grades;
  const std::string down_summary = down.summary;
  INFO(down_summary);
  CHECK_FALSE(down[practice::Criterion::direction].pass);
  CHECK(down[practice::Criterion::rhythm].applies);  // a second stroke has a rhythm, and this one is hurried
  CHECK_FALSE(down[practice::Criterion::rhythm].pass);
  CHECK(down.summary.find("away from the heart") != std::string::npos);
  shoot(ctx, "-down.png");

  // The session's trail: the right stroke green, the one to improve amber, on the leg.
  CHECK(app::practice_colour(ctx.practice.strokes()[0]) == app::kPracticeRight);
  CHECK(app::practice_colour(ctx.practice.strokes()[1]) == app::kPracticeImprove);
  const std::size_t trail_vertices = ctx.view.coloured.size();
  CHECK(trail_vertices > 0);

  // "Show me": the demonstration's own stroke plays, its hands on the leg where its stroke runs,
  // and its path grows as a ghost over the student's trail.
  const auto eye_from_leg = [&] {
    return glm::normalize(ctx.state.camera.eye() - ctx.state.camera.pose().target);
  };
  const glm::vec3 eye_before = eye_from_leg();
  ctx.pending.practice.show_me = true;
  // The camera's turn takes 0.6 s; a picture shows the stroke further on (2 s, or
  // EFFLEURA_PRACTICE_GHOST_FRAMES frames at 30 a second: the README's picture waits until the
  // demonstration's path runs up the calf beside the student's trail).
  int ghost_frames = 20;
  if (std::getenv("EFFLEURA_PRACTICE_SHOT")) {
    const char* frames = std::getenv("EFFLEURA_PRACTICE_GHOST_FRAMES");
    ghost_frames = frames ? std::max(20, std::atoi(frames)) : 60;
  }
  for (int i = 0; i < ghost_frames; ++i) app::frame(ctx, 1.0 / 30.0);
  const auto reached = ctx.practice.ghost_time(ctx.state);
  REQUIRE(reached.has_value());
  CHECK(*reached > 0.1);
  const auto& demo = ctx.practice.reference().demo.samples;
  REQUIRE(demo.size() > 2);
  std::size_t k = 0;
  while (k + 1 < demo.size() && demo[k + 1].t - demo.front().t <= *reached - 1.0 / 30.0) ++k;
  const auto& ghost_hands = ctx.state.simulation.frame().hands;
  CHECK(ghost_hands[lead].contact);
  CHECK(glm::distance(glm::vec3(ghost_hands[lead].transform[3]), demo[k].point) < 0.03f);
  // The demonstration's own cyan trail, which ran right under the ghost, is not drawn meanwhile.
  for (const auto& trail : ctx.state.simulation.trails()) CHECK(trail.empty());
  // The ghost's ribbon lies on the skin: both edges picked on it, about its width apart (a
  // ribbon built flat from the fitted surface's normal sank half into the skin and did not show).
  const auto& path = ctx.practice.ghost_path();
  REQUIRE(path.size() > 2);
  for (const auto& gp : path) {
    CHECK(glm::distance(gp.left, gp.right) > 1.2f * app::PracticeMode::kGhostHalfWidthM);
    CHECK(glm::distance(gp.left, gp.right) < 4.0f * app::PracticeMode::kGhostHalfWidthM);  // wider where the skin lies outside the fitted surface
    CHECK(glm::distance(0.5f * (gp.left + gp.right), gp.point) < 0.01f);
  }
  // The camera has turned to face the path (effleurage's runs up the inner side of the calf,
  // which the back view saw edge on): at least 30 degrees nearer to face on than before.
  glm::vec3 facing(0.0f);
  for (const auto& gp : path) facing += gp.normal;
  facing = glm::normalize(glm::mat3(ctx.state.camera.subject()) * facing);
  CHECK_FALSE(ctx.state.camera.transitioning());
  const float before_deg = glm::degrees(std::acos(glm::dot(eye_before, facing)));
  const float after_deg = glm::degrees(std::acos(glm::dot(eye_from_leg(), facing)));
  INFO("camera from the path's facing: " << before_deg << " degrees before Show me, " << after_deg << " after");
  CHECK(after_deg < before_deg - 30.0f);
  CHECK(after_deg < 25.0f);
  render::FrameView only;
  app::append_practice_view(ctx.practice, ctx.state, only);
  CHECK(std::count_if(only.coloured.begin(), only.coloured.end(),
                      [](const auto& cv) { return cv.colour == app::kPracticeGhost; }) >= 6);
  shoot(ctx, "-ghost.png");
}

// No GL: the rules an instructor edits in the technique file apply at the next hot reload,
// without pressing Practise again; a broken [practice] table keeps the last good rules and
// says where it is broken.
TEST_CASE("practice: an edited practice table is read again on hot reload, a broken one keeps the last good") {
  namespace fs = std::filesystem;
  const auto root = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch" / "practice-reload";
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(fs::path(EFFLEURA_SOURCE_DIR) / "content", root / "content", fs::copy_options::recursive);
  app::Options options = test::source_options();
  options.content_dir = root / "content";
  app::Context ctx;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(ctx.practice.start(ctx.state, "effleurage").has_value());
  CHECK(ctx.practice.reference().rules.from_content);
  CHECK(ctx.practice.reference().rules.on_area == doctest::Approx(0.75f));

  const fs::path file = root / "content" / "techniques" / "effleurage.toml";
  const auto rewrite = [&](const std::string& from, const std::string& to) {
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(file) << text;
  };
  rewrite("on_area = 0.75", "on_area = 0.9");
  REQUIRE(ctx.state.simulation.reload_techniques(ctx.paths).has_value());
  ctx.practice.update(ctx.state);
  CHECK(ctx.practice.reference().rules.on_area == doctest::Approx(0.9f));
  CHECK(ctx.practice.rules_error().empty());

  rewrite("on_area = 0.9", "on_area = 9");
  REQUIRE(ctx.state.simulation.reload_techniques(ctx.paths).has_value());
  ctx.practice.update(ctx.state);
  CHECK(ctx.practice.reference().rules.on_area == doctest::Approx(0.9f));  // the last good rules
  CHECK(ctx.practice.rules_error().find("effleurage.toml:") != std::string::npos);
  CHECK(ctx.practice.rules_error().find("on_area") != std::string::npos);
  CHECK(ctx.state.reload_error == ctx.practice.rules_error());  // shown where content errors are
}

// No GL: a lesson step with `practice = true` starts practice on its technique (the Practice
// panel shows during it, app/frame.cpp), and the next step, without it, stops it.
TEST_CASE("practice: a lesson step with practice = true starts practice on its technique, the next step ends it") {
  namespace fs = std::filesystem;
  const auto root = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch" / "practice-lesson";
  fs::create_directories(root);
  const fs::path file = root / "try-it.toml";
  std::ofstream(file) << "title = \"routine.title\"\naudience = \"routine.audience\"\n"
                         "[[step]]\ntechnique = \"effleurage\"\nview = \"back\"\nsay = \"routine.effleurage\"\npractice = true\n"
                         "[[step]]\ntechnique = \"petrissage\"\nsay = \"routine.effleurage\"\n";
  app::Options options = test::source_options();
  options.lesson = file;
  app::Context ctx;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_lesson_or_playlist(ctx, false) == 0);
  REQUIRE(ctx.lesson_or_playlist);
  lesson::LessonPlayer* player = ctx.lesson_or_playlist->lesson();
  REQUIRE(player);
  ctx.lesson_or_playlist->advance(0.0);
  ctx.practice.follow_lesson(player, ctx.state);
  CHECK(ctx.practice.active());
  CHECK(ctx.practice.technique() == "effleurage");
  // A student who presses Stop is not started again while the step lasts.
  ctx.practice.stop(ctx.state);
  ctx.practice.follow_lesson(player, ctx.state);
  CHECK_FALSE(ctx.practice.active());
  // Replaying the step starts it again; the next step ends it and its technique plays.
  player->replay();
  ctx.lesson_or_playlist->advance(0.0);
  ctx.practice.follow_lesson(player, ctx.state);
  CHECK(ctx.practice.active());
  REQUIRE(player->next());
  ctx.lesson_or_playlist->advance(0.0);
  ctx.practice.follow_lesson(player, ctx.state);
  CHECK_FALSE(ctx.practice.active());
  REQUIRE(ctx.state.simulation.technique());
  CHECK(ctx.state.simulation.technique()->id == "petrissage");
}
