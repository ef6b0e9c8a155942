// The flow model's settled state kept in the start-up cache (flow/flow_snapshot.hpp): a system
// restored from the cache must be the settled one, value for value, and go on exactly as it
// would have; bytes that do not fit the system are refused, never half applied.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <filesystem>
#include <vector>

#include "anatomy/leg_surface.hpp"
#include "flow/flow_snapshot.hpp"
#include "flow_test_support.hpp"
#include "../support/test_models.hpp"

using namespace effleura;
using namespace effleura::flow;

namespace {

const std::filesystem::path kVeins = EFFLEURA_SOURCE_DIR + "/content/anatomy/veins.toml";

FlowSystem fresh() {
  auto made = FlowSystem::create(flow_test::network(), Posture::supine);
  REQUIRE(made);
  made->set_breathing(true);  // as start-up sets it (app/simulation.cpp)
  return std::move(*made);
}

// Every state value that can be read from outside, segment by segment (raw snapshot bytes of
// two separately computed systems may differ in struct padding).
std::vector<double> state_values(const FlowSystem& f) {
  std::vector<double> v{f.time_s(), f.total_volume_ml(), f.femoral_outflow_ml_s(), f.ankle_pressure_mmhg(),
                        f.inflow_total_ml(), f.outflow_total_ml(), f.exercise()};
  for (const Segment& s : f.segments())
    for (double x : {s.volume_m3, s.pressure_mmhg, s.external_mmhg, s.flow_m3_s, s.velocity_m_s, s.inflow_m3_s,
                     s.inflow_tone, s.backflow_s})
      v.push_back(x);
  for (const Edge& e : f.edges()) v.push_back(e.flow_m3_s);
  for (const Valve& x : f.valves()) {
    v.push_back(x.open);
    v.push_back(x.reverse_run_s);
  }
  return v;
}

// Drives both with the same hand on the calf and compares every value after each frame.
void same_future(FlowSystem& a, FlowSystem& b) {
  static const anatomy::AnalyticLegSurface skin;
  ContactPatch p;
  p.point = skin.position(0.3f, 4.5f);  // on the calf
  p.radius_m = 0.045f;
  p.pressure_mmhg = 30.0f;
  const Contacts hand{p};
  for (int i = 0; i < 20; ++i) {
    a.advance(0.05, hand, Posture::supine);
    b.advance(0.05, hand, Posture::supine);
  }
  CHECK(state_values(a) == state_values(b));
  CHECK(a.femoral_outflow_ml_s() > 0.0);
}

}  // namespace

TEST_CASE("flow snapshot: a restored system equals the settled one and goes on exactly as it") {
  FlowSystem settled = fresh();
  settled.settle(5.0);
  FlowSystem restored = fresh();
  REQUIRE(state_values(restored) != state_values(settled));  // unsettled: the test can fail
  REQUIRE(restore_snapshot(restored, snapshot_bytes(settled)));
  CHECK(state_values(restored) == state_values(settled));
  CHECK(restored.time_s() == settled.time_s());
  CHECK(restored.total_volume_ml() == settled.total_volume_ml());
  CHECK(restored.ankle_pressure_mmhg() == settled.ankle_pressure_mmhg());
  same_future(restored, settled);
}

TEST_CASE("flow snapshot: bytes that do not fit the system are refused and change nothing") {
  FlowSystem settled = fresh();
  settled.settle(1.0);
  const std::vector<std::uint8_t> good = snapshot_bytes(settled);
  FlowSystem target = fresh();
  const std::vector<std::uint8_t> before = snapshot_bytes(target);
  std::vector<std::uint8_t> cut(good.begin(), good.end() - 1);
  CHECK_FALSE(restore_snapshot(target, cut));
  std::vector<std::uint8_t> longer = good;
  longer.push_back(0);
  CHECK_FALSE(restore_snapshot(target, longer));
  std::vector<std::uint8_t> nan = good;
  // The first segment's volume (after the segment count) made not-a-number.
  const double bad = std::numeric_limits<double>::quiet_NaN();
  std::memcpy(nan.data() + sizeof(std::uint64_t) + offsetof(Segment, volume_m3), &bad, sizeof bad);
  CHECK_FALSE(restore_snapshot(target, nan));
  CHECK(snapshot_bytes(target) == before);
  CHECK(restore_snapshot(target, good));
}

TEST_CASE("flow snapshot: settle_cached settles once, then restores the same state from the cache") {
  const auto dir = test::temp_dir("flow-snapshot");
  FlowSystem plain = fresh();
  plain.settle(2.0);
  bool hit = true;
  FlowSystem cold = fresh();
  settle_cached(cold, 2.0, kVeins, dir, &hit);
  CHECK_FALSE(hit);
  CHECK(state_values(cold) == state_values(plain));
  FlowSystem warm = fresh();
  settle_cached(warm, 2.0, kVeins, dir, &hit);
  CHECK(hit);
  CHECK(state_values(warm) == state_values(plain));
  same_future(warm, plain);
  // Another settling time is another key: settled afresh, not the 2 s state.
  FlowSystem longer = fresh();
  settle_cached(longer, 3.0, kVeins, dir, &hit);
  CHECK_FALSE(hit);
  CHECK(state_values(longer) != state_values(plain));
  std::filesystem::remove_all(dir);
}
