#pragma once
// The Blood flow panel's resting levels kept in the start-up cache beside the clinic's indices
// (app/simulate_cache.hpp), so a window's indices worker settles no leg on a warm start.
#include "app/simulate_cache.hpp"
#include "flow/posture.hpp"

namespace effleura::app {

// The resting levels the Blood flow panel's plots mark: the leg in `leg`'s condition settled
// `settle_s` model seconds in `posture` with the knee bent `knee_deg` (lying prone: calf
// squeezes, 30; flow::make_leg) and, lying, face down or up, its calf venous volume, ankle venous
// pressure and groin outflow; from the cache under the same keys as the indices plus the posture,
// the knee (when bent), face down (when it is) and the time.
struct RestLevels {
  double calf_ml = 0.0;
  double ankle_mmhg = 0.0;
  double groin_ml_s = 0.0;  // what leaves the leg at the groin (session 23: was the data's 350 mL/min)
};
Expected<RestLevels> rest_levels_cached(const anatomy::VeinNetwork& network, const flow::LegCondition& leg,
                                        flow::Posture posture, double knee_deg, bool face_down, double settle_s,
                                        const SimulateCache& cache, bool* from_cache = nullptr);

}  // namespace effleura::app
