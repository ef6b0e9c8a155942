// The client's head (assets/client.glb's client.head, forge/client_shapes.cpp head_shape): a head
// a student reads as one at the scale of the table, not an egg on a tube. Its sizes and its
// profile against an adult's, on the committed meshes; prone its face lies in the table's face
// hole with the forehead on the top; supine the back of the head rests in a pillow.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/model_loader.hpp"
#include "forge/client_shapes.hpp"
#include "../support/sanitizer.hpp"
#include "solid_parity.hpp"

using namespace effleura;

namespace {

const anatomy::Model& committed() {
  static const anatomy::Model model = [] {
    auto m = anatomy::load_model(EFFLEURA_SOURCE_DIR + "/assets/client.glb");
    REQUIRE_MESSAGE(m.has_value(), (m ? "" : m.error().describe()));
    return std::move(*m);
  }();
  return model;
}

// The forge's parts (their fields), once: the other leg calibrated coarsely (its field is not
// read here).
const std::vector<forge::ClientPart>& parts() {
  static const std::vector<forge::ClientPart> all = [] {
    auto leg = forge::mirrored_leg(EFFLEURA_SOURCE_DIR + "/content/anatomy", 0.006f);
    REQUIRE_MESSAGE(leg.has_value(), (leg ? "" : leg.error().describe()));
    return forge::client_parts(*leg);
  }();
  return all;
}

// The vertices above the shoulders of the head and the body (the head was part of the body's
// mesh until session 15), in the body frame with x from the midline.
std::vector<glm::vec3> head_points() {
  std::vector<glm::vec3> out;
  for (const char* name : {"client.body", "client.head"})
    if (const anatomy::Mesh* m = committed().find(name))
      for (const glm::vec3& p : m->positions)
        if (p.y > 1.40f) out.push_back({p.x - anatomy::kMidlineX, p.y, p.z});
  return out;
}

// Barycentric weights of the point of triangle abc closest to p (Ericson, Real-Time Collision
// Detection, 5.1.5).
glm::vec3 closest_on_triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0f && d2 <= 0.0f) return {1, 0, 0};
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return {0, 1, 0};
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
    const float v = d1 / (d1 - d3);
    return {1.0f - v, v, 0.0f};
  }
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return {0, 0, 1};
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
    const float w = d2 / (d2 - d6);
    return {1.0f - w, 0.0f, w};
  }
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) {
    const float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
    return {0.0f, 1.0f - w, w};
  }
  const float denom = 1.0f / (va + vb + vc);
  const float v = vb * denom, w = vc * denom;
  return {1.0f - v - w, v, w};
}

struct Range {
  float lo = 1e9f, hi = -1e9f;
  [[nodiscard]] float size() const { return hi - lo; }
};

// The range along `axis` of the points `keep` selects (at least two of them).
template <class Keep>
Range extent(const std::vector<glm::vec3>& points, int axis, Keep keep, const char* what) {
  Range r;
  int n = 0;
  for (const glm::vec3& p : points)
    if (keep(p)) r.lo = std::min(r.lo, p[axis]), r.hi = std::max(r.hi, p[axis]), ++n;
  const std::string name(what);
  CAPTURE(name);
  REQUIRE(n >= 2);
  return r;
}

}  // namespace

