// Window input as a queue of events: every event of a frame takes effect, in the order it came,
// whatever the frame rate. Fed here without a window (the window's GLFW callbacks push the
// same events).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <string>
#include <variant>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes

#include "anatomy/client_pose.hpp"
#include "app/context.hpp"
#include "app/frame.hpp"
#include "app/input_events.hpp"

using namespace effleura;
using app::KeyAction;

namespace {

void tap(app::InputQueue& q, int key, int mods = 0) {
  q.push(app::KeyEvent{key, KeyAction::press, mods, 0});
  q.push(app::KeyEvent{key, KeyAction::release, mods, 0});
}

// As a US layout names them for the kiosk's chord.
std::string us_key_name(int key, int) {
  if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>('a' + (key - GLFW_KEY_A)));
  if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>('0' + (key - GLFW_KEY_0)));
  return {};
}

template <class C>
int count(const std::vector<app::InputCommand>& commands) {
  int n = 0;
  for (const auto& c : commands) n += std::holds_alternative<C>(c) ? 1 : 0;
  return n;
}

// A lesson in a Context as the window has it, without a window or GL.
struct LessonContext {
  app::Context ctx;
  LessonContext() {
    app::Options options;
    options.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
    options.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
    options.lesson = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "lessons" / "circulation.toml";
    REQUIRE(app::load_content(ctx, options) == 0);
    REQUIRE(app::open_lesson_or_playlist(ctx, false) == 0);
    REQUIRE(ctx.lesson_or_playlist);
    REQUIRE(ctx.lesson_or_playlist->lesson());
    ctx.style.panels = true;
  }
};

}  // namespace

TEST_CASE("a burst of key taps within one frame: each becomes a command, in order") {
  app::InputQueue q;
  tap(q, GLFW_KEY_N);
  tap(q, GLFW_KEY_N);
  tap(q, GLFW_KEY_PAGE_DOWN);  // a clicker
  tap(q, GLFW_KEY_3);
  tap(q, GLFW_KEY_4);
  app::InputSituation s;
  s.lesson = true;
  const auto commands = q.take(s, 0.1);
  REQUIRE(commands.size() == 5);
  for (int i = 0; i < 3; ++i) CHECK(std::holds_alternative<app::input::LessonNext>(commands[static_cast<std::size_t>(i)]));
  REQUIRE(std::holds_alternative<app::input::ViewPreset>(commands[3]));
  CHECK(std::get<app::input::ViewPreset>(commands[3]).preset == 2);
  REQUIRE(std::holds_alternative<app::input::ViewPreset>(commands[4]));
  CHECK(std::get<app::input::ViewPreset>(commands[4]).preset == 3);
  CHECK(q.take(s, 0.1).empty());  // taken once
}

TEST_CASE("a burst N, N, N, 3, 4 in one frame: three lesson steps, then the medial view") {
  LessonContext lc;
  app::Context& ctx = lc.ctx;
  REQUIRE(ctx.lesson_or_playlist->lesson()->count() > 4);
  app::InputQueue q;
  for (int i = 0; i < 3; ++i) tap(q, GLFW_KEY_N);
  tap(q, GLFW_KEY_3);
  tap(q, GLFW_KEY_4);
  app::InputSituation s;
  s.lesson = true;
  ctx.pending.input = q.take(s, 0.1);
  app::carry_out_commands(ctx);
  CHECK(ctx.lesson_or_playlist->lesson()->index() == 3);
  // Step 4 stages the lateral view; the keys came after it, so the last one (medial) holds.
  REQUIRE(ctx.state.camera.preset().has_value());
  CHECK(*ctx.state.camera.preset() == render::ViewPreset::medial);

  // And back: B, B leaves step 2 (index 1), whose own view stays (no view key after it).
  tap(q, GLFW_KEY_B);
  tap(q, GLFW_KEY_PAGE_UP);
  ctx.pending.input = q.take(s, 0.1);
  app::carry_out_commands(ctx);
  CHECK(ctx.lesson_or_playlist->lesson()->index() == 1);
  REQUIRE(ctx.state.camera.preset().has_value());
  CHECK(*ctx.state.camera.preset() == render::ViewPreset::medial);  // step 2's view is medial too
}

