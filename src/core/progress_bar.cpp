#include "core/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace effleura {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0.0) return "?";
  const long total = std::lround(seconds);
  const long h = total / 3600;
  const long m = (total / 60) % 60;
  const long s = total % 60;
  char buf[48];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", h, m, s);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", m, s);
  return buf;
}

ProgressBar::ProgressBar(std::string label, int total, Style style, Sink sink, double start_s)
    : label_(std::move(label)), total_(std::max(total, 1)), style_(style), sink_(std::move(sink)),
      start_s_(start_s) {}

ProgressBar ProgressBar::for_stderr(std::string label, int total, double start_s) {
  const Style style = ::isatty(STDERR_FILENO) ? Style::terminal : Style::plain;
  return ProgressBar(std::move(label), total, style,
                     [](std::string_view text) {
                       std::fwrite(text.data(), 1, text.size(), stderr);
                       std::fflush(stderr);
                     },
                     start_s);
}

double ProgressBar::remaining_s(int done, double now_s) const {
  if (done <= 0) return -1.0;
  const double elapsed = now_s - start_s_;
  if (!(elapsed >= 0.0)) return -1.0;
  return elapsed / done * std::max(total_ - done, 0);
}

std::string ProgressBar::line(int done, double now_s) const {
  done = std::clamp(done, 0, total_);
  const int percent = static_cast<int>(100LL * done / total_);
  constexpr int kWidth = 24;
  const int filled = static_cast<int>(static_cast<long long>(kWidth) * done / total_);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  char buf[160];
  std::snprintf(buf, sizeof buf, " [%s] %d/%d %3d%%  %s elapsed, ~%s left", bar.c_str(), done,
                total_, percent, format_duration(now_s - start_s_).c_str(),
                format_duration(remaining_s(done, now_s)).c_str());
  return label_ + buf;
}

void ProgressBar::update(int done, double now_s) {
  if (finished_) return;
  last_done_ = std::clamp(done, 0, total_);
  if (style_ == Style::terminal) {
    if (now_s - last_draw_s_ < 0.1 && last_done_ < total_) return;
    last_draw_s_ = now_s;
    sink_("\r" + line(last_done_, now_s) + "\x1b[K");  // erase what a longer line left behind
    return;
  }
  // Plain: one line per 10 % crossed (several steps in one jump print once).
  const int step = static_cast<int>(10LL * last_done_ / total_);
  if (step >= next_step_) {
    next_step_ = step + 1;
    sink_(line(last_done_, now_s) + "\n");
  }
}

void ProgressBar::finish(double now_s) {
  if (finished_) return;
  finished_ = true;
  if (style_ == Style::terminal) {
    sink_("\r" + line(last_done_, now_s) + "\x1b[K\n");
  } else if (next_step_ <= 10 || last_done_ < total_) {
    // The 100 % line was not printed yet (or the run stopped early): say where it ended.
    sink_(line(last_done_, now_s) + "\n");
  }
}

}  // namespace effleura
