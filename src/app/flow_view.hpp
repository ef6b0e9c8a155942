#pragma once
// The flow view's choices (issue 14): when the blood is shown, how see-through the skin is, and
// which veins a technique's pump presses away from its hands, so the camera can show them. No GL.
#include <optional>
#include <vector>

#include "anatomy/model.hpp"
#include "flow/flow_system.hpp"
#include "render/frame_view.hpp"
#include "technique/technique.hpp"
#include "technique/timeline.hpp"

namespace effleura::app {

// The skin's opacity in the flow view ("Show the veins and blood", or --layers naming the skin
// and a layer beneath it): faint enough that veins 1-3 cm deep show through it.
inline constexpr float kFlowViewSkinOpacity = 0.2f;

// Blood is drawn when the veins are on and nothing opaque covers them (app/state.cpp draws the
// particles and valves under the same rule; the atlas's cut also uncovers them).
[[nodiscard]] bool flow_view_shown(const render::LayerVisibility& layers, float skin_opacity);

// The skin's opacity for layers asked for on the command line (--layers) without --xray: the
// skin named together with a layer beneath it would hide that layer, so it turns see-through
// (at most kFlowViewSkinOpacity); otherwise `opacity` is kept.
[[nodiscard]] float skin_opacity_for_layers(const render::LayerVisibility& asked, float opacity);

// A step pumps the calf when its ankle keys point the foot: the app puts the calf pump's
// pressure on the calf veins as the foot points (app/simulation.cpp; 30 degrees = the full
// 90 mmHg), so from 10 degrees (30 mmHg) the pump empties them visibly.
[[nodiscard]] bool step_pumps_calf(const technique::Step& step);

// The box (leg frame) of the veins the calf pump presses (the muscle sinuses and the deep calf
// veins and perforators, as flow/flow_loads.cpp loads them) and of the popliteal vein they
// empty into, where a Doppler scan reads the pump: what the flow view frames for a step that
// pumps the calf. Empty when the network has none of them.
[[nodiscard]] std::optional<anatomy::Bounds> calf_pump_region(const flow::FlowSystem& flow);

// Per step of `t`, the pumped veins' box where the step pumps the calf, else nothing.
[[nodiscard]] std::vector<std::optional<anatomy::Bounds>> pumped_regions(const technique::Technique& t,
                                                                         const flow::FlowSystem& flow);

// `region` grown to hold every step's pumped veins (a named view's focus: the whole technique).
[[nodiscard]] anatomy::Bounds with_pumped_veins(anatomy::Bounds region, const std::vector<std::optional<anatomy::Bounds>>& pumped);

// What the camera frames for a technique (app/state_camera.cpp's frame_technique): per step, the
// pumped veins' box when the flow view is `shown` (else none), and the focus of a named view,
// the technique's working region grown to hold them (none without a technique or timeline).
// `working`: that region when already known (app/framing_cache.hpp), else it is swept here.
struct FlowFraming {
  std::vector<std::optional<anatomy::Bounds>> pumped;
  std::optional<anatomy::Bounds> focus;
};
[[nodiscard]] FlowFraming flow_framing(bool shown, const technique::Technique* t, const technique::Timeline* timeline,
                                       const flow::FlowSystem* flow, const anatomy::Bounds* working = nullptr);

}  // namespace effleura::app
