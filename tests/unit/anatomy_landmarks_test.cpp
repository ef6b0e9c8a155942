// The palpable bony landmarks of the committed assets/leg.glb (content/anatomy/landmarks.toml,
// positions in leg.toml) against adult anthropometry, each on its bone and close under the
// skin; and hovering names a landmark, a bone, an artery and a nerve at known points.
// Heights are fractions of the stature H (1.75 m, core/frame.hpp); the ranges are those of
// adult men in the sources named at each line.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include <glm/geometric.hpp>

#include "anatomy/model_loader.hpp"
#include "anatomy/picking.hpp"
#include "anatomy_mesh_checks.hpp"
#include "core/frame.hpp"

using namespace effleura;
using namespace effleura::anatomy;

namespace {

const Expected<Model>& leg() {
  static const Expected<Model> model = load_model(EFFLEURA_SOURCE_DIR + "/assets/leg.glb");
  return model;
}

glm::vec3 landmark(const std::string& name) {
  for (const auto& l : leg()->landmarks)
    if (l.name == name) return l.position;
  FAIL("no landmark named \"" << name << "\" in assets/leg.glb");
  return glm::vec3(0.0f);
}

const Mesh& mesh(const std::string& name) {
  const Mesh* m = leg()->find(name);
  REQUIRE_MESSAGE(m != nullptr, "missing mesh " << name);
  return *m;
}

float nearest_vertex(const Mesh& m, const glm::vec3& p) {
  float best = std::numeric_limits<float>::max();
  for (const auto& q : m.positions) best = std::min(best, glm::length(q - p));
  return best;
}

constexpr float H = frame::kStature;
const glm::vec3 kHip = frame::kHipCentre;
constexpr float kMidlineX = -0.085f;  // skin.toml midline_x

const char* const kCrest = "Iliac crest (top of the hip bone)";
const char* const kAsis = "Anterior superior iliac spine (ASIS)";
const char* const kPsis = "Posterior superior iliac spine (PSIS)";
const char* const kTrochanter = "Greater trochanter of the femur";
const char* const kIschial = "Ischial tuberosity (sitting bone)";
const char* const kPatella = "Patella (kneecap)";
const char* const kTuberosity = "Tibial tuberosity";
const char* const kFibularHead = "Head of the fibula";
const char* const kMedialMalleolus = "Medial malleolus (inner ankle bone)";
const char* const kLateralMalleolus = "Lateral malleolus (outer ankle bone)";

}  // namespace

TEST_CASE("the pelvic landmarks lie where adult anthropometry puts them") {
  REQUIRE_MESSAGE(leg().has_value(), leg().error().describe());
  // Iliac crest, highest point: ANSUR II iliocristale height, men about 0.60 H
  // (Gordon 2014, 2012 ANSUR II summary statistics); +-1 SD is about +-0.02 H.
  const glm::vec3 crest = landmark(kCrest);
  CHECK(crest.y / H >= 0.58f);
  CHECK(crest.y / H <= 0.625f);
  // Bi-iliac (bony) breadth of men about 26-30 cm: the crest 13-15 cm from the midline.
  CHECK(crest.x - kMidlineX >= 0.12f);
  CHECK(crest.x - kMidlineX <= 0.155f);
  // ASIS relative to the hip centre: Harrington 2007 (J Biomech 40:595) regression, for an
  // inter-ASIS width PW of 0.21-0.27 m and a pelvic depth PD of 0.14-0.18 m: the hip centre
  // lies 0.30 PW + 11 mm below, 0.24 PD + 10 mm behind and 0.17 PW - 7 mm medial of the ASIS.
  const glm::vec3 asis = landmark(kAsis) - kHip;
  CHECK(asis.y >= 0.07f);
  CHECK(asis.y <= 0.095f);
  CHECK(asis.z >= 0.04f);
  CHECK(asis.z <= 0.058f);
  CHECK(asis.x >= 0.025f);
  CHECK(asis.x <= 0.042f);
  // PSIS: one pelvic depth (0.14-0.18 m, Harrington 2007) behind the ASIS and, with the
  // pelvis tilted forward as in standing, up to 6 cm higher (never lower).
  const glm::vec3 psis = landmark(kPsis);
  CHECK(landmark(kAsis).z - psis.z >= 0.14f);
  CHECK(landmark(kAsis).z - psis.z <= 0.18f);
  CHECK(psis.y - landmark(kAsis).y >= 0.0f);
  CHECK(psis.y - landmark(kAsis).y <= 0.06f);
  // Greater trochanter: ANSUR II trochanterion height, men 0.513 H (physiology.md), +-1.5 SD.
  const glm::vec3 trochanter = landmark(kTrochanter);
  CHECK(trochanter.y / H >= 0.49f);
  CHECK(trochanter.y / H <= 0.535f);
  // Ischial tuberosity: below and behind the hip centre; pelvimetry gives 8-13 cm between the
  // two tuberosities (intertuberous diameter), 4-6.5 cm each side of the midline.
  const glm::vec3 ischial = landmark(kIschial);
  CHECK(kHip.y - ischial.y >= 0.04f);
  CHECK(kHip.y - ischial.y <= 0.09f);
  CHECK(ischial.z < kHip.z - 0.02f);
  CHECK(ischial.x - kMidlineX >= 0.04f);
  CHECK(ischial.x - kMidlineX <= 0.065f);
}

