#pragma once
// The Blood flow panel's clinical indices through the start-up cache `--simulate` keeps them in
// (app/simulate_cache.hpp): a window whose leg was measured before (by an earlier window or
// --simulate, for the same vein data and condition) reads them back instead of playing about
// 400 model seconds of the clinic's protocols on its worker thread (app/flow_indices.hpp).
#include <optional>

#include "app/flow_indices.hpp"
#include "app/simulate_cache.hpp"

namespace effleura::app {

// FlowIndices' computation in its two stages: the resting levels in the posture, then the
// indices, each from `cache` when given and the network is what its source file holds now
// (else computed, as without one).
[[nodiscard]] FlowIndices::Stages cached_indices_compute(std::optional<SimulateCache> cache);

}  // namespace effleura::app
