#pragma once
// A terminal progress bar for long exports ("frames 120/600  20%  0:04 elapsed, ~0:16 left").
// On a terminal it redraws one line with '\r'; into a file or pipe (CI logs) it prints a plain
// line every 10 % so the log stays short. It never reads the clock: the caller passes the time,
// which keeps it testable and lets a headless run report simulated or wall time as it likes.
#include <functional>
#include <string>
#include <string_view>

namespace effleura {

class ProgressBar {
 public:
  enum class Style { terminal, plain };
  using Sink = std::function<void(std::string_view)>;

  // `total` > 0 items (frames); times in seconds from any origin, as long as it is the same.
  ProgressBar(std::string label, int total, Style style, Sink sink, double start_s = 0.0);
  // Writes to stderr; terminal style when stderr is a TTY, plain otherwise.
  static ProgressBar for_stderr(std::string label, int total, double start_s = 0.0);

  // `done` items finished at time `now_s`. Terminal: redraws at most ~10 times a second.
  // Plain: prints when `done` crosses the next 10 % step.
  void update(int done, double now_s);
  // Prints the final state (and ends the terminal line). Safe to call more than once.
  void finish(double now_s);

  // The text of one report, without '\r' or newline (what both styles print).
  [[nodiscard]] std::string line(int done, double now_s) const;
  // Seconds still to go, estimated from the average time per item so far; < 0 when unknown.
  [[nodiscard]] double remaining_s(int done, double now_s) const;

 private:
  std::string label_;
  int total_;
  Style style_;
  Sink sink_;
  double start_s_;
  double last_draw_s_ = -1.0e300;
  int next_step_ = 1;   // plain style: the next multiple of 10 % to report
  int last_done_ = 0;
  bool finished_ = false;
};

// "m:ss" (or "h:mm:ss" from an hour on); negative or non-finite values give "?".
std::string format_duration(double seconds);

}  // namespace effleura