TEST_CASE("the knee and ankle landmarks lie where adult anthropometry puts them") {
  REQUIRE_MESSAGE(leg().has_value(), leg().error().describe());
  const float joint_line = 0.483f;  // the knee joint space of this leg (docs/anatomy.md)
  // Patella: its centre 2-5 cm above the joint line with the knee straight (its apex lies
  // about 1 cm above the line; the bone is about 4.5 cm long: Gray's Anatomy).
  const glm::vec3 patella = landmark(kPatella);
  CHECK(patella.y - joint_line >= 0.02f);
  CHECK(patella.y - joint_line <= 0.05f);
  // Tibial tuberosity: the patellar tendon is about as long as the patella (Insall-Salvati
  // ratio 0.8-1.2), which puts the tuberosity 2-4.5 cm below the joint line, in front.
  const glm::vec3 tuberosity = landmark(kTuberosity);
  CHECK(joint_line - tuberosity.y >= 0.02f);
  CHECK(joint_line - tuberosity.y <= 0.045f);
  CHECK(tuberosity.z > patella.z - 0.02f);
  // Head of the fibula: at the level of the tibial tuberosity (within 2 cm), lateral and behind.
  const glm::vec3 head = landmark(kFibularHead);
  CHECK(std::abs(head.y - tuberosity.y) <= 0.02f);
  CHECK(head.x > tuberosity.x + 0.03f);
  CHECK(head.z < tuberosity.z - 0.03f);
  // Lateral malleolus: ANSUR II lateral malleolus height, men 0.042 H (physiology.md), +-1 SD.
  const glm::vec3 lateral = landmark(kLateralMalleolus), medial = landmark(kMedialMalleolus);
  CHECK(lateral.y / H >= 0.036f);
  CHECK(lateral.y / H <= 0.048f);
  // The medial malleolus ends higher (by 0.5-2 cm) and further forward than the lateral.
  CHECK(medial.y - lateral.y >= 0.005f);
  CHECK(medial.y - lateral.y <= 0.02f);
  CHECK(medial.z > lateral.z);
  CHECK(medial.x < lateral.x - 0.05f);
}

// A landmark a therapist palpates is part of its bone and close under the skin: each point
// lies inside (or within 3 mm of) the bone named, and within the depth given of the skin.
TEST_CASE("each landmark is on its bone and within reach of the fingers") {
  REQUIRE_MESSAGE(leg().has_value(), leg().error().describe());
  CHECK(leg()->landmarks.size() == 10);
  struct Expect {
    const char* name;
    const char* bone;
    float max_depth;  // metres from the landmark (the centre of the bony point) to the skin
  };
  const Expect expected[] = {
      // The ASIS: this model's lower abdomen and the origins of sartorius and tensor fasciae
      // latae cover it by about 2 cm more than in a lean adult (where it shows): a known limit.
      {kCrest, "bone.hip", 0.03f},          {kAsis, "bone.hip", 0.04f},
      // The trochanter's centre lies 2 cm inside its lateral surface, under 2-3.5 cm of tissue.
      {kPsis, "bone.hip", 0.03f},           {kTrochanter, "bone.femur", 0.055f},
      // Under the gluteus maximus when standing; felt with the hip bent.
      {kIschial, "bone.hip", 0.07f},        {kPatella, "bone.patella", 0.025f},
      // The fibular head's centre lies 1.1 cm inside the bone, under up to 1.6 cm of tissue.
      {kTuberosity, "bone.tibia", 0.022f},  {kFibularHead, "bone.fibula", 0.027f},
      {kMedialMalleolus, "bone.tibia", 0.022f}, {kLateralMalleolus, "bone.fibula", 0.022f},
  };
  const Mesh& skin = mesh("skin");
  for (const Expect& e : expected) {
    const glm::vec3 p = landmark(e.name);
    const Mesh& bone = mesh(e.bone);
    const test::InsideTest inside(bone);
    const std::string name = e.name;
    CHECK_MESSAGE((inside.inside(p) || nearest_vertex(bone, p) < 0.003f), name << " is not on " << e.bone);
    CHECK_MESSAGE(nearest_vertex(skin, p) <= e.max_depth, name << " lies too deep: " << nearest_vertex(skin, p));
  }
}

