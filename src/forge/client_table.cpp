#include "forge/client_table.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "forge/client_shape_tools.hpp"

namespace effleura::forge {
namespace {

using anatomy::Table;
using namespace client_shape;

// The table's upholstery a deep plum that no highlight or layer uses; its frame light wood.
constexpr glm::vec3 kUpholstery{0.40f, 0.24f, 0.27f};
constexpr glm::vec3 kWood{0.62f, 0.47f, 0.33f};
// The pillow's ends along the table (room x; the table's head end at -0.875) and how far its
// bottom sits into the padding: pillow().
constexpr float kPillowHeadX = -0.85f, kPillowFootX = -0.48f, kPillowSink = 0.01f;

// The table: a padded top with rounded edges and an oval face hole, on four legs joined by an
// apron. Room frame.
float table_top(const glm::vec3& p) {
  const float top = rounded_box(p, {0.0f, Table::kTopY - 0.5f * Table::kThickness, 0.0f},
                                {0.5f * Table::kLength, 0.5f * Table::kThickness, 0.5f * Table::kWidth}, 0.025f);
  // The face hole: an oval 19 cm along the table and 11 cm across (anatomy::Table), its rim rounded.
  const glm::vec2 q((p.x - Table::kFaceHoleX) / Table::kFaceHoleHalfLength, p.z / Table::kFaceHoleHalfWidth);
  const float hole = (glm::length(q) - 1.0f) * Table::kFaceHoleHalfWidth;
  return -smooth_min(-top, hole, 0.012f);
}

float table_frame(const glm::vec3& p) {
  float d = rounded_box(p, {0.0f, Table::kTopY - Table::kThickness - 0.045f, 0.0f},
                        {0.5f * Table::kLength - 0.06f, 0.045f, 0.5f * Table::kWidth - 0.05f}, 0.01f);
  for (float sx : {-1.0f, 1.0f})
    for (float sz : {-1.0f, 1.0f}) {
      const glm::vec2 c(sx * (0.5f * Table::kLength - 0.09f), sz * (0.5f * Table::kWidth - 0.08f));
      // A round-ended post from the floor to the apron.
      const float below = std::clamp(p.y, 0.028f, Table::kTopY - Table::kThickness);
      const float leg = glm::length(glm::vec3(p.x - c.x, p.y - below, p.z - c.y)) - 0.028f;
      d = smooth_min(d, leg, 0.015f);
    }
  return d;
}

// A half-round bolster across the table, its axis on the table top at room x, touching the
// skin at the leg-frame point `touch` of the pose.
ClientPart bolster(const std::string& name, const glm::mat4& leg_to_room, const glm::vec3& touch) {
  const glm::vec3 t(leg_to_room * glm::vec4(touch, 1.0f));
  const float r = t.y - Table::kTopY + 0.005f;
  auto shape = std::make_shared<Shape>();
  shape->chains = {chain({{{t.x, Table::kTopY, -0.28f}, r}, {{t.x, Table::kTopY, 0.28f}, r}})};
  return {name, [shape](const glm::vec3& p) { return shape->distance(p); }, box_of(*shape, 0.03f), 0.006f, 800,
          kUpholstery * 1.15f};
}

// The pillow under the head lying supine, over the face hole: the body lies 4 cm lower supine
// than prone (anatomy::client_pose lying: the buttocks, not the chest, on the table), so the back
// of the head would float 5 cm above the top. A soft cushion 7.5 cm thick, from the table's
// head end to under the neck, with the head's own dent 1.5 cm deep (the head and the trunk, 2 mm
// off, carved out of it: the head lies in the pillow, not on its flat top).
// It covers the face hole with room to spare (kPillowFootX): the hole reaches x -0.52 and its
// rounded rim about 2 cm further, and the pillow's own rounded edge meets the table short of its
// end; until session 19 it ended at -0.55, and the hole's foot-end rim showed beside it under the
// neck. Its bottom sits 1 cm into the padding (hidden) so it meets the top nearly at its full
// length, as a cushion pressed flat does, not on a rounded edge with a slot under it.
ClientPart pillow(const Field& client) {
  const glm::mat4 to_body = glm::inverse(anatomy::client_pose(anatomy::ClientPosture::supine).body);
  const glm::vec3 centre(0.5f * (kPillowHeadX + kPillowFootX), Table::kTopY + 0.0375f - 0.5f * kPillowSink, 0.0f);
  const glm::vec3 half(0.5f * (kPillowFootX - kPillowHeadX), 0.0375f + 0.5f * kPillowSink, 0.22f);
  auto field = [to_body, centre, half, client](const glm::vec3& p) {
    const float cushion = rounded_box(p, centre, half, 0.03f);
    const glm::vec3 b(to_body * glm::vec4(p, 1.0f));
    const float in_client = client(b) - 0.002f;
    return smooth_max(cushion, -in_client, 0.01f);
  };
  Box box{centre - half - glm::vec3(0.02f), centre + half + glm::vec3(0.02f)};
  return {"table.pillow", field, box, 0.005f, 1500, kUpholstery * 1.15f};
}

// The foam wedge of the raised posture: its top face along the back of the raised legs (the
// calves pressed 8 mm into it), from where that face meets the table to the heels.
// kWedgeHalfWidth across the table, under both legs (their outer sides 0.18 m from the midline,
// the other leg's sheet 0.19 m) and clear of the arms: the hands rest on the table beside the
// thighs, 0.27-0.30 m out (client_shapes.cpp arm_shape, client_pose.cpp kArmsSupineDeg). Until session
// 28 it was 0.60 m wide, the table's width less 5 cm each side, and the forearms and hands lay
// inside it: the fingers came out of its slope near its toe from the default camera, and 169 and
// 166 of the arms' 402 vertices each lay in it (tests/unit/forge_client_wedge_test.cpp).
constexpr float kWedgeHalfWidth = 0.22f;

ClientPart wedge() {
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::raised);
  const glm::vec3 heel(pose.left_leg * glm::vec4(-0.02f, 0.02f, -0.078f, 1.0f));
  const glm::vec3 thigh(pose.left_leg * glm::vec4(-0.02f, 0.75f, -0.078f, 1.0f));
  const glm::vec2 along = glm::normalize(glm::vec2(heel - thigh));
  glm::vec2 up(-along.y, along.x);
  if (up.y < 0.0f) up = -up;
  const glm::vec2 h(heel);
  auto field = [h, up](const glm::vec3& p) {
    const float below_top = glm::dot(glm::vec2(p) - h, up);
    const float above_table = Table::kTopY - p.y;
    const float before_end = p.x - (h.x + 0.03f);
    const float across = std::abs(p.z) - kWedgeHalfWidth;
    return smooth_max(smooth_max(below_top, above_table, 0.02f), smooth_max(before_end, across, 0.02f), 0.02f);
  };
  Box box{{thigh.x - 0.8f, Table::kTopY - 0.05f, -0.35f}, {h.x + 0.08f, h.y + 0.08f, 0.35f}};
  return {"table.wedge", field, box, 0.008f, 600, kUpholstery * 1.15f};
}

}  // namespace

