#pragma once
// The Blood flow panel's resting levels kept in the start-up cache beside the clinic's indices
// (app/simulate_cache.hpp), so a window's indices worker settles no leg on a warm start.
#include "app/simulate_cache.hpp"
#include "flow/posture.hpp"

namespace effleura::app {

// The resting levels the Blood flow panel's plots mark: the leg in `leg`'s condition settled
// `settle_s` model seconds in `posture` with the knee bent `knee_deg` (lying prone: calf
// squeezes, 30; flow::make_leg), its calf venous volume and ankle venous pressure; from the cache
// under the same keys as the indices plus the posture, the knee (when bent) and the time.
struct RestLevels {
  double calf_ml = 0.0;
  double ankle_mmhg = 0.0;
};
Expected<RestLevels> rest_levels_cached(const anatomy::VeinNetwork& network, const flow::LegCondition& leg,
                                        flow::Posture posture, double knee_deg, double settle_s, const SimulateCache& cache,
                                        bool* from_cache = nullptr);

}  // namespace effleura::app
