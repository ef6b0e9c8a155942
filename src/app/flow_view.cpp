#include "app/flow_view.hpp"

#include <algorithm>

#include <glm/common.hpp>

#include "technique/working_region.hpp"

namespace effleura::app {

bool flow_view_shown(const render::LayerVisibility& layers, float skin_opacity) {
  return layers.veins && (!layers.skin || skin_opacity < 0.999f);
}

float skin_opacity_for_layers(const render::LayerVisibility& asked, float opacity) {
  const bool beneath = asked.muscles || asked.bones || asked.veins || asked.arteries || asked.nerves;
  return asked.skin && beneath ? std::min(opacity, kFlowViewSkinOpacity) : opacity;
}

bool step_pumps_calf(const technique::Step& step) {
  return std::any_of(step.ankle.begin(), step.ankle.end(), [](const technique::AnkleKey& k) { return k.angle_deg <= -10.0f; });
}

std::optional<anatomy::Bounds> calf_pump_region(const flow::FlowSystem& flow) {
  std::optional<anatomy::Bounds> box;
  const auto& veins = flow.network().veins;
  for (const flow::Segment& s : flow.segments()) {
    const bool pumped = !s.foot && (s.kind == anatomy::VeinKind::sinus || (s.calf && s.kind != anatomy::VeinKind::superficial));
    if (!pumped && veins[s.vein].id != "popliteal") continue;
    const glm::vec3 lo = glm::min(s.p0, s.p1), hi = glm::max(s.p0, s.p1);
    if (!box) box = anatomy::Bounds{lo, hi};
    box->min = glm::min(box->min, lo);
    box->max = glm::max(box->max, hi);
  }
  return box;
}

std::vector<std::optional<anatomy::Bounds>> pumped_regions(const technique::Technique& t, const flow::FlowSystem& flow) {
  std::vector<std::optional<anatomy::Bounds>> out(t.steps.size());
  const std::optional<anatomy::Bounds> calf = calf_pump_region(flow);
  for (std::size_t i = 0; i < t.steps.size(); ++i)
    if (step_pumps_calf(t.steps[i])) out[i] = calf;
  return out;
}

anatomy::Bounds with_pumped_veins(anatomy::Bounds region, const std::vector<std::optional<anatomy::Bounds>>& pumped) {
  for (const auto& box : pumped)
    if (box) region = region.united(*box);
  return region;
}

FlowFraming flow_framing(bool shown, const technique::Technique* t, const technique::Timeline* timeline,
                         const flow::FlowSystem* flow, const anatomy::Bounds* working) {
  FlowFraming f;
  if (shown && t && flow) f.pumped = pumped_regions(*t, *flow);
  if (t && timeline) f.focus = with_pumped_veins(working ? *working : technique::working_region(*timeline), f.pumped);
  return f;
}

}  // namespace effleura::app
