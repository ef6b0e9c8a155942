#include "app/flow_indices.hpp"

#include "app/flow_indices_cache.hpp"
#include "app/flow_vein_source.hpp"
#include "app/rest_levels.hpp"

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace effleura::app {

struct FlowIndices::Impl {
  Compute compute;
  RestCompute rest;                        // empty: `compute` alone gives every figure
  mutable std::mutex mutex;
  std::condition_variable_any wake;        // a new job for the worker
  mutable std::condition_variable_any done;  // a job answered (wait())
  Snapshot state;                          // what snapshot() returns
  bool asked = false;                      // state.leg has been requested at least once
  anatomy::VeinNetwork network;            // the network of the latest request
  struct Job {
    anatomy::VeinNetwork network;
    flow::LegCondition leg;
    flow::Posture posture;
    double knee_deg = 0.0;
    bool face_down = false;
  };
  std::optional<Job> pending;
  std::stop_source job_stop;               // stops the job now running
#ifndef __EMSCRIPTEN__  // the web page has no threads: request() runs the job (and libc++ 14 has no jthread)
  std::jthread worker;                     // last member: joined before the rest goes

  void loop(std::stop_token thread_stop) {
    for (;;) {
      Job job;
      std::stop_source stop;
      {
        std::unique_lock lock(mutex);
        if (!wake.wait(lock, thread_stop, [&] { return pending.has_value(); })) return;
        job = std::move(*pending);
        pending.reset();
        job_stop = std::stop_source();
        stop = job_stop;
      }
      // Either a newer request or the end of the program stops the job.
      std::stop_callback on_exit(thread_stop, [&] { stop.request_stop(); });
      auto result = run(job, stop.get_token(), [&](const Rest& r) {
        std::lock_guard lock(mutex);
        if (current(job, stop)) publish_rest(r);
      });
      std::lock_guard lock(mutex);
      if (!current(job, stop)) continue;
      answer(result);
    }
  }
#endif

  // Whether `job` is still what the snapshot asks for (call with the mutex held).
  bool current(const Job& job, const std::stop_source& stop) const {
    return !stop.stop_requested() && !pending.has_value() && state.leg == job.leg && state.posture == job.posture &&
           state.knee_deg == job.knee_deg && state.face_down == job.face_down;
  }
  void publish_rest(const Rest& r) {
    state.figures.rest_calf_ml = r.calf_ml;
    state.figures.rest_ankle_mmhg = r.ankle_mmhg;
    state.figures.rest_groin_ml_s = r.groin_ml_s;
    state.rest_ready = true;
  }
  void answer(const Expected<Figures>& result) {
    if (result) {
      state.status = Status::ready;
      state.figures = *result;
      state.rest_ready = true;
      state.error.clear();
    } else {
      state.status = Status::failed;
      state.error = result.error().message;
    }
    done.notify_all();
  }
  // The job's figures: the resting levels first where there are two stages (handed to
  // `rest_in` as soon as they are known), then the rest of them.
  Expected<Figures> run(const Job& job, std::stop_token stop, const std::function<void(const Rest&)>& rest_in) const {
    if (!rest) return compute(job.network, job.leg, job.posture, stop);
    auto levels = rest(job.network, job.leg, job.posture, job.knee_deg, job.face_down, stop);
    if (!levels) return std::unexpected(levels.error());
    rest_in(*levels);
    auto figures = compute(job.network, job.leg, job.posture, stop);
    if (figures) {
      figures->rest_calf_ml = levels->calf_ml;
      figures->rest_ankle_mmhg = levels->ankle_mmhg;
      figures->rest_groin_ml_s = levels->groin_ml_s;
    }
    return figures;
  }
};

// The app's figures in two stages: the resting levels of a fresh model settled a minute in the
// posture, then the clinical indices (kept for the last leg and network: only the worker thread
// touches `last`; with a cache, also kept between runs as --simulate keeps them).
FlowIndices::Stages cached_indices_compute(std::optional<SimulateCache> cache) {
  struct Kept {
    anatomy::VeinNetwork network;
    flow::LegCondition leg;
    flow::ClinicalIndices indices;
  };
  auto last = std::make_shared<std::optional<Kept>>();
  // The start-up cache answers only for the vein data the file holds now (app/flow_vein_source.hpp).
  auto source = cache ? std::make_shared<VeinSource>(cache->source) : nullptr;
  FlowIndices::Stages stages;
  stages.rest = [cache, source](const anatomy::VeinNetwork& network, const flow::LegCondition& leg, flow::Posture posture,
                                double knee_deg, bool face_down, std::stop_token) -> Expected<FlowIndices::Rest> {
    if (cache && source->holds(network)) {
      // A fresh leg settled a minute costs 0.5-0.8 s of CPU on every start: kept like the indices.
      auto rest = rest_levels_cached(network, leg, posture, knee_deg, face_down, 60.0, *cache);
      if (!rest) return std::unexpected(rest.error());
      return FlowIndices::Rest{rest->calf_ml, rest->ankle_mmhg, rest->groin_ml_s};
    }
    auto rest = flow::make_leg(network, leg, posture, 60.0, knee_deg, face_down ? flow::kFaceDown : flow::kFaceUp);
    if (!rest) return std::unexpected(rest.error());
    return FlowIndices::Rest{rest->calf_volume_ml(), rest->ankle_pressure_mmhg(), rest->femoral_outflow_ml_s()};
  };
  stages.indices = [last, cache, source](const anatomy::VeinNetwork& network, const flow::LegCondition& leg, flow::Posture,
                                         std::stop_token stop) -> Expected<FlowIndices::Figures> {
    FlowIndices::Figures f;
    if (*last && (*last)->leg == leg && (*last)->network == network) {
      f.indices = (*last)->indices;
      return f;
    }
    // About 480 model seconds of protocols, or none when an earlier run (a window's or
    // --simulate's) computed them for the same vein data and condition.
    const bool cacheable = cache && source->holds(network);
    auto indices = cacheable ? clinical_indices_cached(network, leg, *cache, nullptr, stop)
                             : flow::clinical_indices(network, leg, stop);
    if (!indices) return std::unexpected(indices.error());
    *last = Kept{network, leg, *indices};
    f.indices = *indices;
    return f;
  };
  return stages;
}

FlowIndices::FlowIndices(Compute compute) : FlowIndices(compute ? Stages{{}, std::move(compute)} : cached_indices_compute(std::nullopt)) {}

FlowIndices::FlowIndices(Stages stages) : impl_(std::make_unique<Impl>()) {
  impl_->compute = std::move(stages.indices);
  impl_->rest = std::move(stages.rest);
}

FlowIndices::~FlowIndices() = default;  // Impl's jthread asks its loop to stop, then joins
FlowIndices::FlowIndices(FlowIndices&&) noexcept = default;
FlowIndices& FlowIndices::operator=(FlowIndices&&) noexcept = default;

void FlowIndices::request(const anatomy::VeinNetwork& network, flow::LegCondition leg, flow::Posture posture,
                          double knee_deg, bool face_down) {
  std::sort(leg.incompetent.begin(), leg.incompetent.end());  // the same leaky veins in any order are the same leg
  Impl& m = *impl_;
  std::lock_guard lock(m.mutex);
  if (m.asked && m.state.leg == leg && m.state.posture == posture && m.state.knee_deg == knee_deg &&
      m.state.face_down == face_down && m.network == network)
    return;
  m.asked = true;
  m.network = network;
  m.state = Snapshot{Status::computing, leg, posture, knee_deg, face_down, {}, false, {}};
  m.job_stop.request_stop();
  m.pending.emplace(Impl::Job{network, std::move(leg), posture, knee_deg, face_down});
#ifdef __EMSCRIPTEN__
  // The web page has no threads (scripts/web.sh links without them): the job runs here, and
  // the frame that asked for it waits.
  Impl::Job job = std::move(*m.pending);
  m.pending.reset();
  m.answer(m.run(job, std::stop_token{}, [](const Rest&) {}));
#else
  if (!m.worker.joinable()) m.worker = std::jthread([&m](std::stop_token st) { m.loop(std::move(st)); });
  m.wake.notify_one();
#endif
}

FlowIndices::Snapshot FlowIndices::snapshot() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->state;
}

bool FlowIndices::wait(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(impl_->mutex);
  return impl_->done.wait_for(lock, timeout, [&] {
    return impl_->state.status == Status::ready || impl_->state.status == Status::failed;
  });
}

}  // namespace effleura::app
