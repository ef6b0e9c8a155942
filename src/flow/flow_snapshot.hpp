#pragma once
// The flow model's whole running state as bytes, so the settled state that start-up spends
// ~150 ms of CPU on (settle(20 s), 20,000 implicit sub-steps) can be kept in the start-up cache
// (core/cache_file.hpp) and put back into a freshly created system of the same network.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
// No folder, or no program file to name (the browser): settles. `condition` names whatever
// else the caller did to the fresh system before settling it (`--simulate`'s incompetent
// valves and stocking, app/simulate_cache.hpp): it joins the key, so another leg never reads
// this one's state, and such a leg is kept as a product of its own (the cache keeps one entry
// a product), so a --simulate run never evicts the window's settled state.
void settle_cached(FlowSystem& flow, double seconds, const std::filesystem::path& source,
                   const std::optional<std::filesystem::path>& cache_dir, bool* from_cache = nullptr,
                   std::string_view condition = {});

// The running program file's path, size and modification time ("path:size:ticks"), for cache
// keys that must miss once the program is rebuilt; none where it cannot be found (the browser).
std::optional<std::string> program_identity();

}  // namespace effleura::flow
