#include "lesson/key_chord.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace effleura::lesson {
namespace {

bool is_key_name(const std::string& k) {
  if (k.size() == 1) return std::isalnum(static_cast<unsigned char>(k[0])) != 0;
  if (k.size() >= 2 && k.size() <= 3 && k[0] == 'f') {
    const std::string digits = k.substr(1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      return false;
    const int n = std::stoi(digits);
    return n >= 1 && n <= 12;
  }
  static const std::vector<std::string> named{"escape", "space", "enter", "tab",
                                              "backspace", "delete", "home", "end"};
  return std::find(named.begin(), named.end(), k) != named.end();
}

std::string trim_lower(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string KeyChord::text() const {
  std::string out;
  if (ctrl) out += "ctrl+";
  if (shift) out += "shift+";
  if (alt) out += "alt+";
  if (super) out += "super+";
  return out + key;
}

bool KeyChord::matches(bool ctrl_down, bool shift_down, bool alt_down, bool super_down,
                       std::string_view key_name) const {
  return ctrl == ctrl_down && shift == shift_down && alt == alt_down && super == super_down &&
         key == trim_lower(key_name);
}

Expected<KeyChord> parse_key_chord(std::string_view text) {
  const std::string want =
      "; expected modifiers (ctrl, shift, alt, super) and one key joined by '+', e.g. \"ctrl+shift+q\"";
  KeyChord chord;
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == '+') {
      parts.push_back(trim_lower(current));
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(trim_lower(current));
  for (const auto& p : parts) {
    if (p.empty()) return fail("empty part in key chord '" + std::string(text) + "'" + want);
    bool* flag = nullptr;
    if (p == "ctrl" || p == "control") flag = &chord.ctrl;
    else if (p == "shift") flag = &chord.shift;
    else if (p == "alt") flag = &chord.alt;
    else if (p == "super" || p == "meta" || p == "win") flag = &chord.super;
    if (flag) {
      if (*flag) return fail("modifier '" + p + "' appears twice in '" + std::string(text) + "'");
      *flag = true;
      continue;
    }
    if (!is_key_name(p))
      return fail("unknown key '" + p + "' in '" + std::string(text) +
                  "'; keys are a-z, 0-9, f1-f12, escape, space, enter, tab, backspace, delete, home, end");
    if (!chord.key.empty())
      return fail("two keys ('" + chord.key + "' and '" + p + "') in '" + std::string(text) + "'" + want);
    chord.key = p;
  }
  if (chord.key.empty()) return fail("no key in '" + std::string(text) + "'" + want);
  if (!chord.ctrl && !chord.shift && !chord.alt && !chord.super)
    return fail("'" + std::string(text) +
                "' has no modifier: a kiosk must not close on a single key press" + want);
  return chord;
}

}  // namespace effleura::lesson
