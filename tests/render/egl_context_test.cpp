// Several headless contexts in one process (a test binary run whole, a headless run inside a
// longer one): EGL gives every caller the same display and does not count eglInitialize, so
// closing one context used to terminate the display under the others (Mesa destroys their
// contexts) and unbind whatever was current. These cases fail on that behaviour.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <utility>

#include "render/gl.hpp"
#include "render/gl_context.hpp"
#include "render/render_target.hpp"

using namespace effleura;

namespace {

std::unique_ptr<render::EglContext> open_context() {
  auto gl = render::EglContext::create();
  REQUIRE_MESSAGE(gl.has_value(), (gl ? "" : gl.error().describe()));
  return std::move(*gl);
}

// Clears an offscreen target to a colour and reads it back: proves the current context draws.
void check_draws(float red) {
  auto target = render::OffscreenTarget::create({8, 8});
  REQUIRE_MESSAGE(target.has_value(), (target ? "" : target.error().describe()));
  target->bind();
  glClearColor(red, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  target->finish_scene();
  const render::Image image = target->capture();
  REQUIRE(image.rgba.size() == 8u * 8u * 4u);
  CHECK(std::abs(int(image.rgba[0]) - int(std::lround(red * 255.0f))) <= 1);
  CHECK(int(image.rgba[1]) == 0);
}

}  // namespace

TEST_CASE("closing a second headless context leaves the first one able to draw") {
  auto first = open_context();
  {
    auto second = open_context();
    check_draws(0.25f);  // the second, current since it was created
  }
  REQUIRE(first->make_current());
  check_draws(0.75f);
}

TEST_CASE("closing a context that is not current keeps the current one bound") {
  auto first = open_context();
  auto second = open_context();  // now current
  first.reset();
  // No make_current: the second must still be bound, with its display alive.
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  CHECK(max_size > 0);
  check_draws(0.5f);
}
