#version 330 core
// One shader for every layer; SHADING, defined when the program is built, picks the material:
//   0 skin: wrapped diffuse with a warm scattering tint (light bleeds past the terminator as it
//     does through skin), soft sheen; 1 muscle: anisotropic sheen along the fibres;
//   2 bone: matte ivory; 3 vein: deep blue with a wet highlight.
// A preprocessor choice, not a uniform: llvmpipe (the software floor) runs both sides of a
// branch for every fragment, so with a uniform every layer paid for all four materials.
#ifndef SHADING
#define SHADING 0
#endif
in vec3 vWorld;
in vec3 vNormal;
in vec3 vFibre;
in float vTendon;
in float vGlow;
in float vOcclusion;

uniform vec3 uEye;
uniform vec3 uBaseColour;
uniform float uOpacity;
// 1 while the clipping plane cuts the leg: back faces, seen only through the cut, are drawn
// flat in the layer's colour, so a cut muscle, bone or vein reads as a solid section.
uniform float uCaps;
// 1 for the structure the atlas selected (render/frame_view.hpp): it glows, so it is found at once.
uniform float uSelected;

out vec4 fragColour;

// Toward the key, fill and rim lights, which move with the camera (render/lights.hpp), so a
// back view is lit as well as a front one.
uniform vec3 uKeyDir;
uniform vec3 uFillDir;
uniform vec3 uRimDir;
const vec3 kGlowColour = vec3(0.15, 0.85, 0.95);

// Whole powers by repeated multiplication: on llvmpipe pow() is a log2 and an exp2 each.
float pow20(float x) { float x2 = x * x, x5 = x2 * x2 * x, x10 = x5 * x5; return x10 * x10; }
float pow24(float x) { float x3 = x * x * x, x6 = x3 * x3, x12 = x6 * x6; return x12 * x12; }
float pow40(float x) { float x20 = pow20(x); return x20 * x20; }

void main() {
  if (uCaps > 0.5 && !gl_FrontFacing) {
    fragColour = vec4(uBaseColour * 0.78, 1.0);
    return;
  }
  vec3 n = normalize(vNormal);
  vec3 v = normalize(uEye - vWorld);
  if (dot(n, v) < 0.0) n = -n;  // open foreign meshes: light the side we see
  float hemi = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.20, 0.19, 0.19), vec3(0.34, 0.35, 0.38), hemi) * vOcclusion;
  float ndv = max(dot(n, v), 0.0);
  float rim = 1.0 - ndv;
  rim *= rim;
  // The rim light grazes the silhouette from behind and lifts the outline off the background.
  float rim_light = rim * max(dot(n, uRimDir) + 0.3, 0.0);
  vec3 c;
#if SHADING == 0
  {
    float w = 0.45;
    float key = max((dot(n, uKeyDir) + w) / (1.0 + w), 0.0);
    float scatter = max(key - max(dot(n, uKeyDir), 0.0), 0.0);
    float fill = max(dot(n, uFillDir), 0.0) * 0.22 * vOcclusion;
    vec3 h = normalize(uKeyDir + v);
    float sheen = pow24(max(dot(n, h), 0.0)) * 0.12;
    // Hollows also catch less of the key light's wrap: occlusion darkens them softly.
    c = uBaseColour * (ambient + 0.85 * key * mix(0.7, 1.0, vOcclusion) + fill) + vec3(0.55, 0.12, 0.06) * scatter * 0.6 + sheen +
        vec3(0.30, 0.31, 0.34) * rim_light;
  }
#elif SHADING == 1
  {
    vec3 t = normalize(vFibre - n * dot(vFibre, n) + 1e-5);
    vec3 h = normalize(uKeyDir + v);
    float th = dot(t, h);
    float aniso = pow20(max(1.0 - th * th, 0.0)) * 0.15;  // sin(angle to the fibre)^40
    float diff = max(dot(n, uKeyDir), 0.0);
    // Fascicle stripes along the fibres, so the direction of the fibres (and of cross-fibre
    // work) reads on the surface; faded out where they would alias (screen-space derivative).
    float phase = dot(vWorld, cross(t, n)) * 600.0;
    float fade = clamp(1.0 - fwidth(phase) / 3.0, 0.0, 1.0);
    float stripes = 1.0 - mix(0.18, 0.07, vTendon) * fade * (0.5 + 0.5 * sin(phase));
    // Tendons and aponeuroses: the belly's red turns to a glossy ivory.
    vec3 base = mix(uBaseColour, vec3(0.86, 0.83, 0.74), vTendon);
    c = base * stripes * (ambient + 0.8 * diff + 0.2 * max(dot(n, uFillDir), 0.0)) + aniso * (1.0 + vTendon) +
        0.3 * base * rim_light;
  }
#elif SHADING == 3
  {
    float diff = max(dot(n, uKeyDir), 0.0);
    vec3 h = normalize(uKeyDir + v);
    c = uBaseColour * (ambient + 0.8 * diff + 0.2 * max(dot(n, uFillDir), 0.0)) + pow40(max(dot(n, h), 0.0)) * 0.3;
  }
#else
  {
    float diff = max(dot(n, uKeyDir), 0.0);
    c = uBaseColour * (ambient + 0.75 * diff + 0.2 * max(dot(n, uFillDir), 0.0) + 0.3 * rim_light);
  }
#endif
  // Highlighted areas: an additive glow plus a brighter rim, so the area reads from any angle.
  float glow = max(vGlow, 0.6 * uSelected);
  c = mix(c, c * 0.6 + kGlowColour * 0.55, glow * 0.85) + kGlowColour * rim * glow * 0.35;
  float alpha = uOpacity;
  if (uOpacity < 0.999) {
    // X-ray: the silhouette stays visible while the middle opens onto the layers beneath.
    alpha = clamp(uOpacity + rim * (1.0 - uOpacity) * 0.6 + vGlow * 0.08, 0.0, 1.0);
  }
  // pow(c, 1 / 1.1), a slight lift of the mid-tones, as a cubic in sqrt(c): within 0.35 of an
  // 8-bit step on [0, 1] and at least 1 above it (where the target clamps), at a fraction of
  // the cost of three pow() calls on llvmpipe.
  vec3 s = sqrt(max(c, 0.0));
  fragColour = vec4(s * (0.057539 + s * (1.086916 - 0.144454 * s)), alpha);
}
