// State's camera: the client kept in step with the technique, the leg as drawn and its box, the framings.
#include "app/state.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "anatomy/leg_bend.hpp"
#include "app/client_view.hpp"
#include "app/flow_view.hpp"
#include "app/step_view_cache.hpp"
#include "core/frame.hpp"
#include "core/view_angles.hpp"
#include "flow/posture.hpp"

namespace effleura::app {

void State::frame_client_head(render::ViewPreset view) {
  client.snap();
  place_camera_subject();
  const auto head = client_part_box(client_model, "client.head", client.pose());
  if (!head) return;  // a foreign model: no client drawn, the leg stays framed
  step_camera.stop();
  // The camera keeps its target inside the box it frames (render/camera.hpp): the leg's and
  // the head's together, so the head can be the focus.
  camera.frame(drawn_bounds().united(*head));
  camera.set_focus(*head);
  camera.set_preset(view, false);
}

glm::mat4 State::leg_to_room() const { return client_model.meshes.empty() ? glm::mat4(1.0f) : client.pose().left_leg; }

glm::mat4 State::camera_subject() const {
  // Walking, the camera stays with the body, not with the swinging leg.
  if (!client_model.meshes.empty() && client.posture() == anatomy::ClientPosture::walking) return client.pose().body;
  return leg_to_room();
}

anatomy::Bounds State::camera_bounds() const {
  // Walking, the camera's subject is the body (camera_subject), and the straight leg reaches from
  // the floor to the hip as both legs do in turn. Framed on the swinging leg as drawn at the
  // moment asked for, the frame's bottom rose and fell with the stride: at 0.7 s, the leg lifted,
  // it cut off the other foot on the floor (tests/unit/app_walking_camera_test.cpp). The box
  // reaches kBelowSoles under the soles: framed to the soles, the pelvis's rise and fall over
  // the stride took them to the frame's bottom edge and a little past it (-1.007 of its
  // half-height at 0.7 and 1.2 s); now -0.81 to -0.86.
  constexpr float kBelowSoles = 0.08f;
  if (!client_model.meshes.empty() && client.posture() == anatomy::ClientPosture::walking) {
    anatomy::Bounds b = model_bounds_;
    b.min.y -= kBelowSoles;
    return b;
  }
  return drawn_bounds();
}

void State::place_camera_subject() { camera.set_subject(camera_subject(), knee_flexion(), hip_flexion()); }

float State::knee_flexion() const { return client_model.meshes.empty() ? 0.0f : client.pose().knee_flexion_deg; }
glm::vec3 State::lying_up() const {
  return client_model.meshes.empty() ? flow::kFaceUp : flow::lying_up(client.pose().left_leg);
}
float State::hip_flexion() const { return client_model.meshes.empty() ? 0.0f : client.pose().hip_flexion_deg; }

const anatomy::Model& State::drawn_model() const {
  const float deg = knee_flexion(), hip = hip_flexion();
  if ((deg == 0.0f && hip == 0.0f) || model.meshes.empty()) return model;
  // Within half a degree the copy is kept (walking bends the knee every frame; hover is as good).
  if (std::abs(bent_deg_ - deg) > 0.5f || std::abs(bent_hip_deg_ - hip) > 0.5f || bent_from_ != model.meshes.data()) {
    bent_ = anatomy::bent_model(model, frame::kKneeCentre, deg, hip);
    bent_bounds_ = anatomy::bent_bounds(model, frame::kKneeCentre, deg, hip);
    bent_deg_ = deg;
    bent_hip_deg_ = hip;
    bent_from_ = model.meshes.data();
  }
  return bent_;
}

anatomy::Bounds State::drawn_bounds() const {
  if (&drawn_model() == &model) return model_bounds_;
  return bent_bounds_;
}

void State::sync_client() {
  if (simulation.timeline() != client_timeline_) {
    client_timeline_ = simulation.timeline();
    const auto* t = simulation.technique();
    // The steps' sides come with the framings from the start-up cache (app/framing_cache.hpp).
    const TechniqueFramings* framed = simulation.framings();
    client.set_technique(client_timeline_, t ? t->views : std::vector<std::string>{}, simulation.frame().time,
                         framed ? &framed->sides : nullptr);
  }
  simulation.knee_flexion_deg = knee_flexion();  // from the first frame (the plots' replay too)
  simulation.lying_up = lying_up();
  place_camera_subject();
}

void State::frame_technique(std::optional<render::ViewPreset> view, bool animate) {
  sync_client();
  const auto* t = simulation.technique();
  const auto* timeline = simulation.timeline();
  // The flow view also frames the veins a step's pump presses away from the hands (ankle pumps:
  // the calf's and the popliteal), from the technique's own side view (app/flow_view.hpp).
  flow_framed_ = flow_view_shown(settings.layers, settings.skin_opacity);
  // Both timeline sweeps once per technique and posture, from the start-up cache (app/framing_cache.hpp).
  const TechniqueFramings* framed = simulation.framings();
  const FlowFraming framing = flow_framing(flow_framed_, t, timeline, simulation.flow(), framed ? &framed->whole : nullptr);
  const auto& focus = framing.focus;
  camera.set_focus(focus ? std::optional(anatomy::bend_box(*focus, frame::kKneeCentre, knee_flexion(), hip_flexion())) : std::nullopt);
  step_camera.stop();
  step_camera.set_extra_regions(framing.pumped, view_angles(t && !t->views.empty() ? t->views.front() : "front"));
  if (!view && t && timeline) {
    // No view asked for: follow the work, step by step (render/step_camera.hpp).
    const ViewAngles first = view_angles(t->views.empty() ? "front" : t->views.front());
    // Both hands seen past the client (app/view_search.hpp), answers kept in the start-up cache.
    step_camera.set_judge(cached_step_judge(*this));
    // A step on the other side of the leg: the camera goes round as the client rolls over.
    step_camera.set_settled([this](std::size_t step) {
      return client_model.meshes.empty() ? glm::mat4(1.0f) : client.pose_for_step(step).left_leg;
    });
    step_camera.start(camera, *timeline, simulation.frame().time, first, animate,
                      framed ? framed->steps : std::vector<technique::StepFraming>{});
    return;
  }
  if (view) camera.set_preset(*view, animate);
  else camera.reset(animate);
}

}  // namespace effleura::app
