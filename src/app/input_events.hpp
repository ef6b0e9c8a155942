#pragma once
// Window input as events, in the order they came, and the commands they mean. GLFW's callbacks
// append events to an InputQueue as they arrive (several can come between two frames at
// software-render frame rates); once a frame the queue is turned into commands, each event in
// turn, so a key pressed and released between two frames still counts, and three taps of N are
// three lesson steps. No window is needed to run this: tests feed events directly.
// Key and button codes are GLFW's (GLFW_KEY_*, GLFW_MOUSE_BUTTON_*).
#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <glm/vec2.hpp>

#include "lesson/key_chord.hpp"

namespace effleura::app {

enum class KeyAction { release, press, repeat };  // GLFW_RELEASE, GLFW_PRESS, GLFW_REPEAT

struct KeyEvent {
  int key = 0;
  KeyAction action = KeyAction::press;
  int mods = 0;          // GLFW_MOD_* held at the event
  int scancode = 0;
};
struct ButtonEvent {
  int button = 0;
  bool pressed = false;
  int mods = 0;
};
struct CursorEvent { glm::dvec2 at{0.0}; };       // window coordinates
struct ScrollEvent { glm::dvec2 by{0.0}; };       // x: horizontal, y: vertical (wheel)
struct CharEvent { unsigned codepoint = 0; };     // text: Dear ImGui gets it from its own callback

using InputEvent = std::variant<KeyEvent, ButtonEvent, CursorEvent, ScrollEvent, CharEvent>;

// What input asks of the program; carried out in this order at the start of the frame.
namespace input {
struct ViewPreset { int preset = 0; };   // render::ViewPreset's index: front, back, lateral, medial, top
struct ResetView {};
struct Orbit { float yaw = 0.0f, pitch = 0.0f; };
struct Pan { glm::vec2 by{0.0f}; };      // fractions of the view
struct Zoom { float steps = 0.0f; };
struct LessonNext {};
struct LessonBack {};
struct TogglePresenter {};
struct TogglePlay {};                    // the technique's play/pause
struct Click { glm::vec2 at{0.0f}; };    // light the area under this point (window coordinates)
struct Screenshot {};
struct Quit {};
struct Visitor {};                       // kiosk: someone touched it
// Practice mode: a left-drag that starts on the skin strokes the leg instead of orbiting.
struct StrokeBegin { glm::vec2 at{0.0f}; };  // window coordinates
struct StrokeMove { glm::vec2 at{0.0f}; };
struct StrokeEnd {};
struct PracticePressure { float steps = 0.0f; };  // wheel notches or [ ] presses: + harder
}  // namespace input

using InputCommand = std::variant<input::ViewPreset, input::ResetView, input::Orbit, input::Pan, input::Zoom,
                                  input::LessonNext, input::LessonBack, input::TogglePresenter, input::TogglePlay,
                                  input::Click, input::Screenshot, input::Quit, input::Visitor,
                                  input::StrokeBegin, input::StrokeMove, input::StrokeEnd, input::PracticePressure>;

// How this frame's events are read.
struct InputSituation {
  bool keyboard_to_ui = false;   // a text field or panel has the keyboard (ImGui's WantCaptureKeyboard)
  bool mouse_to_ui = false;      // the pointer is over a panel (ImGui's WantCaptureMouse)
  bool lesson = false;           // lesson keys (N/B, Page Down/Up, P) are live
  bool camera = true;            // keys, drags and scroll move the camera
  const lesson::KeyChord* exit_chord = nullptr;  // kiosk: only this chord quits
  // The chord's name of a key ("q", "escape"), as the keyboard layout names it (the window asks
  // GLFW; no std::string in the events: GCC 12 warns falsely on one inside a variant under ASan).
  std::string (*key_name)(int key, int scancode) = nullptr;
  bool kiosk = false;            // any key, click or scroll is a visitor
  glm::vec2 window_size{1.0f};   // drags pan by fractions of its height
  // Cursor pixels per point: the page's HiDPI canvas gives its cursor in device pixels, so a drag
  // orbits per point (CSS pixel), as fast at a device pixel ratio of 2 as at 1.
  float pixels_per_point = 1.0f;
  bool practice = false;         // practice mode: left-drags on the skin stroke, [ ] and the wheel set pressure
  bool (*on_leg)(const void* context, glm::vec2 at) = nullptr;  // is the skin under this window point?
  const void* on_leg_context = nullptr;
};

// Dear ImGui 1.86 sees a key only as down or up when its frame starts, and within a frame takes
// the typed text before the keys: fed a whole frame's events at once, a quick tap is lost and
// "Backspace, a" types "a" and deletes it. So the window feeds it key and text events a frame at
// a time: this many from the front of `events`, stopping before a second change of the same
// editing or modifier key and before text that follows a press of a key that edits text (Backspace, Enter, arrows,
// Ctrl+...); ImGui 1.87 "trickles" its input queue the same way. Letter keys and Shift do not
// split text. Mouse events go the same way (see imgui_mouse.hpp): a second change of a button,
// or a pointer move after a button changed, waits for the next frame. Returns at least 1 unless
// `events` is empty.
std::size_t imgui_batch(const std::vector<InputEvent>& events);

// The queue and what the held keys and buttons are. push() from callbacks; take() once a frame.
class InputQueue {
 public:
  void push(InputEvent event) { events_.push_back(std::move(event)); }
  // All events since the last take, in order, as commands; held arrow and zoom keys add a
  // smooth move for the frame's `dt` (key repeat is not used for that: it stutters).
  std::vector<InputCommand> take(const InputSituation& situation, double dt);

  [[nodiscard]] glm::dvec2 cursor() const { return cursor_; }
  void set_cursor(glm::dvec2 at) { cursor_ = at; }
  [[nodiscard]] bool button_down(int button) const;
  [[nodiscard]] bool key_down(int key) const;
  [[nodiscard]] std::size_t pending() const { return events_.size(); }

 private:
  void on_key(const KeyEvent& e, const InputSituation& s, std::vector<InputCommand>& out);
  void on_button(const ButtonEvent& e, const InputSituation& s, std::vector<InputCommand>& out);
  void on_cursor(const CursorEvent& e, const InputSituation& s, std::vector<InputCommand>& out);
  void on_scroll(const ScrollEvent& e, const InputSituation& s, std::vector<InputCommand>& out);
  void held_keys(const InputSituation& s, double dt, std::vector<InputCommand>& out);

  std::vector<InputEvent> events_;
  static constexpr int kKeys = 349;   // GLFW_KEY_LAST + 1
  std::array<bool, kKeys> down_{};    // held now
  std::array<bool, kKeys> tapped_{};  // pressed since the last frame (even if released again)
  std::array<bool, 8> buttons_{};     // GLFW_MOUSE_BUTTON_1..8 held
  std::array<bool, 8> dragging_{};    // held, and pressed outside the panels: moves the camera
  glm::dvec2 cursor_{0.0};
  bool dragged_ = false;              // the left button moved since it went down: not a click
  bool stroking_ = false;             // practice: the left button went down on the skin
};

}  // namespace effleura::app
