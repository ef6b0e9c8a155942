// Practice mode drives the same flow model as the demonstrations: the contacts of the
// student's hands (practice::hands_at) go to FlowSystem::advance each frame.
#include <doctest/doctest.h>

#include "flow_test_support.hpp"
#include "technique_test_support.hpp"

#include <numbers>

#include "anatomy/leg_surface.hpp"
#include "flow/flow_system.hpp"
#include "practice/stroke.hpp"
#include "technique/timeline.hpp"

using namespace effleura;

namespace {

struct Moved {
  double ml = 0.0;         // blood out at the groin during the stroke, above the resting flow
  int most_shut = 0;       // most valves shut at any frame of it
};

const anatomy::AnalyticLegSurface& leg() {
  static const anatomy::AnalyticLegSurface surface;
  return surface;
}

const technique::Technique& effleurage() {
  const auto* eff = test::real_library().find("effleurage");
  REQUIRE(eff != nullptr);
  return *eff;
}

// Two seconds at 30 frames a second, as the window runs, supine from a settled leg: the model
// pressed each frame by the contacts `press(t, contacts)` gives.
template <class Press>
Moved drive(Press press) {
  auto fs = flow::FlowSystem::create(flow_test::network());
  REQUIRE(fs.has_value());
  fs->settle(10.0);
  const double rest = fs->femoral_outflow_ml_s();
  Moved m;
  constexpr double kDt = 1.0 / 30.0;
  for (int i = 0; i <= 60; ++i) {
    Contacts contacts;
    press(i * kDt, contacts);
    fs->advance(kDt, contacts, flow::Posture::supine);
    m.ml += (fs->femoral_outflow_ml_s() - rest) * kDt;
    int shut = 0;
    for (const auto& v : fs->valves()) shut += v.open < 0.5 ? 1 : 0;
    m.most_shut = std::max(m.most_shut, shut);
  }
  return m;
}

// A stroke over the back of the calf (`direction` +1 up, -1 down, 0 none) at 30 mmHg with
// effleurage's two hands.
Moved run(int direction) {
  const auto comp = practice::companion_of(effleurage());
  practice::Stroke stroke;
  return drive([&](double t, Contacts& contacts) {
    const float f = static_cast<float>(t / 2.0);
    const float along = direction >= 0 ? 0.14f + 0.30f * f : 0.44f - 0.30f * f;
    const float around = 180.0f * std::numbers::pi_v<float> / 180.0f;
    stroke.samples.push_back(practice::sample_at(leg(), t, leg().position(along, around), 30.0f));
    if (direction != 0) practice::hands_at(stroke, comp, true, test::real_poses(), leg()).append_contacts(contacts);
  });
}

// The demonstration itself over its first two seconds of contact (effleurage's first glide up
// the back of the leg), every pressed patch at the student's 30 mmHg.
double demonstration_ml() {
  const technique::Timeline timeline(effleurage(), test::real_poses(), leg());
  double start = 0.0;
  while (start < timeline.duration() && timeline.evaluate(start).contact_count == 0) start += 1.0 / 30.0;
  REQUIRE(start < timeline.duration());
  return drive([&](double t, Contacts& contacts) {
           timeline.evaluate(start + t).append_contacts(contacts);
           for (auto& c : contacts)
             if (c.pressure_mmhg > 0.0f) c.pressure_mmhg = 30.0f;
         })
      .ml;
}

}  // namespace

TEST_CASE("practice: a student's stroke up the calf moves blood as the demonstration's does, within a factor of ten") {
  const double student = run(+1).ml;
  const double demo = demonstration_ml();
  INFO("student ", student, " mL, demonstration ", demo, " mL above rest in 2 s at 30 mmHg");
  // The same direction (out of the leg at the groin) and the same order of magnitude: the
  // student's one hand path is not the demonstration's two, so only the scale is compared.
  REQUIRE(demo > 0.5);
  CHECK(student > 0.0);
  CHECK(student / demo > 0.1);
  CHECK(student / demo < 10.0);
}

TEST_CASE("practice: a student's stroke up the calf moves blood toward the groin, a stroke down meets shut valves") {
  const Moved none = run(0);
  const Moved up = run(+1);
  const Moved down = run(-1);
  INFO("none ", none.ml, " mL, up ", up.ml, " mL, down ", down.ml, " mL; shut valves ", none.most_shut, " / ",
       up.most_shut, " / ", down.most_shut);
  // Upward: more blood leaves the leg than with no stroke, and more than the same stroke down.
  CHECK(up.ml > none.ml + 0.5);
  CHECK(up.ml > down.ml);
  // Downward: blood pushed toward the foot closes valves below the hands.
  CHECK(down.most_shut > none.most_shut);
}
