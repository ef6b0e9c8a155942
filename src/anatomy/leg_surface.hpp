#pragma once
// The skin of the leg as a surface the hands can move on, in the shared frame (core/frame.hpp):
// `along` is the height y in metres, `around` the angle in radians from anterior (+Z) toward
// lateral (+X) of the left leg. Every horizontal section is star-shaped around the bone axis,
// so the skin is a radius function r(along, around) measured out from that axis. Two sources
// give r: an analytic model built from ANSUR II circumferences, and a grid sampled from a
// loaded skin mesh. Both share the geometry below (position, normal, projection).
//
// The foot does not fit that picture (its sections are long and horizontal), so it has its own
// small parametrisation: the sole, as (u from heel to toe tip 0..1, v from medial -1 to lateral
// +1), which turns with the ankle angle about the ankle's lateral axis.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <glm/vec3.hpp>

#include "core/error.hpp"

namespace effleura::anatomy {

struct Model;

// Range of `along` the leg parametrisation covers: from just above the malleoli (below that
// the foot takes over) to the gluteal region.
inline constexpr float kLegAlongMin = 0.07f;
inline constexpr float kLegAlongMax = 0.95f;
// A hand's keyframe on the leg may lie lower, on the heel (HeelShape), down to the floor.
inline constexpr float kHeelAlongMin = 0.0f;

// A point on a surface with its outward unit normal and the two partial derivatives of the
// position with respect to the surface coordinates (d/d along and d/d around for the leg,
// d/du and d/dv for the sole).
struct SurfaceFrame {
  glm::vec3 position{0.0f};
  glm::vec3 normal{0.0f, 0.0f, 1.0f};
  glm::vec3 d_first{0.0f};   // d position / d along (or u)
  glm::vec3 d_second{0.0f};  // d position / d around (or v)
};

// The nearest surface point to a query point, and the signed distance (positive outside).
struct SurfaceProjection {
  float along = 0.0f;  // or u on the sole
  float around = 0.0f; // or v on the sole
  float distance = 0.0f;
};

// The sole of the right foot, analytic (estimate): foot length 0.154 H (ANSUR II), heel just
// behind the ankle, a gentle rocker at heel and toes. Rotates about the ankle centre's lateral
// axis; ankle_deg > 0 is dorsiflexion (toes up), < 0 plantarflexion.
class FootShape {
 public:
  FootShape();
  [[nodiscard]] SurfaceFrame sole(float u, float v, float ankle_deg) const;
  [[nodiscard]] SurfaceProjection project_sole(const glm::vec3& point, float ankle_deg) const;
  [[nodiscard]] float length() const { return length_; }
  // Lowers or raises the whole analytic sole.
  void set_floor(float y) { floor_ = y; }
  [[nodiscard]] float floor() const { return floor_; }
  // Replaces the analytic sole height by a measured one: nu x nv heights (world y at ankle 0)
  // over u in [0, 1] and v in [-1, 1], row-major in u. The outline (x, z) stays analytic.
  void set_sole_heights(int nu, int nv, std::vector<float> heights);
  [[nodiscard]] bool measured() const { return !heights_.empty(); }
  // The measured heights (empty when analytic) and their grid, for the start-up cache.
  [[nodiscard]] const std::vector<float>& sole_heights() const { return heights_; }
  [[nodiscard]] int sole_rows() const { return nu_; }
  [[nodiscard]] int sole_columns() const { return nv_; }
  // The sole point at ankle 0 (neutral).
  [[nodiscard]] glm::vec3 rest_point(float u, float v) const;

 private:
  [[nodiscard]] float height(float u, float v) const;
  float length_;
  float heel_z_;
  float floor_ = 0.0f;
  int nu_ = 0;
  int nv_ = 0;
  std::vector<float> heights_;
};

// The heel and the foot below the leg's lowest section, as the skin mesh has it, and how much
// of the skin there turns with the foot. The leg's sections stop just above the malleoli
// (kLegAlongMin): below them the heel bulges ~3 cm behind the Achilles tendon and rounds down
// to the floor, which no extrusion of the lowest section has. So this keeps its own horizontal
// sections (heights `bottom()` to kTurnTop), each star-shaped about a centre that leaves the
// leg's axis below `join()` (the leg's lowest section) and moves back over the heel (`centre`):
// a radius per angle, as the leg's grid, and per sample the share the skin there turns with the
// foot about the ankle (the mesh's ankle blend, as shaders/model.vert turns it). Rest pose
// (ankle 0). Empty (not measured) for the analytic leg.
class HeelShape {
 public:
  // Rows reach up to here: above it no skin turns with the foot (content/anatomy/skin.toml's
  // ankle_none_above, 0.12, with the tilt the forge adds behind and in front of the ankle).
  static constexpr float kTurnTop = 0.16f;
  static constexpr int kAround = 96;
  static constexpr float kRowStep = 0.0025f;  // m between sections

  // Samples the skin meshes of `model`; `join` is the leg surface's lowest section. Not
  // measured where the model has no skin below `join`.
  static HeelShape build(const Model& model, float join);

