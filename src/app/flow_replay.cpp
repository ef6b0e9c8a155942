#include "app/flow_replay.hpp"

#include <algorithm>
#include <cmath>

#include "app/simulation.hpp"

namespace effleura::app {

void record_flow(FlowHistory& history, double t, const flow::FlowSystem& flow) {
  history.record(t, static_cast<float>(flow.femoral_outflow_ml_s()), static_cast<float>(flow.calf_volume_ml()),
                 static_cast<float>(flow.ankle_pressure_mmhg()), static_cast<float>(100.0 * flow.groin_velocity_m_s()));
}

double replay_flow_history(Simulation& sim, FlowHistory& history, double dt, double span_s, const MusclesBefore& muscles) {
  technique::Playback* p = sim.playback();
  const flow::FlowSystem* flow = sim.flow();
  if (!p || !flow || !(dt > 0.0) || !(span_s > 0.0)) return 0.0;
  const double at = p->time(), speed = p->speed();
  // The blood moves in real time whatever the technique's speed (Simulation::update), so the
  // plots' span of model time covers span_s x speed of the technique.
  const double from = std::max(0.0, at - span_s * speed);
  const long steps = std::lround((at - from) / (speed * dt));
  if (steps <= 0) return 0.0;
  const bool playing = p->playing();
  p->seek(from);
  p->play();
  history.clear();
  for (long i = 0; i < steps; ++i) {
    if (muscles) sim.muscles = muscles(static_cast<double>(steps - 1 - i) * dt);
    sim.update(dt);
    record_flow(history, sim.time(), *flow);
  }
  if (muscles) sim.muscles = {};  // State::update sets them again each frame
  p->seek(at);  // exactly the moment asked for (the steps may end a fraction of one away)
  if (!playing) p->pause();
  return static_cast<double>(steps) * dt;
}

}  // namespace effleura::app
