#include "app/input_events.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key, button and modifier codes only; nothing here calls GLFW

namespace effleura::app {
namespace {

static_assert(GLFW_KEY_LAST + 1 == 349, "InputQueue::kKeys follows GLFW_KEY_LAST");

bool valid_key(int key) { return key >= 0 && key <= GLFW_KEY_LAST; }
bool modifier(int key) {
  return key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_CONTROL ||
         key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
         key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

// Keys ImGui's text fields act on (besides the text a key types): these must not be fed in
// the same frame as text typed after them.
bool editing_key(const KeyEvent& e) {
  if (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) return true;  // Ctrl+A, Ctrl+V, ...
  switch (e.key) {
    case GLFW_KEY_BACKSPACE: case GLFW_KEY_DELETE: case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER:
    case GLFW_KEY_TAB: case GLFW_KEY_ESCAPE: case GLFW_KEY_LEFT: case GLFW_KEY_RIGHT: case GLFW_KEY_UP:
    case GLFW_KEY_DOWN: case GLFW_KEY_HOME: case GLFW_KEY_END: case GLFW_KEY_PAGE_UP: case GLFW_KEY_PAGE_DOWN:
      return true;
    default:
      return false;
  }
}

// How far the camera moves: the same rates the polled input had.
constexpr float kOrbitPerPixel = 0.01f;   // rad per pixel dragged
constexpr float kKeyOrbitPerS = 1.5f;     // rad per second an arrow is held
constexpr float kKeyZoomPerS = 8.0f;      // zoom steps per second + or - is held
constexpr float kScrollOrbit = 0.05f;     // rad per horizontal scroll unit
constexpr float kScrollPan = 0.02f;       // view fraction per scroll unit with Shift

}  // namespace

bool InputQueue::button_down(int button) const {
  return button >= 0 && button < static_cast<int>(buttons_.size()) && buttons_[static_cast<std::size_t>(button)];
}

bool InputQueue::key_down(int key) const { return valid_key(key) && down_[static_cast<std::size_t>(key)]; }

std::size_t imgui_batch(const std::vector<InputEvent>& events) {
  std::array<bool, GLFW_KEY_LAST + 1> changed{};
  bool key_pressed = false;  // a key that edits text: Backspace, Enter, arrows, Ctrl+...
  std::array<bool, GLFW_MOUSE_BUTTON_LAST + 1> button_changed{};
  bool any_button_changed = false;
  std::size_t n = 0;
  for (; n < events.size(); ++n) {
    // The mouse: ImGui sees each button as down or up when its frame starts, at one pointer
    // position. A second change of a button waits a frame (a click between two frames is a
    // press one frame and a release the next; a double click is four frames), and so does a
    // move after a change, or the press would land where the pointer went next.
    if (const auto* b = std::get_if<ButtonEvent>(&events[n])) {
      if (b->button < 0 || b->button > GLFW_MOUSE_BUTTON_LAST) continue;
      const auto i = static_cast<std::size_t>(b->button);
      if (button_changed[i]) break;
      button_changed[i] = any_button_changed = true;
      continue;
    }
    if (std::holds_alternative<CursorEvent>(events[n])) {
      if (any_button_changed) break;
      continue;
    }
    if (const auto* k = std::get_if<KeyEvent>(&events[n]); k && valid_key(k->key)) {
      const auto i = static_cast<std::size_t>(k->key);
      // Pressed and released within the frame: ImGui would never see it down, so the release
      // waits a frame. Only for keys whose state ImGui reads (letters reach it as text).
      if (k->action != KeyAction::repeat && (editing_key(*k) || modifier(k->key))) {
        if (changed[i]) break;
        changed[i] = true;
      }
      if (k->action != KeyAction::release && editing_key(*k)) key_pressed = true;
    } else if (std::holds_alternative<CharEvent>(events[n]) && key_pressed) {
      break;  // ImGui would insert it before acting on the key
    }
  }
  return n;
}

std::vector<InputCommand> InputQueue::take(const InputSituation& s, double dt) {
  std::vector<InputCommand> out;
  tapped_.fill(false);
  for (const InputEvent& event : events_) {
    if (const auto* k = std::get_if<KeyEvent>(&event)) on_key(*k, s, out);
    else if (const auto* b = std::get_if<ButtonEvent>(&event)) on_button(*b, s, out);
    else if (const auto* c = std::get_if<CursorEvent>(&event)) on_cursor(*c, s, out);
    else if (const auto* w = std::get_if<ScrollEvent>(&event)) on_scroll(*w, s, out);
    // CharEvent: text goes to Dear ImGui's own callback; no command types text.
  }
  events_.clear();
  held_keys(s, dt, out);
  return out;
}

void InputQueue::on_key(const KeyEvent& e, const InputSituation& s, std::vector<InputCommand>& out) {
  if (!valid_key(e.key)) return;  // GLFW_KEY_UNKNOWN
  const auto k = static_cast<std::size_t>(e.key);
  if (e.action == KeyAction::release) {
    down_[k] = false;
    return;
  }
  const bool first = e.action == KeyAction::press;
  if (first) {
    down_[k] = true;
    tapped_[k] = true;
  }
  if (s.kiosk) {
    if (first) out.emplace_back(input::Visitor{});
    if (first && s.exit_chord &&
        s.exit_chord->matches(e.mods & GLFW_MOD_CONTROL, e.mods & GLFW_MOD_SHIFT, e.mods & GLFW_MOD_ALT,
                              e.mods & GLFW_MOD_SUPER, s.key_name ? s.key_name(e.key, e.scancode) : std::string()))
      out.emplace_back(input::Quit{});
  }
  if (s.keyboard_to_ui) {
    // A text field has the keys: a key held now must not move the camera once focus comes back.
    down_[k] = tapped_[k] = false;
    return;
  }
  if (!s.kiosk) {
    // Lesson steps repeat while the key is held, as a clicker's button does.
    if (s.lesson) {
      if (e.key == GLFW_KEY_PAGE_DOWN || e.key == GLFW_KEY_N) out.emplace_back(input::LessonNext{});
      if (e.key == GLFW_KEY_PAGE_UP || e.key == GLFW_KEY_B) out.emplace_back(input::LessonBack{});
      if (first && e.key == GLFW_KEY_P) out.emplace_back(input::TogglePresenter{});
    }
    if (first && e.key == GLFW_KEY_F12) out.emplace_back(input::Screenshot{});
    if (first && e.key == GLFW_KEY_Q && (e.mods & GLFW_MOD_CONTROL)) out.emplace_back(input::Quit{});
    if (first && e.key == GLFW_KEY_SPACE) out.emplace_back(input::TogglePlay{});
    if (s.practice && (e.key == GLFW_KEY_LEFT_BRACKET || e.key == GLFW_KEY_RIGHT_BRACKET))
      out.emplace_back(input::PracticePressure{e.key == GLFW_KEY_RIGHT_BRACKET ? 1.0f : -1.0f});
  }
  if (first && s.camera) {
    if (e.key >= GLFW_KEY_1 && e.key <= GLFW_KEY_5) out.emplace_back(input::ViewPreset{e.key - GLFW_KEY_1});
    if (e.key == GLFW_KEY_R || e.key == GLFW_KEY_HOME) out.emplace_back(input::ResetView{});
  }
}

void InputQueue::on_button(const ButtonEvent& e, const InputSituation& s, std::vector<InputCommand>& out) {
  if (e.button < 0 || e.button >= static_cast<int>(buttons_.size())) return;
  const auto b = static_cast<std::size_t>(e.button);
  buttons_[b] = e.pressed;
  if (e.pressed) {
    if (s.kiosk) out.emplace_back(input::Visitor{});
    dragging_[b] = !s.mouse_to_ui;  // a drag that starts on a panel belongs to the panel
    if (e.button == GLFW_MOUSE_BUTTON_LEFT) {
      dragged_ = false;
      if (s.practice && !s.mouse_to_ui && !s.kiosk && s.on_leg && s.on_leg(s.on_leg_context, glm::vec2(cursor_))) {
        stroking_ = true;
        dragging_[b] = false;  // it strokes, it does not orbit
        out.emplace_back(input::StrokeBegin{glm::vec2(cursor_)});
      }
    }
    return;
  }
  if (e.button == GLFW_MOUSE_BUTTON_LEFT && stroking_) {
    stroking_ = false;
    out.emplace_back(input::StrokeEnd{});
    return;
  }
  // A click (released where it went down) on the leg lights the area under it.
  if (e.button == GLFW_MOUSE_BUTTON_LEFT && dragging_[b] && !dragged_ && !s.kiosk)
    out.emplace_back(input::Click{glm::vec2(cursor_)});
  dragging_[b] = false;
}

void InputQueue::on_cursor(const CursorEvent& e, const InputSituation& s, std::vector<InputCommand>& out) {
  const glm::dvec2 delta = e.at - cursor_;
  cursor_ = e.at;
  if (delta == glm::dvec2(0.0)) return;
  if (buttons_[GLFW_MOUSE_BUTTON_LEFT]) dragged_ = true;
  // A visitor turning the leg is still there: a drag longer than the idle timeout must not hand
  // the screen back to the loop under their hand (only the press counted before).
  if (s.kiosk && (buttons_[GLFW_MOUSE_BUTTON_LEFT] || buttons_[GLFW_MOUSE_BUTTON_RIGHT] || buttons_[GLFW_MOUSE_BUTTON_MIDDLE]))
    out.emplace_back(input::Visitor{});
  if (stroking_) {
    out.emplace_back(input::StrokeMove{glm::vec2(cursor_)});
    return;
  }
  if (!s.camera) return;
  if (dragging_[GLFW_MOUSE_BUTTON_LEFT]) {
    const float per = kOrbitPerPixel / (s.pixels_per_point > 0.0f ? s.pixels_per_point : 1.0f);
    out.emplace_back(input::Orbit{static_cast<float>(-delta.x) * per, static_cast<float>(delta.y) * per});
  }
  if (dragging_[GLFW_MOUSE_BUTTON_RIGHT] || dragging_[GLFW_MOUSE_BUTTON_MIDDLE]) {
    const double h = s.window_size.y > 0.0f ? s.window_size.y : 1.0;
    out.emplace_back(input::Pan{glm::vec2(delta / h)});
  }
}

void InputQueue::on_scroll(const ScrollEvent& e, const InputSituation& s, std::vector<InputCommand>& out) {
  if (s.kiosk) out.emplace_back(input::Visitor{});
  if (stroking_) {  // while stroking the wheel sets the pressure
    if (e.by.y != 0.0) out.emplace_back(input::PracticePressure{static_cast<float>(e.by.y)});
    return;
  }
  if (s.mouse_to_ui || !s.camera) return;  // a panel scrolls itself
  // Touch-pads scroll in both axes: vertical zooms (or pans with Shift), horizontal orbits.
  if (key_down(GLFW_KEY_LEFT_SHIFT) || key_down(GLFW_KEY_RIGHT_SHIFT)) {
    out.emplace_back(input::Pan{glm::vec2(static_cast<float>(e.by.x) * kScrollPan, static_cast<float>(-e.by.y) * kScrollPan)});
    return;
  }
  if (e.by.y != 0.0) out.emplace_back(input::Zoom{static_cast<float>(e.by.y)});
  if (e.by.x != 0.0) out.emplace_back(input::Orbit{static_cast<float>(e.by.x) * kScrollOrbit, 0.0f});
}

void InputQueue::held_keys(const InputSituation& s, double dt, std::vector<InputCommand>& out) {
  if (s.keyboard_to_ui || !s.camera || dt <= 0.0) return;
  // Held (or tapped within this frame): a tap moves as far as one frame held would.
  auto on = [&](int key) { return down_[static_cast<std::size_t>(key)] || tapped_[static_cast<std::size_t>(key)]; };
  const float step = kKeyOrbitPerS * static_cast<float>(dt);
  const float dx = (on(GLFW_KEY_RIGHT) ? 1.0f : 0.0f) - (on(GLFW_KEY_LEFT) ? 1.0f : 0.0f);
  const float dy = (on(GLFW_KEY_UP) ? 1.0f : 0.0f) - (on(GLFW_KEY_DOWN) ? 1.0f : 0.0f);
  if (dx != 0.0f || dy != 0.0f) {
    if (on(GLFW_KEY_LEFT_SHIFT) || on(GLFW_KEY_RIGHT_SHIFT)) out.emplace_back(input::Pan{glm::vec2(-dx, dy) * step * 0.5f});
    else out.emplace_back(input::Orbit{dx * step, dy * step});
  }
  const float z = (on(GLFW_KEY_EQUAL) || on(GLFW_KEY_KP_ADD) ? 1.0f : 0.0f) -
                  (on(GLFW_KEY_MINUS) || on(GLFW_KEY_KP_SUBTRACT) ? 1.0f : 0.0f);
  if (z != 0.0f) out.emplace_back(input::Zoom{z * static_cast<float>(dt) * kKeyZoomPerS});
}

}  // namespace effleura::app
