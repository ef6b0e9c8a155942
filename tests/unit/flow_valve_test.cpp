#include <doctest/doctest.h>

#include "flow_test_support.hpp"

#include <algorithm>
#include <string>

#include "flow/flow_system.hpp"

using namespace effleura;
using flow::FlowSystem;
using flow::Posture;

namespace {

using flow_test::network;

// The duplex reflux test: standing, squeeze the calf for a second, release, and time the
// backflow at every valve (Labropoulos 2003).
FlowSystem squeeze_and_release(const std::string& incompetent) {
  auto fs = FlowSystem::create(network(), Posture::standing);
  if (!fs) FAIL(fs.error().describe());
  if (!incompetent.empty()) REQUIRE(fs->set_incompetent(incompetent).has_value());
  fs->settle(30.0);
  fs->clear_reflux_records();
  fs->set_calf_muscle_pressure(100.0);
  fs->advance(1.0, {}, Posture::standing);
  fs->set_calf_muscle_pressure(0.0);
  for (int i = 0; i < 5; ++i) fs->advance(1.0, {}, Posture::standing);
  return std::move(*fs);
}

}  // namespace

TEST_CASE("competent valves close with brief backflow, under the Labropoulos 2003 limits") {
  FlowSystem fs = squeeze_and_release("");
  const auto& net = fs.network();
  double longest = 0.0;
  for (const auto& v : net.veins) {
    const double r = fs.longest_reflux_s(v.id);
    longest = std::max(longest, r);
    double limit = 0.5;                                                      // superficial, calf veins
    if (v.kind == anatomy::VeinKind::perforator) limit = 0.35;
    if (v.id == "femoral" || v.id == "popliteal" || v.id == "common-femoral") limit = 1.0;
    CHECK_MESSAGE(r < limit, v.id << " refluxes for " << r << " s");
  }
  // Valves take time to shut, so some backflow is seen: closing is not instant.
  CHECK(longest > 0.01);
}

TEST_CASE("an incompetent great saphenous vein refluxes for longer than 0.5 s") {
  FlowSystem fs = squeeze_and_release("great-saphenous");
  CHECK(fs.longest_reflux_s("great-saphenous") > 0.5);
  // The other veins keep their valves.
  CHECK(fs.longest_reflux_s("femoral") < 1.0);
}

TEST_CASE("with every deep vein incompetent the popliteal refluxes past its 1 s limit") {
  auto fs = FlowSystem::create(network(), Posture::standing);
  REQUIRE(fs.has_value());
  for (const char* id : {"common-femoral", "femoral", "popliteal", "posterior-tibial", "peroneal",
                         "anterior-tibial", "gastrocnemius-sinus-medial", "gastrocnemius-sinus-lateral"})
    REQUIRE(fs->set_incompetent(id).has_value());
  fs->settle(30.0);
  fs->clear_reflux_records();
  fs->set_calf_muscle_pressure(100.0);
  fs->advance(1.0, {}, Posture::standing);
  fs->set_calf_muscle_pressure(0.0);
  for (int i = 0; i < 5; ++i) fs->advance(1.0, {}, Posture::standing);
  CHECK(fs->longest_reflux_s("popliteal") > 1.0);
}

TEST_CASE("without valves the calf pump cannot break the blood column") {
  // Valves are what let walking lower ankle pressure (Pollack & Wood 1949: post-thrombotic legs
  // fall only ~11 mmHg); with every valve incompetent the fall is small.
  auto run = [](bool valves) {
    auto fs = FlowSystem::create(network(), Posture::standing);
    REQUIRE(fs.has_value());
    if (!valves)
      for (const auto& id : fs->network().ids()) REQUIRE(fs->set_incompetent(id).has_value());
    fs->settle(30.0);
    const double still = fs->ankle_pressure_mmhg();
    double lowest = still;
    for (int k = 0; k < 20; ++k) {
      fs->set_calf_muscle_pressure(120.0);
      fs->advance(0.4, {}, Posture::standing);
      fs->set_calf_muscle_pressure(0.0);
      fs->advance(0.6, {}, Posture::standing);
      if (k >= 15) lowest = std::min(lowest, fs->ankle_pressure_mmhg());
    }
    return still - lowest;
  };
  const double fall_with = run(true);
  const double fall_without = run(false);
  CHECK(fall_with > 45.0);
  CHECK(fall_without < 0.5 * fall_with);
  CHECK(fall_without < 25.0);
}
