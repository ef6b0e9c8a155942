#include "forge/client_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/client_pose_bends.hpp"
#include "forge/client_shape_tools.hpp"
#include "forge/client_table.hpp"
#include "forge/mesh_tools.hpp"

namespace effleura::forge {
namespace {

using anatomy::kMidlineX;
using namespace client_shape;

// Colours: the body's skin as the leg's (renderer's skin layer), so the join does not show;
// a white cotton sheet (the table's in forge/client_table.cpp).
constexpr glm::vec3 kSkin{0.87f, 0.70f, 0.60f};
constexpr glm::vec3 kSheet{0.92f, 0.91f, 0.87f};

constexpr float kSheetGap = 0.008f;  // how far a drape stands off the body beneath: a thin sheet
constexpr float kHemGap = 0.002f, kHemTaper = 0.04f;  // the hip drape's hem: see hip_drape_distance
// The other leg's mesh, finer than the rest of the client since its foot is the massaged leg's
// (meshed at 2.5 mm, content/anatomy/skin.toml): at 4 mm and 3,000 triangles the mirrored toes
// were blocky and its sole faceted in toe taps' camera (notes/s21 client-shots/tt-crop-a-b.png);
// at 3 mm and 5,000 (6,514 with client_part_seam's splits) they read as the worked foot's.
constexpr float kRightLegVoxel = 0.003f;
constexpr std::size_t kRightLegTriangles = 5000;
// Over how much distance the trunk's and the head's fields blend for the normals of both
// (client_part_normals: the neck's seam).
constexpr float kNeckShadeBlend = 0.02f;
// How far out from the head's neck the trunk's own surface still leans its normals (the flare a
// student sees below the seam): client_part_normals.
constexpr float kTrunkShadeReach = 0.0025f;
// Over how much distance the sheet over the other leg takes its normals (leg_sheet_normals).
constexpr float kDrapeShadeStep = 0.045f;

// The neck's axis where it leaves the trunk and halfway up (head_shapes' neck chain), and the top
// of its root in the trunk (body_shape) a little above the trunk, kNeckRootGap inside the neck.
const glm::vec3 kNeckBase = mid(0.0f, 1.40f, -0.025f), kNeckMid = mid(0.0f, 1.50f, -0.015f), kNeckTop = mid(0.0f, 1.58f, -0.02f);
constexpr float kNeckBaseR = 0.062f, kNeckMidR = 0.056f, kNeckTopR = 0.05f;
const glm::vec3 kNeckRootTop = mid(0.0f, 1.53f, -0.0169f);
constexpr float kNeckRootTopR = 0.05375f, kNeckRootGap = 0.002f;

// Pelvis, trunk and shoulders, with the trapezius sloping from the neck's base to each
// shoulder. The left half of the pelvis lies inside the detailed leg, which has its own buttock
// and hip. The head and neck are their own part (head_shapes).
// The neck's root is the body's too, 2 mm inside the head's neck, so the trunk's 3.5 cm blend
// flares into it and the head's neck leaves the flare at a glancing angle: the head's neck
// alone stood in the trunk as a tube in a plate, a crease all round where the two surfaces cut
// each other (and its lower end showed as a lump under the trapezius from behind). The root
// ends 5 cm up: up to the neck's middle, the flare reached the jaw and the neck looked short.
Shape body_shape() {
  Shape s;
  s.blend = 0.035f;
  s.ellipsoids = {
      ellipsoid(mid(0.0f, 0.97f, -0.015f), {0.175f, 0.13f, 0.12f}),     // pelvis
      ellipsoid(mid(-0.085f, 0.905f, -0.065f), {0.105f, 0.10f, 0.095f}),  // right buttock
      ellipsoid(mid(0.0f, 1.13f, 0.0f), {0.15f, 0.13f, 0.105f}),         // waist and belly
      ellipsoid(mid(0.0f, 1.30f, 0.0f), {0.165f, 0.15f, 0.115f}),        // chest
  };
  s.chains = {
      chain({{mid(-0.17f, 1.42f, -0.015f), 0.055f}, {mid(0.0f, 1.425f, -0.02f), 0.065f}, {mid(0.17f, 1.42f, -0.015f), 0.055f}}),
      // The trapezius, from inside the neck (the head's part) down to each shoulder.
      chain({{mid(-0.015f, 1.49f, -0.035f), 0.028f}, {mid(-0.15f, 1.44f, -0.025f), 0.033f}}),
      chain({{mid(0.015f, 1.49f, -0.035f), 0.028f}, {mid(0.15f, 1.44f, -0.025f), 0.033f}}),
      chain({{kNeckBase, kNeckBaseR - kNeckRootGap}, {kNeckRootTop, kNeckRootTopR - kNeckRootGap}}),  // the neck's root
  };
  return s;
}

// The head and neck (client.head), meshed finer than the trunk (3 mm). An adult's sizes
// (tests/unit/forge_client_head_test.cpp; ANSUR II, Gordon et al. 2014): head length (brow to
// the back) 20 cm, breadth 14.5 cm, cheekbones 13.5 cm; the chin 23.5 cm below the vertex
// (0.130 H, Drillis and Contini 1966). In profile the ear lies over the shoulder (the plumb line
// through the ear and the acromion). Smooth masses only, nothing that needs a texture (no eyes,
// lips or hair).
// Two groups of masses, each melted with its own blend, then joined. The broad masses (the
// cranial vault, the forehead, the midface, the cheekbones, the upper jaw and mouth, the cheeks
// over the masseters, the lower jaw from each angle to the chin, the neck) melt over 3 cm, so
// cheek, jaw and chin pass into each other as an adult's do: session 15 melted every mass over
// 1.6 cm, and close up the cheekbones stood out as knobs and the jaw as a strap along the face
// (looked at, notes/s16 client-shots/head-*-before.png). The small features (the brows, the
// nose, the mouth's fullness, the chin's point) melt over 1.2 cm and join the masses
// over 1 cm, so they keep their edges (over 3 cm the nose and the ears melted away; without the
// mouth and the chin, and with the jaw as wide as the cheekbones, the lower face seen supine
// from below read as one broad slab). Two shallow hollows under the brows, the
// orbits, rounded over 1.8 cm: without them the face read as a mask's blank front.
// Front to back it is placed for the table: prone the forehead rests on the face hole's
// head-end rim (the body's front lies on the top at z +0.105, anatomy::client_pose lying), the
// brow, nose, mouth and chin within the hole; supine the body lies 4 cm lower (its back on the
// table), so the back of the head rests in a pillow over the hole (table.pillow).
struct HeadShapes {
  Shape masses, neck, features, ears;
  std::vector<Ellipsoid> orbits;
  static constexpr float kNeckJoin = 0.016f, kJoin = 0.010f, kOrbitRound = 0.018f, kEarJoin = 0.005f;

