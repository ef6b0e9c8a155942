// `--simulate`'s settling and the clinic's indices kept in the start-up cache
// (app/simulate_cache.hpp): a report made from the cache is the fresh report, number for
// number to the last digit, and a leg in another condition never reads this one's entries.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include "app/rest_levels.hpp"
#include "app/simulate_cache.hpp"
#include "app/simulate_report.hpp"
#include "app/simulation.hpp"
#include "flow/flow_snapshot.hpp"
#include "flow/report.hpp"
#include "../support/test_models.hpp"

using namespace effleura;

namespace {

const std::filesystem::path kVeins = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "anatomy" / "veins.toml";

const anatomy::VeinNetwork& network() {
  static const anatomy::VeinNetwork n = [] {
    auto loaded = anatomy::load_vein_network(kVeins);
    REQUIRE(loaded.has_value());
    return *loaded;
  }();
  return n;
}

// A short rest: what is cached is the settling before t = 0, not the run (5 s keeps it cheap).
flow::SimulationRequest rest(std::vector<std::string> incompetent = {}) {
  flow::SimulationRequest r;
  r.scenario = "rest";
  r.seconds = 1.0;
  r.settle_seconds = 5.0;
  r.clinical_indices = false;  // ~400 model seconds: the cached indices are checked below
  r.incompetent = std::move(incompetent);
  return r;
}

flow::SimulationReport report(const flow::SimulationRequest& r, const app::SimulateCache* cache) {
  app::Simulation sim;
  auto rep = app::simulate_report(sim, network(), r, cache);
  REQUIRE_MESSAGE(rep.has_value(), (rep ? "" : rep.error().describe()));
  return *rep;
}

// Every number the run measured, exactly (==, not Approx).
std::vector<double> numbers(const flow::SimulationReport& r) {
  std::vector<double> v = r.femoral_flow_ml_s;
  for (const auto* series : {&r.calf_volume_ml, &r.ankle_pressure_mmhg, &r.arterial_supply_ml_s})
    v.insert(v.end(), series->begin(), series->end());
  const auto& s = r.summary;
  v.insert(v.end(), {s.baseline_flow_ml_min, s.mean_flow_ml_min, s.peak_flow_ml_min, s.ankle_pressure_start_mmhg,
                     s.lowest_transmural_mmhg, s.volume_error_rel, s.max_reflux_s, s.femoral_velocity_resting_cm_s});
  return v;
}

}  // namespace

TEST_CASE("--simulate settled from the cache reports the fresh numbers to the last digit, each leg its own") {
  const auto dir = test::temp_dir("simulate-cache");
  std::filesystem::remove_all(dir);
  const app::SimulateCache cache{kVeins, dir};
  const auto fresh = numbers(report(rest(), nullptr));
  const auto cold = numbers(report(rest(), &cache));  // settles, stores
  const auto warm = numbers(report(rest(), &cache));  // restores
  CHECK(cold == fresh);
  CHECK(warm == fresh);
  // The warm run did read the cache: the same leg, settled through the same key, is a hit.
  auto leg = flow::make_request_leg(network(), rest());
  REQUIRE(leg.has_value());
  leg->set_breathing(true);
  bool hit = false;
  flow::settle_cached(*leg, 5.0, kVeins, dir, &hit, app::condition_key({}));
  CHECK(hit);

  // Leaking great saphenous valves are another leg: not the healthy leg's settled state (a key
  // without the condition would restore the closed valves and report the healthy numbers).
  const auto leaky_fresh = numbers(report(rest({"great-saphenous"}), nullptr));
  REQUIRE(leaky_fresh != fresh);  // the condition shows in the numbers: the test can fail
  CHECK(numbers(report(rest({"great-saphenous"}), &cache)) == leaky_fresh);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the clinic's indices are kept per vein data and condition, and read back field for field") {
  const flow::LegCondition healthy, leaky{{"great-saphenous"}, 0.0}, stocking{{}, 20.0};
  CHECK(app::condition_key({{"popliteal", "great-saphenous"}, 0.0}) == app::condition_key({{"great-saphenous", "popliteal"}, 0.0}));
  const auto key = app::clinical_indices_key(kVeins, healthy);
  REQUIRE(key.has_value());
  CHECK(key->value() != app::clinical_indices_key(kVeins, leaky)->value());
  CHECK(key->value() != app::clinical_indices_key(kVeins, stocking)->value());
  CHECK_FALSE(app::clinical_indices_key(kVeins.string() + ".missing", healthy).has_value());

  // An entry stored under the healthy leg's key is what the healthy leg reads, each number in
  // its own field (eight made-up values, so a swapped field shows; computing the real ones
  // costs ~400 model seconds, and the CLI test compares a cold and a warm report instead).
  const auto dir = test::temp_dir("clinical-cache");
  std::filesystem::remove_all(dir);
  ByteWriter out;
  out.vec(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8});
  REQUIRE(write_cache(dir, *key, out.bytes()));
  bool hit = false;
  auto read = app::clinical_indices_cached(network(), healthy, {kVeins, dir}, &hit);
  REQUIRE(read.has_value());
  CHECK(hit);
  const auto& p = read->plethysmography;
  CHECK(std::vector<double>{p.venous_volume_ml, p.filling_index_ml_s, p.ejection_fraction, p.residual_volume_fraction,
                            read->refill_time_s, read->ambulatory.standing_mmhg, read->ambulatory.walking_mmhg,
                            read->ambulatory.recovery_s} == std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8});

  // The Blood flow panel's resting levels (app/rest_levels.hpp): computed and stored once, then
  // read back, the same numbers; another posture is another entry, computed.
  bool rest_hit = true;
  const auto rest = app::rest_levels_cached(network(), healthy, flow::Posture::supine, 0.0, false, 2.0, {kVeins, dir}, &rest_hit);
  REQUIRE(rest.has_value());
  CHECK_FALSE(rest_hit);
  CHECK(rest->calf_ml > 0.0);
  const auto again = app::rest_levels_cached(network(), healthy, flow::Posture::supine, 0.0, false, 2.0, {kVeins, dir}, &rest_hit);
  REQUIRE(again.has_value());
  CHECK(rest_hit);
  CHECK(again->calf_ml == rest->calf_ml);
  CHECK(again->ankle_mmhg == rest->ankle_mmhg);
  CHECK(again->groin_ml_s == rest->groin_ml_s);
  CHECK(rest->groin_ml_s > 0.0);
  const auto sitting = app::rest_levels_cached(network(), healthy, flow::Posture::sitting, 0.0, false, 2.0, {kVeins, dir}, &rest_hit);
  REQUIRE(sitting.has_value());
  CHECK_FALSE(rest_hit);
  CHECK(sitting->ankle_mmhg != rest->ankle_mmhg);
  std::filesystem::remove_all(dir);
}
