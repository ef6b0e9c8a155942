// The technique's framing sweeps kept in the start-up cache (app/framing_cache.hpp): a hit gives
// the sweep's answer number for number, and an entry made from another technique file, other
// poses, another leg surface, the other posture or a damaged file is never used.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "anatomy/leg_surface.hpp"
#include "app/framing_cache.hpp"
#include "app/simulation.hpp"
#include "core/cache_file.hpp"
#include "../support/temp_dir.hpp"
#include "../support/test_models.hpp"

using namespace effleura;

namespace {

app::DataPaths source_paths() {
  return {std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content", std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets"};
}

bool same(const anatomy::Bounds& a, const anatomy::Bounds& b) { return a.min == b.min && a.max == b.max; }

bool same(const std::vector<technique::StepFraming>& a, const std::vector<technique::StepFraming>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i].region, b[i].region) || a[i].facing != b[i].facing || a[i].turn != b[i].turn) return false;
  return true;
}

bool same(const app::TechniqueFramings& a, const app::TechniqueFramings& b) {
  return same(a.steps, b.steps) && same(a.overlay, b.overlay) && same(a.whole, b.whole);
}


}  // namespace

TEST_CASE("the framing sweeps are the callers' own: 48 moments a step, 24 for the labels, 96 over the timeline") {
  app::Simulation sim;
  anatomy::Model no_model;  // the analytic leg is enough here
  REQUIRE(sim.load_techniques(source_paths(), no_model).has_value());
  REQUIRE(sim.select_technique("petrissage").has_value());
  const technique::Timeline& timeline = *sim.timeline();
  const app::TechniqueFramings swept = app::sweep_framings(timeline);
  REQUIRE(swept.steps.size() == timeline.step_count());
  CHECK(same(swept.steps, technique::step_framings(timeline)));  // render/step_camera.cpp's call
  CHECK(same(swept.overlay, technique::step_framings(timeline, 24)));  // app/state_overlay.cpp's before
  CHECK(same(swept.whole, technique::working_region(timeline)));  // app/flow_view.cpp's call
  CHECK_FALSE(same(swept.steps, swept.overlay));  // sampled differently: two answers, not one copied
}

TEST_CASE("framings from the cache equal the sweep, and another source, posture or a damaged entry misses") {
  app::Simulation sim;
  anatomy::Model no_model;
  REQUIRE(sim.load_techniques(source_paths(), no_model).has_value());
  REQUIRE(sim.select_technique("effleurage").has_value());
  technique::Timeline& timeline = const_cast<technique::Timeline&>(*sim.timeline());
  const auto dir = test::temp_dir("framing-cache");
  std::filesystem::remove_all(dir);
  const auto content = source_paths().content;
  const app::FramingSources sources{app::file_stamp(content / "techniques" / "effleurage.toml"),
                                    app::file_stamp(content / "poses.toml"), 0};
  REQUIRE(sources.technique.has_value());
  REQUIRE(sources.poses.has_value());
  const app::TechniqueFramings swept = app::sweep_framings(timeline);

  bool hit = true;
  CHECK(same(app::framings_cached(timeline, sources, dir, &hit), swept));
  CHECK_FALSE(hit);  // the first run sweeps and stores
  CHECK(same(app::framings_cached(timeline, sources, dir, &hit), swept));
  CHECK(hit);

  // Any input changed: the stored answer is not used (and the new one replaces it).
  for (int changed = 0; changed < 3; ++changed) {
    app::FramingSources other = sources;
    if (changed == 0) other.technique = *other.technique + 1;  // an edited technique file
    if (changed == 1) other.poses = *other.poses + 1;          // edited poses
    if (changed == 2) other.surface = 12345;                   // another leg's surface
    CAPTURE(changed);
    hit = true;
    CHECK(same(app::framings_cached(timeline, other, dir, &hit), swept));
    CHECK_FALSE(hit);
    (void)app::framings_cached(timeline, sources, dir, &hit);  // back to the first key: stored again
    CHECK_FALSE(hit);
  }

  // The client sitting changes where the hands reach: its own entry, its own sweep.
  timeline.set_client_sitting(true);
  const app::TechniqueFramings sitting = app::sweep_framings(timeline);
  hit = true;
  CHECK(same(app::framings_cached(timeline, sources, dir, &hit), sitting));
  CHECK_FALSE(hit);
  timeline.set_client_sitting(false);
  (void)app::framings_cached(timeline, sources, dir, &hit);
  CHECK_FALSE(hit);

  // A damaged entry (cut short; bytes overwritten in its middle, so its checksum fails): swept
  // again, never read.
  const auto entry = test::only_file(dir, "framings-");
  const auto size = std::filesystem::file_size(entry);
  std::filesystem::resize_file(entry, size - 7);
  hit = true;
  CHECK(same(app::framings_cached(timeline, sources, dir, &hit), swept));
  CHECK_FALSE(hit);
  {
    std::fstream f(test::only_file(dir, "framings-"), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(test::only_file(dir, "framings-")) / 2));
    const char junk[4] = {'\x7f', '\xc0', '\x00', '\x01'};
    f.write(junk, sizeof junk);
  }
  hit = true;
  CHECK(same(app::framings_cached(timeline, sources, dir, &hit), swept));
  CHECK_FALSE(hit);

  // No folder, or a source that could not be read: swept, nothing stored.
  CHECK(same(app::framings_cached(timeline, sources, std::nullopt, &hit), swept));
  CHECK_FALSE(hit);
  app::FramingSources unread = sources;
  unread.poses.reset();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  CHECK(same(app::framings_cached(timeline, unread, dir, &hit), swept));
  CHECK_FALSE(hit);
  CHECK(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST_CASE("the simulation's framings are its timeline's sweep, and follow the posture") {
  app::Simulation sim;
  anatomy::Model no_model;
  REQUIRE(sim.load_techniques(source_paths(), no_model).has_value());
  CHECK(sim.framings() == nullptr);  // no technique
  REQUIRE(sim.select_technique("ankle-pumps").has_value());
  const app::TechniqueFramings* first = sim.framings();
  REQUIRE(first != nullptr);
  CHECK(same(*first, app::sweep_framings(*sim.timeline())));
  sim.posture = flow::Posture::sitting;
  sim.advance_hands(1.0 / 30.0);  // the timeline learns the posture as it is evaluated
  REQUIRE(sim.timeline()->client_sitting());
  const app::TechniqueFramings* seated = sim.framings();
  REQUIRE(seated != nullptr);
  CHECK(same(*seated, app::sweep_framings(*sim.timeline())));
  CHECK_FALSE(same(seated->whole, app::TechniqueFramings{}.whole));
}
