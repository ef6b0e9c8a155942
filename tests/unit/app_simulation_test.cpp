// The app's simulation chain without GL: technique -> contacts -> flow.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include "anatomy/model_loader.hpp"
#include "app/simulation.hpp"

using namespace effleura;

namespace {
app::DataPaths source_paths() {
  return {std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content", std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets"};
}
}  // namespace

TEST_CASE("ankle pumps in the app contract the calf: it empties while the foot points, then refills") {
  app::Simulation sim;
  anatomy::Model no_model;  // the analytic leg is enough here
  REQUIRE(sim.load(source_paths(), no_model).has_value());
  const double rest = sim.flow()->calf_volume_ml();
  REQUIRE(sim.select_technique("ankle-pumps").has_value());
  double lowest = rest;
  for (int i = 0; i < 30 * 12; ++i) {  // 12 s at 30 fps: the slow pumps, then full-range ones
    sim.update(1.0 / 30.0);
    lowest = std::min(lowest, sim.flow()->calf_volume_ml());
  }
  CHECK(lowest < 0.8 * rest);  // pointing the foot squeezes blood out of the calf
  sim.clear_technique();
  // It refills at the arterial inflow once the pumps stop (Phys Med Biol 1977), which takes
  // longer than the 20 s a healthy leg's venous refill time exceeds (physiology.md): ~32 s to
  // 90 % here, with the calf's hyperemia fading after gentle pumps. 20 s is not yet enough.
  for (int i = 0; i < 30 * 20; ++i) sim.update(1.0 / 30.0);
  CHECK(sim.flow()->calf_volume_ml() < 0.9 * rest);
  for (int i = 0; i < 30 * 25; ++i) sim.update(1.0 / 30.0);
  CHECK(sim.flow()->calf_volume_ml() > 0.9 * rest);
}

TEST_CASE("an unknown technique is refused with the valid ids") {
  app::Simulation sim;
  anatomy::Model no_model;
  REQUIRE(sim.load(source_paths(), no_model).has_value());
  auto r = sim.select_technique("kneading");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("petrissage") != std::string::npos);
}
