#include "app/rest_levels.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "flow/protocols.hpp"

namespace effleura::app {
namespace {

// Bump when the stored layout changes (the program's identity in the key covers the model).
constexpr std::uint32_t kRestLevelsVersion = 2;  // 2: the groin's outflow (session 23)

}  // namespace

Expected<RestLevels> rest_levels_cached(const anatomy::VeinNetwork& network, const flow::LegCondition& leg,
                                        flow::Posture posture, double knee_deg, bool face_down, double settle_s,
                                        const SimulateCache& cache, bool* from_cache) {
  if (from_cache) *from_cache = false;
  std::optional<CacheKey> key;
  if (cache.dir)
    if (auto indices_key = clinical_indices_key(cache.source, leg)) {
      // The indices' key (program, vein data, condition) with the posture and the settling time.
      key.emplace("rest-levels", kRestLevelsVersion);
      key->add(std::to_string(indices_key->value()));
      key->add(std::string(flow::posture_name(posture)));
      if (knee_deg != 0.0) {  // a straight leg's key is as before session 22
        char knee[32];
        std::snprintf(knee, sizeof knee, "knee:%a", knee_deg);
        key->add(knee);
      }
      if (face_down) key->add(std::string("face-down"));
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "settle:%a", settle_s);
      key->add(seconds);
    }
  if (key)
    if (auto v = read_numbers(*cache.dir, *key, 3)) {  // else recomputed
      if (from_cache) *from_cache = true;
      return RestLevels{(*v)[0], (*v)[1], (*v)[2]};
    }
  auto rest = flow::make_leg(network, leg, posture, settle_s, knee_deg, face_down ? flow::kFaceDown : flow::kFaceUp);
  if (!rest) return std::unexpected(rest.error());
  const RestLevels levels{rest->calf_volume_ml(), rest->ankle_pressure_mmhg(), rest->femoral_outflow_ml_s()};
  if (key) write_numbers(*cache.dir, *key, {levels.calf_ml, levels.ankle_mmhg, levels.groin_ml_s});
  return levels;
}

}  // namespace effleura::app
