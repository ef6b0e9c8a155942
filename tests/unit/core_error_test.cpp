#include <doctest/doctest.h>

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/toml_reader.hpp"

using namespace effleura;

TEST_CASE("Error::describe names file, line, column and key, omitting unknown parts") {
  CHECK(Error{"expected a number", "a.toml", 3, 7, "tempo"}.describe() ==
        "a.toml:3:7: tempo: expected a number");
  CHECK(Error{"no such file", "b.glb", 0, 0, ""}.describe() == "b.glb: no such file");
  CHECK(Error{"bad", "", 0, 0, ""}.describe() == "bad");
}

TEST_CASE("read_text_file reports a missing file by path and reason") {
  auto r = read_text_file("/nonexistent/effleura/file.toml");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().file == "/nonexistent/effleura/file.toml");
  CHECK(r.error().message.find("no such file") != std::string::npos);
}

TEST_CASE("TOML syntax errors carry line and column") {
  auto r = parse_toml_string("name = \"x\"\ntempo = = 3\n", "t.toml");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().file == "t.toml");
  CHECK(r.error().line == 2);
  CHECK(r.error().column > 0);
}

TEST_CASE("TomlTable reports type, range and unknown-key errors at the key's position") {
  auto parsed = parse_toml_string("a = 1\nb = \"x\"\nc = 500\ntempoo = 2\nkind = \"big\"\n", "k.toml");
  REQUIRE(parsed.has_value());
  TomlTable t(*parsed, "k.toml", "technique");
  CHECK(t.number("a", 0, 10).value() == doctest::Approx(1.0));
  auto b = t.number("b", 0, 10);
  REQUIRE_FALSE(b.has_value());
  CHECK(b.error().line == 2);
  CHECK(b.error().key == "technique.b");
  CHECK(b.error().message.find("found a string") != std::string::npos);
  auto c = t.number("c", 0, 100);
  REQUIRE_FALSE(c.has_value());
  CHECK(c.error().message.find("found 500") != std::string::npos);
  auto missing = t.string("name");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message.find("missing") != std::string::npos);
  auto keys = t.only_keys({"a", "b", "c", "kind"});
  REQUIRE_FALSE(keys.has_value());
  CHECK(keys.error().key == "technique.tempoo");
  CHECK(keys.error().line == 4);
  auto kind = t.one_of("kind", {"light", "medium", "firm"});
  REQUIRE_FALSE(kind.has_value());
  CHECK(kind.error().message.find("light, medium, firm") != std::string::npos);
}

TEST_CASE("Error::describe keeps a hostile value on one short line") {
  const std::string value = "1\n2\r\n" + std::string(1'000'000, 'x');
  const auto text = Error{"invalid value '" + value + "' for --speed", "a\nb.toml", 2, 1, "tempo\t"}.describe();
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
  CHECK(text.size() < 1000);
  CHECK(text.rfind("a b.toml:2:1: tempo : invalid value '1 2  xxx", 0) == 0);
  CHECK(text.find(" ... ") != std::string::npos);
  CHECK(text.ends_with("xxx' for --speed"));
}
