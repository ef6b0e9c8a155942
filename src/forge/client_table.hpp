#pragma once
// The massage table around the client, in the room frame (anatomy/client_pose.hpp): a padded top
// with a face hole on a wooden frame, the bolsters under the knees (supine) and the ankles
// (prone), the wedge of the raised posture and the pillow under the supine head. Their parts of
// assets/client.glb, written after the client's own (forge/client_shapes.hpp client_parts).
#include <vector>

#include "forge/client_shapes.hpp"

namespace effleura::forge {

// The table's parts in the order they are written. `client` is the client's head and trunk as a
// distance in the body frame, which the pillow is dented by.
std::vector<ClientPart> table_parts(const Field& client);

}  // namespace effleura::forge