std::vector<ClientPart> table_parts(const Field& client) {
  std::vector<ClientPart> parts;
  parts.push_back({"table.top", table_top,
                   Box{{-0.5f * Table::kLength - 0.03f, Table::kTopY - Table::kThickness - 0.03f, -0.5f * Table::kWidth - 0.03f},
                       {0.5f * Table::kLength + 0.03f, Table::kTopY + 0.03f, 0.5f * Table::kWidth + 0.03f}},
                   0.008f, 1500, kUpholstery});
  parts.push_back({"table.frame", table_frame,
                   Box{{-0.5f * Table::kLength, -0.02f, -0.5f * Table::kWidth}, {0.5f * Table::kLength, Table::kTopY, 0.5f * Table::kWidth}},
                   0.008f, 1200, kWood});
  parts.push_back(bolster("table.bolster-knees", anatomy::client_pose(anatomy::ClientPosture::supine).left_leg,
                          {-0.02f, 0.47f, -0.07f}));
  parts.push_back(bolster("table.bolster-ankles", anatomy::client_pose(anatomy::ClientPosture::prone).left_leg,
                          {-0.02f, 0.20f, 0.035f}));
  parts.push_back(wedge());
  parts.push_back(pillow(client));
  return parts;
}

}  // namespace effleura::forge
