#pragma once
// What frames a technique (technique/working_region.hpp), kept in the start-up cache. Each sweep
// evaluates the whole timeline, hands, fingers and contacts, a few hundred times: at start-up
// the step camera's (48 moments a step), the camera focus's (96 over the timeline) and the
// labels' working area (24 a step) cost about 40 ms of CPU together, every run, for the same
// answer; the side each step works (technique/working_side.hpp, 32 a step: the client turns
// prone or supine by it) another ~10 ms, kept here since session 28. The key holds everything the timeline is built from: the technique's file, the poses'
// file, the leg surface the hands follow (its bytes), whether the client sits, the sample
// counts and the program itself (its path, size and time: any rebuild misses). No GL.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "anatomy/model.hpp"
#include "technique/timeline.hpp"
#include "core/cache_file.hpp"
#include "technique/working_region.hpp"
#include "technique/working_side.hpp"

namespace effleura::app {

struct TechniqueFramings {
  std::vector<technique::StepFraming> steps;    // step_framings(timeline): the step camera's
  std::vector<technique::StepFraming> overlay;  // step_framings(timeline, kOverlaySamples): the labels'
  anatomy::Bounds whole{};                      // working_region(timeline): the camera's focus
  std::vector<technique::WorkingSide> sides;    // step_sides(timeline): app/client_stage.hpp's turn
};

// The labels' working area samples each step this often (app/state_overlay.cpp).
inline constexpr int kOverlaySamples = 24;

// What the timeline was made from, besides the program: digests of the technique's and the
// poses' files as they were read (taken when they are loaded, so a file edited since, not yet
// reloaded, cannot lend its key to the old answer) and of the leg surface's bytes.
struct FramingSources {
  std::optional<std::uint64_t> technique;  // none: unreadable, nothing is cached
  std::optional<std::uint64_t> poses;
  std::uint64_t surface = 0;  // 0: the analytic leg
};

// A 64-bit digest of a file's bytes; none when it cannot be read.
std::optional<std::uint64_t> file_stamp(const std::filesystem::path& file);
// A 64-bit digest of a leg surface's bytes (0 for none: the analytic leg).
std::uint64_t leg_surface_stamp(const std::vector<std::uint8_t>& surface_bytes);

// The four sweeps, computed.
TechniqueFramings sweep_framings(const technique::Timeline& timeline);

// The same from `dir` when stored under this key, else computed and stored. No folder, no
// program identity or an unreadable source file: computed, nothing stored. `from_cache` tells
// which happened.
TechniqueFramings framings_cached(const technique::Timeline& timeline, const FramingSources& sources,
                                  const std::optional<std::filesystem::path>& dir, bool* from_cache = nullptr);
// The key framings_cached stores this timeline's framings under (for tests that damage or
// replace the entry); none where it stores nothing (no program identity, a source unread).
std::optional<CacheKey> framings_key(const technique::Timeline& timeline, const FramingSources& sources);

}  // namespace effleura::app
