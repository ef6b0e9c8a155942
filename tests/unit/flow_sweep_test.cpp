// Posture, stocking (0, 30, 60 mmHg at the ankle), incompetent veins and driver (each of the ten
// techniques, their hands and ankle movements as the app applies them, and walking): the model
// stays physical. Bounded values, no vein more than a few mmHg below its tissue pressure, no
// capillary carrying blood back into the arteries, volume conserved; 3 s settled, 3 s driven
// (1.5 and 1.5 under the sanitizers: each driver presses 6.5-150 mmHg within 1.5 s).
//
// Session 20 (CI time: 75 s in the Release pass, 41 s sanitized, CI's slowest case):
// - a driver's frames do not depend on the leg, so each is computed once (the hands' timeline
//   cost as much as the model), and each leg (posture x stocking x incompetence, 48) is settled
//   once and copied for every driver run on it: both give the same numbers as before;
// - the Release pass runs every posture x stocking x driver triple (132 of the 528 combinations,
//   where the blood column, the stocking and the hands' pressure add up), with the incompetent
//   set turning with (posture + stocking + driver) % 4, so every stocking x incompetence x
//   driver triple runs too, every leg, and each posture x driver pair meets 3 of the 4 sets;
// - the sanitized pass runs each driver once (posture driver % 4, stocking driver % 3): every
//   driver, posture, stocking and incompetent set still runs under ASan+UBSan.
// What each pass covered is counted below, so a change of the schedule that drops a driver,
// a leg or a triple fails here.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include "flow_test_support.hpp"
#include "../support/sanitizer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "anatomy/leg_surface.hpp"
#include "flow/protocols.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"

using namespace effleura;
using flow::Posture;

namespace {

using flow_test::network;

constexpr double kStepS = 0.01;
constexpr int kDrivenSteps = test::kSanitized ? 150 : 300;
constexpr double kSettleS = test::kSanitized ? 1.5 : 3.0;

// What a driver puts on the leg at each 10 ms step of its 3 s.
struct Driver {
  std::string name;
  std::vector<Contacts> contacts;
  std::vector<flow::PumpPressures> pumps;
  double hardest_mmhg = 0.0;  // the firmest hand or pump in its driven time
};

std::vector<Driver> drivers() {
  static const anatomy::AnalyticLegSurface surface;
  static const auto poses = technique::load_poses(EFFLEURA_SOURCE_DIR + "/content/poses.toml");
  REQUIRE_MESSAGE(poses.has_value(), poses.error().describe());
  static const auto library = technique::load_techniques(EFFLEURA_SOURCE_DIR + "/content/techniques", *poses);
  REQUIRE_MESSAGE(library.has_value(), library.error().describe());
  std::vector<Driver> out;
  auto record = [&out](Driver d, auto at) {
    for (int k = 0; k < kDrivenSteps; ++k) {
      Contacts c;
      flow::PumpPressures p;
      at(k * kStepS, c, p);
      for (const auto& patch : c) d.hardest_mmhg = std::max(d.hardest_mmhg, static_cast<double>(patch.pressure_mmhg));
      d.hardest_mmhg = std::max({d.hardest_mmhg, p.foot, p.calf, p.thigh});
      d.contacts.push_back(std::move(c));
      d.pumps.push_back(p);
    }
    out.push_back(std::move(d));
  };
  for (const auto& t : library->all()) {
    const technique::Timeline timeline(t, *poses, surface);
    record({t.id, {}, {}, 0.0}, [&timeline](double time, Contacts& c, flow::PumpPressures& p) {
      const auto frame = timeline.evaluate(std::fmod(time, timeline.duration()));
      frame.append_contacts(c);
      // Pointing the foot contracts the calf, as the app applies it.
      p.calf = flow::kAnklePumps.peak_mmhg * std::clamp(-static_cast<double>(frame.ankle_deg) / 30.0, 0.0, 1.0);
    });
  }
  record({"walking", {}, {}, 0.0}, [](double time, Contacts&, flow::PumpPressures& p) { p = flow::kGait.at(time); });
  return out;
}

// The schedule: which incompetent set a posture x stocking x driver triple runs with, and
// whether this pass runs it at all (see the top of the file).
int incompetent_index(int posture, int stocking, int driver) { return (posture + stocking + driver) % 4; }
bool runs_in_this_pass(int posture, int stocking, int driver) {
  return !test::kSanitized || (posture == driver % 4 && stocking == driver % 3);
}

}  // namespace

