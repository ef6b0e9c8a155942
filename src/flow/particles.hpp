#pragma once
// Blood particles for the renderer: each one rides a compartment's stretch of centre line at
// the local velocity (a Poiseuille profile across the vein), picks its way through junctions
// in proportion to the flows, leaves at the trunk and comes back at a capillary inflow chosen
// in proportion to the inflows. Deterministic: same seed and same flows, same particles.
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include <glm/vec3.hpp>

#include "flow/flow_system.hpp"

namespace effleura::flow {

// Backflow faster than this (away from the heart) is drawn as reflux once it has lasted past
// the vein's reflux limit (Segment::refluxing; m/s: the same 1 cm/s a duplex scan and
// FlowSystem's reflux timer use).
inline constexpr double kRefluxShownM_S = 0.01;

// What the renderer uploads: position in the standing frame (core/frame.hpp) and speed (m/s),
// negative for reflux; then the unit direction the blood there moves in (along the vein, the
// way it flows now), so the renderer can point each particle the way it goes.
struct ParticleVertex {
  float x = 0.0f, y = 0.0f, z = 0.0f;
  float speed = 0.0f;
  float dx = 0.0f, dy = 0.0f, dz = 0.0f;
  // 1 for one particle in kMarkerEvery, the same ones every frame: the renderer draws those
  // as large arrows, so the way blood moves reads at a glance even where the dots are tiny.
  float marker = 0.0f;
};
inline constexpr std::size_t kMarkerEvery = 12;

// How the particles are seen, for Particles::write_visible.
struct ParticleSight {
  glm::vec3 eye{0.0f};
  float px_per_m_at_1m = 0.0f;  // pixels one metre spans across the view one metre from the eye
  float dot_px = 3.0f;          // diameter of a drawn particle
  // Front-half coverage (dots' area over the vein's area on screen) from which the particles
  // behind a segment's centre line are left out: at 3 fewer than 5 % of them would show.
  float hidden_coverage = 3.0f;
};

class Particles {
 public:
  static constexpr std::size_t kDefaultCount = 20000;

  explicit Particles(const FlowSystem& flow, std::size_t count = kDefaultCount,
                     std::uint32_t seed = 20240611u);

  // Moves every particle by the flows now in `flow` over dt seconds (negative or NaN = 0).
  void advect(const FlowSystem& flow, double dt);
  // Fills `out` (resized to size()) with positions and speeds.
  void write(const FlowSystem& flow, std::vector<ParticleVertex>& out) const;
  // Like write, but where a segment's dots pile up so thickly on the screen that its front half
  // hides the half behind the centre line (seen from sight.eye), leaves the hidden half out:
  // the software renderer pays for every dot drawn, seen or not. Sparse segments keep all.
  void write_visible(const FlowSystem& flow, const ParticleSight& sight, std::vector<ParticleVertex>& out) const;

  // The particles' whole state (each particle, the random stream, the recycled count) as
  // bytes, so start-up's spread (100 advects of 20,000 particles, ~15 ms of CPU) can be kept in
  // the start-up cache (app/simulation.cpp) and put back to go on exactly as the spread ones.
  [[nodiscard]] std::vector<std::uint8_t> to_bytes() const;
  // Puts such bytes back; false, with *this untouched, when they do not fit `flow`'s network
  // (truncated, a segment it lacks, a value out of range or not finite, a bad stream).
  bool restore(const FlowSystem& flow, std::span<const std::uint8_t> bytes);

  [[nodiscard]] std::size_t size() const { return particles_.size(); }
  [[nodiscard]] std::size_t recycled() const { return recycled_; }
  // Particles per segment (for tests and debugging views).
  [[nodiscard]] std::vector<std::size_t> histogram() const;

 private:
  struct Particle {
    int segment = 0;
    float param = 0.0f;    // 0..1 along the segment's stretch of centre line
    float cos_a = 1.0f;    // direction around the axis, kept as cosine and sine
    float sin_a = 0.0f;
    float radial = 0.0f;   // 0..0.8 of the current radius
  };
  double uniform();  // [0, 1), same on every standard library
  void respawn(Particle& p, const std::vector<double>& cumulative);
  int pick_exit(const FlowSystem& flow, int segment, float& entry_param);

  std::mt19937 rng_;
  std::vector<Particle> particles_;
  std::vector<std::vector<int>> touching_;  // per segment: edges at either end
  std::vector<double> inflow_cumulative_;
  std::size_t recycled_ = 0;
};

}  // namespace effleura::flow
