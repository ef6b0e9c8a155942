#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "lesson/burn_in.hpp"
#include "lesson/kiosk_scheduler.hpp"

using namespace effleura::lesson;

namespace {

// Three scenes of 10, 6 and 8 s with a 2 s cross-fade, built in memory so the expected
// timeline can be worked out by hand.
Playlist three_scenes() {
  Playlist p;
  p.crossfade_s = 2.0;
  p.idle_timeout_s = 30.0;
  const double durations[] = {10.0, 6.0, 8.0};
  for (int i = 0; i < 3; ++i) {
    PlaylistScene s;
    s.caption = "scene." + std::to_string(i);
    s.duration_s = durations[i];
    s.disclaimer = i == 2;
    s.camera.keys = {{"front", view_angles("front"), 0.0}};
    p.scenes.push_back(s);
  }
  return p;
}

}  // namespace

TEST_CASE("the loop plays the scenes in order, cross-fades into each, and starts again") {
  KioskScheduler k(three_scenes());
  const double dt = 0.1;  // fixed steps, as a headless run at 10 fps would give
  std::vector<std::size_t> order;
  std::size_t last = 99;
  // 600 steps = 60 s = two and a half loops of 24 s.
  for (int step = 0; step < 600; ++step) {
    const KioskFrame f = k.frame();
    REQUIRE(f.scene != nullptr);
    if (f.scene_index != last) {
      order.push_back(f.scene_index);
      last = f.scene_index;
    }
    // Right after a change the previous scene is still there and fading out.
    if (f.previous) {
      CHECK(f.scene_time_s < 2.0 + 1e-9);
      CHECK(f.fade == doctest::Approx(f.scene_time_s / 2.0));
      CHECK(f.previous->caption != f.scene->caption);
    } else {
      CHECK(f.fade == 1.0);
    }
    k.advance(dt);
  }
  const std::vector<std::size_t> expected{0, 1, 2, 0, 1, 2, 0, 1};
  CHECK(order == expected);
  const KioskFrame end = k.frame();
  CHECK(end.loops_completed == 2);
  // 60 s = 2 * 24 + 10 (scene 0) + 2 into scene 1.
  CHECK(end.scene_index == 1);
  CHECK(end.scene_time_s == doctest::Approx(2.0).epsilon(1e-6));
}

TEST_CASE("the first scene of a run has nothing to fade from, fade weights run 0 to 1") {
  KioskScheduler k(three_scenes());
  CHECK(k.frame().previous == nullptr);
  k.advance(10.5);  // 0.5 s into scene 1
  KioskFrame f = k.frame();
  CHECK(f.scene_index == 1);
  REQUIRE(f.previous != nullptr);
  CHECK(f.previous->caption == "scene.0");
  CHECK(f.fade == doctest::Approx(0.25));
  k.advance(1.5);
  CHECK(k.frame().previous == nullptr);
  CHECK(k.frame().fade == 1.0);
}

TEST_CASE("one large step crosses several scene boundaries") {
  KioskScheduler k(three_scenes());
  k.advance(24.0 * 3 + 11.0);
  const KioskFrame f = k.frame();
  CHECK(f.loops_completed == 3);
  CHECK(f.scene_index == 1);
  CHECK(f.scene_time_s == doctest::Approx(1.0));
  k.advance(-5.0);
  k.advance(std::nan(""));
  CHECK(k.frame().scene_time_s == doctest::Approx(1.0));
}

TEST_CASE("input pauses the loop, after the idle timeout it resumes at the next scene") {
  KioskScheduler k(three_scenes());
  k.advance(3.0);
  k.input();
  CHECK(k.mode() == KioskMode::explore);
  // 29 s of exploring with a touch every 10 s: still exploring, the scene clock frozen.
  for (int i = 0; i < 290; ++i) {
    if (i % 100 == 99) k.input();
    k.advance(0.1);
  }
  KioskFrame f = k.frame();
  CHECK(f.mode == KioskMode::explore);
  CHECK(f.scene_index == 0);
  CHECK(f.scene_time_s == doctest::Approx(3.0));
  CHECK(f.previous == nullptr);
  // Quiet from here: the last touch was at step 199 (19.9 s after the first input); the loop
  // returns 30 s later.
  int steps = 0;
  while (k.mode() == KioskMode::explore && steps < 1000) {
    k.advance(0.1);
    ++steps;
  }
  CHECK(steps > 150);
  CHECK(steps < 250);
  f = k.frame();
  CHECK(f.mode == KioskMode::loop);
  CHECK(f.scene_index == 1);  // the scene after the interrupted one
  CHECK(f.scene_time_s < 0.1 + 1e-9);
  REQUIRE(f.previous != nullptr);  // fades in from what the visitor last saw
  CHECK(f.previous->caption == "scene.0");
}

TEST_CASE("a replaced playlist takes over at the next scene boundary, not mid-scene") {
  KioskScheduler k(three_scenes());
  k.advance(4.0);
  Playlist fresh = three_scenes();
  for (auto& s : fresh.scenes) s.caption += ".v2";
  k.replace_playlist(fresh);
  CHECK(k.replacement_pending());
  k.advance(5.0);  // 9 s into a 10 s scene: still the old one
  CHECK(k.frame().scene->caption == "scene.0");
  k.advance(1.5);
  const KioskFrame f = k.frame();
  CHECK_FALSE(k.replacement_pending());
  CHECK(f.scene_index == 1);
  CHECK(f.scene->caption == "scene.1.v2");
  REQUIRE(f.previous != nullptr);
  CHECK(f.previous->caption == "scene.0");  // the old scene still fades out correctly
}

