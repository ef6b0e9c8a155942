#version 330 core
// Rigid capsule parts (the hands' palm and phalanges), one instance each. The mesh is a unit
// sphere split at the equator; aEnd says which half: 0 stays at z = 0, 1 moves to z = length.
// Feeds the same fragment shader as the anatomy so hands and leg are lit alike.
layout(location = 0) in vec3 aDirection;
layout(location = 1) in float aEnd;
layout(location = 2) in vec4 iFrame0;  // the part's rigid frame, column by column
layout(location = 3) in vec4 iFrame1;
layout(location = 4) in vec4 iFrame2;
layout(location = 5) in vec4 iFrame3;
layout(location = 6) in vec3 iShape;   // length, radius across (x), radius through (y)

uniform mat4 uViewProj;

out vec3 vWorld;
out vec3 vNormal;
out vec3 vFibre;
out float vGlow;
out float vOcclusion;

void main() {
  mat4 frame = mat4(iFrame0, iFrame1, iFrame2, iFrame3);
  vec2 radius = iShape.yz;
  float cap = min(radius.x, radius.y);
  vec3 local = vec3(aDirection.xy * radius, aDirection.z * cap + aEnd * iShape.x);
  vec3 n = normalize(vec3(aDirection.xy / radius, aDirection.z / cap));
  vec4 world = frame * vec4(local, 1.0);
  vWorld = world.xyz;
  vNormal = mat3(frame) * n;
  vFibre = vec3(0.0, 1.0, 0.0);
  vGlow = 0.0;
  vOcclusion = 1.0;
  gl_Position = uViewProj * world;
}
