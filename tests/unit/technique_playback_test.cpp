#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/file_watcher.hpp"
#include "technique/playback.hpp"
#include "technique/trail.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("playback: time moves only while playing, scaled by a clamped speed") {
  Playback p({0.0, 4.0, 10.0}, 12.0);
  p.advance(1.0);
  CHECK(p.time() == 0.0);  // paused at start
  p.play();
  for (int i = 0; i < 60; ++i) p.advance(1.0 / 60.0);
  CHECK(p.time() == doctest::Approx(1.0));
  p.set_speed(0.5);
  for (int i = 0; i < 60; ++i) p.advance(1.0 / 60.0);
  CHECK(p.time() == doctest::Approx(1.5));
  p.set_speed(10.0);
  CHECK(p.speed() == 2.0);
  p.set_speed(0.0);
  CHECK(p.speed() == doctest::Approx(0.1));
  p.pause();
  p.advance(5.0);
  CHECK(p.time() == doctest::Approx(1.5));
}

TEST_CASE("playback: the end stops, or wraps when looping") {
  Playback p({0.0, 4.0}, 6.0);
  p.play();
  p.advance(5.0);
  CHECK_FALSE(p.advance(2.0));
  CHECK(p.time() == 6.0);
  CHECK(p.finished());
  CHECK_FALSE(p.playing());

  Playback q({0.0, 4.0}, 6.0);
  q.set_looping(true);
  q.play();
  q.advance(5.0);
  CHECK(q.advance(2.0));  // wrapped
  CHECK(q.time() == doctest::Approx(1.0));
  CHECK(q.playing());
  CHECK_FALSE(q.finished());
}

TEST_CASE("playback: a moment past the end of a looping playback is that moment of a later round") {
  // --at 40 on calf squeezes (32 s, looping): the panel read "32.0 s" with Loop ticked, the
  // technique's end; a window that played 40 s is 8 s into its second round.
  Playback p({0.0, 16.0}, 32.0);
  p.set_looping(true);
  p.seek(40.0);
  CHECK(p.time() == doctest::Approx(8.0));
  CHECK(p.step() == 0);
  CHECK(p.played() == doctest::Approx(40.0));
  p.seek(32.0);  // the slider's end stays the end
  CHECK(p.time() == 32.0);
  CHECK(p.played() == 32.0);
  p.seek(70.0);  // two rounds and 6 s
  CHECK(p.time() == doctest::Approx(6.0));
  CHECK(p.played() == doctest::Approx(70.0));
  // Rounds played through advance count too.
  p.seek(30.0);
  p.play();
  CHECK(p.advance(4.0));
  CHECK(p.time() == doctest::Approx(2.0));
  CHECK(p.played() == doctest::Approx(34.0));
  // Not looping: the end, as before.
  Playback q({0.0, 16.0}, 32.0);
  q.seek(40.0);
  CHECK(q.time() == 32.0);
  CHECK(q.played() == 32.0);
}

TEST_CASE("playback: step forward and back jump to step boundaries") {
  Playback p({0.0, 4.0, 10.0}, 12.0);
  p.seek(1.0);
  CHECK(p.step() == 0);
  p.step_forward();
  CHECK(p.time() == 4.0);
  CHECK(p.step() == 1);
  p.step_forward();
  CHECK(p.time() == 10.0);
  p.step_forward();
  CHECK(p.time() == 12.0);  // past the last step: the end
  p.seek(7.0);
  p.step_back();            // well into step 1: back to its start
  CHECK(p.time() == 4.0);
  p.seek(4.2);
  p.step_back();            // just after its start: the step before
  CHECK(p.time() == 0.0);
  p.step_back();
  CHECK(p.time() == 0.0);
  p.seek(-3.0);
  CHECK(p.time() == 0.0);
  p.seek(99.0);
  CHECK(p.time() == 12.0);
}

TEST_CASE("trail: points stay in time order, fade with age and drop after their lifetime") {
  TrailBuffer trail(2.0, 8);
  for (int i = 0; i < 6; ++i)
    trail.push(glm::vec3(0.0f, 0.1f * static_cast<float>(i), 0.0f), glm::vec3(0.0f, 0.2f, 0.0f), 10.0f,
               0.5 * i);
  REQUIRE(trail.size() == 6);
  for (std::size_t i = 1; i < trail.size(); ++i) CHECK(trail.at(i).time > trail.at(i - 1).time);
  CHECK(trail.at(0).direction.y == doctest::Approx(1.0f));
  const double now = 2.5;
  CHECK(trail.fade(trail.size() - 1, now) == doctest::Approx(1.0f));
  CHECK(trail.fade(0, now) < trail.fade(3, now));
  trail.prune(now);  // t = 0 is 2.5 s old: gone; t = 0.5 is exactly 2 s: kept, fully faded
  CHECK(trail.size() == 5);
  CHECK(trail.at(0).time == 0.5);
  CHECK(trail.fade(0, now) == doctest::Approx(0.0f));

  // Capacity: the oldest give way, order kept.
  for (int i = 6; i < 20; ++i) trail.push(glm::vec3(0.0f), glm::vec3(0.0f), 0.0f, 0.5 * i);
  CHECK(trail.size() == 8);
  CHECK(trail.at(0).time == doctest::Approx(6.0));
  CHECK(trail.at(7).time == doctest::Approx(9.5));
  CHECK(trail.at(7).direction == glm::vec3(0.0f));  // still hand: no direction

  // Going back in time (a seek or a loop) starts a new trail.
  trail.push(glm::vec3(1.0f), glm::vec3(0.0f), 0.0f, 1.0);
  CHECK(trail.size() == 1);
}

TEST_CASE("file watcher: notices a modified, added or removed file once") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("effleura-watch-" + std::to_string(std::hash<std::string>{}(EFFLEURA_BINARY_DIR)));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "a.toml") << "tempo = 1\n"; }
  FileWatcher w(0.5);
  w.watch(dir);
  CHECK_FALSE(w.changed());
  { std::ofstream(dir / "a.toml") << "tempo = 12\n"; }  // size differs even if mtime ties
  CHECK_FALSE(w.poll(0.2));  // not yet time to look
  CHECK(w.poll(0.4));
  REQUIRE(w.last_changes().size() == 1);
  CHECK(w.last_changes()[0].filename() == "a.toml");
  CHECK_FALSE(w.changed());  // reported once
  { std::ofstream(dir / "b.toml") << "x\n"; }
  CHECK(w.changed());
  std::filesystem::remove(dir / "a.toml");
  CHECK(w.changed());
  CHECK_FALSE(w.changed());

  // A single watched file that does not exist yet: its appearance counts.
  FileWatcher f;
  f.watch(dir / "later.toml");
  CHECK_FALSE(f.changed());
  { std::ofstream(dir / "later.toml") << "y\n"; }
  CHECK(f.changed());
  std::filesystem::remove_all(dir);
}