// Adult sizes: ANSUR II (Gordon et al. 2014, the US Army's anthropometric survey; means of men
// and of women): head length (glabella to the back of the skull) 197 and 187 mm, head breadth
// 155 and 146 mm, bizygomatic (cheekbone) breadth 142 and 131 mm; the head's height from the
// vertex to the chin (menton) 0.130 of stature (Drillis and Contini 1966), 23 cm for the
// 1.75 m client. Ranges: the two means widened by about 5 %. The egg the body carried until
// session 15 (one ellipsoid and a jaw melted by the trunk's 3.5 cm blend) fails: its chin stood
// 2.1 cm ahead of the throat, and it had no ears (its simplified mesh has no vertex in the band
// in front of them; over wider bands its sides were 2 mm narrower there than in front).
TEST_CASE("the client's head has an adult's sizes and a face's profile: nose, chin over the throat, ears") {
  const std::vector<glm::vec3> head = head_points();
  const float vertex = extent(head, 1, [](const glm::vec3&) { return true; }, "vertex").hi;
  const float length = extent(head, 2, [](const glm::vec3& p) { return p.y > 1.66f && p.y < 1.72f; }, "length").size();
  const float breadth = extent(head, 0, [](const glm::vec3& p) { return p.y > 1.67f && p.y < 1.73f; }, "breadth").size();
  const float cheeks = extent(head, 0, [](const glm::vec3& p) { return p.y > 1.61f && p.y < 1.635f && p.z > 0.02f; }, "cheeks").size();
  // The chin's underside: the lowest point near the midline well in front of the throat.
  const float menton = extent(head, 1, [](const glm::vec3& p) { return std::abs(p.x) < 0.015f && p.z > 0.055f && p.y > 1.48f; }, "menton").lo;
  const float chin = extent(head, 2, [&](const glm::vec3& p) { return std::abs(p.x) < 0.015f && p.y > menton && p.y < menton + 0.02f; }, "chin").hi;
  const float throat = extent(head, 2, [&](const glm::vec3& p) {
    return std::abs(p.x) < 0.03f && p.y > menton - 0.04f && p.y < menton - 0.01f;
  }, "throat").hi;
  const float nose = extent(head, 2, [](const glm::vec3& p) { return std::abs(p.x) < 0.01f && p.y > 1.58f && p.y < 1.65f; }, "nose").hi;
  const float cheek = extent(head, 2, [](const glm::vec3& p) {
    return std::abs(p.x) > 0.035f && std::abs(p.x) < 0.045f && p.y > 1.58f && p.y < 1.65f;
  }, "cheek").hi;
  // Across the ears (just behind the middle of the head) and across the head just in front of them.
  const float ears = extent(head, 0, [](const glm::vec3& p) { return p.y > 1.61f && p.y < 1.645f && p.z > -0.03f && p.z < 0.005f; }, "ears").size();
  const float before_ears = extent(head, 0, [](const glm::vec3& p) { return p.y > 1.61f && p.y < 1.645f && p.z > 0.025f && p.z < 0.045f; }, "before_ears").size();
  MESSAGE("vertex " << vertex << " m, head length " << length << ", breadth " << breadth << ", cheekbones " << cheeks
                    << ", vertex to chin " << vertex - menton << "; nose ahead of the cheeks " << nose - cheek
                    << ", chin ahead of the throat " << chin - throat << ", ears stand out " << 0.5f * (ears - before_ears));
  CHECK(vertex == doctest::Approx(1.75f).epsilon(0.01));
  CHECK(length >= 0.178f);
  CHECK(length <= 0.207f);
  CHECK(breadth >= 0.139f);
  CHECK(breadth <= 0.163f);
  CHECK(breadth / length >= 0.72f);  // the cephalic index of adults, 0.75-0.83 on average
  CHECK(breadth / length <= 0.86f);
  CHECK(cheeks >= 0.124f);
  CHECK(cheeks <= 0.149f);
  CHECK(cheeks < breadth);
  // Vertex to chin 13 % of stature (Drillis-Contini), within 6 %: written as bounds, since
  // doctest::Approx(x).epsilon(e) allows e * (1 + x), here 7.4 cm, not 6 % of 22.75 cm.
  CHECK(vertex - menton >= 0.94f * 0.130f * 1.75f);
  CHECK(vertex - menton <= 1.06f * 0.130f * 1.75f);
  // The profile: the nose's tip stands 2.5-3.5 cm ahead of the cheeks beside it, the chin
  // overhangs the throat (the jaw's underside) and the ears stand out 1-2 cm from the head.
  CHECK(nose - cheek >= 0.02f);
  CHECK(chin - throat >= 0.03f);
  CHECK(0.5f * (ears - before_ears) >= 0.008f);
}

