#pragma once
// The venous-return model of one leg: a lumped (0D) network of vein compartments built from
// the vein data, stepped with fixed implicit sub-steps. See docs/flow-model.md.
//
// One frame: advance(dt, contacts, posture) sub-steps internally (1 ms each); then the renderer
// reads segments(), valves() and the helpers below, and Particles::advect follows the flows.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/vein_network.hpp"
#include "core/contact.hpp"
#include "core/error.hpp"
#include "flow/drivers.hpp"
#include "flow/posture.hpp"
#include "flow/sparse_ldl.hpp"
#include "flow/tube_law.hpp"

namespace effleura::flow {

inline constexpr double kSubStepS = 1e-3;          // fixed solver sub-step (s)
inline constexpr double kMaxAdvanceS = 2.0;        // longest stretch one advance() call simulates
inline constexpr double kFootTopM = 0.06;          // segments below this height lie in the foot (sole)

// One compartment: a piece of a vein's centre line (standing frame, core/frame.hpp).
struct Segment {
  std::size_t vein = 0;           // index into VeinNetwork::veins
  int index_in_vein = 0;
  double fraction0 = 0.0, fraction1 = 1.0;  // span along the vein's centre line
  glm::vec3 p0{0.0f}, p1{0.0f}, mid{0.0f};
  double length_m = 0.0;
  double ref_volume_m3 = 0.0;     // round vein at its reference diameter (pairs included)
  float ref_radius_m = 0.0f;      // of one vein of a pair
  int paired = 1;
  anatomy::VeinKind kind = anatomy::VeinKind::deep;
  bool calf = false;              // counts toward the calf venous volume (ankle to knee)
  bool foot = false;              // lies in the sole (the plantar venous plexus)
  TubeLaw law;
  double inflow_nominal_m3_s = 0.0;
  double inflow_conductance = 0.0;  // m^3/s per mmHg from the capillary bed, arterioles at rest
  // The arterioles' tone: the capillary bed passes inflow_conductance * inflow_tone. It drifts
  // toward the tone that delivers inflow_target (autoregulation), which the venoarteriolar
  // reflex lowers where the vein hangs far below the heart.
  double inflow_tone = 1.0;
  double inflow_target_m3_s = 0.0;  // at rest in this posture (venoarteriolar reflex applied)

  // State, updated every sub-step.
  double volume_m3 = 0.0;
  double pressure_mmhg = 0.0;       // inside, relative to atmosphere
  double external_mmhg = 0.0;       // tissue pressure from hands, muscle and stocking
  double height_m = 0.0;            // above the hydrostatic reference in the current posture
  double flow_m3_s = 0.0;           // along the centre line, + toward the heart
  double velocity_m_s = 0.0;        // mean over the cross-section, signed like flow
  double inflow_m3_s = 0.0;         // from the capillary bed
  // Backflow the clinic calls reflux: blood running back through a valve of the vein, away
  // from the heart (faster than 1 cm/s), for longer than a healthy valve lets it while
  // shutting (Labropoulos 2003: 0.5 s superficial and calf veins, 1 s femoral and popliteal,
  // 0.35 s perforators), and here for as long. Blood running down between two shut valves
  // into a perforator, or the brief backflow of a valve closing, is not reflux.
  double reflux_limit_s = 0.5;
  double backflow_s = 0.0;          // the current spell of backflow in this piece
  bool reflux = false;
  [[nodiscard]] bool refluxing() const { return reflux; }
};

// A connection between compartments: a resistor, and where a valve sits, a one-way gate.
struct Edge {
  int from = 0;                 // upstream segment (normal flow from -> to)
  int to = -1;                  // downstream segment, -1 for the central veins
  double fixed_resistance = 0.0;  // mmHg s / m^3 added to the two half-segment resistances
  int valve = -1;
  float from_param = 1.0f;      // where the edge attaches on each segment (0..1 along it)
  float to_param = 0.0f;
  double flow_m3_s = 0.0;       // + from -> to; blood has inertia, so this carries between steps
};

struct Valve {
  std::size_t vein = 0;
  int edge = 0;
  double fraction = 0.0;        // along the vein
  glm::vec3 position{0.0f};
  double closing_time_s = 0.2;
  bool incompetent = false;
  double open = 1.0;            // 0 shut .. 1 fully open
  double reverse_run_s = 0.0;   // current spell of backflow
  double longest_reverse_s = 0.0;
};

class FlowSystem {
 public:
  // Builds compartments and settles nothing yet: call reset() (done here with `posture`).
  static Expected<FlowSystem> create(const anatomy::VeinNetwork& network,
                                     Posture posture = Posture::supine);

