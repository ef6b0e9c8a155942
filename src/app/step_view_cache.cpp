#include "app/step_view_cache.hpp"

#include <cmath>
#include <memory>
#include <span>
#include <vector>

#include "app/state.hpp"
#include "app/view_search.hpp"
#include "core/cache_file.hpp"
#include "flow/flow_snapshot.hpp"

namespace effleura::app {

namespace {

// Bump when app/view_search.cpp changes what it answers to the same question (a rebuild misses
// anyway: the program's identity is in the key; this keeps a rebuilt-in-place copy honest too).
constexpr std::uint32_t kStepViewCacheVersion = 1;

template <class T>
void add_floats(CacheKey& key, const std::vector<T>& v) {
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(v.data()), v.size() * sizeof(T)));
}

void add_number(CacheKey& key, double v) { key.add(std::span(reinterpret_cast<const std::uint8_t*>(&v), sizeof v)); }
void add_digest(CacheKey& key, std::uint64_t v) { key.add(std::span(reinterpret_cast<const std::uint8_t*>(&v), sizeof v)); }

void add_matrix(CacheKey& key, const glm::mat4& m) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) add_number(key, m[c][r]);
}

// Field by field: the struct's padding after its flags is not part of the pose.
void add_pose(CacheKey& key, const anatomy::ClientPose& p) {
  for (const glm::mat4* m : {&p.body, &p.left_leg, &p.right_leg, &p.left_arm, &p.right_arm}) add_matrix(key, *m);
  for (bool b : {p.on_table, p.wedge, p.knee_bolster, p.ankle_bolster, p.head_pillow}) add_number(key, b ? 1.0 : 0.0);
  for (float f : {p.hip_flexion_deg, p.right_hip_flexion_deg, p.knee_flexion_deg, p.right_knee_flexion_deg, p.ankle_deg,
                  p.right_ankle_deg})
    add_number(key, f);
}

bool plausible(const ViewAngles& a) {
  return std::isfinite(a.yaw) && std::isfinite(a.pitch) && std::abs(a.yaw) <= 7.0f && std::abs(a.pitch) <= 1.6f;
}

}  // namespace

std::uint64_t model_stamp(const anatomy::Model& model) {
  CacheKey key("model-stamp", 1);
  add_number(key, static_cast<double>(model.meshes.size()));
  for (const anatomy::Mesh& mesh : model.meshes) {
    key.add(mesh.name);
    add_number(key, static_cast<double>(mesh.positions.size()));
    add_floats(key, mesh.positions);
    add_number(key, static_cast<double>(mesh.indices.size()));
    add_floats(key, mesh.indices);
    add_number(key, static_cast<double>(mesh.ankle_blend.size()));
    add_floats(key, mesh.ankle_blend);
  }
  return key.value();
}

ViewAngles step_view_cached(const StepViewQuestion& q, const std::optional<std::filesystem::path>& dir,
                            const std::function<ViewAngles()>& judge, bool* from_cache) {
  if (from_cache) *from_cache = false;
  const auto program = flow::program_identity();
  if (!dir || !program) return judge();
  // One entry per technique and step, so a kiosk going through them does not evict each in turn.
  CacheKey key("step-view-" + q.technique + "-" + std::to_string(q.step), kStepViewCacheVersion);
  key.add(*program);
  add_digest(key, q.context);
  const float question[] = {q.region.min.x, q.region.min.y, q.region.min.z, q.region.max.x,
                            q.region.max.y, q.region.max.z, q.suggested.yaw, q.suggested.pitch};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(question), sizeof question));
  if (auto stored = read_cache(*dir, key)) {
    ByteReader r(*stored);
    ViewAngles a;
    r.pod(a);
    if (r.at_end() && plausible(a)) {
      if (from_cache) *from_cache = true;
      return a;
    }
  }
  const ViewAngles answer = judge();
  ByteWriter w;
  w.pod(answer);
  (void)write_cache(*dir, key, w.bytes());  // a read-only folder only loses the saving
  return answer;
}

std::function<ViewAngles(std::size_t, const anatomy::Bounds&, ViewAngles)> cached_step_judge(const State& state) {
  // The models' digests cost a few milliseconds: taken once, on the first question (the models
  // are read once, at start-up).
  auto base = std::make_shared<std::optional<std::uint64_t>>();
  return [&state, base](std::size_t step, const anatomy::Bounds& region, ViewAngles suggested) {
    const technique::Technique* t = state.simulation.technique();
    const technique::Timeline* timeline = state.simulation.timeline();
    const FramingSources sources = state.simulation.framing_sources();
    const auto judge = [&] { return best_step_view(state, step, region, suggested); };
    if (!t || !timeline || !sources.technique || !sources.poses) return judge();
    if (!*base) {
      CacheKey k("step-view-models", 1);
      add_digest(k, model_stamp(state.model));
      add_digest(k, model_stamp(state.client_model));
      *base = k.value();
    }
    CacheKey k("step-view-question", 1);
    add_digest(k, **base);
    // Taken at each question: a technique reloaded since the judge was made keys its own answers.
    for (std::uint64_t v : {*sources.technique, *sources.poses, sources.surface}) add_digest(k, v);
    add_number(k, static_cast<double>(state.simulation.posture));
    add_number(k, timeline->client_sitting() ? 1.0 : 0.0);
    add_number(k, state.client.rolls_into(step) ? 1.0 : 0.0);
    add_pose(k, state.client.pose_for_step(step));
    add_floats(k, state.camera.framing_parameters());
    return step_view_cached({t->id, k.value(), step, region, suggested}, cache_directory(), judge);
  };
}

}  // namespace effleura::app
