#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aAreasA;   // areas 0-3 (anatomy/areas.hpp order)
layout(location = 3) in vec4 aAreasB;   // areas 4-7
layout(location = 4) in float aAreasC;  // area 8
layout(location = 5) in vec4 aFibre;  // xyz fibre direction, w tendon (0 belly, 1 tendon)
layout(location = 6) in float aAnkle;  // 0 moves with the leg, 1 turns fully with the foot
layout(location = 7) in float aOcclusion;  // ambient light reaching the vertex (cavity AO)

uniform mat4 uViewProj;
uniform mat4 uModel;  // the mesh's frame -> room (the leg's posture, render/frame_view.hpp)
uniform float uHighlight[9];
// SHADING (0 skin, 1 muscle, 2 bone, 3 vein) is defined by the program that builds this
// shader (render/renderer.cpp), one program per material: see model.frag.
#ifndef SHADING
#define SHADING 0
#endif
uniform vec4 uDent[2];        // xyz: centre of a palm on the skin, w: radius (0 = none)
uniform float uDentDepth[2];  // metres
uniform float uAnkleDeg;      // + dorsiflexion (toes up)
uniform vec3 uAnkleCentre;

out vec3 vWorld;
out vec3 vNormal;
out vec3 vFibre;
out float vTendon;
out float vGlow;
out float vOcclusion;

void main() {
  // The skin gives under the hands: a smooth (Gaussian) dent along the inward normal.
  // The foot turns about the lateral axis through the ankle, as in anatomy/leg_surface.cpp's
  // FootShape::sole, so hands on the sole stay on it.
  float phi = radians(uAnkleDeg) * aAnkle;
  float c = cos(phi), s = sin(phi);
  vec3 q = aPosition - uAnkleCentre;
  vec3 p = uAnkleCentre + vec3(q.x, q.y * c + q.z * s, -q.y * s + q.z * c);
  vec3 n = vec3(aNormal.x, aNormal.y * c + aNormal.z * s, -aNormal.y * s + aNormal.z * c);
#if SHADING == 0
  for (int i = 0; i < 2; ++i) {
    if (uDent[i].w <= 0.0) continue;
    float d = distance(aPosition, uDent[i].xyz) / uDent[i].w;
    p -= n * uDentDepth[i] * exp(-2.0 * d * d);
  }
#endif
  vOcclusion = aOcclusion;
  vWorld = (uModel * vec4(p, 1.0)).xyz;
  vNormal = mat3(uModel) * n;
  vFibre = mat3(uModel) * aFibre.xyz;
  vTendon = aFibre.w;
  // Per-vertex soft membership times the per-area glow gives a soft-edged highlight.
  float g = 0.0;
  for (int i = 0; i < 4; ++i) g = max(g, aAreasA[i] * uHighlight[i]);
  for (int i = 0; i < 4; ++i) g = max(g, aAreasB[i] * uHighlight[i + 4]);
  g = max(g, aAreasC * uHighlight[8]);
  vGlow = g;
  gl_Position = uViewProj * vec4(vWorld, 1.0);
}
