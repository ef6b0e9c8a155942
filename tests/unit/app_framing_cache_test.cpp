// The technique's framing sweeps kept in the start-up cache (app/framing_cache.hpp): a hit gives
// the sweep's answer number for number, and an entry made from another technique file, other
// poses, another leg surface, the other posture or a damaged file is never used. Since session
// 28 the steps' sides (which way the client lies) are kept with them, and the window's client
// turns by the cached ones instead of sweeping the timeline again at every start.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "anatomy/leg_surface.hpp"
#include "app/framing_cache.hpp"
#include "app/simulation.hpp"
#include "app/state.hpp"
#include "core/cache_file.hpp"
#include "technique/working_side.hpp"
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
  return same(a.steps, b.steps) && same(a.overlay, b.overlay) && same(a.whole, b.whole) && a.sides == b.sides;
}

// The sides turned over: each back step worked from the front and each front one from the back.
std::vector<technique::WorkingSide> flipped(std::vector<technique::WorkingSide> sides) {
  for (auto& s : sides)
    s = s == technique::WorkingSide::back ? technique::WorkingSide::front
        : s == technique::WorkingSide::front ? technique::WorkingSide::back : s;
  return sides;
}

// An entry's payload as framings_cached stores it; `with_sides` false: session 27's layout.
std::vector<std::uint8_t> entry_bytes(const app::TechniqueFramings& f, bool with_sides = true) {
  ByteWriter w;
  w.vec(f.steps);
  w.vec(f.overlay);
  w.pod(f.whole);
  if (with_sides) w.vec(f.sides);
  return w.bytes();
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
  CHECK(swept.sides == technique::step_sides(timeline));  // app/client_stage.cpp's own sweep
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

TEST_CASE("the steps' sides come back from the framings' cache entry as stored, and an entry without them is swept again") {
  app::Simulation sim;
  anatomy::Model no_model;
  REQUIRE(sim.load_techniques(source_paths(), no_model).has_value());
  REQUIRE(sim.select_technique("effleurage").has_value());
  const technique::Timeline& timeline = *sim.timeline();
  test::TempDir scratch("effleura-framing-sides");
  const auto content = source_paths().content;
  const app::FramingSources sources{app::file_stamp(content / "techniques" / "effleurage.toml"),
                                    app::file_stamp(content / "poses.toml"), 0};
  const auto key = app::framings_key(timeline, sources);
  REQUIRE(key.has_value());
  const app::TechniqueFramings swept = app::sweep_framings(timeline);
  // Effleurage works the back of the leg and then the front: flipping changes the answer.
  REQUIRE(flipped(swept.sides) != swept.sides);

  // Stale: session 27's layout (no sides) under today's key, as a program that stored the
  // framings without them would have left it. Swept again and stored again, sides and all.
  REQUIRE(write_cache(scratch.path, *key, entry_bytes(swept, false)));
  bool hit = true;
  CHECK(same(app::framings_cached(timeline, sources, scratch.path, &hit), swept));
  CHECK_FALSE(hit);
  CHECK(same(app::framings_cached(timeline, sources, scratch.path, &hit), swept));
  CHECK(hit);

  // One side short of the steps: not this timeline's, swept again.
  app::TechniqueFramings short_one = swept;
  short_one.sides.pop_back();
  REQUIRE(write_cache(scratch.path, *key, entry_bytes(short_one)));
  CHECK(same(app::framings_cached(timeline, sources, scratch.path, &hit), swept));
  CHECK_FALSE(hit);

  // A stored entry is believed: the sides it holds are the ones handed out (nothing sweeps them).
  app::TechniqueFramings turned = swept;
  turned.sides = flipped(swept.sides);
  REQUIRE(write_cache(scratch.path, *key, entry_bytes(turned)));
  CHECK(app::framings_cached(timeline, sources, scratch.path, &hit).sides == turned.sides);
  CHECK(hit);
}

TEST_CASE("the window's client lies on the side the start-up cache's framings give, not on a side swept again") {
  // Two windows started on effleurage: the first in the tests' own cache folder, the second in a
  // copy of it whose effleurage framings hold the sides turned over. The second client lies the
  // other way up: its sides came from the cache (before session 28 ClientStage swept them
  // itself, 32 moments a step, at every start, and lay as the first).
  app::Options o;
  o.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  o.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  o.technique = "effleurage";
  o.view = render::ViewPreset::lateral;  // a fixed view: no step camera, no view search to wait for
  const auto shared = cache_directory();
  REQUIRE(shared.has_value());
  app::State first;
  auto loaded = first.load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  const app::TechniqueFramings* framed = first.simulation.framings();
  REQUIRE(framed != nullptr);
  const technique::WorkingSide lies = technique::step_sides(*first.simulation.timeline()).front();
  REQUIRE(lies != technique::WorkingSide::either);  // effleurage begins on one side of the leg
  CHECK(first.client.pose().ankle_bolster == (lies == technique::WorkingSide::back));  // prone for the back

  test::TempDir scratch("effleura-sides-cache");
  const std::filesystem::path copy = scratch.path / "effleura";
  std::filesystem::create_directories(copy);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(*shared, ec))  // the leg, client, flow
    if (entry.path().filename().string().front() != '.') std::filesystem::copy_file(entry.path(), copy / entry.path().filename(), ec);
  const auto key = app::framings_key(*first.simulation.timeline(), first.simulation.framing_sources());
  REQUIRE(key.has_value());
  app::TechniqueFramings turned = *framed;
  turned.sides = flipped(framed->sides);
  REQUIRE(write_cache(copy, *key, entry_bytes(turned)));

  const char* before = std::getenv("XDG_CACHE_HOME");
  const std::string kept = before ? before : "";
  REQUIRE(::setenv("XDG_CACHE_HOME", scratch.path.c_str(), 1) == 0);
  app::State second;
  loaded = second.load(o, app::resolve_data_paths(o));
  if (before) ::setenv("XDG_CACHE_HOME", kept.c_str(), 1);
  else ::unsetenv("XDG_CACHE_HOME");
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  REQUIRE(second.simulation.framings() != nullptr);
  CHECK(second.simulation.framings()->sides == turned.sides);
  CHECK(second.client.pose().ankle_bolster == (lies == technique::WorkingSide::front));  // turned over
  CHECK(second.client.pose().knee_bolster == (lies == technique::WorkingSide::back));
}
