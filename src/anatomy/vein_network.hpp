#pragma once
// The leg's venous network as data (content/anatomy/veins.toml): centre lines, radii, valves,
// connections and inflows. The flow model builds its compartments from it, the anatomy layer
// builds vein tube meshes from it and the renderer draws particles along the same centre lines.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "core/error.hpp"

namespace effleura::anatomy {

enum class VeinKind { deep, superficial, perforator, sinus };

std::string_view vein_kind_name(VeinKind kind);

struct Vein {
  std::string id;                  // kebab-case, e.g. "great-saphenous"
  std::string name;                // plain-words name for labels
  VeinKind kind = VeinKind::deep;
  std::vector<glm::vec3> points;   // centre line, metres, core/frame.hpp, in the flow direction
  std::vector<float> radii_m;      // one per point (radius of one vein of a pair)
  int paired = 1;                  // parallel companion veins sharing the centre line
  std::string outflow;             // vein id, or "central" for the exit to the trunk
  std::string inlet;               // vein id feeding the first point (perforators), may be empty
  double compliance_per_mmhg = 0.02;   // relative area compliance dA/A per mmHg
  std::vector<double> valves;          // valve positions, fraction of the centre-line length
  double inflow_start_ml_min = 0.0;    // arterial inflow entering at the first point
  double inflow_along_ml_min = 0.0;    // arterial inflow spread evenly along the vein
  double outlet_resistance_mmhg_s_per_ml = 0.0;
  double collapse_stiffness_mmhg = 0.0;  // tube-law override; 0 = the network's value
  // Tube-law override: the transmural pressure at which this vein is round (none: the network's).
  std::optional<double> circular_transmural_mmhg;

  bool operator==(const Vein&) const = default;  // what the flow indices are keyed by
  [[nodiscard]] double length_m() const;
  // Point and radius at a fraction 0..1 of the centre-line length.
  [[nodiscard]] glm::vec3 point_at(double fraction) const;
  [[nodiscard]] float radius_at(double fraction) const;
};

// Model-wide constants from the [network] and [valves] tables.
struct VeinNetworkParams {
  double segment_length_m = 0.04;
  double central_venous_pressure_mmhg = 2.0;
  double reference_above_hip_m = 0.29;
  double arterial_pressure_mmhg = 93.0;
  double nominal_venous_pressure_mmhg = 10.0;
  double central_resistance_mmhg_s_per_ml = 0.02;
  double circular_transmural_mmhg = 8.0;
  double collapse_stiffness_mmhg = 7.0;
  double calf_top_m = 0.47;
  double calf_muscle_deep_fraction = 0.6;
  double fascia_transmission = 0.6;   // share of a hand's local pressure reaching below the fascia
  std::string ankle_vein = "great-saphenous";
  std::string femoral_vein = "femoral";
  double closing_time_superficial_s = 0.20;
  double closing_time_perforator_s = 0.16;
  double closing_time_deep_s = 0.18;
  double opening_time_s = 0.05;
  double closing_pressure_mmhg = 5.0;  // reverse pressure that doubles the closing speed
  double leak_fraction = 1e-5;
  bool operator==(const VeinNetworkParams&) const = default;
};

struct VeinNetwork {
  VeinNetworkParams params;
  std::vector<Vein> veins;   // in file order; every outflow/inlet names a vein listed here
  // Same content, same network: a reloaded veins.toml that changed anything compares unequal.
  bool operator==(const VeinNetwork&) const = default;

  [[nodiscard]] const Vein* find(std::string_view id) const;
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view id) const;
  [[nodiscard]] std::vector<std::string> ids() const;
};

// Reads and checks the network; errors name file:line:column and the key.
Expected<VeinNetwork> load_vein_network(const std::filesystem::path& path);
Expected<VeinNetwork> parse_vein_network(std::string_view text, const std::string& source_name);

}  // namespace effleura::anatomy