// Prone the face lies in the face hole and the forehead on the table; supine the back of the
// head lies in the pillow over the hole. On the committed meshes as the pose places them.
// Measured every vertex / every 4th (the sanitized pass): the face 29.2 / 28.2 mm into the hole,
// the head outside it 0.8 / 3.4 mm above the top, the head 19.8 / 19.0 mm into the pillow.
TEST_CASE("prone the face lies in the face hole, supine the head lies in its pillow") {
  using anatomy::Table;
  const anatomy::Mesh* head = committed().find("client.head");
  const anatomy::Mesh* top = committed().find("table.top");
  const anatomy::Mesh* pillow = committed().find("table.pillow");
  REQUIRE((head && top && pillow));
  const test::Solid in_top(*top), in_pillow(*pillow);
  auto placed = [](const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); };
  const auto prone = anatomy::client_pose(anatomy::ClientPosture::prone);
  float deepest = 1e9f, resting = 1e9f;
  int inside_top = 0;
  for (std::size_t i = 0; i < head->positions.size(); i += test::kSanitizedStride) {
    const glm::vec3 r = placed(prone.body, head->positions[i]);
    const float hole = std::hypot((r.x - Table::kFaceHoleX) / Table::kFaceHoleHalfLength, r.z / Table::kFaceHoleHalfWidth);
    deepest = std::min(deepest, r.y);
    if (hole > 1.0f) resting = std::min(resting, r.y);
    inside_top += in_top.inside(r) ? 1 : 0;
  }
  MESSAGE("prone: the face " << (Table::kTopY - deepest) * 1000.0f << " mm into the hole, the head outside it "
                             << (resting - Table::kTopY) * 1000.0f << " mm above the top; head vertices in the top " << inside_top);
  CHECK(inside_top == 0);
  CHECK(Table::kTopY - deepest >= 0.02f);  // the nose and the brow within the hole
  CHECK(resting >= Table::kTopY - 0.003f);  // the forehead on the padding, pressed in at most 3 mm
  CHECK(resting <= Table::kTopY + 0.01f);
  CHECK_FALSE(anatomy::client_part_shown("table.pillow", prone));

  for (auto posture : {anatomy::ClientPosture::supine, anatomy::ClientPosture::raised}) {
    CAPTURE(anatomy::client_posture_name(posture));
    const auto pose = anatomy::client_pose(posture);
    CHECK(anatomy::client_part_shown("table.pillow", pose));
    float lowest = 1e9f, pillow_top = -1e9f;
    int inside = 0;
    for (const glm::vec3& p : pillow->positions) pillow_top = std::max(pillow_top, p.y);
    for (std::size_t i = 0; i < head->positions.size(); i += test::kSanitizedStride) {
      const glm::vec3 r = placed(pose.body, head->positions[i]);
      lowest = std::min(lowest, r.y);
      inside += (in_pillow.inside(r) || in_top.inside(r)) ? 1 : 0;
    }
    MESSAGE("the back of the head " << (pillow_top - lowest) * 1000.0f << " mm into the pillow; head vertices inside it " << inside);
    CHECK(inside == 0);
    CHECK(pillow_top - lowest >= 0.005f);  // in its dent, not floating over the pillow
    CHECK(pillow_top - lowest <= 0.03f);
  }
}

