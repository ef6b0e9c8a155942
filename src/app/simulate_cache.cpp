#include "app/simulate_cache.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <span>
#include <vector>

#include "flow/flow_snapshot.hpp"

namespace effleura::app {
namespace {

// Bump when the indices' meaning changes without the program file changing (it never does:
// the program's identity is in the key; this guards a change of the stored layout).
constexpr std::uint32_t kIndicesVersion = 1;

std::vector<double> values(const flow::ClinicalIndices& c) {
  const auto& p = c.plethysmography;
  return {p.venous_volume_ml, p.filling_index_ml_s, p.ejection_fraction, p.residual_volume_fraction,
          c.refill_time_s, c.ambulatory.standing_mmhg, c.ambulatory.walking_mmhg, c.ambulatory.recovery_s};
}

flow::ClinicalIndices from_values(const std::vector<double>& v) {
  flow::ClinicalIndices c;
  c.plethysmography = {v[0], v[1], v[2], v[3]};
  c.refill_time_s = v[4];
  c.ambulatory = {v[5], v[6], v[7]};
  return c;
}

bool all_finite(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

}  // namespace

std::optional<std::vector<double>> read_numbers(const std::filesystem::path& dir, const CacheKey& key, std::size_t count) {
  const auto stored = read_cache(dir, key);
  if (!stored) return std::nullopt;
  ByteReader in(*stored);
  std::vector<double> v;
  if (in.vec(v) && in.at_end() && v.size() == count && all_finite(v)) return v;
  return std::nullopt;
}

void write_numbers(const std::filesystem::path& dir, const CacheKey& key, const std::vector<double>& numbers) {
  if (!all_finite(numbers)) return;
  ByteWriter out;
  out.vec(numbers);
  (void)write_cache(dir, key, out.bytes());
}

std::string condition_key(const flow::LegCondition& leg) {
  std::vector<std::string> veins = leg.incompetent;
  std::sort(veins.begin(), veins.end());
  veins.erase(std::unique(veins.begin(), veins.end()), veins.end());  // naming one twice is the same leg
  std::string key = "incompetent:";
  for (const auto& v : veins) key += v + ",";
  char stocking[32];
  std::snprintf(stocking, sizeof stocking, ";stocking:%a", leg.stocking_mmhg);  // hex: every bit
  return key + stocking;
}

std::optional<CacheKey> clinical_indices_key(const std::filesystem::path& source, const flow::LegCondition& leg) {
  const auto program = flow::program_identity();
  if (!program) return std::nullopt;
  CacheKey key("clinical-indices", kIndicesVersion);
  key.add(*program);
  if (!key.add_file(source)) return std::nullopt;
  key.add(condition_key(leg));
  return key;
}

Expected<flow::ClinicalIndices> clinical_indices_cached(const anatomy::VeinNetwork& network, const flow::LegCondition& leg,
                                                        const SimulateCache& cache, bool* from_cache, std::stop_token stop) {
  if (from_cache) *from_cache = false;
  const auto key = cache.dir ? clinical_indices_key(cache.source, leg) : std::nullopt;
  if (key)
    if (auto v = read_numbers(*cache.dir, *key, values({}).size())) {  // eight finite numbers
      if (from_cache) *from_cache = true;
      return from_values(*v);
    }
  auto computed = flow::clinical_indices(network, leg, stop);
  if (!computed) return computed;
  if (key) write_numbers(*cache.dir, *key, values(*computed));
  return computed;
}

}  // namespace effleura::app
