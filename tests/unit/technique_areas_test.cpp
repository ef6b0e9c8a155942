#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>

#include "anatomy/area_content.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/frame.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

// The techniques' choreography checked against content/areas.toml (the anatomy side's regions
// and pressure ranges): hands work where the technique says, and never press harder than an
// area allows (popliteal: light only).
TEST_CASE("areas: contacts stay in the technique's areas, reach each of them, and respect area pressure limits") {
  auto areas = anatomy::load_area_content(test::content_dir() / "areas.toml");
  if (!areas) {
    MESSAGE("content/areas.toml not loadable (" << areas.error().describe() << "); area check skipped");
    return;
  }
  const anatomy::AnalyticLegSurface leg;
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    std::vector<std::size_t> listed;
    for (const auto& a : t.areas) listed.push_back(*anatomy::area_index(a));
    const Timeline tl(t, test::real_poses(), leg);
    std::array<float, anatomy::kAreaCount> reached{};
    int contacts = 0, inside = 0;
    TechniqueFrame f;
    for (double time = 0.0; time <= tl.duration(); time += 0.02) {
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
