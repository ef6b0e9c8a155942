#pragma once
// `--simulate`'s two fixed costs kept in the start-up cache (core/cache_file.hpp): the quiet
// settling before t = 0 (30 model seconds, flow/flow_snapshot.hpp) and the clinic's indices
// of the leg (about 400 model seconds of protocols on fresh legs, flow/protocols.hpp), which
// were ~all of a short run's time. Both depend only on the vein data, the leg's condition
// (incompetent valves, stocking), the posture for the settling, and this program, which are
// their keys; so a cached run reports the same numbers, to the last digit, as a fresh one.
#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "anatomy/vein_network.hpp"
#include "core/cache_file.hpp"
#include "core/error.hpp"
#include "flow/protocols.hpp"

namespace effleura::app {

struct SimulateCache {
  std::filesystem::path source;              // the vein data the network was read from
  std::optional<std::filesystem::path> dir;  // the cache folder; none: everything is computed
};

// The condition as key text: the incompetent veins sorted (the order they are named in makes
// no other leg) and the stocking's pressure to the last bit.
[[nodiscard]] std::string condition_key(const flow::LegCondition& leg);

// The key the indices of `leg` are kept under; none where the program or `source` cannot be
// named or read (then nothing is cached).
[[nodiscard]] std::optional<CacheKey> clinical_indices_key(const std::filesystem::path& source,
                                                           const flow::LegCondition& leg);

// The numbers kept under `key` in `dir` when they are `count` finite numbers and nothing more;
// nothing otherwise (absent, or an entry not trusted: the caller computes it again).
[[nodiscard]] std::optional<std::vector<double>> read_numbers(const std::filesystem::path& dir, const CacheKey& key,
                                                              std::size_t count);
// Keeps `numbers` under `key` in `dir` when every one is finite (a failure to write is not an error:
// the next run computes them again).
void write_numbers(const std::filesystem::path& dir, const CacheKey& key, const std::vector<double>& numbers);

// flow::clinical_indices(network, leg), or the same numbers from the cache when this program
// computed them before for the same vein data and condition. `stop` ends a computation early
// (an error, nothing stored): the Blood flow panel's worker asks for another leg.
Expected<flow::ClinicalIndices> clinical_indices_cached(const anatomy::VeinNetwork& network, const flow::LegCondition& leg,
                                                        const SimulateCache& cache, bool* from_cache = nullptr,
                                                        std::stop_token stop = {});

}  // namespace effleura::app
