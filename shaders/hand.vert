#version 330 core
// The therapist's hands and forearms (assets/hands.glb), skinned: each vertex follows up to
// four joints of the hand skeleton, mixing their transforms by weight (linear blend
// skinning). uJoints holds posed frame * inverse bind for the left hand's 18 joints, then the
// right's, then the left and right forearm (render/hand_pass.cpp); the joint frames are
// rigid, so the same matrices turn the normals. Feeds the anatomy's fragment
// shader so hands and leg are lit alike.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in uvec4 aJoints;  // indices into uJoints
layout(location = 3) in vec4 aWeights;  // sum to 1

uniform mat4 uViewProj;
uniform mat4 uJoints[38];

out vec3 vWorld;
out vec3 vNormal;
out vec3 vFibre;
out float vGlow;
out float vOcclusion;

void main() {
  mat4 skin = aWeights.x * uJoints[aJoints.x] + aWeights.y * uJoints[aJoints.y] +
              aWeights.z * uJoints[aJoints.z] + aWeights.w * uJoints[aJoints.w];
  vec4 world = skin * vec4(aPosition, 1.0);
  vWorld = world.xyz;
  vNormal = mat3(skin) * aNormal;
  vFibre = vec3(0.0, 1.0, 0.0);
  vGlow = 0.0;
  vOcclusion = 1.0;
  gl_Position = uViewProj * world;
}
