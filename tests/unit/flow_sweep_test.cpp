// Every combination of posture, stocking (0, 30, 60 mmHg at the ankle), incompetent veins
// and driver (each of the ten techniques, their hands and ankle movements as the app applies
// them, and walking): the model stays physical. Bounded values, no vein more than a few mmHg
// below its tissue pressure, no capillary carrying blood back into the arteries, volume
// conserved. A sweep of all 528 combinations, 3 s settled and 3 s driven each (every eighth
// under the sanitizers: 8 and the 11 drivers are coprime, so each driver still runs there, and
// 8 < 11, so each posture, stocking and set of incompetent veins does too; every fourth took
// 53 s of CI's sanitized pass, its second-costliest case).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include "flow_test_support.hpp"
#include "../support/sanitizer.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "anatomy/leg_surface.hpp"
#include "flow/protocols.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"

using namespace effleura;
using flow::Posture;

namespace {

using flow_test::network;

constexpr int kStride = test::kSanitized ? 8 : 1;

struct Driver {
  std::string name;
  std::function<void(double t, Contacts&, flow::PumpPressures&)> at;
};

std::vector<Driver> drivers() {
  static const anatomy::AnalyticLegSurface surface;
  static const auto poses = technique::load_poses(EFFLEURA_SOURCE_DIR + "/content/poses.toml");
  REQUIRE_MESSAGE(poses.has_value(), poses.error().describe());
  static const auto library = technique::load_techniques(EFFLEURA_SOURCE_DIR + "/content/techniques", *poses);
  REQUIRE_MESSAGE(library.has_value(), library.error().describe());
  std::vector<Driver> out;
  for (const auto& t : library->all()) {
    auto timeline = std::make_shared<technique::Timeline>(t, *poses, surface);
    out.push_back({t.id, [timeline](double time, Contacts& c, flow::PumpPressures& p) {
                     const auto frame = timeline->evaluate(std::fmod(time, timeline->duration()));
                     frame.append_contacts(c);
                     // Pointing the foot contracts the calf, as the app applies it.
                     p.calf = flow::kAnklePumps.peak_mmhg * std::clamp(-static_cast<double>(frame.ankle_deg) / 30.0, 0.0, 1.0);
                   }});
  }
  out.push_back({"walking", [](double time, Contacts&, flow::PumpPressures& p) { p = flow::kGait.at(time); }});
  return out;
}

}  // namespace

TEST_CASE("every posture, stocking, incompetence and technique keeps the model physical") {
  const auto all = drivers();
  REQUIRE(all.size() == 11);  // ten techniques and walking
  const std::vector<std::vector<std::string>> incompetent = {
      {},
      {"great-saphenous", "small-saphenous"},
      {"femoral", "popliteal", "posterior-tibial", "peroneal"},
      {"perforator-calf-medial", "perforator-paratibial", "perforator-calf-posterior", "perforator-thigh"}};
  int runs = 0, combination = 0;
  std::set<std::string> drivers_run;  // the stride's claim, checked: every driver ran
  std::set<int> settings_run;         // and every posture x stocking x incompetence
  for (Posture posture : {Posture::supine, Posture::sitting, Posture::standing, Posture::raised})
    for (double stocking : {0.0, 30.0, 60.0})
      for (const auto& bad : incompetent)
        for (const auto& d : all) {
          if (combination++ % kStride != 0) continue;
          drivers_run.insert(d.name);
          settings_run.insert((combination - 1) / 11);
          CAPTURE(d.name);
          CAPTURE(flow::posture_name(posture));
          CAPTURE(stocking);
          CAPTURE(bad.size());
          auto fs = flow::make_leg(network(), {bad, stocking}, posture, 3.0);
          REQUIRE(fs.has_value());
          fs->set_breathing(true);
          double lowest_tm = 1e9, lowest_in = 1e9, worst_flow = 0.0, worst_pressure = 0.0;
          bool finite = true;
          for (int k = 0; k < 300; ++k) {
            Contacts c;
            flow::PumpPressures p;
            d.at(k * 0.01, c, p);
            fs->set_pumps(p);
            fs->advance(0.01, c, posture);
            lowest_tm = std::min(lowest_tm, fs->lowest_transmural_mmhg());
            for (const auto& s : fs->segments()) {
              lowest_in = std::min(lowest_in, s.inflow_m3_s);
              worst_pressure = std::max(worst_pressure, std::abs(s.pressure_mmhg));
              finite = finite && std::isfinite(s.volume_m3) && std::isfinite(s.pressure_mmhg);
            }
            worst_flow = std::max(worst_flow, std::abs(fs->femoral_outflow_ml_s()));
          }
          ++runs;
          CHECK(finite);
          // Flat veins sit at most a few mmHg below the tissue pressure (tube law: 4.5 mmHg at
          // the emptiest, for the muscle sinuses).
          CHECK(lowest_tm > -6.5);
          CHECK(lowest_in >= 0.0);           // capillaries never carry blood back
          CHECK(worst_pressure < 400.0);     // the column plus the hardest squeeze and stocking
          CHECK(worst_flow < 500.0);         // mL/s at the groin: bounded
          CHECK(fs->volume_error_rel() < 1e-9);
          CHECK(fs->clamped_ml() < 1e-12);  // rounding only: the limiter keeps volumes above the floor
        }
  CHECK(runs == (4 * 3 * 4 * 11 + kStride - 1) / kStride);
  CHECK(drivers_run.size() == 11);
  CHECK(settings_run.size() == 4 * 3 * 4);
}
