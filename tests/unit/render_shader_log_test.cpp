#include <doctest/doctest.h>

#include "render/embedded_shaders.hpp"
#include "render/highlight.hpp"
#include "render/shader_program.hpp"

using namespace effleura::render;

TEST_CASE("the line number is found in Mesa and NVIDIA shader logs") {
  CHECK(first_line_in_shader_log("0:12(5): error: `foo' undeclared") == 12);
  CHECK(first_line_in_shader_log("0(7) : error C0000: syntax error") == 7);
  CHECK(first_line_in_shader_log("link failed") == 0);
}

TEST_CASE("every shader file is embedded and starts with the GLSL 3.30 core version line") {
  int count = 0;
  for (const auto& s : embedded_shaders()) {
    CHECK(s.source.rfind("#version 330 core", 0) == 0);
    ++count;
  }
  CHECK(count >= 4);
  CHECK(find_shader("model.frag").has_value());
  CHECK_FALSE(find_shader("missing.frag").has_value());
}

TEST_CASE("the highlight pulse is slow and never goes dark") {
  // Count brightness reversals over 10 s: at most 3 cycles a second is the flashing limit.
  int reversals = 0;
  float prev = highlight_pulse(0.0), prev_delta = 0.0f;
  float lowest = prev;
  for (int i = 1; i <= 10 * 240; ++i) {
    const float v = highlight_pulse(i / 240.0);
    const float delta = v - prev;
    if (delta * prev_delta < 0.0f) ++reversals;
    if (delta != 0.0f) prev_delta = delta;
    prev = v;
    lowest = std::min(lowest, v);
  }
  CHECK(reversals / 2.0 / 10.0 <= 3.0);
  CHECK(reversals > 0);  // it does pulse
  CHECK(lowest >= 0.5f);
}
