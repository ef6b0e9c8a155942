#include "app/flow_replay.hpp"

#include <algorithm>
#include <cmath>

#include "app/simulation.hpp"

namespace effleura::app {

void record_flow(FlowHistory& history, double t, const flow::FlowSystem& flow) {
  history.record(t, static_cast<float>(flow.femoral_outflow_ml_s()), static_cast<float>(flow.calf_volume_ml()),
                 static_cast<float>(flow.ankle_pressure_mmhg()), static_cast<float>(100.0 * flow.groin_velocity_m_s()));
}

namespace {

// Steps `sim` lead + steps times by `dt`, recording only the last `steps` into `history` (cleared
// first); the muscles, when given, press what `muscles` says for each step's time before the last.
void play_recording(Simulation& sim, FlowHistory& history, double dt, long lead, long steps, const MusclesBefore& muscles) {
  const flow::FlowSystem& flow = *sim.flow();
  history.clear();
  for (long i = 0; i < lead + steps; ++i) {
    if (muscles) sim.muscles = muscles(static_cast<double>(lead + steps - 1 - i) * dt);
    sim.update(dt);
    if (i >= lead) record_flow(history, sim.time(), flow);
  }
  if (muscles) sim.muscles = {};  // State::update sets them again each frame
}

}  // namespace

double replay_flow_history(Simulation& sim, FlowHistory& history, double dt, double span_s, const MusclesBefore& muscles) {
  technique::Playback* p = sim.playback();
  if (!p || !sim.flow() || !(dt > 0.0) || !(span_s > 0.0)) return 0.0;
  // Whole rounds of a looping technique included (Playback::played): --at 40 on a 32 s loop
  // plays on to 8 s into its second round, as a window does, not only the first 8 s.
  const double at = p->played(), speed = p->speed();
  // The blood moves in real time whatever the technique's speed (Simulation::update), so the
  // plots' span of model time covers span_s x speed of the technique.
  const double from = std::max(0.0, at - span_s * speed);
  const long steps = std::lround((at - from) / (speed * dt));
  if (steps <= 0) return 0.0;
  // Played first, not recorded: the leg settled at load in the posture's rest (face up, knee
  // straight), so a span starting later began with the technique's pose draining it (prone calf
  // squeezes at 40 s: the calf plot fell 118 -> 16 mL in its first seconds, a fall no window
  // shows by then). kLeadIn_s covers that drain (a few seconds) and a few cycles of a rhythm.
  const double lead_from = std::max(0.0, from - kLeadIn_s * speed);
  const long lead = std::lround((from - lead_from) / (speed * dt));
  const bool playing = p->playing();
  p->seek(lead_from);
  p->play();
  play_recording(sim, history, dt, lead, steps, muscles);
  p->seek(at);  // exactly the moment asked for (the steps may end a fraction of one away)
  if (!playing) p->pause();
  return static_cast<double>(steps) * dt;
}

double replay_muscles_history(Simulation& sim, FlowHistory& history, double dt, double walked_s, double span_s,
                              const MusclesBefore& muscles) {
  if (sim.playback() || !sim.flow() || !muscles || !(dt > 0.0) || !(span_s > 0.0) || !(walked_s > 0.0)) return 0.0;
  const double from = std::max(0.0, walked_s - span_s);
  const long steps = std::lround((walked_s - from) / dt);
  const long lead = std::lround((from - std::max(0.0, from - kLeadIn_s)) / dt);
  play_recording(sim, history, dt, lead, steps, muscles);
  return static_cast<double>(steps) * dt;
}

}  // namespace effleura::app
