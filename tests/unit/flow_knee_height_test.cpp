// Lying prone with the knee bent (calf squeezes: 30 degrees), the drawn ankle rises ~0.2 m; the
// flow model's heights follow the drawn knee (flow/posture.hpp), so the ankle's column of blood
// is shorter by that rise times rho g (~15 mmHg; session 22: the model had kept the straight
// leg's heights). The rise is computed here with plain trigonometry, not with the hinge the model
// uses (anatomy::bend_knee).
#include "flow_test_support.hpp"
#include "../support/sanitizer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/frame.hpp"
#include "core/units.hpp"
#include "flow/flow_system.hpp"

using namespace effleura;
using flow::FlowSystem;
using flow::Posture;

namespace {

// Blood's density (physiology.md: 1050-1060 kg/m3) and gravity, in mmHg per metre.
constexpr double kRhoG = 1055.0 * 9.80665 / units::kPascalPerMmHg;

const flow::Segment& ankle(const FlowSystem& fs) {
  const auto seg = fs.segments_of(fs.network().params.ankle_vein);
  REQUIRE_FALSE(seg.empty());
  return fs.segments()[static_cast<std::size_t>(seg.front())];
}

// How far a point well below the knee (the shank turns rigidly there) rises when the knee bends
// `deg` face down: the hinge is the knee centre's left-right axis, the heel goes toward the
// buttock, i.e. toward the back of the leg, which faces up.
double prone_rise(const glm::vec3& p, double deg) {
  const double a = deg * std::numbers::pi / 180.0;
  const double y = static_cast<double>(p.y - frame::kKneeCentre.y), z = static_cast<double>(p.z - frame::kKneeCentre.z);
  const double z_bent = y * std::sin(a) + z * std::cos(a);
  return z - z_bent;
}

}  // namespace

TEST_CASE("lying with the knee bent 30 degrees, the ankle's hydrostatic term falls by its rise times rho g") {
  auto fs = FlowSystem::create(flow_test::network(), Posture::supine);
  REQUIRE(fs.has_value());
  fs->set_lying_up(flow::kFaceDown);  // prone: only face down does the client's knee bend
  const double straight = ankle(*fs).height_m;
  const glm::vec3 mid = ankle(*fs).mid;
  REQUIRE(mid.y < frame::kKneeCentre.y - 0.2f);  // well below the knee's blend zone
  fs->set_knee_flexion(30.0);
  const double bent = ankle(*fs).height_m;
  const double rise = prone_rise(mid, 30.0);
  CHECK(rise > 0.18);  // the drawn ankle rises ~20 cm
  // The column the ankle no longer holds, mmHg: within 2 % of rise x rho g (15.1 mmHg).
  MESSAGE("ankle rise " << rise << " m: column " << kRhoG * rise << " mmHg, model " << kRhoG * (bent - straight));
  CHECK(kRhoG * (bent - straight) == doctest::Approx(kRhoG * rise).epsilon(0.02));
  // The thigh does not move; the straight knee gives the straight heights back.
  const auto femoral = fs->segments_of("femoral");
  REQUIRE_FALSE(femoral.empty());
  const double thigh_bent = fs->segments()[static_cast<std::size_t>(femoral.back())].height_m;
  fs->set_knee_flexion(0.0);
  CHECK(fs->segments()[static_cast<std::size_t>(femoral.back())].height_m == thigh_bent);
  CHECK(ankle(*fs).height_m == straight);
}

TEST_CASE("the knee's bend lifts only a lying leg: sitting, standing and raised have knees of their own") {
  for (Posture p : {Posture::sitting, Posture::standing, Posture::raised}) {
    CAPTURE(flow::posture_name(p));
    auto fs = FlowSystem::create(flow_test::network(), p);
    REQUIRE(fs.has_value());
    const double before = ankle(*fs).height_m;
    fs->set_lying_up(flow::kFaceDown);
    fs->set_knee_flexion(30.0);
    CHECK(ankle(*fs).height_m == before);
  }
}

TEST_CASE("a settled lying leg with the knee bent has a lower ankle vein pressure and less blood in the calf than the straight leg") {
  // The raised ankle drains toward the heart: its pressure falls until the vein flattens near the
  // tissue pressure (the tube law), so by less than the whole column (measured: 6.4 -> 0.2 mmHg).
  double settled[2] = {0.0, 0.0}, calf[2] = {0.0, 0.0};
  for (int bent = 0; bent < 2; ++bent) {
    auto fs = FlowSystem::create(flow_test::network(), Posture::supine);
    REQUIRE(fs.has_value());
    fs->set_lying_up(flow::kFaceDown);
    fs->set_knee_flexion(bent ? 30.0 : 0.0);
    fs->settle(test::kSanitized ? 10.0 : 20.0);  // (20 s: ~0.2 s of CPU in Release; the checks hold at 10)
    settled[bent] = fs->ankle_pressure_mmhg();
    calf[bent] = fs->calf_volume_ml();
  }
  MESSAGE("settled calf venous volume: straight " << calf[0] << ", bent " << calf[1] << " mL");
  CHECK(calf[1] < 0.8 * calf[0]);  // the raised shank drains (the plots' rest line follows it)
  MESSAGE("settled ankle vein pressure: straight " << settled[0] << ", bent " << settled[1] << " mmHg");
  CHECK(settled[1] < settled[0] - 3.0);
  CHECK(settled[1] > -5.0);  // flattened near the tissue pressure, never far below it
}

TEST_CASE("lying face down, the straight leg's heights are the back's: each vein's face-up height turned over") {
  // Until session 23 the flow kept the front-up heights face down: the common femoral vein 4 cm
  // above the hip instead of 4 cm below it, the calf's deep veins below it instead of above.
  auto up = FlowSystem::create(flow_test::network(), Posture::supine);
  auto down = FlowSystem::create(flow_test::network(), Posture::supine);
  REQUIRE(up.has_value());
  REQUIRE(down.has_value());
  down->set_lying_up(flow::kFaceDown);
  REQUIRE(up->segments().size() == down->segments().size());
  double farthest = 0.0;
  for (std::size_t i = 0; i < up->segments().size(); ++i) {
    CHECK(down->segments()[i].height_m == doctest::Approx(-up->segments()[i].height_m).epsilon(1e-6));
    farthest = std::max(farthest, std::abs(up->segments()[i].height_m));
  }
  CHECK(farthest > 0.04);  // a few cm: what the turn moves (the groin, the back of the calf)
  const auto groin = down->segments_of("common-femoral");
  REQUIRE_FALSE(groin.empty());
  CHECK(down->segments()[static_cast<std::size_t>(groin.back())].height_m < -0.03);
  // Back face up again: the heights are the supine ones, to the bit.
  down->set_lying_up(flow::kFaceUp);
  for (std::size_t i = 0; i < up->segments().size(); ++i) CHECK(down->segments()[i].height_m == up->segments()[i].height_m);
}
