#pragma once
// Turning over on the table (anatomy/client_pose.hpp client_pose with 0 < turn < 1): a client
// rolls on the table top, not above it. The roll turns the body about its long axis; how high
// that axis must lie for the lowest point to rest on the top is the support of the client's
// cross-section in the direction of the table, which these give. No GL.

namespace effleura::anatomy {

// Rolling, the arms lie in along the flanks: each turns toward the midline at its shoulder by
// this many degrees times sin(pi turn) (none prone or supine). Left hanging 7 degrees out, the
// lower hand stood 7.5 cm beyond the hip and the client balanced on it halfway; turned in 4
// degrees it is 4 cm nearer, and the hip rests 4 cm above the top.
// 5 and 6 degrees took the lower hand into the thigh (tests/unit/app_client_hands_test.cpp: 1
// and 9 of its vertices halfway).
inline constexpr float kRollArmAdductionDeg = 4.0f;
[[nodiscard]] float roll_arm_adduction_deg(float turn);

// How far below the roll axis (the body's midline, in the plane of the hip centres) the
// client's lowest point lies over the table when it has turned `turn` of the way from prone (0)
// to supine (1), rolling toward its left (or, `outer_up`, its right): body, arms (flexed and
// adducted as client_pose turns them), both legs and the drapes; not the head (prone the face
// lies in the face hole, rolling it clears the top: tests/unit/anatomy_client_roll_test).
[[nodiscard]] float roll_support(float turn, bool outer_up);

}  // namespace effleura::anatomy
