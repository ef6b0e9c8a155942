#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/progress_bar.hpp"

using namespace effleura;

namespace {
struct Capture {
  std::vector<std::string> writes;
  ProgressBar::Sink sink() {
    return [this](std::string_view s) { writes.emplace_back(s); };
  }
};
}  // namespace

TEST_CASE("format_duration") {
  CHECK(format_duration(0.0) == "0:00");
  CHECK(format_duration(65.4) == "1:05");
  CHECK(format_duration(3725.0) == "1:02:05");
  CHECK(format_duration(-1.0) == "?");
}

TEST_CASE("remaining time is extrapolated from the average so far") {
  Capture c;
  ProgressBar bar("frames", 100, ProgressBar::Style::plain, c.sink(), 10.0);
  CHECK(bar.remaining_s(0, 10.0) < 0.0);  // unknown before the first item
  // 25 frames in 5 s: 0.2 s each, 75 to go.
  CHECK(bar.remaining_s(25, 15.0) == doctest::Approx(15.0));
  const std::string line = bar.line(25, 15.0);
  CHECK(line.find("25/100") != std::string::npos);
  CHECK(line.find("25%") != std::string::npos);
  CHECK(line.find("0:05 elapsed") != std::string::npos);
  CHECK(line.find("~0:15 left") != std::string::npos);
}

TEST_CASE("plain style prints one line per 10 % and ends with the total") {
  Capture c;
  ProgressBar bar("frames", 200, ProgressBar::Style::plain, c.sink());
  for (int i = 1; i <= 200; ++i) bar.update(i, i * 0.05);
  bar.finish(10.0);
  REQUIRE(c.writes.size() == 10);
  for (const auto& w : c.writes) {
    CHECK(w.back() == '\n');
    CHECK(w.find('\r') == std::string::npos);
  }
  CHECK(c.writes.front().find("20/200") != std::string::npos);
  CHECK(c.writes.back().find("200/200") != std::string::npos);
}

TEST_CASE("plain style: a jump over several steps prints once, an early finish says where it stopped") {
  Capture c;
  ProgressBar bar("frames", 10, ProgressBar::Style::plain, c.sink());
  bar.update(5, 1.0);
  CHECK(c.writes.size() == 1);
  bar.update(5, 2.0);
  CHECK(c.writes.size() == 1);
  bar.finish(3.0);
  REQUIRE(c.writes.size() == 2);
  CHECK(c.writes.back().find("5/10") != std::string::npos);
  bar.finish(4.0);
  CHECK(c.writes.size() == 2);
}

TEST_CASE("terminal style redraws in place at most ten times a second") {
  Capture c;
  ProgressBar bar("frames", 1000, ProgressBar::Style::terminal, c.sink());
  // 1000 frames over 10 simulated seconds: ~100 redraws, not 1000.
  for (int i = 1; i <= 1000; ++i) bar.update(i, i * 0.01);
  CHECK(c.writes.size() >= 90);
  CHECK(c.writes.size() <= 110);
  for (const auto& w : c.writes) {
    CHECK(w.front() == '\r');
    CHECK(w.find('\n') == std::string::npos);
  }
  CHECK(c.writes.back().find("1000/1000") != std::string::npos);
  bar.finish(10.0);
  CHECK(c.writes.back().back() == '\n');
}
