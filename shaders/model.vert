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
uniform vec4 uDent[2];        // xyz: undisturbed skin over the middle of a hand, w: radius (0 = none)
uniform float uDentDepth[2];  // metres: > 0 pressed in, < 0 lifted (a kneaded fold)
uniform vec3 uDentAxis[2];    // the outward skin normal there; the tissue beneath moves along it
uniform float uAnkleDeg;      // + dorsiflexion (toes up)
uniform vec3 uAnkleCentre;
// Spheres standing in for the hands (xyz centre, w radius; w = 0 none): the skin beneath and
// beside a hand gets less of the ambient and fill light, a soft contact shadow that shows
// where the hand meets the skin (render/lights.hpp). Per vertex: the shadow is soft anyway.
uniform vec4 uOccluders[14];

out vec3 vWorld;
out vec3 vNormal;
out vec3 vFibre;
out float vTendon;
out float vGlow;
out float vOcclusion;

void main() {
  // The foot turns about the lateral axis through the ankle, as in anatomy/leg_surface.cpp's
  // FootShape::sole, so hands on the sole stay on it.
  float phi = radians(uAnkleDeg) * aAnkle;
  float c = cos(phi), s = sin(phi);
  vec3 q = aPosition - uAnkleCentre;
  vec3 p = uAnkleCentre + vec3(q.x, q.y * c + q.z * s, -q.y * s + q.z * c);
  vec3 n = vec3(aNormal.x, aNormal.y * c + aNormal.z * s, -aNormal.y * s + aNormal.z * c);
#if SHADING != 2
  // Soft tissue gives under the hands (bones do not). Profile, r in dent radii:
  //   g(r) = exp(-2 r^2) - 0.43 exp(-((r - 1.1) / 0.3)^2)
  // pressed in under the hand, and a rim raised round it: the two terms' integrals over the
  // plane are equal (pi/2 = 0.43 * 3.67), so what is pushed out of the dent bulges round it.
  // A negative depth turns it over: a lifted fold with the skin drawn in round it. The skin
  // moves along its own normal; muscles and veins beneath along the dent's axis, so they
  // stay under the dented skin (their distance from the centre already includes their depth,
  // so deeper tissue moves less).
  vec3 p0 = p;
  vec3 tilt = vec3(0.0);
  for (int i = 0; i < 2; ++i) {
    if (uDent[i].w <= 0.0) continue;
    vec3 rel = p0 - uDent[i].xyz;
    float inv_r2 = 1.0 / (uDent[i].w * uDent[i].w);
    float r2 = dot(rel, rel) * inv_r2;
    float r = sqrt(r2);
    float e = exp(-2.0 * r2);
    float k = (r - 1.1) / 0.3;
    float ring = 0.43 * exp(-k * k);
    float depth = uDentDepth[i];
#if SHADING == 0
    vec3 dir = n;
    // Only the side facing the hand: across a slim ankle the far side lies within reach.
    depth *= clamp(2.0 * dot(n, uDentAxis[i]) + 1.0, 0.0, 1.0);
#else
    vec3 dir = uDentAxis[i];
#endif
    p -= dir * depth * (e - ring);
    // The surface's slope: the gradient of the inward displacement, g'(r) / r * rel / R^2.
    float slope_over_r = -4.0 * e + ring * (2.0 * k / 0.3) / max(r, 1e-3);
    tilt += depth * slope_over_r * inv_r2 * rel;
  }
  // The tilted normal (the slope taken three times: a dent a few millimetres deep under a palm
  // 4 cm across is a gentle slope, and shading it true to size hides it at the usual zoom).
  n = normalize(n + 3.0 * (tilt - n * dot(tilt, n)));
#endif
#if SHADING == 0
  float shade = 0.0;
  for (int i = 0; i < 14; ++i) {
    vec3 w = uOccluders[i].xyz - p;
    float d2 = max(dot(w, w), 1e-6);
    float r2 = uOccluders[i].w * uOccluders[i].w;
    // A sphere's cosine-weighted share of the sky (r^2 / d^2 * cos), faded out beyond ~3 radii.
    shade += r2 / d2 * max(dot(n, w), 0.0) * inversesqrt(d2) * clamp(1.5 - 0.5 * d2 / (4.0 * r2 + 1e-8), 0.0, 1.0);
  }
  vOcclusion = aOcclusion * (1.0 - 0.75 * clamp(shade, 0.0, 1.0));
#else
  vOcclusion = aOcclusion;
#endif
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
