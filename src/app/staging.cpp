#include "app/staging.hpp"

#include "anatomy/leg_bend.hpp"
#include "app/area_box.hpp"
#include "app/atlas.hpp"
#include "app/client_stage.hpp"
#include "app/structure_quiz.hpp"
#include "core/frame.hpp"

namespace effleura::app {
namespace {

void stage(const std::string& technique, const std::vector<std::string>& areas, const lesson::Layers& layers,
           float skin_opacity, State& scene) {
  if (technique.empty()) scene.simulation.clear_technique();
  else (void)scene.simulation.select_technique(technique);  // ids were checked when the file loaded
  scene.settings.selected = {};
  for (const auto& id : areas)
    if (auto i = anatomy::area_index(id)) scene.settings.selected[*i] = true;
  // Lesson and playlist files name no arteries or nerves: those stay off in their scenes.
  scene.settings.layers = {layers.skin, layers.muscles, layers.bones, layers.veins, false, false};
  scene.settings.skin_opacity = skin_opacity;
}

}  // namespace

void stage_playlist_scene(const lesson::PlaylistScene& k, const lesson::Locale& locale, State& scene) {
  stage(k.technique, k.areas, k.layers, k.skin_opacity, scene);
  // Without a technique to decide it, a lying client shows the side the scene's first view
  // looks at: prone for a view from behind (the back of the calf and the knee from above,
  // not from the table's edge), supine for one from the front. At once: the scene fades in.
  if (k.technique.empty() && !k.camera.keys.empty()) {
    const std::string_view view = lesson::nearest_view(k.camera.keys.front().angles);
    if (view == "back") scene.client.face(technique::WorkingSide::back);
    else if (view == "front") scene.client.face(technique::WorkingSide::front);
    scene.client.snap();
  }
  scene.fixed_caption = locale.text_with_source(k.caption);
}

void stage_lesson_step(const lesson::LessonStep& step, const lesson::Locale& locale, State& scene) {
  stage(step.technique, step.areas, step.layers, step.skin_opacity, scene);
  // The step's posture, drawn and computed by the flow model alike, before the camera frames the
  // leg as it lies (face down for the soleus from behind, sitting for the seated routine). A
  // step without one shows the client lying: one left sitting or standing by the step before
  // lies down face up; one already lying stays as the technique or the view turns it.
  const auto lying = [](anatomy::ClientPosture p) { return p == anatomy::ClientPosture::supine || p == anatomy::ClientPosture::prone; };
  std::optional<anatomy::ClientPosture> posture = anatomy::parse_client_posture(step.posture);  // checked when the file loaded
  if (step.posture.empty() && !lying(scene.client.posture())) posture = anatomy::ClientPosture::supine;
  if (posture) {
    scene.client.choose(*posture);
    scene.client.snap();
    scene.simulation.posture = flow_posture(*posture);
    // The camera's named views are the leg as it now lies: left at the step before's posture,
    // "back" on a client just turned face down was the back of a leg face up, which faces the
    // table, so the soleus was seen from the side at table height, not from above.
    scene.place_camera_subject();
  }
  // A step that shows a technique frames where its hands work; one about areas frames the lit
  // areas together (the skin strongly in them, bent as drawn), so the class sees them large
  // (whole-leg framing drew the calves and thighs 420 px wide at 1280x720, beside the panels);
  // without areas, the whole leg.
  // "Name this muscle": the step's structure glows (the atlas's selection), framed close from
  // the step's view. The lesson opened only if the model has it (check_lesson_structures).
  // "Click the soleus" lights none (a structure the student picked before would show where).
  const auto structure = step.structure.empty() ? std::nullopt : find_structure(scene.model, step.structure);
  if (structure) scene.settings.atlas.selected = static_cast<int>(*structure);
  else if (step.question && step.question->kind == lesson::QuestionKind::click_structure) scene.settings.atlas.selected = -1;
  if (!step.technique.empty()) {
    scene.frame_technique(render::parse_view(step.view), true);
  } else if (structure) {
    scene.camera.set_focus(anatomy::bend_box(mesh_bounds(scene.model.meshes[*structure]), frame::kKneeCentre, scene.knee_flexion(),
                                             scene.hip_flexion()));
    if (auto v = render::parse_view(step.view)) scene.camera.set_preset(*v, true);
  } else {
    auto lit = areas_box(scene.model, scene.settings.selected);
    // Lit areas reaching down to the ankle (the calves) take the ankle and foot below them into
    // the frame: fitted to the calves and thighs alone, the unlit foot ran on under the Lesson
    // panel's edge (circulation step 2, 1280x720: 281 of the lower leg's sampled skin points
    // under it), the leg seeming to end in the text. The lit areas now span 0.67 of the free
    // width, not 0.85.
    const auto ankle = area_box(scene.model, *anatomy::area_index("ankles")), foot = area_box(scene.model, *anatomy::area_index("feet"));
    if (lit && ankle && foot && lit->min.y <= ankle->max.y) lit = lit->united(*ankle).united(*foot);
    scene.camera.set_focus(lit ? std::optional(anatomy::bend_box(*lit, frame::kKneeCentre, scene.knee_flexion(), scene.hip_flexion()))
                               : std::nullopt);
    if (auto v = render::parse_view(step.view)) scene.camera.set_preset(*v, true);
  }
  scene.fixed_caption = locale.text_with_source(step.say);
}

std::vector<std::string> technique_ids(const State& scene) {
  std::vector<std::string> ids;
  for (const auto& t : scene.simulation.techniques().all()) ids.push_back(t.id);
  return ids;
}

}  // namespace effleura::app
