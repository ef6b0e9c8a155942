#pragma once
// The kiosk's exit key chord ("ctrl+shift+q"): a locked-down screen must not close on one stray
// key, so a chord needs at least one modifier. Key names are lower case: a-z, 0-9, f1-f12,
// escape, space, enter, tab, backspace, delete, home, end.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace effleura::lesson {

struct KeyChord {
  bool ctrl = false;
  bool shift = false;
  bool alt = false;
  bool super = false;
  std::string key;  // one key name from the list above

  // Canonical text, modifiers in a fixed order: "ctrl+shift+q".
  [[nodiscard]] std::string text() const;
  // True when exactly these modifiers are held and `key_name` (same names) is pressed.
  [[nodiscard]] bool matches(bool ctrl_down, bool shift_down, bool alt_down, bool super_down,
                             std::string_view key_name) const;
  friend bool operator==(const KeyChord&, const KeyChord&) = default;
};

// Case and spaces around '+' are ignored; the message says what was wrong (unknown key or
// modifier, repeated modifier, no modifier, no key, two keys).
Expected<KeyChord> parse_key_chord(std::string_view text);

}  // namespace effleura::lesson
