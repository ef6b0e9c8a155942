#pragma once
// Draws the flow model's particles coloured by speed (shaders/particles.*), one triangle per
// particle read from a float texture: moving blood as a dart pointing the way it flows, still
// blood (or a vein seen end on) as a round dot.
#include <array>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

#include "core/error.hpp"
#include "flow/particles.hpp"
#include "render/shader_program.hpp"
#include "technique/tissue.hpp"

namespace effleura::render {

// Speed at the top of the colour scale; faster particles share the top colour. 20 cm/s covers
// resting and massage-driven flow in the deep veins (physiology.md: femoral ~26 cm/s peak
// supine, popliteal ~11 cm/s), so walking-speed surges saturate.
inline constexpr float kParticleSpeedScale = 0.20f;
// Texels in a row of the particle texture (shaders/particles.vert reads its width).
inline constexpr int kParticleTexels = 1024;

class ParticlePass {
 public:
  static Expected<ParticlePass> create();
  ParticlePass(ParticlePass&& other) noexcept;
  ParticlePass& operator=(ParticlePass&&) = delete;
  ParticlePass(const ParticlePass&) = delete;
  ~ParticlePass();

  // point_px: each dot's diameter in pixels of a viewport of the given size.
  // The dents of shaders/model.vert (centre and widened radius, signed depth, axis), so the
  // blood moves with the veins under the hands; until set, none.
  void set_tissue(const technique::TissueShape& tissue) { tissue_ = tissue; }
  // The knee bend of shaders/model.vert (xyz the knee centre, w the flexion in degrees), so the
  // blood stays in its bent veins.
  void set_knee(const glm::vec4& knee) { knee_ = knee; }
  // The hip blend (anatomy::blend_hip; xyz the hip centre, w the hip flexion in degrees).
  void set_hip(const glm::vec4& hip) { hip_ = hip; }
  void draw(const std::vector<flow::ParticleVertex>& particles, const glm::mat4& view_proj, float point_px,
            glm::ivec2 viewport);

 private:
  technique::TissueShape tissue_{};
  glm::vec4 knee_{0.0f};
  glm::vec4 hip_{0.0f};
  ParticlePass() = default;
  ShaderProgram program_;
  unsigned vao_ = 0, texture_ = 0;
  int rows_ = 0;  // rows of the particle texture allocated so far
};

}  // namespace effleura::render