// Supine the pillow hides the face hole: every point of the hole's rim, out to where its rounding
// meets the flat top (table_top's 1.2 cm, stretched along the oval), lies inside the pillow just
// above the top, in the forge's description and in the committed mesh. Until session 19 the
// pillow ended at x -0.55 (its rounded edge met the top at -0.58) and the hole's rim reached
// -0.50: the foot-end edge of the hole showed beside the pillow under the neck. Old client.glb:
// 13 of 36 rim points outside the pillow's mesh; now 0 (and 0 outside its field). And the trunk lying on the pillow's
// foot end stays out of it (the pillow is carved round it, as round the head): 0 of its vertices in.
TEST_CASE("supine the pillow covers the face hole's rim, and the trunk stays out of it") {
  using anatomy::Table;
  forge::Field pillow_field;
  for (const forge::ClientPart& part : parts())
    if (part.name == "table.pillow") pillow_field = part.field;
  REQUIRE(pillow_field);
  const anatomy::Mesh* pillow = committed().find("table.pillow");
  const anatomy::Mesh* body = committed().find("client.body");
  REQUIRE((pillow && body));
  const test::Solid in_pillow(*pillow);
  constexpr float kRimRound = 0.012f;  // client_shapes.cpp table_top: the rim's rounding, in distance
  const float reach = 1.0f + kRimRound / Table::kFaceHoleHalfWidth;
  int outside_field = 0, outside_mesh = 0;
  float farthest_x = -1e9f;
  for (int k = 0; k < 36; ++k) {
    const float a = glm::radians(10.0f * static_cast<float>(k));
    const glm::vec3 rim(Table::kFaceHoleX + reach * Table::kFaceHoleHalfLength * std::cos(a), Table::kTopY + 0.002f,
                        reach * Table::kFaceHoleHalfWidth * std::sin(a));
    farthest_x = std::max(farthest_x, rim.x);
    CAPTURE(rim.x);
    CAPTURE(rim.z);
    outside_field += pillow_field(rim) >= 0.0f ? 1 : 0;
    outside_mesh += in_pillow.inside(rim) ? 0 : 1;
  }
  MESSAGE("the hole's rim reaches x " << farthest_x << "; rim points outside the pillow: " << outside_field << " (field), "
                                      << outside_mesh << " (mesh) of 36");
  CHECK(outside_field == 0);
  CHECK(outside_mesh == 0);

  const auto supine = anatomy::client_pose(anatomy::ClientPosture::supine);
  int trunk_inside = 0;
  for (std::size_t i = 0; i < body->positions.size(); i += test::kSanitizedStride) {
    const glm::vec3 r(supine.body * glm::vec4(body->positions[i], 1.0f));
    if (r.x < -0.40f) trunk_inside += in_pillow.inside(r) ? 1 : 0;  // only the shoulders reach the pillow
  }
  MESSAGE("trunk vertices inside the pillow: " << trunk_inside);
  CHECK(trunk_inside == 0);
}

// The neck's seam as drawn: where the trunk's surface goes under the head's neck, the normals the
// two committed meshes draw there (interpolated over each mesh's triangle nearest the seam,
// found on the forge's fields as in the case below) differ by at most 8 degrees, all round the
// neck, so the light does not step there. Until session 19 each part's normals came from its own
// field: up to 20.2 degrees apart, seen close up as a line down the side of the neck and across
// the nape; now each leans toward the other's near the seam (client_shapes.cpp
// client_part_normals): 5.8.
TEST_CASE("the light does not step across the neck's seam") {
  forge::Field body_field, head_field;
  for (const forge::ClientPart& part : parts()) {
    if (part.name == "client.body") body_field = part.field;
    if (part.name == "client.head") head_field = part.field;
  }
  REQUIRE((body_field && head_field));
  const anatomy::Mesh* head = committed().find("client.head");
  const anatomy::Mesh* body = committed().find("client.body");
  REQUIRE((head && body && head->normals.size() == head->positions.size() && body->normals.size() == body->positions.size()));
  auto drawn_normal = [](const anatomy::Mesh& m, const glm::vec3& p) {
    float best = 1e9f;
    glm::vec3 normal(0.0f);
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const std::uint32_t i[3] = {m.indices[t], m.indices[t + 1], m.indices[t + 2]};
      const glm::vec3 w = closest_on_triangle(p, m.positions[i[0]], m.positions[i[1]], m.positions[i[2]]);
      const glm::vec3 q = w.x * m.positions[i[0]] + w.y * m.positions[i[1]] + w.z * m.positions[i[2]];
      if (glm::distance(p, q) < best) best = glm::distance(p, q), normal = w.x * m.normals[i[0]] + w.y * m.normals[i[1]] + w.z * m.normals[i[2]];
    }
    CHECK(best < 0.003f);  // the seam lies on both drawn surfaces, within the meshes' chords
    return glm::normalize(normal);
  };
  float worst = 0.0f;
  int found = 0;
  for (int k = 0; k < 12; ++k) {
    const float a = glm::radians(30.0f * static_cast<float>(k));
    const glm::vec3 out(std::sin(a), 0.0f, std::cos(a));  // 0: the throat, 180: the nape
    for (float y = 1.36f; y < 1.56f; y += 0.001f) {
      const glm::vec3 axis(anatomy::kMidlineX, y, -0.02f);
      float lo = 0.0f, hi = 0.15f;
      for (int i = 0; i < 40; ++i) {
        const float m = 0.5f * (lo + hi);
        (head_field(axis + m * out) < 0.0f ? lo : hi) = m;
      }
      const glm::vec3 seam = axis + lo * out;
      if (body_field(seam) <= 0.0f) continue;  // still under the trunk's surface
      const float angle = glm::degrees(std::acos(std::clamp(glm::dot(drawn_normal(*head, seam), drawn_normal(*body, seam)), -1.0f, 1.0f)));
      CAPTURE(k);
      CAPTURE(angle);
      worst = std::max(worst, angle);
      ++found;
      break;
    }
  }
  MESSAGE("drawn normals either side of the neck's seam differ by up to " << worst << " degrees");
  CHECK(found == 12);
  CHECK(worst <= 8.0f);
}

