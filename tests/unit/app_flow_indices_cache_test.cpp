// The Blood flow panel's worker reads the clinic's indices from the start-up cache that
// `--simulate` keeps them in (app/flow_indices_cache.hpp): before, the window played about 400
// model seconds of protocols for figures a cache hit gives at once. The entry here holds eight
// made-up values (computing the real ones costs those 400 model seconds; the CLI test compares a
// cold report with a warm one, so a cached entry is the fresh figures), so the panel's figures
// being exactly them shows the worker read the cache, and the same as --simulate's reader. The
// plots' resting levels go the same way (the worker stores them; found there afterwards).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <vector>

#include "app/flow_indices_cache.hpp"
#include "app/rest_levels.hpp"
#include "../support/test_models.hpp"

using namespace effleura;

namespace {

const std::filesystem::path kVeins = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "anatomy" / "veins.toml";

std::vector<double> numbers(const flow::ClinicalIndices& c) {
  const auto& p = c.plethysmography;
  return {p.venous_volume_ml, p.filling_index_ml_s, p.ejection_fraction, p.residual_volume_fraction,
          c.refill_time_s, c.ambulatory.standing_mmhg, c.ambulatory.walking_mmhg, c.ambulatory.recovery_s};
}

}  // namespace

TEST_CASE("the flow panel's worker reads the clinic's indices from the start-up cache --simulate fills") {
  auto network = anatomy::load_vein_network(kVeins);
  REQUIRE(network.has_value());
  const flow::LegCondition healthy;
  const auto dir = test::temp_dir("flow-indices-cache");
  std::filesystem::remove_all(dir);
  const auto key = app::clinical_indices_key(kVeins, healthy);
  REQUIRE(key.has_value());
  ByteWriter out;
  out.vec(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8});
  REQUIRE(write_cache(dir, *key, out.bytes()));
  const app::SimulateCache cache{kVeins, dir};

  app::FlowIndices indices(app::cached_indices_compute(cache));
  indices.request(*network, healthy, flow::Posture::supine);
  REQUIRE(indices.wait(std::chrono::seconds(120)));  // the resting levels: a minute of model time
  const auto snap = indices.snapshot();
  REQUIRE(snap.status == app::FlowIndices::Status::ready);
  const auto read = app::clinical_indices_cached(*network, healthy, cache);
  REQUIRE(read.has_value());
  CHECK(numbers(snap.figures.indices) == numbers(*read));
  CHECK(numbers(snap.figures.indices) == std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8});
  CHECK(snap.figures.rest_calf_ml > 50.0);  // the resting levels are still the model's own
  // ... and the worker kept them in the cache (app/rest_levels.hpp), so the next start settles no
  // leg: the entry is there, with the figures the panel shows.
  bool hit = false;
  const auto rest = app::rest_levels_cached(*network, healthy, flow::Posture::supine, 0.0, false, 60.0, cache, &hit);
  REQUIRE(rest.has_value());
  CHECK(hit);
  CHECK(rest->calf_ml == snap.figures.rest_calf_ml);
  CHECK(rest->ankle_mmhg == snap.figures.rest_ankle_mmhg);
  CHECK(rest->groin_ml_s == snap.figures.rest_groin_ml_s);
  // Lying at rest what leaves the leg is what the arteries bring in (Shoemaker 1997: 350-370 mL/min).
  CHECK(rest->groin_ml_s * 60.0 == doctest::Approx(350.0).epsilon(0.05));
  std::filesystem::remove_all(dir);
}