  [[nodiscard]] float distance(const glm::vec3& p) const {
    float d = smooth_min(smooth_min(masses.distance(p), neck.distance(p), kNeckJoin), features.distance(p), kJoin);
    d = smooth_min(d, ears.distance(p), kEarJoin);
    for (const Ellipsoid& o : orbits) d = smooth_max(d, -ellipsoid_distance(o, p), kOrbitRound);
    return d;
  }
  [[nodiscard]] Box bounds() const {
    Box b = masses.bounds();
    for (const Shape* s : {&neck, &features, &ears}) {
      const Box f = s->bounds();
      b.grow(f.min, 0.0f);
      b.grow(f.max, 0.0f);
    }
    b.grow(b.min, masses.blend);
    b.grow(b.max, masses.blend);
    return b;
  }
};

HeadShapes head_shapes() {
  HeadShapes h;
  h.masses.blend = 0.03f;
  h.masses.ellipsoids = {
      ellipsoid(mid(0.0f, 1.66f, 0.0f), {0.075f, 0.09f, 0.09f}),         // cranial vault: top 1.75, back -0.09
      ellipsoid(mid(0.0f, 1.68f, 0.05f), {0.062f, 0.062f, 0.06f}),        // forehead
      ellipsoid(mid(0.0f, 1.612f, 0.042f), {0.06f, 0.058f, 0.058f}),      // the midface, brow to upper lip
      ellipsoid(mid(0.038f, 1.625f, 0.05f), {0.021f, 0.018f, 0.036f}),    // cheekbones, flat and long
      ellipsoid(mid(-0.038f, 1.625f, 0.05f), {0.021f, 0.018f, 0.036f}),
      ellipsoid(mid(0.0f, 1.575f, 0.048f), {0.044f, 0.036f, 0.044f}),     // the upper jaw and the mouth
      ellipsoid(mid(0.036f, 1.59f, 0.025f), {0.02f, 0.033f, 0.03f}),      // the cheeks over the masseters
      ellipsoid(mid(-0.036f, 1.59f, 0.025f), {0.02f, 0.033f, 0.03f}),
  };
  h.masses.chains = {
      // The lower jaw: from below each ear down the ramus to the angle, then forward to the chin.
      chain({{mid(0.044f, 1.61f, -0.01f), 0.013f}, {mid(0.041f, 1.57f, 0.0f), 0.015f}, {mid(0.026f, 1.55f, 0.05f), 0.014f},
             {mid(0.0f, 1.545f, 0.07f), 0.016f}}),
      chain({{mid(-0.044f, 1.61f, -0.01f), 0.013f}, {mid(-0.041f, 1.57f, 0.0f), 0.015f}, {mid(-0.026f, 1.55f, 0.05f), 0.014f},
             {mid(0.0f, 1.545f, 0.07f), 0.016f}}),
  };
  // The neck, from inside the trunk up behind the jaw into the skull (body_shape's neck root lies
  // inside it), its own shape joined over 1.6 cm: melted with the face's masses over 3 cm it
  // filled the angle under the chin.
  h.neck.chains = {chain({{kNeckBase, kNeckBaseR}, {kNeckMid, kNeckMidR}, {kNeckTop, kNeckTopR}})};
  h.features.blend = 0.012f;
  h.features.ellipsoids = {
      ellipsoid(mid(0.024f, 1.657f, 0.092f), {0.026f, 0.01f, 0.013f}, {0.0f, 0.0f, -8.0f}),  // brows, meeting over the nose
      ellipsoid(mid(-0.024f, 1.657f, 0.092f), {0.026f, 0.01f, 0.013f}, {0.0f, 0.0f, 8.0f}),
      ellipsoid(mid(0.0f, 1.601f, 0.11f), {0.017f, 0.009f, 0.011f}),                         // the nose's wings
      ellipsoid(mid(0.0f, 1.574f, 0.088f), {0.022f, 0.011f, 0.012f}),                        // the mouth's fullness
      ellipsoid(mid(0.0f, 1.538f, 0.084f), {0.018f, 0.015f, 0.012f}),                        // the chin's point
  };
  // The ears (session 17): plates melted with the brows and nose over 1 cm read close up as flat
  // oval buttons with a dark ring (notes/s17 client-shots/review/neck-crop.png). An auricle is a
  // plate 6 cm tall and 3.5 cm front to back, attached along its front edge, its back edge
  // standing out from the head (about 25 degrees), its outer face hollowed into a bowl (the
  // concha) inside a rim; joined over 5 mm, so a crease stays behind it as behind a real ear.
  h.ears.blend = 0.004f;
  for (float side : {1.0f, -1.0f}) {
    // The ear's own frame: `up` along it (tilted back 12 degrees), `back` across it (turned out
    // 25 degrees at the back), `out` its outer face's normal; from its centre.
    const glm::vec3 centre = mid(side * 0.079f, 1.625f, -0.007f);
    const float tilt = glm::radians(12.0f), yaw = glm::radians(25.0f);
    const glm::vec3 up(0.0f, std::cos(tilt), -std::sin(tilt));
    const glm::vec3 back = glm::normalize(glm::vec3(side * std::sin(yaw), 0.0f, -std::cos(yaw)));
    const glm::vec3 out = glm::normalize(glm::cross(side > 0.0f ? back : up, side > 0.0f ? up : back));
    const auto at = [&](float u, float v, float w) { return centre + u * up + v * back + w * out; };
    // The plate, and the rim (helix) round its back from the top front to the lobe.
    h.ears.ellipsoids.push_back(ellipsoid(centre, {0.0045f, 0.027f, 0.015f}, {-12.0f, -side * 25.0f, 0.0f}));
    std::vector<ChainPoint> rim;
    for (int i = 0; i <= 8; ++i) {
      const float a = glm::radians(110.0f - 27.5f * static_cast<float>(i));  // 110 .. -110 degrees
      rim.push_back({at(0.026f * std::sin(a), 0.015f * std::cos(a) - 0.001f, 0.003f), i == 8 ? 0.0055f : 0.0035f});
    }
    Chain helix;
    helix.points = rim;
    index_chain(helix);
    h.ears.chains.push_back(helix);
    // The bowl inside the rim, in front of the middle and a little low.
    h.ears.carves.push_back(ellipsoid(at(-0.003f, -0.002f, 0.0065f), {0.0055f, 0.012f, 0.0085f}, {-12.0f, -side * 25.0f, 0.0f}));
  }
  h.features.chains = {chain({{mid(0.0f, 1.648f, 0.104f), 0.007f}, {mid(0.0f, 1.607f, 0.124f), 0.01f}})};  // nose
  h.orbits = {ellipsoid(mid(0.032f, 1.636f, 0.104f), {0.02f, 0.012f, 0.012f}),
              ellipsoid(mid(-0.032f, 1.636f, 0.104f), {0.02f, 0.012f, 0.012f})};
  return h;
}

const HeadShapes& head() {
  static const HeadShapes h = head_shapes();
  return h;
}

// Arms by the sides, a little away from the trunk and the thighs, elbows nearly straight, palms
// toward the thighs. One pose for every posture: the pose turns them about the shoulders
// (anatomy::ClientPose::arms) so that prone and supine the hands rest on the table and sitting
// they rest beside the thighs, and while the client rolls over they turn with it, without a
// jump. One mesh an arm (side +1 the client's left): walking, each swings opposite its own leg
// (anatomy::walking_pose).
// Proportions of a 1.75 m adult (Drillis and Contini 1966, segment lengths as fractions of
// stature H; tests/unit/forge_client_proportions_test.cpp): elbow 0.630 H (1.10 m), wrist 0.485 H
// (0.85 m), fingertip 0.377 H (0.66 m), so the hand is 0.108 H (19 cm) long; its breadth across
// the knuckles ~8.5 cm. The upper arm is widest at the deltoid, the forearm just below the elbow
// (its muscles) and narrowest at the wrist (girths ~30, ~27 and ~17 cm).
Shape arm_shape(float side) {
  Shape s;
  s.blend = 0.02f;
  s.chains.push_back(chain({{mid(side * 0.19f, anatomy::kShoulderY, anatomy::kShoulderZ), 0.052f},
                            {mid(side * 0.215f, 1.30f, -0.01f), 0.047f},
                            {mid(side * 0.24f, 1.12f, -0.014f), 0.037f},
                            {mid(side * 0.25f, 1.04f, -0.012f), 0.041f},
                            {mid(side * 0.275f, 0.855f, -0.005f), 0.026f}}));
  // The hand, flat toward the thigh: the palm, the fingers together (a little narrower and
  // thinner), and the thumb along the hand's front edge.
  s.ellipsoids.push_back(ellipsoid(mid(side * 0.282f, 0.80f, 0.0f), {0.016f, 0.058f, 0.042f}));
  s.ellipsoids.push_back(ellipsoid(mid(side * 0.286f, 0.712f, 0.002f), {0.011f, 0.05f, 0.037f}));
  s.chains.push_back(chain({{mid(side * 0.276f, 0.83f, 0.03f), 0.013f}, {mid(side * 0.279f, 0.765f, 0.05f), 0.0095f}}));
  return s;
}

// The top of the other thigh, where the other leg (forge/client_other_leg.hpp, the massaged
// leg's skin mirrored) passes into the hip: the thigh of session 20's smooth leg, mirrored across
// the midline from the massaged one (hip 0.91 m up a 1.75 m client), which the hip drape covers
// (hip_cover_shape) and the walking fold was tuned on (client_part_seam). Its lower cones only
// shape the mix down to 0.72 m.
Shape right_thigh_shape() {
  Shape s;
  s.blend = 0.02f;
  const float x = 2.0f * kMidlineX;  // the left leg's axis (x ~ 0) mirrored
  s.chains = {chain({{{x, 0.93f, -0.02f}, 0.095f},
                     {{x + 0.002f, 0.78f, -0.005f}, 0.085f},
                     {{x + 0.008f, 0.64f, 0.0f}, 0.072f},
                     {{x + 0.014f, 0.55f, -0.003f}, 0.06f}})};
  return s;
}

// What the hip drape covers: the body's own pelvis, buttock, waist and chest (body_shape's
// ellipsoids, so the sheet follows the body rather than standing round it as a shell), the top
// of the left thigh (an ellipsoid enclosing the detailed leg's skin from 0.95 m to its cut at
// 1.035 m) and of the right one.
Shape hip_cover_shape() {
  Shape s;
  s.blend = 0.035f;  // the body's own: a sheet lies over the hollows it would bridge only a little
  s.ellipsoids = {
      ellipsoid(mid(0.0f, 0.97f, -0.015f), {0.175f, 0.13f, 0.12f}),
      ellipsoid(mid(-0.085f, 0.905f, -0.065f), {0.105f, 0.10f, 0.095f}),
      ellipsoid({0.017f, 0.96f, -0.022f}, {0.115f, 0.13f, 0.14f}),
      ellipsoid({-0.035f, 1.0f, -0.07f}, {0.095f, 0.095f, 0.095f}),  // the top of the leg's buttock, cut at ~1.05 m
      ellipsoid(mid(0.0f, 1.13f, 0.0f), {0.15f, 0.13f, 0.105f}),
      ellipsoid(mid(0.0f, 1.30f, 0.0f), {0.165f, 0.15f, 0.115f}),
  };
  s.chains = {chain({{{2.0f * kMidlineX, 0.93f, -0.02f}, 0.095f}, {{2.0f * kMidlineX + 0.002f, 0.80f, -0.005f}, 0.087f}})};
  return s;
}

const Shape& hip_cover() {
  static const Shape s = hip_cover_shape();
  return s;
}

float hip_edge(const glm::vec3& p) {
  // Below the drape's lower edge: on the left thigh at 0.95 m (above the highest stroke, 0.90 m),
  // dipping to 0.84 m next to the midline to cover the inner cut down to the crotch (0.835 m),
  // the dip eased in and out (a smoothstep: no corner in the sheet's edge).
  const float x = p.x - kMidlineX;
  const float t = std::clamp((x - 0.012f) / 0.04f, 0.0f, 1.0f);
  const float edge = 0.84f + 0.11f * t * t * (3.0f - 2.0f * t);
  // Divided by the dip's steepest slope (1.5 x 0.11 / 0.04) within 5 cm of it, so the field never
  // overstates the distance (the mesher skips blocks the field says are far from the surface),
  // and by 1 from 5 cm beyond it: the true distance on the outer thigh. It was divided by the
  // steepest slope everywhere, which there made the field 2.9 times too small, so the sheet's
  // rounding (smooth_max's 1 cm) ran 3 cm down the thigh: the sheet's rim met the skin at a
  // shallow slant and showed as a jagged line where it crossed it.
  constexpr float kSlope = 1.5f * 0.11f / 0.04f;
  const float beyond = std::max({0.012f - x, x - 0.052f, 0.0f});
  const float near_dip = std::clamp(1.0f - beyond / 0.05f, 0.0f, 1.0f);
  // Behind the other (right) hip the edge comes down kButtockDip more, over the lower buttock:
  // on the table the sheet over that leg hugs the thigh, and the buttock's lowest 2.5 cm (0.816
  // to 0.843 m, 3-14 cm behind the hip's axis) bulged out between it and this hem, a band of bare
  // skin between the two sheets prone (notes/s28 client-shots/prone-back-right-buttock-band-*).
  // Eased in across the side of the buttock (z -3 to -7 cm) and toward the midline (within 4 cm
  // of it, where the left thigh's rise begins), each a smoothstep of slope at most kBackSlope.
  constexpr float kButtockDip = 0.035f, kBackSlope = 1.5f * kButtockDip / 0.04f;
  const float back = std::clamp((-0.03f - p.z) / 0.04f, 0.0f, 1.0f), right = std::clamp((0.012f - x) / 0.04f, 0.0f, 1.0f);
  const float dip = kButtockDip * back * back * (3.0f - 2.0f * back) * right * right * (3.0f - 2.0f * right);
  const float near_back = std::clamp(1.0f - std::max({x - 0.012f, p.z + 0.03f, 0.0f}) / 0.05f, 0.0f, 1.0f);
  const float slope = near_dip * kSlope + near_back * 1.415f * kBackSlope;  // the product of two smoothsteps: at most sqrt(2) x either
  return (edge - dip - p.y) / std::sqrt(1.0f + slope * slope);
}

// The sheet over the other leg ends in a flat cut at each end, kLegSheetHem above the floor
// (just above the ankle) and kLegSheetTop (under the hip drape), each edge rounded over
// kLegSheetRound.
constexpr float kLegSheetHem = 0.14f, kLegSheetTop = 1.0f, kLegSheetRound = 0.01f;
float leg_sheet_ends(const glm::vec3& p) { return smooth_max(p.y - kLegSheetTop, kLegSheetHem - p.y, kLegSheetRound); }
// The sheet along the leg, without its ends: kSheetGap off the other leg.
float leg_sheet_side(const Shape& thigh, const OtherLeg& leg, const glm::vec3& p) { return right_leg_distance(thigh, leg, p) - kSheetGap; }

// The sheet over the other leg lies 8 mm off the massaged leg's skin, mirrored, whose muscles'
// furrows it keeps in part: lit by its own field's gradient over half a voxel it showed every
// small hollow as a crumple and every triangle as a facet (notes/s22 client-shots/
// a1/front-4000-crop.png). A sheet drapes over such detail: along the leg its normals are the
// gradient of `along` (leg_sheet_side: the sheet without its ends) over kDrapeShadeStep, which keeps the knee
// and the calf and smooths what is smaller. Over 2 cm (session 22) the furrows between the
// thigh's and the calf's muscles still showed as dents near the camera (notes/s23 client-shots/
// sheet-*.png); over 4.5 cm they are gone. Smoothing the mesh itself (Taubin, 30 and 80 passes,
// kept 4 mm off the skin) changed little: the furrows lie under the sheet's 8 mm, so its bulges
// stay (session 23, reverted).
// The ends are not smoothed: each vertex mixes the two gradients as smooth_max mixes the two
// distances at it (weights 1 - h/2 and h/2), so the side turns into the flat cut over the
// rounding's 1 cm, as the surface does. Until session 25 the whole field's gradient was taken
// over 4.5 cm, which within 4.5 cm of the hem took in the cut below and leaned the side's normals
// down, up to 42 degrees off the surface: model.frag lights the side of a normal it sees, so
// where a leaning normal turned away from a camera above (sitting, the front view) the hem's
// outer side lit bright white triangle by triangle (notes/s24 client-shots/
// sitting-front-other-leg-1920.png; tests/unit/forge_client_leg_sheet_test.cpp).
NormalField leg_sheet_normals(Field along) {
  return [along = std::move(along)](const glm::vec3& p) {
    const glm::vec3 g = central_difference(along, p, kDrapeShadeStep);
    const glm::vec3 side = glm::length(g) > 1e-12f ? glm::normalize(g) : glm::vec3(0, 1, 0);
    const glm::vec3 end(0.0f, p.y > 0.5f * (kLegSheetHem + kLegSheetTop) ? 1.0f : -1.0f, 0.0f);
    const float a = along(p), b = leg_sheet_ends(p);
    const float share = 0.5f * std::max(kLegSheetRound - std::abs(a - b), 0.0f) / kLegSheetRound;  // of the smaller
    const glm::vec3 n = a > b ? (1.0f - share) * side + share * end : share * side + (1.0f - share) * end;
    return glm::length(n) > 1e-12f ? glm::normalize(n) : side;
  };
}

}  // namespace

namespace {

// The hip drape's sheet without its cut at the hem: the body's own shape grown by the sheet's
// gap. The hem lies on the skin: over the last kHemTaper above the edge the sheet comes in from
// kSheetGap to kHemGap off the body. Standing 8 mm off to its edge, the sheet's cut edge was an
// 8 mm band facing down, unseen standing, but walking the fold tilted it toward a camera behind
// the client: a thin dark strip along the sheet's edge over the swung buttock.
float hip_sheet(const glm::vec3& p) {
  const float above_edge = std::clamp(-hip_edge(p) / kHemTaper, 0.0f, 1.0f);
  const float gap = kHemGap + (kSheetGap - kHemGap) * above_edge * above_edge * (3.0f - 2.0f * above_edge);
  return hip_cover().distance(p) - gap;
}
constexpr float kArmpitsY = 1.38f, kHipDrapeRound = 0.01f;

// The hip drape's drawn normals: its sheet's side's, also on the cut at the hem and the rim
// rounded into it. The cut is the grown body sliced through: a flat band facing down between
// the sheet's outer surface and the skin, 2-3 mm wide over the other thigh and 1.3-3.5 cm over
// the massaged one (the ellipsoid the sheet is grown from stands that far off the leg's skin at
// 0.95 m). Lit by its own gradient, straight down, it drew a thin dark band along the sheet's
// edge from behind, standing and walking, wherever a camera below the hem saw it (notes/s29
// client-shots/standing-back-*; tests/unit/forge_client_hem_test.cpp). Lit as the side, it
// reads as the sheet's edge turned under, as a loose hem is. Cameras above the hem never see
// the cut, and the side is lit as before (smooth_max gives the side exactly beyond the rim).
NormalField hip_drape_normals(float step) {
  return [step](const glm::vec3& p) {
    const glm::vec3 g = central_difference([](const glm::vec3& q) { return smooth_max(hip_sheet(q), q.y - kArmpitsY, kHipDrapeRound); }, p, step);
    return glm::length(g) > 1e-12f ? glm::normalize(g) : glm::vec3(0, 1, 0);
  };
}

}  // namespace

float hip_drape_distance(const glm::vec3& p) {
  return smooth_max(hip_sheet(p), smooth_max(p.y - kArmpitsY, hip_edge(p), kHipDrapeRound), kHipDrapeRound);
}

NormalField client_part_normals(std::string_view name, Field own, float step, const OtherLeg& leg) {
  if (name == "drape.hips") return hip_drape_normals(step);
  if (name == "drape.leg-right") {
    auto thigh = std::make_shared<Shape>(right_thigh_shape());
    return leg_sheet_normals([thigh, &leg](const glm::vec3& p) { return leg_sheet_side(*thigh, leg, p); });
  }
  // The neck's seam: where the trunk's flare goes under the head's neck the two surfaces meet at
  // 14-19 degrees (forge_client_head_test), and with each part's normals from its own field the
  // light stepped there: a faint line down the side of the neck close up (session 18's note).
  // Near the seam each of the two parts' normals leans toward the other's field's, by half at
  // the seam (the two fields equal), by nothing where they differ by kNeckShadeBlend or more, so
  // along the seam both draw the same normal. Only where the two gradients agree (within ~40
  // degrees): under the chin the trunk's flare faces up toward the jaw's underside, and a
  // normal half of each there drew a dark notch at the throat. The other's field for the head
  // is the trunk's shape: the cuts client_parts makes in it at the groin and crotch lie far below.
  // Outside the neck the trunk leans only within kTrunkShadeReach of it (the head within
  // kNeckShadeBlend of the trunk, as before). Leaning over 2 cm, where the flare passes under the
  // neck about 45 degrees either side of the throat, the trunk's normals turned up to 10 degrees
  // off its own surface toward the neck's: a camera grazing that flare (supine, --look-at head
  // --view lateral or medial) saw normals facing away from it on triangles facing it, which
  // shaders/model.frag lights from behind: a dark tick at the throat beside the seam, 8 px at
  // 1280x720 (notes/s21 client-shots/tick-before-after.png). With 2.5 mm the tick is gone and the
  // step across the seam 5.8 -> 7.8 degrees (forge_client_head_test, bound 8); 2 mm gave 8.3.
  Field other;
  if (name == "client.body") other = [](const glm::vec3& p) { return head().distance(p); };
  if (name == "client.head") {
    static const Shape trunk = body_shape();
    other = [](const glm::vec3& p) { return trunk.distance(p); };
  }
  if (!other) return {};
  const float visible_reach = name == "client.body" ? kTrunkShadeReach : kNeckShadeBlend;
  return [own = std::move(own), other = std::move(other), step, visible_reach](const glm::vec3& p) {
    const auto gradient = [&p, step](const Field& f) {
      const glm::vec3 g = central_difference(f, p, step);
      const float len = glm::length(g);
      return len > 1e-12f ? g / len : glm::vec3(0, 1, 0);
    };
    const glm::vec3 mine = gradient(own), theirs = gradient(other);
    const float gap = own(p) - other(p);
    const float near = std::max(0.0f, 1.0f - std::abs(gap) / (gap < 0.0f ? visible_reach : kNeckShadeBlend));
    const float agree = std::clamp((glm::dot(mine, theirs) - 0.75f) / 0.15f, 0.0f, 1.0f);
    return glm::normalize(glm::mix(mine, theirs, 0.5f * near * agree));
  };
}

Field client_part_ankle(std::string_view name) {
  if (name == "client.leg-right") return right_ankle_blend;
  return {};
}

std::vector<ClientPart> client_parts(const OtherLeg& leg) {
  std::vector<ClientPart> parts;
  auto add_shape = [&parts](const std::string& name, Shape shape, float voxel, std::size_t triangles, glm::vec3 colour) {
    auto s = std::make_shared<Shape>(std::move(shape));
    parts.push_back({name, [s](const glm::vec3& p) { return s->distance(p); }, box_of(*s, 3.0f * voxel + s->blend),
                     voxel, triangles, colour});
  };
  {
    // The body's pelvis reached 1-2 mm out through the front of the massaged leg's groin, just
    // below the sheet's edge (3 of its vertices; tests/unit/forge_client_body_hidden_test.cpp):
    // the leg fills that part of the pelvis, so it is cut away there, the cut inside the leg.
    // Walking, the pelvis's lowest point between the thighs (the crotch, midline + 4 mm, y 0.84,
    // inside both thighs standing) turned by a blend of the two hips (anatomy::hip_side_share,
    // 6 cm wide) while each thigh turned with its own hip, so it came out between them (seen from
    // below; app_walking_drape_test). The thighs fill that part of the pelvis standing, so a slot
    // is cut up into it from below, from kHipSplit right of the midline (all right hip: the
    // right thigh's own turn) to kCrotchSlotLeft left of it, up to kCrotchSlotTop: the slot's roof
    // lies above the hip drape's lowest edge (0.84 m beside the midline, hip_edge), so it is under
    // the sheet, which folds with the body by the same blend; what is left below the sheet's edge
    // turns mostly with the left hip (share >= 0.84) inside the left thigh.
    // Front to back the slot keeps within the thighs (z -7.5 to +3.5 cm; the crotch point lay
    // at z -2.2 cm): cut through to the back it opened the buttocks' cleft below the sheet, and
    // its wall's vertices there came out walking; ending at -6.5 cm, a body vertex just behind it
    // (midline - 2 cm, mostly the right hip's turn) came out of the right thigh at t 0.5 s. The
    // body's vertices near the midline that show standing are the same 13 as before the slot.
    constexpr float kCrotchSlotLeft = 0.015f, kCrotchSlotTop = 0.88f, kCrotchSlotBack = -0.075f, kCrotchSlotFront = 0.035f;
    auto body = std::make_shared<Shape>(body_shape());
    auto field = [body](const glm::vec3& p) {
      const float groin_front = std::max({kMidlineX + 0.03f - p.x, p.y - 0.97f, 0.06f - p.z});
      const float crotch = std::max({kMidlineX - anatomy::kHipSplit - p.x, p.x - (kMidlineX + kCrotchSlotLeft), p.y - kCrotchSlotTop,
                                 kCrotchSlotBack - p.z, p.z - kCrotchSlotFront});
      return smooth_max(smooth_max(body->distance(p), -groin_front, 0.005f), -crotch, 0.005f);
    };
    parts.push_back({"client.body", field, box_of(*body, 3.0f * 0.005f + body->blend), 0.005f, 5000, kSkin});
  }
  {
    constexpr float kVoxel = 0.003f;
    Box box = head().bounds();
    box.grow(box.min, 3.0f * kVoxel);
    box.grow(box.max, 3.0f * kVoxel);
    parts.push_back({"client.head", [](const glm::vec3& p) { return head().distance(p); }, box, kVoxel, 6000, kSkin});
  }
  add_shape("client.arm-left", arm_shape(1.0f), 0.004f, 800, kSkin);
  add_shape("client.arm-right", arm_shape(-1.0f), 0.004f, 800, kSkin);
  // The other leg and the sheet over it: both are the massaged leg's skin mirrored up the thigh
  // (forge/client_other_leg.hpp), the sheet kSheetGap off it. Until session 22 the sheet lay
  // round the tube of cones the leg was above its foot: a smooth tube without a knee or a calf.
  auto thigh = std::make_shared<Shape>(right_thigh_shape());
  Box leg_box = box_of(*thigh, 3.0f * kRightLegVoxel + thigh->blend);
  leg_box.grow(leg.box.min, 3.0f * kRightLegVoxel);
  leg_box.grow(leg.box.max, 3.0f * kRightLegVoxel);
  parts.push_back({"client.leg-right", [thigh, leg](const glm::vec3& p) { return right_leg_distance(*thigh, leg, p); }, leg_box,
                   kRightLegVoxel, kRightLegTriangles, kSkin});

  Box hips{{kMidlineX - 0.40f, 0.72f, -0.32f}, {0.28f, 1.46f, 0.30f}};
  parts.push_back({"drape.hips", hip_drape_distance, hips, 0.006f, 3500, kSheet});
  {
    // The sheet over the other leg, from the hip to just above the ankle, tight to that leg (no
    // bridging), so the massaged leg's inner side stays clear for the hands.
    auto field = [thigh, leg](const glm::vec3& p) { return smooth_max(leg_sheet_side(*thigh, leg, p), leg_sheet_ends(p), kLegSheetRound); };
    Box box = leg_box;
    box.grow(box.min, 0.05f);
    box.grow(box.max, 0.05f);
    parts.push_back({"drape.leg-right", field, box, 0.006f, 4000, kSheet});
  }

  // The table and its supports; the pillow holds the supine head's and trunk's dent.
  auto trunk = std::make_shared<Shape>(body_shape());
  for (ClientPart& part : table_parts([trunk](const glm::vec3& b) { return std::min(head().distance(b), trunk->distance(b)); }))
    parts.push_back(std::move(part));
  return parts;
}

}  // namespace effleura::forge
