#version 330 core
// Rigid capsule parts (the hands' palm and phalanges). The mesh is a unit sphere split at the
// equator; aEnd (area slot 8) says which half: 0 stays at z = 0, 1 moves to z = uLength.
// Feeds the same fragment shader as the anatomy so hands and leg are lit alike.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 4) in float aEnd;

uniform mat4 uViewProj;
uniform mat4 uModel;    // rotation and translation only
uniform float uLength;
uniform vec2 uRadius;

out vec3 vWorld;
out vec3 vNormal;
out vec3 vFibre;
out float vGlow;
out float vOcclusion;

void main() {
  vec3 local = vec3(aPosition.xy * uRadius, aPosition.z * min(uRadius.x, uRadius.y) + aEnd * uLength);
  vec3 n = normalize(vec3(aNormal.xy / uRadius, aNormal.z / min(uRadius.x, uRadius.y)));
  vec4 world = uModel * vec4(local, 1.0);
  vWorld = world.xyz;
  vNormal = mat3(uModel) * n;
  vFibre = vec3(0.0, 1.0, 0.0);
  vGlow = 0.0;
  vOcclusion = 1.0;
  gl_Position = uViewProj * world;
}