  // Places every compartment at the static pressures of `posture` (no flow history) and
  // clears the conservation ledger.
  void reset(Posture posture);
  // Runs `seconds` with no drivers so flows reach their steady state.
  void settle(double seconds);

  // Simulates dt seconds (0..kMaxAdvanceS; other values are clamped, NaN counts as 0) in
  // fixed 1 ms sub-steps, with the contacts and posture held for the whole call.
  void advance(double dt, const Contacts& contacts, Posture posture);

  // Drivers that persist between calls.
  void set_calf_muscle_pressure(double mmhg);   // calf contraction (0 relaxed)
  void set_foot_pressure(double mmhg);          // weight or pressure on the sole (plantar plexus)
  void set_thigh_muscle_pressure(double mmhg);  // thigh contraction on the deep thigh veins
  void set_pumps(const PumpPressures& p);       // all three at once
  // Quiet breathing modulates the abdominal pressure at the groin's outflow (off by default).
  void set_breathing(bool on) { breathing_ = on; }
  void set_stocking(double ankle_mmhg);         // graduated stocking, 0 = none
  // Lying, the massaged knee's bend as the client is drawn (degrees, 0 straight): the shank's
  // heights follow it (flow/posture.hpp). Other postures ignore it. Calf squeezes bend the
  // prone knee 30 degrees: the ankle 0.19 m up, its column 15 mmHg less (session 22).
  void set_knee_flexion(double deg);
  [[nodiscard]] double knee_flexion_deg() const { return knee_deg_; }
  // Lying, which way is up in the leg's frame as the client is drawn (flow/posture.hpp lying_up:
  // kFaceUp supine, the default; kFaceDown prone; between while the client rolls over): the
  // heights are taken along it. A zero or non-finite vector counts as face up.
  void set_lying_up(const glm::vec3& up);
  [[nodiscard]] const glm::vec3& lying_up() const { return lying_up_; }
  // Makes every valve of a vein incompetent (or competent again); "<vein id>:above-knee" only
  // its valves above the knee (a common pattern of saphenous reflux). Error lists valid ids.
  Expected<void> set_incompetent(std::string_view vein_id, bool incompetent = true);
  void clear_reflux_records();

  // State for the renderer and the plots.
  [[nodiscard]] const anatomy::VeinNetwork& network() const { return network_; }
  [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }
  [[nodiscard]] const std::vector<Edge>& edges() const { return edges_; }
  [[nodiscard]] const std::vector<Valve>& valves() const { return valves_; }
  [[nodiscard]] Posture posture() const { return posture_; }
  [[nodiscard]] double time_s() const { return static_cast<double>(steps_) * kSubStepS; }
  [[nodiscard]] double calf_muscle_pressure() const { return muscle_mmhg_; }
  [[nodiscard]] double foot_pressure() const { return foot_mmhg_; }
  [[nodiscard]] double thigh_muscle_pressure() const { return thigh_mmhg_; }
  [[nodiscard]] bool breathing() const { return breathing_; }
  // The leg's exercise state: 0 at rest, 1 with every muscle group working all the time.
  [[nodiscard]] double exercise() const { return exercise_; }

