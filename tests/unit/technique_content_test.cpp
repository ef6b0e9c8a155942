#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "anatomy/areas.hpp"
#include "technique/technique_loader.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("content: poses.toml has the six required poses with sane joint angles") {
  const PoseLibrary& poses = test::real_poses();
  for (auto name : kRequiredPoses) CHECK(poses.index(name).has_value());
  // A fist curls the fingers far more than a flat palm.
  const FingerPose& flat = poses.at(*poses.index("flat-palm"));
  const FingerPose& fist = poses.at(*poses.index("loose-fist"));
  CHECK(fist.joint(Finger::index, 0) > flat.joint(Finger::index, 0) + 40.0f);
  CHECK(poses.at(*poses.index("fingertips")).contact_radius_m < flat.contact_radius_m);
}

TEST_CASE("content: all ten techniques load and name only known areas, poses and views") {
  const TechniqueLibrary& lib = test::real_library();
  CHECK(lib.size() == kTechniqueIds.size());
  const std::vector<std::string> ids = lib.ids();
  CHECK(std::equal(ids.begin(), ids.end(), kTechniqueIds.begin(), kTechniqueIds.end()));
  for (auto id : kTechniqueIds) {
    CAPTURE(id);
    const Technique* t = lib.find(id);
    REQUIRE(t != nullptr);
    CHECK(t->id == id);
    CHECK_FALSE(t->name.empty());
    CHECK(t->summary.size() > 60);
    CHECK_FALSE(t->areas.empty());
    for (const auto& a : t->areas) CHECK(anatomy::area_index(a).has_value());
    CHECK_FALSE(t->views.empty());
    CHECK_FALSE(t->cautions.empty());
    CHECK(t->tempo > 0.0f);
    CHECK(t->duration() > 5.0f);
    for (const Step& s : t->steps) {
      CHECK_FALSE(s.caption.empty());
      CHECK_FALSE(s.attend.empty());
      for (const auto& hand : s.hands)
        for (const Keyframe& k : hand) CHECK(k.pose < test::real_poses().size());
    }
  }
}

TEST_CASE("content: every evidence note cites a source named in physiology.md") {
  // The short names physiology.md gives its sources.
  const std::vector<std::string> known{"Shoemaker 1997", "Hinds 2004", "Iwamoto 2017",
                                       "Thromb Haemost 2009", "Optimal physical methods", "Kropp 2018",
                                       "Tsuda 2017", "Ilgenfritz 1994", "Kamm 1986", "Downie 2007",
                                       "Pollack & Wood 1949"};
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const bool cites = std::any_of(known.begin(), known.end(), [&](const std::string& s) {
      return t.evidence.find(s) != std::string::npos;
    });
    CHECK(cites);
  }
  // The specific pairings the subject calls for.
  const auto& lib = test::real_library();
  CHECK(lib.find("effleurage")->evidence.find("Shoemaker 1997") != std::string::npos);
  CHECK(lib.find("petrissage")->evidence.find("Hinds 2004") != std::string::npos);
  CHECK(lib.find("friction")->evidence.find("Iwamoto 2017") != std::string::npos);
  CHECK(lib.find("ankle-pumps")->evidence.find("Thromb Haemost 2009") != std::string::npos);
  CHECK(lib.find("calf-squeezes")->evidence.find("Optimal physical methods") != std::string::npos);
}

TEST_CASE("content: pressure starts light and builds within each technique") {
  // The first step never presses harder than the technique's heaviest step.
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    auto peak = [](const Step& s) {
      float p = 0.0f;
      for (const auto& hand : s.hands)
        for (const Keyframe& k : hand) p = std::max(p, k.pressure_mmhg * std::max(s.scale_first, s.scale_last));
      return p;
    };
    auto start = [](const Step& s) {
      float p = 0.0f;
      for (const auto& hand : s.hands)
        for (const Keyframe& k : hand) p = std::max(p, k.pressure_mmhg * s.scale_first);
      return p;
    };
    float most = 0.0f;
    for (const Step& s : t.steps) most = std::max(most, peak(s));
    CHECK(start(t.steps.front()) <= most);
    if (t.steps.front().scale_first != 1.0f || t.steps.front().scale_last != 1.0f)
      CHECK(t.steps.front().scale_first <= t.steps.front().scale_last);
  }
}

TEST_CASE("area filter: every one of the nine areas has a technique, and the obvious ones match") {
  const auto& lib = test::real_library();
  for (auto area : anatomy::kAreaIds) {
    CAPTURE(area);
    CHECK_FALSE(techniques_for_area(lib, area).empty());
  }
  auto has = [](const std::vector<std::string>& v, const char* id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  const auto feet = techniques_for_area(lib, "feet");
  CHECK(has(feet, "toe-taps"));
  CHECK(has(feet, "ankle-pumps"));
  CHECK_FALSE(has(feet, "petrissage"));
  // Friction works beside the Achilles tendon, never behind the knee (the routine lesson
  // forbids it there); effleurage glides lightly over the back of the knee.
  CHECK_FALSE(has(techniques_for_area(lib, "popliteal"), "friction"));
  CHECK(has(techniques_for_area(lib, "popliteal"), "effleurage"));
  CHECK(has(techniques_for_area(lib, "it-band"), "cross-fibre"));
  CHECK(techniques_for_area(lib, "elbow").empty());
  // Library order follows the canonical technique order.
  const auto calves = techniques_for_area(lib, "calves");
  REQUIRE(calves.size() >= 2);
  CHECK(calves.front() == "effleurage");
}