// The trunk's flare below the seam is lit by its own surface: its drawn normals lean toward the
// neck's only within 2.5 mm of it (client_shapes.cpp client_part_normals). Leaning as far out as
// 2 cm, they turned up to 10 degrees off the trunk's surface where the flare passes under the
// neck, and a camera grazing it drew a dark tick at the throat beside the seam (the renderer lights
// a normal facing away from the eye from behind). On the committed meshes, trunk vertices round
// the neck 4 mm or more outside the head: the drawn normal against the trunk's own gradient. Old
// client.glb: up to 9.9 degrees; now 0.03.
TEST_CASE("the trunk's flare below the neck is shaded as its own surface") {
  forge::Field body_field, head_field;
  for (const forge::ClientPart& part : parts()) {
    if (part.name == "client.body") body_field = part.field;
    if (part.name == "client.head") head_field = part.field;
  }
  REQUIRE((body_field && head_field));
  const anatomy::Mesh* body = committed().find("client.body");
  REQUIRE((body && body->normals.size() == body->positions.size()));
  constexpr float h = 0.0025f;  // the forge's step for the trunk's normals (half its 5 mm voxel)
  float worst = 0.0f;
  int seen = 0;
  for (std::size_t v = 0; v < body->positions.size(); ++v) {
    const glm::vec3 p = body->positions[v];
    if (p.y < 1.42f || glm::length(glm::vec2(p.x - anatomy::kMidlineX, p.z + 0.02f)) > 0.09f) continue;
    const float out_of_head = head_field(p);
    if (out_of_head < 0.004f || out_of_head > 0.02f) continue;
    const glm::vec3 own = glm::normalize(glm::vec3(body_field(p + glm::vec3(h, 0, 0)) - body_field(p - glm::vec3(h, 0, 0)),
                                                   body_field(p + glm::vec3(0, h, 0)) - body_field(p - glm::vec3(0, h, 0)),
                                                   body_field(p + glm::vec3(0, 0, h)) - body_field(p - glm::vec3(0, 0, h))));
    worst = std::max(worst, glm::degrees(std::acos(std::clamp(glm::dot(own, glm::normalize(body->normals[v])), -1.0f, 1.0f))));
    ++seen;
  }
  MESSAGE(seen << " trunk vertices 4-20 mm outside the neck; drawn normals off the trunk's own by up to " << worst << " degrees");
  CHECK(seen > 50);
  CHECK(worst < 1.0f);
}

