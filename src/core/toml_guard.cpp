#include "core/toml_guard.hpp"

#include <cstddef>
#include <string>

namespace effleura {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// What ends a value for toml++ (its is_value_terminator).
bool ends_value(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' || c == '#';
}

// The same, or something toml++ may decode as one: its terminators also count \v, \f and
// Unicode's spaces and line breaks (U+00A0, U+0085, U+2000-U+200B, U+3000, U+FEFF, ...), so any
// byte of a multi-byte UTF-8 character is taken as a possible end (the fuzzer's fifth find,
// "a = 1979-05-27 1" then a byte order mark). Used where refusing too much costs nothing: the
// text would be a TOML error anyway.
bool may_end_value(char c) {
  return ends_value(c) || c == '\v' || c == '\f' || static_cast<unsigned char>(c) >= 0x80;
}

bool starts_key(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '"' || c == '\'';
}

// A walk over the text that knows strings, comments and which value brackets are open, so only
// real table headers (a '[' first on a line, outside any value) and list values are looked at.
class Scan {
 public:
  Scan(std::string_view text, const std::string& name) : s_(text), name_(name) {}

  std::optional<Error> run() {
    bool line_start = true;
    if (at("\xEF\xBB\xBF")) i_ = 3;  // toml++ skips a UTF-8 byte order mark
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\n') {
        line_start = true;
        if (open_.empty()) in_value_ = false;
        next();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        // toml++ 3.3 reads "date, space, digit" as the start of a date and time and asserts
        // more follows ("a = 1979-05-27 1" fails an assertion in its value scan); fuzzer's find.
        if (c == ' ' && (in_value_ || !open_.empty()) && date_like_before() && i_ + 2 < s_.size() &&
            digit(s_[i_ + 1]) && may_end_value(s_[i_ + 2]))
          return Error{"TOML syntax error: a date and time needs HH:MM after the date's space", name_, line_, column_, {}};
        next();
        continue;
      }
      if (c == '[' && open_.empty() && line_start) {
        if (auto bad = header()) return bad;
        skip_line();
        continue;
      }
      line_start = false;
      if (c == '#') {
        skip_line();
        continue;
      }
      // toml++ 3.3 also assumes a list's next value never starts with '}' ("[1, }2]").
      if (value_start_ && c == '}')
        return Error{"TOML syntax error: '}' where the list's next value was expected", name_, line_, column_, {}};
      value_start_ = false;
      // toml++ 3.3 also assumes a digit after a date's 'T' ("1979-05-27Tx:00Z" fails an
      // assertion in parse_time), found by the fuzzer; a value only ('T' may sit in a bare key).
      if ((c == 'T' || c == 't') && (in_value_ || !open_.empty()) && date_before() &&
          !(i_ + 1 < s_.size() && digit(s_[i_ + 1])))
        return Error{"TOML syntax error: a date and time needs the hour right after its 'T'", name_, line_, column_, {}};
      if (c == '=' && open_.empty()) in_value_ = true;
      if ((c == '"' || c == '\'') && opens_string()) skip_string(c);
      else {
        if (c == '[' || c == '{') open_.push_back(c);
        if ((c == ']' || c == '}') && !open_.empty()) open_.pop_back();
        value_start_ = c == '[' || (c == ',' && !open_.empty() && open_.back() == '[');
        next();
      }
    }
    return std::nullopt;
  }

 private:
  void next() {
    if (s_[i_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++i_;
  }
  void skip_line() {
    while (i_ < s_.size() && s_[i_] != '\n') next();
  }
  bool at(std::string_view token) const { return s_.substr(i_, token.size()) == token; }
  // A ten-character value just before the current character, beginning with a digit, with '-'
  // fifth and eighth: what toml++ looks at before it tries a date and time with a space (it does
  // not check the other characters are digits: "1979-05-2& 1" took that path too).
  bool date_like_before() const {
    if (i_ < 10 || !digit(s_[i_ - 10]) || s_[i_ - 6] != '-' || s_[i_ - 3] != '-') return false;
    if (i_ == 10) return true;
    const char b = s_[i_ - 11];
    return ends_value(b) || b == '=' || b == '[' || b == '{';
  }
  // A quote opens a string only where a key or a value can start: first on the line or after
  // white space, '=', '[', '{', ',' or a dotted key's '.'. Inside a bare value toml++ reads it as
  // one more character of the value ("a =19'9-05-2& 1" is a ten-character date-like value to it,
  // and asserts as the check above says; the fuzzer's fourth find), so it is one here too.
  bool opens_string() const {
    if (i_ == 0) return true;
    const char b = s_[i_ - 1];
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '=' || b == '[' || b == '{' || b == ',' ||
           b == '.';
  }
  // "YYYY-MM-DD" just before the current character.
  bool date_before() const {
    if (i_ < 10) return false;
    const std::string_view d = s_.substr(i_ - 10, 10);
    return digit(d[0]) && digit(d[1]) && digit(d[2]) && digit(d[3]) && d[4] == '-' && digit(d[5]) && digit(d[6]) &&
           d[7] == '-' && digit(d[8]) && digit(d[9]);
  }
  void skip_string(char quote) {
    const std::string triple(3, quote);
    const bool multi = at(triple);
    for (std::size_t n = 0; n < (multi ? 3u : 1u); ++n) next();
    while (i_ < s_.size()) {
      if (multi && at(triple)) {
        for (int n = 0; n < 3; ++n) next();
        return;
      }
      const char c = s_[i_];
      if (!multi && (c == quote || c == '\n')) {
        if (c == quote) next();
        return;
      }
      if (quote == '"' && c == '\\' && i_ + 1 < s_.size()) next();  // an escaped character
      next();
    }
  }
  void skip_blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) next();
  }
  std::optional<Error> header() {
    next();  // '['
    const std::size_t after = i_;
    skip_blanks();
    if (i_ < s_.size() && s_[i_] == '[') {
      if (i_ != after) return std::nullopt;  // "[ [": toml++ reports it
      next();                                // "[["
      skip_blanks();
    }
    // toml++ reports the end of the text and "[]" itself; a line break here it does not survive.
    if (i_ >= s_.size() || s_[i_] == ']' || starts_key(s_[i_])) return std::nullopt;
    return Error{"TOML syntax error: a table header needs a name after '[' (letters, digits, _ or -, "
                 "or a quoted name)",
                 name_, line_, column_, {}};
  }

  std::string_view s_;
  const std::string& name_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::string open_;          // the value brackets open here, innermost last
  bool value_start_ = false;  // just after a list's '[' or ','
  bool in_value_ = false;     // after a key's '=' on this line (outside any brackets)
};

}  // namespace

std::optional<Error> toml_header_problem(std::string_view text, const std::string& source_name) {
  return Scan(text, source_name).run();
}

}  // namespace effleura
