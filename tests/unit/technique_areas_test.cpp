#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>

#include "anatomy/area_content.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/frame.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

// The techniques' choreography checked against content/areas.toml (the anatomy side's regions
// and pressure ranges): hands work where the technique says, and never press harder than an
// area allows (popliteal: light only).
TEST_CASE("areas: contacts stay in the technique's areas, reach each of them, and respect area pressure limits") {
  auto areas = anatomy::load_area_content(test::content_dir() / "areas.toml");
  REQUIRE_MESSAGE(areas.has_value(), (areas ? std::string() : areas.error().describe()));
  const anatomy::AnalyticLegSurface leg;
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    std::vector<std::size_t> listed;
    for (const auto& a : t.areas) listed.push_back(*anatomy::area_index(a));
    const Timeline tl(t, test::real_poses(), leg);
    std::array<float, anatomy::kAreaCount> reached{};
    int contacts = 0, inside = 0;
    TechniqueFrame f;
    // Every 20 ms; every 80 ms under the sanitizers (support/sanitizer.hpp).
    for (double time = 0.0; time <= tl.duration(); time += 0.02 * test::kSanitizedStride) {
      tl.evaluate(time, f);
      for (std::size_t i = 0; i < f.contact_count; ++i) {
        const ContactPatch& p = f.patches[i];
        // Where the contact is on the undeformed skin.
        const glm::vec3 skin = p.point + p.normal * f.hands[p.hand == Hand::left ? 0 : 1].indentation_m;
        ++contacts;
        float best_listed = 0.0f;
        for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
          const float w = areas->weight(a, skin, frame::kStature);
          reached[a] = std::max(reached[a], w);
          if (std::find(listed.begin(), listed.end(), a) != listed.end()) best_listed = std::max(best_listed, w);
          if (w >= 0.5f) {
            CAPTURE(anatomy::kAreaIds[a]);
            CAPTURE(time);
            CHECK(p.pressure_mmhg <= areas->areas[a].pressure_mmhg_max + 1.0f);
          }
        }
        if (best_listed >= 0.3f) ++inside;
      }
    }
    REQUIRE(contacts > 0);
    // Transitions (gliding past the knee) may cross other areas briefly.
    CHECK(static_cast<double>(inside) / contacts > 0.85);
    for (std::size_t a : listed) {
      CAPTURE(anatomy::kAreaIds[a]);
      CHECK(reached[a] >= 0.5f);
    }
  }
}

TEST_CASE("area-relative keyframes resolve inside their area, and their mistakes are located errors") {
  auto areas = anatomy::load_area_content(test::content_dir() / "areas.toml");
  REQUIRE_MESSAGE(areas.has_value(), (areas ? std::string() : areas.error().describe()));
  const std::string head = R"(name = "T"
summary = "s"
areas = ["calves"]
direction = "toward-heart"
pressure = "light"
pressure_mmhg = 20
tempo = 10
repetitions = 1
views = ["back"]
cautions = []
evidence = "Shoemaker 1997"
[[step]]
caption = "c"
attend = "a"
duration = 2.0
right = [ { t = 0.0, along = 0.2, around = 160, pose = "flat-palm", pressure = 10 },
          { t = 2.0, along = 0.3, around = 160, pose = "flat-palm", pressure = 10 } ]
)";
  auto with_left = [&](const std::string& k0) {
    return head + "left = [ " + k0 + ",\n  { t = 2.0, area = \"calves\", at = [0.8, 0.5], pose = \"flat-palm\", pressure = 10 } ]\n";
  };
  const std::string good = with_left(R"({ t = 0.0, area = "calves", at = [0.5, 0.5], pose = "flat-palm", pressure = 10 })");
  auto t = load_technique_string(good, "area.toml", test::real_poses(), &*areas);
  REQUIRE_MESSAGE(t.has_value(), (t ? "" : t.error().describe()));
  const Keyframe& k = t->steps[0].hands[0][0];
  const anatomy::AreaRegion& r = areas->areas[*anatomy::area_index("calves")].region;
  CHECK(k.a == doctest::Approx(0.5f * (r.along_min + r.along_max)));
  CHECK(k.b == doctest::Approx(0.5f * (r.around_min + r.around_max) * 3.14159265f / 180.0f));
  // The point it names lies well inside the calves region.
  const anatomy::AnalyticLegSurface leg;
  CHECK(areas->weight(*anatomy::area_index("calves"), leg.position(k.a, k.b), frame::kStature) > 0.9f);
  CHECK(t->steps[0].hands[0][1].a > k.a);  // at[0] = 0.8 is higher up

  // Without the area content, an area-relative keyframe is an error at its line.
  auto none = load_technique_string(good, "area.toml", test::real_poses());
  REQUIRE_FALSE(none.has_value());
  CHECK(none.error().line == 18);  // "left = [ { ... area ..." is the 18th line
  CHECK(none.error().key == "step[0].left[0].area");
  auto unknown = load_technique_string(
      with_left(R"({ t = 0.0, area = "elbow", at = [0.5, 0.5], pose = "flat-palm", pressure = 10 })"), "area.toml",
      test::real_poses(), &*areas);
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().message.find("unknown area 'elbow'") != std::string::npos);
  auto outside = load_technique_string(
      with_left(R"({ t = 0.0, area = "calves", at = [0.5, 1.5], pose = "flat-palm", pressure = 10 })"), "area.toml",
      test::real_poses(), &*areas);
  REQUIRE_FALSE(outside.has_value());
  CHECK(outside.error().key == "step[0].left[0].at");
  auto both = load_technique_string(
      with_left(R"({ t = 0.0, area = "calves", at = [0.5, 0.5], along = 0.3, pose = "flat-palm", pressure = 10 })"),
      "area.toml", test::real_poses(), &*areas);
  REQUIRE_FALSE(both.has_value());
  CHECK(both.error().key == "step[0].left[0].along");
}