// Where the head's neck leaves the trunk (two meshes, client.head and client.body): the angle at
// which their surfaces cut each other, all round the neck. Session 15's neck was a tube standing in
// the trunk, a crease all round where the two surfaces met; now the trunk flares into the neck's
// root (body_shape) and the neck leaves the flare at a glancing angle. On the forge's fields.
// Measured (every 30 degrees round the neck): session 15 75 degrees at worst, now 19.2 (14 at
// the sides and the nape, 19 at the throat).
TEST_CASE("the neck leaves the trunk without a crease") {
  forge::Field body, head;
  for (const forge::ClientPart& part : parts()) {
    if (part.name == "client.body") body = part.field;
    if (part.name == "client.head") head = part.field;
  }
  REQUIRE((body && head));
  auto normal = [](const forge::Field& f, const glm::vec3& p) {
    constexpr float h = 0.0005f;
    const glm::vec3 g(f(p + glm::vec3(h, 0, 0)) - f(p - glm::vec3(h, 0, 0)), f(p + glm::vec3(0, h, 0)) - f(p - glm::vec3(0, h, 0)),
                      f(p + glm::vec3(0, 0, h)) - f(p - glm::vec3(0, 0, h)));
    return glm::normalize(g);
  };
  float worst = 0.0f;
  int found = 0;
  for (int k = 0; k < 12; ++k) {
    const float a = glm::radians(30.0f * static_cast<float>(k));
    const glm::vec3 out(std::sin(a), 0.0f, std::cos(a));  // 0: the throat, 180: the nape
    // The head's surface along `out` from the neck's axis at height y (the axis is inside the neck).
    auto neck_surface = [&](float y) {
      const glm::vec3 axis(anatomy::kMidlineX, y, -0.02f);
      REQUIRE(head(axis) < 0.0f);
      float lo = 0.0f, hi = 0.15f;
      for (int i = 0; i < 40; ++i) {
        const float m = 0.5f * (lo + hi);
        (head(axis + m * out) < 0.0f ? lo : hi) = m;
      }
      return axis + lo * out;
    };
    // Going up the neck, the first height where its surface comes out of the trunk's.
    for (float y = 1.36f; y < 1.56f; y += 0.001f) {
      const glm::vec3 p = neck_surface(y);
      if (body(p) <= 0.0f) continue;
      const float angle = glm::degrees(std::acos(std::clamp(glm::dot(normal(head, p), normal(body, p)), -1.0f, 1.0f)));
      CAPTURE(k);
      CAPTURE(y);
      worst = std::max(worst, angle);
      ++found;
      break;
    }
  }
  MESSAGE("the head's and the trunk's surfaces meet round the neck at up to " << worst << " degrees");
  CHECK(found == 12);
  CHECK(worst <= 25.0f);
}

// The ear (session 17): an auricle, not a button. Until then each ear was one flat plate melted
// onto the head, and close up it read as an oval disc with a dark ring; now a rim (the helix)
// runs round its back and its outer face is hollowed inside it (the concha). Measured on the
// left ear: how far out (from the midline) the surface lies at the bowl's centre against the
// rim round it (12-30 mm from that centre). Session 16's ear: the centre 0.7 mm further out than
// anything round it (a dome); now the rim stands 8.8 mm further out than the bowl.
TEST_CASE("each ear has a rim round a hollow, as an auricle does") {
  const std::vector<glm::vec3> head = head_points();
  const glm::vec2 bowl(1.6221f, -0.0046f);  // (y, z) of the concha's centre (client_shapes.cpp head_shapes)
  const auto around = [&](float lo, float hi) {
    return [&, lo, hi](const glm::vec3& p) {
      const float r = glm::length(glm::vec2(p.y, p.z) - bowl);
      return p.x > 0.06f && r >= lo && r < hi;
    };
  };
  const float centre = extent(head, 0, around(0.0f, 0.005f), "bowl").hi;
  const float rim = extent(head, 0, around(0.012f, 0.03f), "rim").hi;
  MESSAGE("the ear's rim stands " << (rim - centre) * 1000.0f << " mm further out than its bowl");
  CHECK(rim - centre >= 0.003f);
}