TEST_CASE("every posture, stocking, incompetence and technique keeps the model physical") {
  const auto all = drivers();
  REQUIRE(all.size() == 11);  // ten techniques and walking
  // Each driver presses the leg or works a pump in its driven time (at least 6.5 mmHg within
  // 1.5 s, session 20): a window with nothing in it would check only the resting leg.
  for (const auto& d : all) CHECK_MESSAGE(d.hardest_mmhg > 5.0, d.name);
  const std::array<Posture, 4> postures = {Posture::supine, Posture::sitting, Posture::standing, Posture::raised};
  const std::array<double, 3> stockings = {0.0, 30.0, 60.0};
  const std::vector<std::vector<std::string>> incompetent = {
      {},
      {"great-saphenous", "small-saphenous"},
      {"femoral", "popliteal", "posterior-tibial", "peroneal"},
      {"perforator-calf-medial", "perforator-paratibial", "perforator-calf-posterior", "perforator-thigh"}};
  // What ran, to check the schedule's claims.
  std::set<std::tuple<int, int, int>> legs, posture_stocking_driver, stocking_incompetence_driver;
  std::set<int> drivers_run;
  std::map<std::pair<int, int>, std::set<int>> sets_per_posture_driver;
  int runs = 0;
  for (int pi = 0; pi < 4; ++pi)
    for (int si = 0; si < 3; ++si)
      for (int ii = 0; ii < 4; ++ii) {
        const Posture posture = postures[static_cast<std::size_t>(pi)];
        std::optional<flow::FlowSystem> settled;  // this leg, settled once for all its drivers
        for (int di = 0; di < 11; ++di) {
          if (incompetent_index(pi, si, di) != ii || !runs_in_this_pass(pi, si, di)) continue;
          const Driver& d = all[static_cast<std::size_t>(di)];
          CAPTURE(d.name);
          CAPTURE(flow::posture_name(posture));
          CAPTURE(stockings[static_cast<std::size_t>(si)]);
          CAPTURE(ii);
          if (!settled) {
            auto made = flow::make_leg(network(), {incompetent[static_cast<std::size_t>(ii)], stockings[static_cast<std::size_t>(si)]},
                                       posture, kSettleS);
            REQUIRE(made.has_value());
            settled = std::move(*made);
          }
          flow::FlowSystem fs = *settled;
          fs.set_breathing(true);
          double lowest_tm = 1e9, lowest_in = 1e9, worst_flow = 0.0, worst_pressure = 0.0;
          bool finite = true;
          for (int k = 0; k < kDrivenSteps; ++k) {
            fs.set_pumps(d.pumps[static_cast<std::size_t>(k)]);
            fs.advance(kStepS, d.contacts[static_cast<std::size_t>(k)], posture);
            lowest_tm = std::min(lowest_tm, fs.lowest_transmural_mmhg());
            for (const auto& s : fs.segments()) {
              lowest_in = std::min(lowest_in, s.inflow_m3_s);
              worst_pressure = std::max(worst_pressure, std::abs(s.pressure_mmhg));
              finite = finite && std::isfinite(s.volume_m3) && std::isfinite(s.pressure_mmhg);
            }
            worst_flow = std::max(worst_flow, std::abs(fs.femoral_outflow_ml_s()));
          }
          ++runs;
          legs.insert({pi, si, ii});
          posture_stocking_driver.insert({pi, si, di});
          stocking_incompetence_driver.insert({si, ii, di});
          drivers_run.insert(di);
          sets_per_posture_driver[{pi, di}].insert(ii);
          CHECK(finite);
          // Flat veins sit at most a few mmHg below the tissue pressure (tube law: 4.5 mmHg at
          // the emptiest, for the muscle sinuses).
          CHECK(lowest_tm > -6.5);
          CHECK(lowest_in >= 0.0);           // capillaries never carry blood back
          CHECK(worst_pressure < 400.0);     // the column plus the hardest squeeze and stocking
          CHECK(worst_flow < 500.0);         // mL/s at the groin: bounded
          CHECK(fs.volume_error_rel() < 1e-9);
          CHECK(fs.clamped_ml() < 1e-12);  // rounding only: the limiter keeps volumes above the floor
        }
      }
  CHECK(drivers_run.size() == 11);
  if (test::kSanitized) {
    CHECK(runs == 11);
    std::set<int> postures_run, stockings_run, sets_run;
    for (const auto& [p, s, i] : legs) {
      postures_run.insert(p);
      stockings_run.insert(s);
      sets_run.insert(i);
    }
    CHECK(postures_run.size() == 4);
    CHECK(stockings_run.size() == 3);
    CHECK(sets_run.size() == 4);
  } else {
    CHECK(runs == 4 * 3 * 11);
    CHECK(legs.size() == 4 * 3 * 4);
    CHECK(posture_stocking_driver.size() == 4 * 3 * 11);
    CHECK(stocking_incompetence_driver.size() == 3 * 4 * 11);
    CHECK(sets_per_posture_driver.size() == 4 * 11);
    for (const auto& [pd, sets] : sets_per_posture_driver) CHECK(sets.size() == 3);
  }
}
