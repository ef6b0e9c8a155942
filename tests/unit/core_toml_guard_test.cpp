// The TOML text check before toml++ (core/toml_guard): table headers toml++ 3.3 does not
// survive are refused with their line; everything else, headers and values alike, is left
// to toml++. Among the cases are the two crashes tests/fuzz/fuzz_toml found: '[.' and '[['
// followed by a line break.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "core/toml_guard.hpp"
#include "core/toml_reader.hpp"

using namespace effleura;

namespace {

// Each text is refused by the check before toml++, at its line, with `message` in the error.
void check_refused(std::initializer_list<std::pair<const char*, int>> texts_and_lines, const char* message) {
  for (const auto& [text, line] : texts_and_lines) {
    CAPTURE(std::string(text));
    const auto parsed = parse_toml_string(text, "f.toml");
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().line == line);
    CHECK(parsed.error().message.find(message) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("a table header with no key after its bracket is refused at its line, before toml++") {
  const char* bad[] = {"a = 1\n[.t]\n", "[&", "  [ &]", "[[[1]]]", "[=", "x = 1\n\n[[ .a]]\n",
                       "\xEF\xBB\xBF[&]", "[\n", "a = 2\n[[\nstep]]\n", "[ \r\n"};
  const int lines[] = {2, 1, 1, 1, 1, 3, 1, 1, 2, 1};
  for (int i = 0; i < 10; ++i) {
    CAPTURE(i);
    const auto problem = toml_header_problem(bad[i], "f.toml");
    REQUIRE(problem.has_value());
    CHECK(problem->line == lines[i]);
    const auto parsed = parse_toml_string(bad[i], "f.toml");
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().describe().find("f.toml:" + std::to_string(lines[i]) + ":") == 0);
    CHECK(parsed.error().message.find("a table header needs a name") != std::string::npos);
  }
}

TEST_CASE("a list whose next value starts with a closing brace is refused at its line, before toml++") {
  check_refused({{"a = [1, }2]", 1}, {"a = [}", 1}, {"a = [\n  }\n]", 2}, {"x = 1\na = [1,\n# c\n}]", 4},
                 {"a = { b = [ } ] }", 1}},
                "where the list's next value was expected");
  // Braces inside strings, inline tables in lists, and a closing brace after a value are fine
  // or left to toml++.
  CHECK(parse_toml_string("a = [\"}\", { b = 1 }, '}']\nc = { d = [1] }\n", "g.toml").has_value());
  CHECK_FALSE(toml_header_problem("a = [1 }", "g.toml").has_value());
}

TEST_CASE("a date with no hour after its T is refused at its line, before toml++") {
  // The fuzzer's find: toml++ 3.3 asserts a digit follows the 'T' of a date and time.
  check_refused({{"d = 1979-05-27TSS07:32:00Z", 1}, {"a = 1\nd = { f = 1979-05-27Tx:00Z }", 2}, {"l = [\n 2024-01-01t\n]", 2}},
                "needs the hour right after its 'T'");
  // And a date, a space and one digit (toml++ takes it for a date and time and asserts more).
  check_refused({{"a =1979-05-27 1\n[t]\n", 1}, {"l = [1979-05-27 1, 2]", 1}, {"d = 1979-05-27 1 # c", 1}, {"a =1979-05-2& 1\n", 1},
                 {"a =19'9-05-2& 1\n", 1}, {"l = [1&'9-05-2& 1]", 1},
                 // toml++ also ends a value at \v, \f and Unicode spaces (the fifth find: a BOM).
                 {"A =197Q-05-2& 1\xEF\xBB\xBF=1", 1}, {"a =1979-05-27 1\v", 1}, {"a =1979-05-27 1\f", 1},
                 {"a = [1979-05-27 1\xC2\xA0]", 1}, {"a = 1\nb =1979-05-27 1\xE3\x80\x80", 2}},
                "needs HH:MM after the date's space");
  CHECK(parse_toml_string("a = 1979-05-27 07:32:00\nb = 1979-05-27 # c\n", "g.toml").has_value());
  // Dates and times as TOML writes them, and a 'T' in a bare key or a string, are left alone.
  CHECK(parse_toml_string("a = 1979-05-27T07:32:00Z\nb = 1979-05-27t07:32:00\nc = 1979-05-27\n"
                          "d = \"1979-05-27Tx\"\n1979-05-27Tx = 1\n",
                          "g.toml")
            .has_value());
}

TEST_CASE("the header check leaves good headers, arrays, strings and comments to toml++") {
  const char* good =
      "# [& in a comment\n"
      "[a]\n[ b ]\n[[c]]\n[\"q.&\"]\n['lit']\n[d-e_1]\n"
      "x = [\n  [1, 2],\n  [3]\n]\n"
      "y = { z = [ [ 1 ] ] }\n"
      "s = \"\"\"\n[& inside a string\n\"\"\"\n"
      "t = '''\n[=\n'''\n"
      "u = \"[&\\\"\"\n";
  CHECK_FALSE(toml_header_problem(good, "g.toml").has_value());
  CHECK(parse_toml_string(good, "g.toml").has_value());
  // toml++ reports these itself, with its own message.
  for (const char* own : {"[]", "[ [a]]", "[", "[["}) {
    const std::string shown = own;
    CAPTURE(shown);
    CHECK_FALSE(toml_header_problem(own, "o.toml").has_value());
    CHECK_FALSE(parse_toml_string(own, "o.toml").has_value());
  }
}