  [[nodiscard]] double femoral_outflow_ml_s() const;     // venous return leaving the leg
  [[nodiscard]] double calf_volume_ml() const;           // all calf compartments
  [[nodiscard]] double ankle_pressure_mmhg() const;      // superficial vein at the ankle
  [[nodiscard]] double femoral_velocity_m_s() const;     // mid femoral vein, mean velocity
  // Mean velocity where the leg's blood leaves it: the piece of the common femoral vein that
  // drains into the trunk, at the groin (the plots' "groin" and a Doppler's usual site).
  [[nodiscard]] double groin_velocity_m_s() const;
  [[nodiscard]] double groin_area_cm2() const;           // that piece's cross-section now
  [[nodiscard]] double vein_velocity_m_s(std::string_view vein_id) const;  // at its middle segment
  [[nodiscard]] double vein_volume_ml(std::string_view vein_id) const;
  [[nodiscard]] double foot_volume_ml() const;           // the plantar plexus
  // Lowest transmural pressure (inside minus tissue) of any compartment now, mmHg.
  [[nodiscard]] double lowest_transmural_mmhg() const;
  [[nodiscard]] double total_inflow_ml_s() const;        // from the capillary beds now
  [[nodiscard]] double total_volume_ml() const;
  [[nodiscard]] double nominal_inflow_ml_min() const;    // sum of the data's inflows
  [[nodiscard]] double calf_inflow_ml_s() const;         // capillary inflow into the calf now
  // Longest backflow spell seen (s) at any valve of the vein, or of all veins if empty.
  [[nodiscard]] double longest_reflux_s(std::string_view vein_id = {}) const;
  // Segments of a vein, in order; empty if unknown.
  [[nodiscard]] std::vector<int> segments_of(std::string_view vein_id) const;

  // Conservation ledger since reset(): |stored change - (in - out)| / max(stored, in).
  [[nodiscard]] double volume_error_rel() const;
  [[nodiscard]] double inflow_total_ml() const { return inflow_total_m3_ * 1e6; }
  [[nodiscard]] double outflow_total_ml() const { return outflow_total_m3_ * 1e6; }
  [[nodiscard]] double clamped_ml() const { return clamped_m3_ * 1e6; }

 private:
  friend struct FlowSnapshotAccess;  // flow_snapshot.cpp: the settled state in the start-up cache
  FlowSystem() = default;
  void update_heights();
  void update_external(const Contacts& contacts);
  void step();
  void refresh_derived();
  void update_inflow_targets();
  [[nodiscard]] double central_head_now() const;

  anatomy::VeinNetwork network_;
  std::vector<Segment> segments_;
  std::vector<Edge> edges_;
  std::vector<Valve> valves_;
  std::vector<int> chain_in_, chain_out_;
  std::vector<char> vein_reflux_;           // per vein: a valve has run backward past its limit
  std::vector<int> edge_slot_;              // per edge: off-diagonal slot in solver_, -1 central
  std::vector<double> contact_mmhg_;
  SparseLdl solver_;
  std::vector<double> head_, old_volume_, rhs_, conductance_, carry_, limiter_;
  Posture posture_ = Posture::supine;
  double muscle_mmhg_ = 0.0;
  double foot_mmhg_ = 0.0;
  double thigh_mmhg_ = 0.0;
  bool breathing_ = false;
  // Exercise hyperemia: each muscle group's demand (0 at rest, toward 1 while it keeps
  // working) and the leg's exercise state, their sum weighted by the groups' share of muscle.
  PumpPressures work_{};
  double exercise_ = 0.0;
  double calf_pumping_ = 0.0;     // 0..1: the calf contracting rhythmically now (the muscle pump)
  double tone_time_s_ = 10.0;     // how fast the arterioles retune (settle() hurries them)
  double stocking_mmhg_ = 0.0;
  double knee_deg_ = 0.0;         // lying, the drawn knee's bend (set_knee_flexion)
  glm::vec3 lying_up_ = kFaceUp;  // lying, up in the leg's frame (set_lying_up)
  double rho_g_ = 0.0;            // mmHg per metre of blood column
  long long steps_ = 0;
  double accumulator_s_ = 0.0;
  double start_volume_m3_ = 0.0;
  double inflow_total_m3_ = 0.0, outflow_total_m3_ = 0.0, clamped_m3_ = 0.0;
  double outflow_now_m3_s_ = 0.0;
};

}  // namespace effleura::flow
