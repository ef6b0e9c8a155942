#include "app/framing_cache.hpp"

#include <cmath>
#include <string>

#include "core/cache_file.hpp"
#include "flow/flow_snapshot.hpp"

namespace effleura::app {

namespace {

// Bump when technique/working_region.cpp or working_side.cpp changes what a sweep makes of the
// same timeline. 2: the steps' sides stored too (session 28).
constexpr std::uint32_t kFramingCacheVersion = 2;
constexpr int kWholeSamples = 96;  // technique::working_region's default
constexpr int kStepSamples = 48;   // technique::step_framings's default
constexpr int kSideSamples = 32;   // technique::step_sides's default (app/client_stage.cpp's call)

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

bool finite(const technique::StepFraming& f) {
  return finite(f.region.min) && finite(f.region.max) && finite(f.facing) && std::isfinite(f.turn);
}

std::vector<std::uint8_t> to_bytes(const TechniqueFramings& f) {
  ByteWriter w;
  w.vec(f.steps);
  w.vec(f.overlay);
  w.pod(f.whole);
  w.vec(f.sides);
  return w.bytes();
}

// A stored answer that does not fit this timeline (or is not finite) is not used.
std::optional<TechniqueFramings> from_bytes(std::span<const std::uint8_t> bytes, std::size_t steps) {
  ByteReader r(bytes);
  TechniqueFramings f;
  r.vec(f.steps);
  r.vec(f.overlay);
  r.pod(f.whole);
  r.vec(f.sides);
  if (!r.at_end() || f.steps.size() != steps || f.overlay.size() != steps || f.sides.size() != steps) return std::nullopt;
  for (const technique::WorkingSide side : f.sides)
    if (side != technique::WorkingSide::either && side != technique::WorkingSide::back && side != technique::WorkingSide::front)
      return std::nullopt;
  for (const auto* list : {&f.steps, &f.overlay})
    for (const auto& s : *list)
      if (!finite(s)) return std::nullopt;
  if (!finite(f.whole.min) || !finite(f.whole.max)) return std::nullopt;
  return f;
}

}  // namespace

std::optional<std::uint64_t> file_stamp(const std::filesystem::path& file) {
  CacheKey key("file-stamp", 1);
  if (!key.add_file(file)) return std::nullopt;
  return key.value();
}

std::uint64_t leg_surface_stamp(const std::vector<std::uint8_t>& surface_bytes) {
  if (surface_bytes.empty()) return 0;
  return CacheKey("leg-surface-stamp", 1).add(surface_bytes).value();
}

TechniqueFramings sweep_framings(const technique::Timeline& timeline) {
  return {technique::step_framings(timeline, kStepSamples), technique::step_framings(timeline, kOverlaySamples),
          technique::working_region(timeline, kWholeSamples), technique::step_sides(timeline, kSideSamples)};
}

std::optional<CacheKey> framings_key(const technique::Timeline& timeline, const FramingSources& sources) {
  const auto program = flow::program_identity();
  if (!program || !sources.technique || !sources.poses) return std::nullopt;
  // One entry per technique, so a kiosk going through them does not evict each in turn.
  CacheKey key("framings-" + timeline.id(), kFramingCacheVersion);
  const std::uint64_t layout[] = {sizeof(technique::StepFraming), sizeof(anatomy::Bounds), kStepSamples,
                                  kOverlaySamples, kWholeSamples, kSideSamples, sizeof(technique::WorkingSide),
                                  timeline.client_sitting() ? 1u : 0u, sources.surface, *sources.technique, *sources.poses};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(layout), sizeof layout));
  key.add(*program);
  return key;
}

TechniqueFramings framings_cached(const technique::Timeline& timeline, const FramingSources& sources,
                                  const std::optional<std::filesystem::path>& dir, bool* from_cache) {
  if (from_cache) *from_cache = false;
  const std::optional<CacheKey> key = dir ? framings_key(timeline, sources) : std::nullopt;
  if (!key) return sweep_framings(timeline);
  if (auto stored = read_cache(*dir, *key))
    if (auto framings = from_bytes(*stored, timeline.step_count())) {
      if (from_cache) *from_cache = true;
      return std::move(*framings);
    }
  TechniqueFramings framings = sweep_framings(timeline);
  (void)write_cache(*dir, *key, to_bytes(framings));  // a read-only folder only loses the saving
  return framings;
}

}  // namespace effleura::app