  [[nodiscard]] bool measured() const { return !r_.empty(); }
  [[nodiscard]] float bottom() const { return bottom_; }
  [[nodiscard]] float join() const { return join_; }
  [[nodiscard]] glm::vec3 centre(float y) const;
  // Distance from centre(y) to the skin at angle `around` (as the leg's: 0 front, pi/2 outer side).
  [[nodiscard]] float radius(float y, float around) const;
  // How much the skin at (y, around) turns with the foot (0..1).
  [[nodiscard]] float turn_share(float y, float around) const;
  // The point's distance from centre(its height) less the skin's radius in its direction
  // (negative inside), at rest; below the lowest section, also how far below it.
  [[nodiscard]] float radial_outside(const glm::vec3& point) const;
  // The surface point at (y, around) at rest, with its derivatives and normal.
  [[nodiscard]] SurfaceFrame frame(float y, float around) const;

  // The grid as stored by the start-up cache (leg_surface_cache.cpp), and back: false unless
  // the values make a whole grid.
  [[nodiscard]] int rows() const { return rows_; }
  [[nodiscard]] const std::vector<float>& radii() const { return r_; }
  [[nodiscard]] const std::vector<float>& shares() const { return share_; }
  bool set(float bottom, float join, int rows, std::vector<float> radii, std::vector<float> shares);

 private:
  [[nodiscard]] float sample(const std::vector<float>& grid, float y, float around) const;
  float bottom_ = 0.0f;
  float join_ = 0.0f;
  int rows_ = 0;
  std::vector<float> r_;      // rows_ x kAround
  std::vector<float> share_;  // rows_ x kAround
};

class LegSurface {
 public:
  virtual ~LegSurface() = default;
  LegSurface(const LegSurface&) = default;
  LegSurface& operator=(const LegSurface&) = default;
  LegSurface(LegSurface&&) = default;
  LegSurface& operator=(LegSurface&&) = default;

  // Distance from the bone axis to the skin, metres. `along` is clamped to the covered range;
  // `around` may be any angle.
  [[nodiscard]] virtual float radius(float along, float around) const = 0;
  // Centre of the section at height `along`: a smooth curve through the frame's ankle, knee
  // and hip centres (the tibia and femur run slightly obliquely).
  [[nodiscard]] static glm::vec3 axis(float along);

  [[nodiscard]] glm::vec3 position(float along, float around) const;
  [[nodiscard]] glm::vec3 normal(float along, float around) const;
  [[nodiscard]] SurfaceFrame frame(float along, float around) const;
  // Nearest point on the leg surface (Gauss-Newton from the point's own height and angle).
  [[nodiscard]] SurfaceProjection project(const glm::vec3& point) const;
  // How far `point` lies outside the skin (negative inside), measured out from the axis at its
  // own height: every section is star-shaped about the axis, so this is the point's distance
  // from the axis less the skin's radius in its direction. Cheap and steady for any point,
  // where project() is meant for points near the skin. Heights beyond the surface's range use
  // its end sections.
  [[nodiscard]] float radial_outside(const glm::vec3& point) const;

  [[nodiscard]] float min_along() const { return min_along_; }
  [[nodiscard]] float max_along() const { return max_along_; }
  [[nodiscard]] const FootShape& foot() const { return foot_; }
  // The heel below the lowest section (measured from a skin mesh; empty for the analytic leg).
  [[nodiscard]] const HeelShape& heel() const { return heel_; }
  [[nodiscard]] glm::vec3 foot_point(float u, float v, float ankle_deg = 0.0f) const {
    return foot_.sole(u, v, ankle_deg).position;
  }
  // Circumference of the section at `along` (numerical, for checks and the UI).
  [[nodiscard]] float circumference(float along, int samples = 256) const;

 protected:
  LegSurface(float min_along, float max_along, float step_along, float step_around);
  FootShape foot_;
  HeelShape heel_;

 private:
  float min_along_;
  float max_along_;
  float step_along_;   // finite-difference steps for the partial derivatives
  float step_around_;
};

// Sections are ellipses (wider side to side at the ankle and knee) with a posterior bulge for
// the calf and hamstrings, scaled so each section's perimeter equals the circumference
// interpolated between ANSUR II landmarks (physiology.md, men's means): ankle 229 mm at
// 0.10 m, calf 392 mm at 0.35 m, above the knee 409 mm at 0.55 m, upper thigh 625 mm at 0.85 m.
// Heights between are estimates.
class AnalyticLegSurface final : public LegSurface {
 public:
  AnalyticLegSurface();
  [[nodiscard]] float radius(float along, float around) const override;

 private:
  [[nodiscard]] static float shape(float along, float around);  // unscaled section
  std::vector<float> scale_;  // per 5 mm of along: circumference / perimeter of shape
};

// r(along, around) sampled from a model's skin mesh by casting horizontal rays outward from the
// axis (first crossing from inside, outermost when the axis lies outside), bilinear between
// samples. Normals come from central differences one
// grid cell wide, which keeps them continuous across cells.
class MeshLegSurface final : public LegSurface {
 public:
  static Expected<MeshLegSurface> build(const Model& model, int along_samples = 176,
                                        int around_samples = 96);
  [[nodiscard]] float radius(float along, float around) const override;
  [[nodiscard]] int missed_rays() const { return missed_; }
  // The fitted grid as bytes for the start-up cache, and back: none unless the bytes hold a
  // whole, consistent grid (anatomy/leg_surface_cache.cpp).
  [[nodiscard]] std::vector<std::uint8_t> to_bytes() const;
  static std::optional<MeshLegSurface> from_bytes(std::span<const std::uint8_t> bytes);

 private:
  MeshLegSurface(float min_along, float max_along, int along_samples, int around_samples);
  int n_along_;
  int n_around_;
  std::vector<float> r_;  // n_along_ rows of n_around_
  int missed_ = 0;
};

}  // namespace effleura::anatomy
