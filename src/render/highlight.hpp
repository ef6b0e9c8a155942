#pragma once
// The pulse of a highlighted area. Slow on purpose: one cycle every 2 s (0.5 Hz), far below
// the 3 flashes a second that photosensitivity guidance (WCAG 2.3.1) treats as the limit, and
// it never drops to dark, so it reads as breathing rather than blinking.
namespace effleura::render {

inline constexpr float kPulseHz = 0.5f;

// Glow strength at time t for a selected area: between 0.55 and 1.0.
float highlight_pulse(double t_seconds);

}  // namespace effleura::render