TEST_CASE("in a lesson's first step, keys 3 and 2 move the camera where the class can see it") {
  // Session 10 saw no change after 2 or 3 in a window at ~1 fps; here the frames' own steps
  // (commands, then the lesson, the client and the camera advancing) run without a window.
  LessonContext lc;
  app::Context& ctx = lc.ctx;
  auto run = [&](double seconds) {
    for (double t = 0.0; t < seconds; t += 0.1) app::advance(ctx, 0.1);
  };
  app::InputSituation s;
  s.lesson = true;
  run(1.0);
  // Step 1's own view: the front of a client lying face up, from near the ceiling.
  const float front_pitch = ctx.state.camera.pose().pitch;
  CHECK(front_pitch > 1.0f);
  app::InputQueue q;
  tap(q, GLFW_KEY_3);
  ctx.pending.input = q.take(s, 0.1);
  app::carry_out_commands(ctx);
  run(1.0);
  REQUIRE(ctx.state.camera.preset().has_value());
  CHECK(*ctx.state.camera.preset() == render::ViewPreset::lateral);
  // Lateral: from the leg's outer side, a therapist's eye over the table (~29 degrees down).
  CHECK(ctx.state.camera.pose().pitch < front_pitch - 0.5f);
  CHECK(ctx.state.camera.pose().pitch > 0.3f);
  tap(q, GLFW_KEY_2);
  ctx.pending.input = q.take(s, 0.1);
  app::carry_out_commands(ctx);
  run(5.0);
  REQUIRE(ctx.state.camera.preset().has_value());
  CHECK(*ctx.state.camera.preset() == render::ViewPreset::back);
  // Back: the client turns face down and the camera looks down at the back of the leg.
  CHECK(anatomy::to_room(ctx.state.leg_to_room(), glm::vec3(0, 0, 1)).y < 0.0f);
  CHECK(ctx.state.camera.pose().pitch > 1.0f);
  CHECK(ctx.lesson_or_playlist->lesson()->index() == 0);  // the keys left the step alone
}

TEST_CASE("a text field with the keyboard gets the keys: none become commands, held ones are forgotten") {
  app::InputQueue q;
  app::InputSituation typing;
  typing.lesson = true;
  typing.keyboard_to_ui = true;
  tap(q, GLFW_KEY_N);
  tap(q, GLFW_KEY_3);
  q.push(app::KeyEvent{GLFW_KEY_RIGHT, KeyAction::press, 0, 0});
  q.push(app::CharEvent{'n'});
  CHECK(q.take(typing, 0.1).empty());
  app::InputSituation free = typing;
  free.keyboard_to_ui = false;
  CHECK(q.take(free, 0.1).empty());  // the arrow pressed while typing does not orbit later
}

TEST_CASE("Dear ImGui gets keys and text a frame's batch at a time, so taps and Backspace keep their order") {
  std::vector<app::InputEvent> events;
  auto key = [&](int k, KeyAction a) { events.push_back(app::KeyEvent{k, a, 0, 0}); };
  auto text = [&](unsigned c) { events.push_back(app::CharEvent{c}); };
  // Typed within one frame: "a", Backspace (tapped), "b", then Shift+C.
  key(GLFW_KEY_A, KeyAction::press);
  text('a');
  key(GLFW_KEY_A, KeyAction::release);
  key(GLFW_KEY_BACKSPACE, KeyAction::press);
  key(GLFW_KEY_BACKSPACE, KeyAction::release);
  text('b');
  key(GLFW_KEY_LEFT_SHIFT, KeyAction::press);
  text('C');
  std::vector<std::size_t> batches;
  while (!events.empty()) {
    const std::size_t n = app::imgui_batch(events);
    REQUIRE(n > 0);
    batches.push_back(n);
    events.erase(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(n));
  }
  // Frame 1: "a" and Backspace down (ImGui takes the frame's text first, then deletes it).
  // Frame 2: Backspace up (a second change of that key waits), "b", Shift, "C".
  REQUIRE(batches.size() == 2);
  CHECK(batches[0] == 4);
  CHECK(batches[1] == 4);
  // Backspace then "b" within a frame: "b" waits, or ImGui would type it and then delete it.
  events.clear();
  key(GLFW_KEY_BACKSPACE, KeyAction::press);
  text('b');
  CHECK(app::imgui_batch(events) == 1);
  events.clear();
  events.push_back(app::KeyEvent{GLFW_KEY_A, KeyAction::press, GLFW_MOD_CONTROL, 0});  // select all
  text('x');
  CHECK(app::imgui_batch(events) == 1);
  CHECK(app::imgui_batch({}) == 0);
}

TEST_CASE("a held arrow orbits smoothly, by its time held, and key repeat adds nothing") {
  app::InputQueue q;
  app::InputSituation s;
  q.push(app::KeyEvent{GLFW_KEY_RIGHT, KeyAction::press, 0, 0});
  auto first = q.take(s, 0.1);
  REQUIRE(first.size() == 1);
  REQUIRE(std::holds_alternative<app::input::Orbit>(first[0]));
  CHECK(std::get<app::input::Orbit>(first[0]).yaw == doctest::Approx(0.15));
  for (int i = 0; i < 5; ++i) q.push(app::KeyEvent{GLFW_KEY_RIGHT, KeyAction::repeat, 0, 0});
  auto held = q.take(s, 0.05);
  REQUIRE(held.size() == 1);
  CHECK(std::get<app::input::Orbit>(held[0]).yaw == doctest::Approx(0.075));
  q.push(app::KeyEvent{GLFW_KEY_RIGHT, KeyAction::release, 0, 0});
  CHECK(q.take(s, 0.05).empty());
  // A tap between two frames still moves one frame's worth.
  tap(q, GLFW_KEY_LEFT);
  auto tapped = q.take(s, 0.1);
  REQUIRE(tapped.size() == 1);
  CHECK(std::get<app::input::Orbit>(tapped[0]).yaw == doctest::Approx(-0.15));
}

