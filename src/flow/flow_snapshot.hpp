#pragma once
// The flow model's whole running state as bytes, so the settled state that start-up spends
// ~150 ms of CPU on (settle(20 s), 20,000 implicit sub-steps) can be kept in the start-up cache
// (core/cache_file.hpp) and put back into a freshly created system of the same network.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "flow/flow_system.hpp"

namespace effleura::flow {

// Every value a step reads or writes: compartments, passages, valves, drivers, clock, ledger.
std::vector<std::uint8_t> snapshot_bytes(const FlowSystem& flow);
// Puts a snapshot back into `flow`, which must be built by create() from the same network
// (the cache key ensures it); false, with `flow` untouched, when the bytes do not fit it
// (another shape of network or struct, truncated, or a value that is not a finite number).
bool restore_snapshot(FlowSystem& flow, std::span<const std::uint8_t> bytes);

// flow.settle(seconds), or its result from the cache in `cache_dir` when an earlier run of this
// same program settled the same freshly created system (key: its posture and breathing,
// `seconds`, the bytes of `source`, the vein data it was built from, and the program
// file's size and time, so a rebuilt program with other flow code never trusts an old state).
// No folder, or no program file to name (the browser): settles.
void settle_cached(FlowSystem& flow, double seconds, const std::filesystem::path& source,
                   const std::optional<std::filesystem::path>& cache_dir, bool* from_cache = nullptr);

}  // namespace effleura::flow