namespace {

std::string hover(const Ray& ray, const ShownLayers& shown) {
  return structure_name(*leg(), ray, pick(*leg(), ray), shown);
}

}  // namespace

TEST_CASE("hovering names a landmark, a bone, an artery and a nerve at known points") {
  REQUIRE_MESSAGE(leg().has_value(), leg().error().describe());
  const ShownLayers all{};
  // From the outer side, at the head of the fibula.
  const glm::vec3 head = landmark(kFibularHead);
  CHECK(hover(Ray{head + glm::vec3(0.5f, 0.0f, 0.0f), {-1, 0, 0}}, all) == kFibularHead);
  // The inner ankle bone is not named through the outer one.
  const glm::vec3 medial = landmark(kMedialMalleolus);
  CHECK(hover(Ray{medial + glm::vec3(0.5f, 0.0f, 0.0f), {-1, 0, 0}}, all) != kMedialMalleolus);
  CHECK(hover(Ray{medial + glm::vec3(-0.5f, 0.0f, 0.0f), {1, 0, 0}}, all) == kMedialMalleolus);
  // The inner face of the shin bone lies under the skin alone.
  const Ray shin{{-0.028f, 0.30f, 0.5f}, {0.0f, 0.0f, -1.0f}};
  CHECK(hover(shin, all) == "Tibia (shin bone)");
  // Behind the knee, aimed from behind at each structure's centre (the mean of its ring
  // vertices nearest a height): the tibial nerve, the most superficial, with every layer shown;
  // the popliteal vein, above where the small saphenous vein joins it, with the nerves hidden; the popliteal artery, the deepest,
  // in front of the femur, with only muscles, bones and arteries shown.
  auto behind = [&](const std::string& mesh_name, float y) {
    glm::vec3 sum(0.0f);
    float n = 0.0f;
    for (const auto& p : mesh(mesh_name).positions)
      if (std::abs(p.y - y) < 0.0065f) {  // tube rings lie 12 mm apart
        sum += p;
        n += 1.0f;
      }
    REQUIRE(n > 0.0f);
    const glm::vec3 c = sum / n;
    return Ray{{c.x, c.y, -0.5f}, {0.0f, 0.0f, 1.0f}};
  };
  CHECK(hover(behind("nerve.tibial", 0.495f), all) == "Tibial nerve");
  ShownLayers no_nerves;
  no_nerves.nerves = false;
  CHECK(hover(behind("vein.popliteal", 0.53f), no_nerves) == "Popliteal vein");
  const ShownLayers arteries_bones{true, true, false, true, false};
  CHECK(hover(behind("artery.popliteal", 0.495f), arteries_bones) == "Popliteal artery");
  // Hiding a layer hides its names: with arteries off the same ray names what lies beyond.
  CHECK(hover(behind("artery.popliteal", 0.495f), ShownLayers{true, true, false, false, false}) != "Popliteal artery");
  // Along the back of the thigh, under the hamstrings, the sciatic nerve.
  ShownLayers nerves_only{false, false, false, false, true};
  CHECK(hover(Ray{{0.003f, 0.70f, -0.5f}, {0.0f, 0.0f, 1.0f}}, nerves_only) == "Sciatic nerve");
  // Nothing named where the ray misses the leg.
  CHECK(hover(Ray{{0.5f, 0.5f, -0.5f}, {0.0f, 0.0f, 1.0f}}, all).empty());
}
