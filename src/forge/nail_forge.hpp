#pragma once
// Fingernails: a thin, slightly domed plate on the back of each fingertip, drawn in a paler,
// pinker tone than the skin, so the hand reads as a hand (and which side is its back) at the
// usual zoom. Separate small meshes rather than part of the hand's surface: at the 1 mm voxels
// the hand is meshed at, a plate a millimetre proud would be smoothed away. Each nail is bound
// wholly to its finger's last phalanx.
#include <vector>

#include "core/contact.hpp"
#include "forge/skinned_glb.hpp"

namespace effleura::forge {

// "nails.left" or "nails.right", skinned to `skeleton` (the hand's, technique::joint_name order).
SkinnedOutMesh forge_nails(Hand hand, const std::vector<SkinJoint>& skeleton);

}  // namespace effleura::forge
