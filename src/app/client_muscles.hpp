#pragma once
// The client's own muscles in the window: walking presses the foot, calf and thigh pumps on
// the flow model's gait cycle, in step with the stride drawn, so the flow shown while the
// client walks is walking's, not standing still's. No GL.
#include "app/client_stage.hpp"
#include "flow/drivers.hpp"
#include "flow/posture.hpp"

namespace effleura::app {

// What the client's muscles press with `ahead_s` seconds past the client's walk time (a frame
// updates the flow before the client, so the window passes the frame's dt: both then reach the
// same moment of the stride). flow::kGait at the drawn stride's time while the client walks and
// the flow model stands (the posture the flow panel set this frame wins); nothing otherwise:
// standing, sitting and lying still, the muscles rest.
[[nodiscard]] flow::PumpPressures client_muscles(const ClientStage& client, flow::Posture flow_posture_now, double ahead_s);

}  // namespace effleura::app
