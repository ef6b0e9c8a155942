#pragma once
// The skin as a signed distance: the smooth union of muscles, bones and fat pads, offset
// outward by a soft-tissue thickness that varies with height and is solved so that the girths
// match the ANSUR II means (physiology.md), then cut across the top and at the midline.
#include <limits>
#include <vector>

#include "forge/description.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {

class SkinField {
 public:
  // Keeps pointers into `d` (bones, muscles) and into its own copy of the pads: `d` must
  // outlive the field, and the field is not copied.
  explicit SkinField(const Description& d);
  SkinField(const SkinField&) = delete;
  SkinField& operator=(const SkinField&) = delete;

  // Smooth union of everything under the skin (no offset, no cuts).
  [[nodiscard]] float body(const glm::vec3& p) const;
  // The skin: negative inside.
  [[nodiscard]] float operator()(const glm::vec3& p) const;
  [[nodiscard]] float thickness(float y) const;
  [[nodiscard]] float blend(float y) const;
  [[nodiscard]] Box bounds() const;

  // Solves the thickness of every level that names a circumference (a few Newton steps on
  // perimeter(t) ~ perimeter(0) + 2 pi t); returns the girths reached. Only the levels up to
  // and including the first at or above `up_to` (m): a level's thickness is solved at its own
  // height alone, so the lower levels come out the same whether or not the higher ones are
  // solved.
  std::vector<float> calibrate(float step, float up_to = std::numeric_limits<float>::infinity());

  [[nodiscard]] const std::vector<SkinLevel>& levels() const { return levels_; }

 private:
  struct Part {
    const Shape* shape;
    Box box;
  };
  [[nodiscard]] float interpolate(float y, float SkinLevel::*member) const;
  std::vector<Part> parts_;
  std::vector<SkinLevel> levels_;
  SkinSpec spec_;
  Box box_;
};

// Perimeter of the horizontal cross-section of `field` at height y inside `box` (marching
// squares on a grid of `step`); counts every closed curve in the slice.
float slice_perimeter(const Field& field, const Box& box, float y, float step);

}  // namespace effleura::forge
