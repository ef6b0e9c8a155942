// The bent knee's outline does not cross itself: in sagittal slices of the committed leg's skin
// bent 90 degrees (anatomy::bend_knee, as the sitting client is drawn), no segment of the
// outline crosses another. Where it did, the turned calf's back (6-7 cm behind the hinge, 5-6 cm
// below it) lay inside the thigh's back just above the blend zone: two surfaces of the same skin
// through each other behind the sitting knee (notes/s24 client-data/cross.py: 34 crossings over
// slices 5 mm apart from 7 cm inside to 8 cm outside the knee centre).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

namespace {

struct Segment {
  glm::vec2 a, b;  // (y, z) after the bend
};

float orient(glm::vec2 p, glm::vec2 q, glm::vec2 r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); }

// A proper crossing: each segment's ends strictly on either side of the other's line.
bool crosses(const Segment& s, const Segment& t) {
  const float d1 = orient(s.a, s.b, t.a), d2 = orient(s.a, s.b, t.b), d3 = orient(t.a, t.b, s.a), d4 = orient(t.a, t.b, s.b);
  constexpr float kEps = 1e-12f;
  if (std::abs(d1) < kEps || std::abs(d2) < kEps || std::abs(d3) < kEps || std::abs(d4) < kEps) return false;
  return (d1 > 0.0f) != (d2 > 0.0f) && (d3 > 0.0f) != (d4 > 0.0f);
}

bool touching(const Segment& s, const Segment& t) {
  constexpr float kSame = 1e-7f;  // neighbours along the outline share an end
  return glm::distance(s.a, t.a) < kSame || glm::distance(s.a, t.b) < kSame || glm::distance(s.b, t.a) < kSame ||
         glm::distance(s.b, t.b) < kSame;
}

// The skin's outline in the plane x, between heights lo and hi, each segment's ends bent.
std::vector<Segment> bent_slice(const anatomy::Mesh& m, float x, float lo, float hi, float deg) {
  std::vector<Segment> out;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    glm::vec3 cut[2];
    int n = 0;
    for (int e = 0; e < 3 && n < 2; ++e) {
      const glm::vec3& p = m.positions[m.indices[t + e]];
      const glm::vec3& q = m.positions[m.indices[t + (e + 1) % 3]];
      if ((p.x < x) == (q.x < x)) continue;
      cut[n++] = p + (q - p) * ((x - p.x) / (q.x - p.x));
    }
    if (n < 2 || std::max(cut[0].y, cut[1].y) < lo || std::min(cut[0].y, cut[1].y) > hi) continue;
    const glm::vec3 a = anatomy::bend_knee(cut[0], frame::kKneeCentre, deg), b = anatomy::bend_knee(cut[1], frame::kKneeCentre, deg);
    out.push_back({{a.y, a.z}, {b.y, b.z}});
  }
  return out;
}

}  // namespace

TEST_CASE("bent 90 degrees, the knee's outline crosses itself in no sagittal slice") {
  const anatomy::Mesh& m = test::shipped_mesh("leg.glb", "skin");
  const glm::vec3& k = frame::kKneeCentre;
  // Heights: 19 cm either side of the knee centre, past the blend zone, so the rigid thigh and
  // shank next to it are in the slices too.
  constexpr float kAround = 0.19f;
  int crossings = 0, slices = 0, worst_slice = 0;
  float worst_x = 0.0f;
  for (int i = -14; i <= 16; ++i) {
    const float x = k.x + 0.005f * static_cast<float>(i);
    const std::vector<Segment> s = bent_slice(m, x, k.y - kAround, k.y + kAround, 90.0f);
    if (s.size() < 20) continue;
    ++slices;
    int here = 0;
    for (std::size_t a = 0; a < s.size(); ++a)
      for (std::size_t b = a + 1; b < s.size(); ++b)
        if (!touching(s[a], s[b]) && crosses(s[a], s[b])) ++here;
    crossings += here;
    if (here > worst_slice) worst_slice = here, worst_x = x - k.x;
  }
  MESSAGE(crossings, " crossings over ", slices, " slices; the most, ", worst_slice, ", at ", worst_x * 100.0f, " cm from the knee centre");
  REQUIRE(slices > 25);
  CHECK(crossings == 0);
}
