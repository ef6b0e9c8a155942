#include "ui/structure_card.hpp"

#include <algorithm>
#include <string_view>

#include "anatomy/picking.hpp"

namespace effleura::ui {
namespace {

struct Notes {
  std::string_view id;  // the mesh name
  std::string_view what;
  std::string_view massage;
};

// Our own words. Where a sentence states how the body works it names its source in
// shared/docs/physiology.md; the rest is the plain anatomy of any atlas.
constexpr Notes kNotes[] = {
    {"muscle.soleus", "A broad, flat muscle under the two heads of gastrocnemius, from the back of the tibia and fibula down to the Achilles tendon. It keeps you from falling forward when you stand.",
     "Its veins widen into sinuses that hold much of the calf's blood; when it contracts it squeezes them toward the heart. Most of the calf's 100-150 mL of venous blood lies in these sinuses (an estimate, physiology.md). Work it with the knee slightly bent, so the gastrocnemius above it is slack."},
    {"muscle.gastrocnemius-medial", "The inner of the two heads of the calf's surface muscle. It starts above the knee, on the femur, and joins the Achilles tendon.",
     "With the soleus it is the calf muscle pump: each contraction empties about two thirds of the calf's venous blood (plethysmography reviews, physiology.md). Massage only moves that blood briefly; walking and ankle movement do it best."},
    {"muscle.gastrocnemius-lateral", "The outer of the two heads of the calf's surface muscle. It starts above the knee, on the femur, and joins the Achilles tendon.",
     "Part of the calf muscle pump with its medial head and the soleus. Knead it gently across the fibres; avoid pressing into the hollow behind the knee where it begins."},
    {"tendon.achilles", "The strongest tendon in the body: the gastrocnemius and soleus end in it, and it fixes onto the back of the heel bone.",
     "A cord that can be felt and rolled between finger and thumb. Work it with light friction, never with heavy pressure; a painful or swollen tendon is for a health professional to see."},
    {"band.it", "A long, flat band of dense connective tissue down the outer thigh, from the hip to just below the knee.",
     "It does not stretch like muscle. Work the muscles either side of it (vastus lateralis in front, biceps femoris behind) rather than grinding along the band."},
    {"muscle.tibialis-anterior", "The muscle just outside the sharp front edge of the shin bone. It lifts the foot and toes at the ankle.",
     "Strokes stay on the muscle, beside the bone: the edge of the tibia lies just under the skin and pressure on it hurts."},
    {"muscle.rectus-femoris", "The middle part of the quadriceps on the front of the thigh, the only one that also crosses the hip.",
     "Long strokes run up the thigh from the knee toward the groin, with the flow of blood in the veins back to the heart."},
    {"muscle.biceps-femoris", "The outer hamstring at the back of the thigh, ending on the head of the fibula.",
     "A large, strong muscle that takes firm kneading. Its tendon frames the outer side of the hollow behind the knee; the common fibular nerve runs along it there."},
    {"muscle.gluteus-maximus", "The large muscle of the buttock, from the sacrum and pelvis to the femur and the iliotibial band.",
     "Thick enough for the palm or forearm to spread a firm pressure; the sciatic nerve runs deep beneath its lower part."},
    {"vein.great-saphenous", "The long surface vein up the inner side of the leg, from the front of the inner ankle bone to the groin, where it joins the femoral vein.",
     "It lies just under the skin: use light pressure along its course. Strokes toward the heart follow its valves, which let blood go only one way. Bulging, twisted (varicose) veins are worked around, never on."},
    {"vein.small-saphenous", "The surface vein up the back of the calf, from behind the outer ankle bone to the hollow behind the knee.",
     "Light strokes only; at the knee it dives between the heads of gastrocnemius into the popliteal vein."},
    {"vein.popliteal", "The deep vein behind the knee, carrying the blood of the whole lower leg up into the femoral vein.",
     "It passes through the hollow behind the knee with little cover, beside the artery and tibial nerve: no deep pressure there. Its blood speeds up when the ankle is pumped (Thromb Haemost 2009, physiology.md)."},
    {"vein.femoral", "The main deep vein of the thigh, running beside the femoral artery to the groin.",
     "Deep under muscle, so massage hardly reaches it; at rest about 360 mL a minute returns through it from one leg (Shoemaker 1997, physiology.md). In the same Doppler study massage did not change the leg's blood flow, while light knee movement nearly tripled it."},
    {"nerve.sciatic", "The thickest nerve in the body, down the back of the thigh under the hamstrings, dividing above the knee into the tibial and common fibular nerves.",
     "Pressure on a nerve gives tingling or a sharp, shooting pain: if the client feels that, ease off and move away."},
    {"nerve.common-fibular", "The nerve that winds round the neck of the fibula just below the outer side of the knee, close under the skin.",
     "Easily pressed against the bone there: no deep or prolonged pressure below the head of the fibula."},
    {"artery.femoral", "The main artery of the thigh: its pulse is felt in the groin, halfway between the hip bone's front point and the pubic bone.",
     "A pulse under the hand means an artery: ease the pressure and move off it."},
    {"artery.dorsalis-pedis", "The artery on the top of the foot, where its pulse can be felt beside the tendon of the big toe.",
     "A pulse under the hand means an artery: ease the pressure and move off it."},
    {"bone.tibia", "The shin bone: the larger of the two bones of the lower leg, carrying the body's weight from the knee to the ankle.",
     "Its front edge and inner face lie just under the skin: never press on them; work the muscles beside them."},
    {"bone.fibula", "The slender outer bone of the lower leg; its head is below the outer side of the knee, its lower end is the outer ankle bone.",
     "Bony points are worked around, not pressed on."},
    {"bone.patella", "The kneecap: a bone within the quadriceps tendon that glides over the front of the femur.",
     "Strokes go around it, not over it, with no pressure on the bone."},
};

std::string kind_what(const std::string& kind) {
  if (kind == "muscle") return "A muscle of the leg: it moves a joint when it shortens.";
  if (kind == "tendon") return "A tendon: the tough cord that ties a muscle to a bone.";
  if (kind == "bone") return "A bone of the leg's skeleton.";
  if (kind == "deep vein") return "A deep vein: it runs among the muscles and carries most of the leg's blood back toward the heart.";
  if (kind == "superficial vein") return "A surface vein, just under the skin.";
  if (kind == "perforating vein") return "A perforating vein: a short link through the muscle's sheath from a surface vein to a deep one.";
  if (kind == "artery") return "An artery: it brings blood from the heart down into the leg.";
  if (kind == "nerve") return "A nerve: it carries the signals for movement and feeling.";
  if (kind == "skin") return "The skin over the whole leg, with the fat beneath it.";
  return "A part of the model.";
}

std::string kind_massage(const std::string& kind) {
  if (kind == "muscle" || kind == "band of connective tissue")
    return "Hands reach it through the skin: strokes along it warm it, kneading and cross-fibre work loosen it.";
  if (kind == "tendon") return "Worked with light friction; a tendon does not take heavy pressure.";
  if (kind == "bone") return "Bony points are worked around, never pressed on.";
  if (kind == "deep vein" || kind == "perforating vein")
    return "Massage squeezes veins only for a moment: once the hands lift they fill again from the arteries, over about 20 s or more in a healthy leg (venous refill time, plethysmography reviews, physiology.md). Valves let the blood go only toward the heart.";
  if (kind == "superficial vein") return "It lies just under the skin: light pressure only, and never on a bulging (varicose) vein.";
  if (kind == "artery") return "A pulse under the hand means an artery: ease the pressure and move off it.";
  if (kind == "nerve") return "Tingling or a sharp, shooting pain means pressure on a nerve: ease off and move away.";
  if (kind == "skin") return "Every technique works through it; broken, infected or fragile skin is left alone.";
  return "";
}

std::string mesh_id(const std::string& name) {
  const auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

}  // namespace

StructureCard structure_card(const anatomy::Mesh& mesh, const std::string& kind, const anatomy::AreaContent* areas,
                             const std::vector<TechniqueRef>& techniques) {
  StructureCard c;
  c.title = mesh.layer == anatomy::Layer::skin ? "Skin" : anatomy::mesh_title(mesh);
  c.kind = kind;
  c.what = kind_what(kind);
  c.massage = kind_massage(kind);
  for (const Notes& n : kNotes)
    if (n.id == mesh.name) {
      c.what = n.what;
      c.massage = n.massage;
    }
  if (!areas || mesh.layer == anatomy::Layer::skin || mesh.positions.empty()) return c;
  // The areas it lies in: those whose content lists it, else where its middle lies.
  std::vector<std::size_t> in;
  const std::string id = mesh_id(mesh.name);
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
    const auto& listed = areas->areas[a].muscles;
    if (std::find(listed.begin(), listed.end(), id) != listed.end()) in.push_back(a);
  }
  if (in.empty()) {
    glm::vec3 mid(0.0f);
    for (const auto& p : mesh.positions) mid += p;
    mid /= static_cast<float>(mesh.positions.size());
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
      if (areas->weight(a, mid, areas->reference_stature) > 0.35f) in.push_back(a);
  }
  for (std::size_t a : in) {
    const anatomy::AreaInfo& info = areas->areas[a];
    c.areas.push_back(info.name);
    for (const auto& caution : info.cautions)
      if (std::find(c.cautions.begin(), c.cautions.end(), caution) == c.cautions.end()) c.cautions.push_back(caution);
    for (const auto& t : techniques)
      if (std::find(t.areas.begin(), t.areas.end(), info.id) != t.areas.end() &&
          std::find(c.techniques.begin(), c.techniques.end(), t.name) == c.techniques.end())
        c.techniques.push_back(t.name);
  }
  return c;
}

}  // namespace effleura::ui
