// Practice mode's input: a left-drag that starts on the skin strokes instead of orbiting, the
// wheel sets the pressure while stroking, [ ] set it at any time; elsewhere the camera keeps
// its drags. Fed without a window, with a stand-in for "is the skin under this point".
#include <doctest/doctest.h>

#include <variant>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key and button codes

#include "app/input_events.hpp"

using namespace effleura;

namespace {

template <class C>
int count(const std::vector<app::InputCommand>& commands) {
  int n = 0;
  for (const auto& c : commands) n += std::holds_alternative<C>(c) ? 1 : 0;
  return n;
}

// The skin fills the left half of a 200-pixel-wide window.
bool left_half(const void*, glm::vec2 at) { return at.x < 100.0f; }

app::InputSituation practising() {
  app::InputSituation s;
  s.practice = true;
  s.on_leg = left_half;
  s.window_size = {200.0f, 100.0f};
  return s;
}

void drag(app::InputQueue& q, glm::dvec2 from, glm::dvec2 to) {
  q.push(app::CursorEvent{from});
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
  q.push(app::CursorEvent{(from + to) * 0.5});
  q.push(app::ScrollEvent{{0.0, 2.0}});
  q.push(app::CursorEvent{to});
  q.push(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});
}

}  // namespace

TEST_CASE("practice: a left-drag on the skin strokes, with the wheel setting pressure, off the skin it orbits") {
  app::InputQueue q;
  drag(q, {50.0, 50.0}, {60.0, 20.0});
  auto on_leg = q.take(practising(), 1.0 / 30.0);
  REQUIRE(count<app::input::StrokeBegin>(on_leg) == 1);
  CHECK(std::get<app::input::StrokeBegin>(on_leg[0]).at == glm::vec2(50.0f, 50.0f));
  CHECK(count<app::input::StrokeMove>(on_leg) == 2);
  CHECK(count<app::input::StrokeEnd>(on_leg) == 1);
  CHECK(count<app::input::PracticePressure>(on_leg) == 1);
  CHECK(count<app::input::Orbit>(on_leg) == 0);
  CHECK(count<app::input::Zoom>(on_leg) == 0);
  CHECK(count<app::input::Click>(on_leg) == 0);
  // The same drag starting beside the leg turns the camera, and the wheel zooms.
  drag(q, {150.0, 50.0}, {160.0, 20.0});
  auto beside = q.take(practising(), 1.0 / 30.0);
  CHECK(count<app::input::StrokeBegin>(beside) == 0);
  CHECK(count<app::input::Orbit>(beside) == 2);
  CHECK(count<app::input::Zoom>(beside) == 1);
  // Outside practice mode a drag on the leg orbits as before.
  app::InputSituation plain = practising();
  plain.practice = false;
  drag(q, {50.0, 50.0}, {60.0, 20.0});
  auto explorer = q.take(plain, 1.0 / 30.0);
  CHECK(count<app::input::StrokeBegin>(explorer) == 0);
  CHECK(count<app::input::Orbit>(explorer) == 2);
  // [ and ] step the pressure.
  q.push(app::KeyEvent{GLFW_KEY_RIGHT_BRACKET, app::KeyAction::press, 0, 0});
  q.push(app::KeyEvent{GLFW_KEY_LEFT_BRACKET, app::KeyAction::press, 0, 0});
  auto keys = q.take(practising(), 1.0 / 30.0);
  REQUIRE(count<app::input::PracticePressure>(keys) == 2);
  CHECK(std::get<app::input::PracticePressure>(keys[0]).steps == 1.0f);
  CHECK(std::get<app::input::PracticePressure>(keys[1]).steps == -1.0f);
}
