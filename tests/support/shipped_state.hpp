#pragma once
// The app's State loaded from the source tree's content and assets with default options: the
// GL-free app tests that stage lessons or cast rays at the shipped leg start from it.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "app/paths.hpp"
#include "app/state.hpp"

namespace effleura::test {

inline std::unique_ptr<app::State> shipped_state() {
  app::Options o;
  o.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  o.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  auto state = std::make_unique<app::State>();
  auto loaded = state->load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  return state;
}

}  // namespace effleura::test
