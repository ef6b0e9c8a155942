#pragma once
// The clinic's indices of the leg on screen (flow::clinical_indices: ejection fraction, residual
// volume, filling index, refill time, ambulatory pressure), computed on a worker thread. They
// take about 5 s of CPU (three protocols on fresh models of the leg), so a frame only asks and
// reads: request() and snapshot() return at once, and the Blood flow panel shows "computing..."
// until the worker is done. The indices depend on the leg (leaky valves, stocking), not on the
// posture on screen (each protocol sets its own), so they are computed once per leg condition
// and vein network (a hot-reloaded veins.toml that changed anything is a new leg);
// with them the worker settles a fresh model of the leg in the posture on screen for the
// resting levels the panel's calf-volume and ankle-pressure plots mark.
#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>

#include "anatomy/vein_network.hpp"
#include "core/error.hpp"
#include "flow/posture.hpp"
#include "flow/protocols.hpp"

namespace effleura::app {

class FlowIndices {
 public:
  struct Figures {
    flow::ClinicalIndices indices;
    double rest_calf_ml = 0.0;      // calf venous volume of the leg at rest in the posture
    double rest_ankle_mmhg = 0.0;   // ankle venous pressure, the same
    double rest_groin_ml_s = 0.0;   // outflow at the groin, the same
  };
  using Compute = std::function<Expected<Figures>(const anatomy::VeinNetwork&, const flow::LegCondition&,
                                                  flow::Posture, std::stop_token)>;
  // The resting levels alone (a fraction of a second: one leg settled, or the start-up cache).
  struct Rest {
    double calf_ml = 0.0;
    double ankle_mmhg = 0.0;
    double groin_ml_s = 0.0;
  };
  // Its arguments: the leg, the posture, the knee's bend (degrees; lying prone, calf squeezes
  // bend it 30 and the raised shank rests with less blood and a lower ankle pressure) and, lying,
  // whether the leg is face down (its veins' heights: flow/posture.hpp).
  using RestCompute = std::function<Expected<Rest>(const anatomy::VeinNetwork&, const flow::LegCondition&,
                                                   flow::Posture, double, bool, std::stop_token)>;
  // The app's two stages: `rest` first, its levels in the snapshot at once (rest_ready) so the
  // calf and ankle plots mark rest while `indices` runs the clinic's protocols (seconds on a
  // leg not measured before: a first start, a vein made leaky); `indices`' own rest figures are
  // not used.
  struct Stages {
    RestCompute rest;
    Compute indices;
  };
  enum class Status { idle, computing, ready, failed };
  struct Snapshot {
    Status status = Status::idle;
    flow::LegCondition leg;         // what the figures (or the computation) are for
    flow::Posture posture = flow::Posture::supine;
    double knee_deg = 0.0;          // the knee the rest levels are for (request())
    bool face_down = false;         // and lying face down (request())
    Figures figures;                // valid when ready; its rest levels also when rest_ready
    bool rest_ready = false;        // the rest levels are in, maybe before the indices
    std::string error;              // when failed
  };

  // `compute` defaults to the app's two stages without a start-up cache (cached_indices_compute:
  // the resting levels, then flow::clinical_indices kept per leg, so a new posture only settles
  // the resting model); tests pass one they control, a single stage.
  explicit FlowIndices(Compute compute = {});
  explicit FlowIndices(Stages stages);
  ~FlowIndices();  // stops a running computation and joins the worker
  FlowIndices(FlowIndices&&) noexcept;
  FlowIndices& operator=(FlowIndices&&) noexcept;

  // Asks for the figures of this leg in this posture and returns at once. The same again
  // (same network content, leg and posture) changes nothing; anything else stops the running computation and starts over. The worker thread starts on
  // the first request, so a session that never opens the panel never pays for it.
  // `knee_deg`: the drawn knee's bend, for the rest levels only (the clinic's protocols set their
  // own posture); a new knee settles the rest levels again, the indices are kept. `face_down`
  // the same: lying, the leg face down (prone) rather than up.
  void request(const anatomy::VeinNetwork& network, flow::LegCondition leg, flow::Posture posture,
               double knee_deg = 0.0, bool face_down = false);
  [[nodiscard]] Snapshot snapshot() const;
  // Blocks until the latest request is answered or `timeout` passes; true if answered (tests).
  bool wait(std::chrono::milliseconds timeout) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace effleura::app