TEST_CASE("mouse: a click lights, a drag orbits instead, a drag begun on a panel is the panel's") {
  app::InputQueue q;
  app::InputSituation s;
  s.window_size = {800.0f, 600.0f};
  q.push(app::CursorEvent{{100.0, 100.0}});
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});  // within the same frame
  auto clicked = q.take(s, 0.1);
  REQUIRE(count<app::input::Click>(clicked) == 1);
  CHECK(std::get<app::input::Click>(clicked.back()).at == glm::vec2(100.0f, 100.0f));

  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
  q.push(app::CursorEvent{{110.0, 100.0}});
  q.push(app::CursorEvent{{120.0, 95.0}});
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});
  auto dragged = q.take(s, 0.1);
  CHECK(count<app::input::Click>(dragged) == 0);
  REQUIRE(count<app::input::Orbit>(dragged) == 2);
  CHECK(std::get<app::input::Orbit>(dragged[0]).yaw == doctest::Approx(-0.1));
  CHECK(std::get<app::input::Orbit>(dragged[1]).pitch == doctest::Approx(-0.05));

  app::InputSituation over_panel = s;
  over_panel.mouse_to_ui = true;
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_RIGHT, true, 0});
  CHECK(q.take(over_panel, 0.1).empty());
  q.push(app::CursorEvent{{200.0, 95.0}});  // the pointer has left the panel, the button still held
  CHECK(q.take(s, 0.1).empty());
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_RIGHT, false, 0});
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_RIGHT, true, 0});
  q.push(app::CursorEvent{{200.0, 155.0}});
  auto panned = q.take(s, 0.1);
  REQUIRE(count<app::input::Pan>(panned) == 1);
  CHECK(std::get<app::input::Pan>(panned[0]).by.y == doctest::Approx(0.1));
}

TEST_CASE("the page's HiDPI canvas: a drag orbits per CSS pixel, as far at a device pixel ratio of 2 as at 1") {
  // The page's canvas has device pixels and its cursor comes in them (web/web_main.cpp): the
  // same 50 CSS px drag is 100 of them at a ratio of 2, and must turn the leg as far.
  auto orbit_yaw = [](double pixels, float pixels_per_point) {
    app::InputQueue q;
    app::InputSituation s;
    s.window_size = {1280.0f, 720.0f};
    s.pixels_per_point = pixels_per_point;
    q.push(app::CursorEvent{{100.0, 100.0}});
    q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
    q.push(app::CursorEvent{{100.0 + pixels, 100.0}});
    q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});
    const auto commands = q.take(s, 0.1);
    REQUIRE(count<app::input::Orbit>(commands) == 1);
    return std::get<app::input::Orbit>(commands[0]).yaw;
  };
  CHECK(orbit_yaw(50.0, 1.0f) == doctest::Approx(-0.5));
  CHECK(orbit_yaw(100.0, 2.0f) == doctest::Approx(orbit_yaw(50.0, 1.0f)));
}

TEST_CASE("kiosk: any key, click or scroll is a visitor, only the playlist's chord quits") {
  auto chord = lesson::parse_key_chord("ctrl+shift+q");
  REQUIRE(chord.has_value());
  app::InputQueue q;
  app::InputSituation s;
  s.kiosk = true;
  s.camera = false;  // the loop is playing
  s.exit_chord = &*chord;
  s.key_name = us_key_name;
  tap(q, GLFW_KEY_Q, GLFW_MOD_CONTROL);
  tap(q, GLFW_KEY_1, 0);
  q.push(app::ScrollEvent{{0.0, 1.0}});
  auto visits = q.take(s, 0.1);
  CHECK(count<app::input::Visitor>(visits) == 3);
  CHECK(count<app::input::Quit>(visits) == 0);
  CHECK(count<app::input::ViewPreset>(visits) == 0);
  CHECK(count<app::input::Zoom>(visits) == 0);
  tap(q, GLFW_KEY_Q, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
  CHECK(count<app::input::Quit>(q.take(s, 0.1)) == 1);
  // A visitor dragging the leg round is still there at every move of the drag (the idle timer
  // restarts), not only when the button went down; the pointer merely moving is not a visitor
  // (the cursor is hidden, a draught moves no mouse, but a nudged table does).
  app::InputSituation exploring = s;
  exploring.camera = true;
  q.push(app::CursorEvent{{100.0, 100.0}});
  CHECK(count<app::input::Visitor>(q.take(exploring, 0.1)) == 0);
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
  CHECK(count<app::input::Visitor>(q.take(exploring, 0.1)) == 1);
  for (int i = 1; i <= 3; ++i) {
    q.push(app::CursorEvent{{100.0 + 10.0 * i, 100.0}});
    const auto moved = q.take(exploring, 0.1);
    CHECK(count<app::input::Visitor>(moved) == 1);
    CHECK(count<app::input::Orbit>(moved) == 1);
  }
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});
  q.push(app::CursorEvent{{200.0, 100.0}});
  CHECK(count<app::input::Visitor>(q.take(exploring, 0.1)) == 0);
}