TEST_CASE("caption slots move with each scene and within long scenes") {
  BurnInSettings s;
  s.caption_slots = 4;
  s.caption_move_s = 120.0;
  CHECK(caption_slot(s, 0, 0.0) == 0);
  CHECK(caption_slot(s, 1, 0.0) == 1);
  CHECK(caption_slot(s, 5, 0.0) == 1);
  CHECK(caption_slot(s, 1, 119.0) == 1);
  CHECK(caption_slot(s, 1, 121.0) == 2);
  // Consecutive slots are in different places on screen.
  for (int i = 0; i < 4; ++i) {
    const CaptionPlacement a = caption_placement(s, i, 0.0);
    const CaptionPlacement b = caption_placement(s, i + 1, 0.0);
    CHECK(std::hypot(a.x - b.x, a.y - b.y) > 0.1);
  }
}

TEST_CASE("over a long unattended run no caption position or camera angle stays put") {
  Playlist p = three_scenes();
  p.scenes[0].duration_s = 600.0;  // one very long scene as the worst case
  KioskScheduler k(p);
  const double dt = 1.0 / 30.0;
  const int window = 30 * 20;  // 20 s
  std::vector<KioskFrame> frames;
  for (int i = 0; i < 30 * 900; ++i) {
    frames.push_back(k.frame());
    k.advance(dt);
  }
  int slot_changes = 0;
  for (std::size_t i = 0; i + window < frames.size(); i += window) {
    const auto& a = frames[i];
    // Within every 20 s both the caption and the camera move a visible amount away from
    // where they were (the largest excursion, so a sway that comes back still counts).
    double caption_moved = 0.0;
    double camera_moved = 0.0;
    for (std::size_t j = i; j <= i + window; ++j) {
      caption_moved = std::max(caption_moved, static_cast<double>(std::hypot(a.caption.x - frames[j].caption.x,
                                                                             a.caption.y - frames[j].caption.y)));
      camera_moved = std::max(camera_moved, static_cast<double>(std::abs(a.camera.yaw_deg - frames[j].camera.yaw_deg)));
    }
    CHECK(caption_moved > 0.005);
    CHECK(camera_moved > 0.5);
    if (a.caption.anchor != frames[i + window].caption.anchor) ++slot_changes;
  }
  // The 600 s scene alone moves its caption every 2 minutes.
  CHECK(slot_changes >= 5);
  for (const auto& f : frames) CHECK(std::abs(camera_drift_deg(p.burn_in, f.running_time_s)) <= p.burn_in.drift_deg + 1e-9);
}

// The kiosk copies its frame to fade from only when the next cross-fade is a step or two away
// (app/lesson_or_playlist.hpp fade_source_due), no longer every frame, so until_next_fade_s()
// must be right in every state: a step of dt starts a cross-fade exactly when it is <= dt.
// Uneven steps (as a window's), a visitor's touch and the loop's return, a replaced playlist.
TEST_CASE("until_next_fade_s says when the next cross-fade starts, in the loop and after a visitor") {
  KioskScheduler k(three_scenes());
  int fades = 0, steps = 0;
  for (int i = 0; i < 4000; ++i) {
    if (i == 700) k.input();  // a visitor, mid-scene; quiet afterwards: the loop returns
    if (i == 2500) k.replace_playlist(three_scenes());
    const double dt = 0.01 + 0.09 * ((i * 37) % 11) / 10.0;  // 0.01 to 0.1 s
    const double until = k.until_next_fade_s();
    const std::uint64_t started = k.frame().scenes_started;
    k.advance(dt);
    const KioskFrame f = k.frame();
    const bool faded = f.scenes_started != started && f.previous != nullptr;
    ++steps;
    if (faded) {
      ++fades;
      CHECK(until <= dt + 1e-9);
    } else {
      CHECK(until > dt - 1e-9);
    }
  }
  CHECK(steps == 4000);
  CHECK(fades >= 8);  // ~220 s: the 24 s loop about eight times over (three fades each), the pause, the return
}

TEST_CASE("with no cross-fade, or a scene without an end, no cross-fade is coming") {
  Playlist cut = three_scenes();
  cut.crossfade_s = 0.0;
  CHECK(std::isinf(KioskScheduler(cut).until_next_fade_s()));
  Playlist endless = three_scenes();
  endless.scenes[0].duration_s = 0.0;
  KioskScheduler e(endless);
  e.advance(50.0);
  CHECK(e.frame().scene_index == 0);
  CHECK(std::isinf(e.until_next_fade_s()));
  // A replacement with a cross-fade makes the coming boundary one to fade across.
  KioskScheduler r(cut);
  r.advance(4.0);
  CHECK(std::isinf(r.until_next_fade_s()));
  r.replace_playlist(three_scenes());
  CHECK(r.until_next_fade_s() == doctest::Approx(6.0));
}
