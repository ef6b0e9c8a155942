#include "app/client_muscles.hpp"

#include <algorithm>

namespace effleura::app {

flow::PumpPressures client_muscles(const ClientStage& client, flow::Posture flow_posture_now, double ahead_s) {
  if (client.posture() != anatomy::ClientPosture::walking || flow_posture_now != flow_posture(client.posture())) return {};
  // The drawn stride's time (app/client_gait.hpp, on kGait's phase).
  return flow::kGait.at(client.walk_time() + std::max(ahead_s, 0.0));
}

}  // namespace effleura::app
