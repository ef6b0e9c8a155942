#pragma once
// Analytic signed-distance shapes the leg is modelled from: chains of round cones (a belly that
// tapers from origin to insertion), ellipsoids and thin sheets (bands, aponeuroses). Distances
// are in metres, negative inside.
#include <cstddef>
#include <limits>
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace effleura::forge {

// Polynomial smooth minimum: unions that melt together over a distance of about k.
float smooth_min(float a, float b, float k);

struct ChainPoint {
  glm::vec3 p{0.0f};
  float r = 0.01f;
};

struct Chain {
  std::vector<ChainPoint> points;  // at least two
  // Bounding spheres (xyz centre, w radius) of runs of consecutive cones, so that a distance
  // query skips the runs far from the point; filled by index_chain, scaled by Shape::scale.
  // Empty: every cone is tested.
  std::vector<glm::vec4> groups;
};

// Fills c.groups from c.points (call again after changing the points).
void index_chain(Chain& c);

struct Ellipsoid {
  glm::vec3 centre{0.0f};
  glm::vec3 radii{0.01f};
  glm::vec3 rotate_deg{0.0f};  // applied X, then Y, then Z
};

// A band swept along a polyline; `across` is the half-width vector at each point. Its
// cross-section is a lens: a flat muscle (the gastrocnemius heads, sartorius, gracilis) is a
// sheet whose half-thickness changes along it, a band or tendon one of even thickness.
struct Sheet {
  std::vector<glm::vec3> points;
  std::vector<glm::vec3> across;
  float thickness = 0.002f;  // half-thickness, when `half` is empty
  std::vector<float> half;   // half-thickness at each point; empty: `thickness` throughout
  [[nodiscard]] float half_at(std::size_t i) const { return half.empty() ? thickness : half[i]; }
};

struct Box {
  glm::vec3 min{0.0f};
  glm::vec3 max{0.0f};
  [[nodiscard]] bool contains(const glm::vec3& p, float margin) const;
  void grow(const glm::vec3& p, float r);
};

// One body (a bone, a muscle, a fat pad): its parts melt together with `blend`.
struct Shape {
  std::vector<Chain> chains;
  std::vector<Ellipsoid> ellipsoids;
  std::vector<Sheet> sheets;
  // Hollows cut out of the union after the parts melt together (the acetabulum's socket, the
  // cut at the body's midline): a union of round parts cannot make a cup.
  std::vector<Ellipsoid> carves;
  float blend = 0.005f;

  [[nodiscard]] float distance(const glm::vec3& p) const;
  // At most distance(p), cheaply: from the bounding spheres of the chains' runs of cones and of
  // the sheets' segments, and the ellipsoids' largest radii, less what the blend can take off.
  [[nodiscard]] float lower_bound(const glm::vec3& p) const;
  [[nodiscard]] Box bounds() const;
  // The direction the body runs at p (chain or sheet tangent nearest to p, else the ellipsoid's
  // longest axis): used for muscle fibre directions.
  [[nodiscard]] glm::vec3 direction_at(const glm::vec3& p) const;
  void scale(float s);
};

// The distance to a chain or a sheet, or `above` where that distance is `above` or more: parts
// whose bounds lie that far are not computed (Shape::distance passes the running union plus
// twice its blend, beyond which a part cannot change the union).
float chain_distance(const Chain& c, const glm::vec3& p, float above = std::numeric_limits<float>::max());
float ellipsoid_distance(const Ellipsoid& e, const glm::vec3& p);
float sheet_distance(const Sheet& s, const glm::vec3& p, float above = std::numeric_limits<float>::max());

}  // namespace effleura::forge
