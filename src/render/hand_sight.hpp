#pragma once
// What the sight tests and reports ask of a drawn hand: its sleeve as a rod that can hide things,
// the point of its palm that has to be seen, and whether a point lies inside the picture. One
// definition, so that --hand-report, the step camera's view search and the camera-sight tests
// count "seen" the same way.
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "render/frame_view.hpp"
#include "render/sight.hpp"
#include "technique/hand_rig.hpp"

namespace effleura::render {

// The sleeve: the forearm from 3 cm behind the wrist to the elbow, 3.5 cm thick.
inline constexpr float kSleeveRadius = 0.035f;
[[nodiscard]] Rod sleeve_rod(const glm::mat4& leg_to_room, const glm::mat4& forearm);

// Both drawn hands' sleeves, in the room.
[[nodiscard]] std::vector<Rod> sleeve_rods(const FrameView& view);

// The palm's centre as drawn, 2 cm inside the back of the hand, in the room.
[[nodiscard]] glm::vec3 palm_centre(const FrameView& view, std::size_t hand);
// The same for a hand built from its palm frame on the leg (technique::build_hand): the view
// search takes it so that it counts a palm seen where --hand-report does (it took a point 4 cm
// nearer the fingers, from the palm frame, and chose for ankle pumps' second step a view in
// which the heel hand's own sleeve hid its palm: both seen at 0.9 % of the report's moments).
[[nodiscard]] glm::vec3 palm_centre(const glm::mat4& leg_to_room, const technique::HandShape& shape);

// In front of the eye and inside the picture's edges.
[[nodiscard]] bool in_picture(const glm::mat4& view_projection, const glm::vec3& p);

}  // namespace effleura::render
