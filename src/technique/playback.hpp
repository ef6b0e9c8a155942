#pragma once
// Play, pause, speed, loop and step jumps over a timeline, as pure logic: time moves only when
// the caller advances it by a fixed dt (no wall clock), so kiosk loops, lessons and tests are
// deterministic.
#include <cstddef>
#include <vector>

namespace effleura::technique {

class Playback {
 public:
  static constexpr double kMinSpeed = 0.1;
  static constexpr double kMaxSpeed = 2.0;
  // Stepping back within this many seconds of a step's start goes to the step before.
  static constexpr double kBackGrace = 0.5;

  // step_starts: ascending, the first 0 (Timeline::step_starts()); duration > 0.
  Playback(std::vector<double> step_starts, double duration);

  void play() { playing_ = true; }
  void pause() { playing_ = false; }
  [[nodiscard]] bool playing() const { return playing_; }
  void set_speed(double speed);          // clamped to 0.1x .. 2x
  [[nodiscard]] double speed() const { return speed_; }
  void set_looping(bool loop) { looping_ = loop; }
  [[nodiscard]] bool looping() const { return looping_; }

  // Moves time by dt * speed while playing. At the end: wraps when looping, otherwise stops
  // there and pauses. Returns true when it wrapped (the app may clear trails).
  bool advance(double dt);
  // Clamped to [0, duration]; when looping, a moment past the end is that moment of a later
  // round (--at 40 on a 32 s technique that loops: 8 s into its second round, where a window
  // that played 40 s is; it showed the end, 32.0 s, with the Loop box ticked).
  void seek(double t);
  void step_forward();                   // start of the next step (or the end)
  void step_back();                      // start of this step, or the previous one near its start

  [[nodiscard]] double time() const { return time_; }
  // The technique's seconds played since its start, whole rounds included (time() within a
  // round): what a headless picture's flow plots replay up to (app/flow_replay.hpp).
  [[nodiscard]] double played() const { return static_cast<double>(rounds_) * duration_ + time_; }
  [[nodiscard]] double duration() const { return duration_; }
  [[nodiscard]] std::size_t step() const;
  [[nodiscard]] bool finished() const { return !looping_ && time_ >= duration_; }

 private:
  std::vector<double> starts_;
  double duration_;
  double time_ = 0.0;
  long rounds_ = 0;  // whole rounds played before this one (looping)
  double speed_ = 1.0;
  bool playing_ = false;
  bool looping_ = false;
};

}  // namespace effleura::technique
