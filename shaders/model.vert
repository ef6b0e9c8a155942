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
// The soft tissue (technique/tissue.hpp, which computes the same displacement for the tests):
// [0], [1] under the hands, [2] a kneaded fold between them.
uniform vec4 uDent[3];        // xyz: undisturbed skin at the centre, w: radius (0 = none)
uniform float uDentDepth[3];  // metres: > 0 pressed in, < 0 lifted (a kneaded fold)
uniform vec3 uDentAxis[3];    // the outward skin normal there; the tissue beneath moves along it
// Each hand's flesh as capsules (hand_fit.hpp hand_capsules: CAPSULES a hand, left then
// right): xyz one end and w the radius (0 = none), and the other end; uRim: the height of the
// rim round each hand (m). The constants match technique/tissue.hpp.
#define CAPSULES 18
#define SKIRT 0.006
#define SAG 0.014
#define RIM_OUT 0.025
#define RIM_WIDTH 0.015
#define MAX_PUSH 0.012
#define REACH 0.018
#define KNEE_BLEND 0.07  // anatomy::kKneeBlend
#define KNEE_REACH_MID 0.06  // anatomy::kKneeReachMid
#define KNEE_REACH_SIDE 0.03  // anatomy::kKneeReachSide
#define KNEE_REACH_HALF 0.08  // anatomy::kKneeReachHalf
#define KNEE_SOFT 0.01  // anatomy kKneeSoft (client_pose.cpp)
#define HIP_BLEND_MID 0.92  // anatomy::kHipBlendMid (for a hip centre at 0.91 m)
#define HIP_BLEND 0.11      // anatomy::kHipBlend
#define HIP_EASE 0.15       // anatomy::kHipEase
#define HIP_SPLIT 0.03      // anatomy::kHipSplit
uniform vec4 uCapA[2 * CAPSULES];
uniform vec3 uCapB[2 * CAPSULES];
uniform float uRim[2];
// How deep the skin beside each hand is drawn down with it (m; tissue.hpp TissueShape::sag: a flat
// press, 0 for a grip).
uniform float uSag[2];
// How many of each hand's capsules to look at (render/tissue_uniforms.cpp: up to its last with a
// radius; 0 for a hand away from the leg). The ones past it have none and would be skipped, but a
// software rasteriser (SwiftShader in the page) runs a loop's every pass for every vertex anyway.
uniform int uHandCapsules[2];
// Each hand's capsules inside one sphere (xyz centre, w radius; render/tissue_uniforms.cpp). A
// vertex HAND_FAR beyond it is untouched by that hand: no push (REACH), a rim of exp(-13.4) of its
// height (at most 9.6 mm: under 15 nm, a quarter of a float's step at half a metre), a sag of
// exp(-33) of its depth and `clear` already 1 from 12 mm, so its loop is skipped. (It was 0.12 m,
// exp(-40): 0.08 gives the same pictures byte for byte and ~9 % less of the skin's vertex time on
// llvmpipe, since fewer of the 8-vertex batches beside a hand enter the loops; README, session 24.) On llvmpipe
// the vertex shader runs on the main thread, 8 vertices at a time, and the capsule loops were
// run for every vertex of the skin and the client's body in every frame with a hand on the leg.
uniform vec4 uHandBound[2];
#define HAND_FAR 0.08
uniform float uAnkleDeg;      // + dorsiflexion (toes up)
uniform vec3 uAnkleCentre;
// The knee bend (anatomy::bend_knee, which the tests use): xyz the knee centre in the mesh's
// frame, w the flexion in degrees (0: none). Applied last, after the hands' dents, which are
// computed on the straight leg like the hands' own positions.
uniform vec4 uKnee;
// The hip blend (anatomy::blend_hip): xyz the hip centre in the mesh's frame, w the hip flexion
// uModel already carries (degrees; 0: none). The top of the leg - buttock, groin, the cut under
// the drape - is turned back by (1 - w) of it so it stays with the pelvis; applied after the knee.
uniform vec4 uHip;
// Walking, the client's body and the hip drape (anatomy::fold_hips, drawn in the body frame): x the
// left hip's flexion, y the right's, w 1 (0: off, uHip alone). Each point turns by its side's
// flexion (anatomy::hip_side_share across the midline, z its x) times the hip weight.
uniform vec4 uHipSides;
// Spheres standing in for the hands (xyz centre, w radius; w = 0 none): the skin beneath and
// beside a hand gets less of the ambient and fill light, a soft contact shadow that shows
// where the hand meets the skin (render/lights.hpp). Per vertex: the shadow is soft anyway.
uniform vec4 uOccluders[14];
uniform int uOccluderCount;  // up to the last with a radius (render/renderer.cpp): 0 with no hand in view
// Every sphere's shadow ends at sqrt(12) radii (the fade below): none reaches a vertex farther
// than w from xyz (render/lights.hpp occluder_reach), which skips the loop.
uniform vec4 uOccluderReach;
// The atlas's clipping plane in the room (render/frame_view.hpp FrameView::clip): the side where
// the distance is negative is cut away while GL_CLIP_DISTANCE0 is on (only for the leg's layers).
uniform vec4 uClip;

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
#if SHADING == 0 && defined(NO_TISSUE)
  // No hand, dent nor shadow this frame, or the client's body (render/materials.hpp): the same
  // as the tissue's lines below give then, without running them.
  n = normalize(n);
#elif SHADING == 0
  // The skin (technique/tissue.cpp computes the same displacement for the tests): pressed in
  // wherever a hand's flesh reaches into it, with a soft skirt, so a palm pressed in sits in
  // its dent and no finger shows inside the skin; the refilling dents; a rim raised round each
  // pressing hand's outline; a kneaded fold lifted between the hands. Raised skin fades out
  // near flesh, so nothing rises into a hand. The skin moves along its own normal.
  vec3 tilt = vec3(0.0);  // the gradient of the inward displacement: tilts the normal
  float push = 0.0;
  vec3 push_grad = vec3(0.0);
  float nearest = 1e9;
  float rim = 0.0;
  vec3 rim_grad = vec3(0.0);
  for (int h = 0; h < 2; ++h) {
    float near_h = 1e9;
    vec3 near_dir = vec3(0.0);
    bool near_hand = distance(p, uHandBound[h].xyz) - uHandBound[h].w < HAND_FAR;
    for (int c = h * CAPSULES; c < h * CAPSULES + uHandCapsules[h] && near_hand; ++c) {
      if (uCapA[c].w <= 0.0) continue;
      vec3 ab = uCapB[c] - uCapA[c].xyz;
      vec3 ap = p - uCapA[c].xyz;
      float t = clamp(dot(ap, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
      vec3 off = ap - ab * t;
      float dist = length(off);
      float rad = uCapA[c].w;
      float u = dist - rad;
      vec3 dir = off / max(dist, 1e-6);  // the gradient of u
      if (u < near_h) { near_h = u; near_dir = dir; }
      // How far the skin must move in along n to clear the capsule (tissue.cpp capsule_reach).
      float hgt = dot(off, n);
      vec3 side = off - n * hgt;
      float l = length(side);
      float x = l < rad ? hgt + sqrt(rad * rad - l * l) : hgt - (l - rad);
      float soft = x >= SKIRT ? x : (x <= -SKIRT ? 0.0 : (x + SKIRT) * (x + SKIRT) / (4.0 * SKIRT));
      // Only flesh within reach (across a slim ankle the other hand lies "below" the far side).
      soft *= clamp((REACH - u) / SKIRT, 0.0, 1.0);
      if (soft > push) {
        push = soft;
        // Sloping down toward the capsule across it (steepness capped at the flesh's edge).
        float dxdl = l < rad ? -min(l / max(sqrt(rad * rad - l * l), 1e-6), 2.0) : -1.0;
        push_grad = (side / max(l, 1e-6)) * dxdl * (x >= SKIRT ? 1.0 : (x + SKIRT) / (2.0 * SKIRT));
      }
    }
    // The skin beside a flat press drawn down with it (tissue.hpp kSagM).
    float su = max(near_h, 0.0) / SAG;
    float sag = uSag[h] * exp(-su * su);
    if (sag > push) {
      push = sag;
      push_grad = near_dir * sag * (-2.0 * su / SAG);
    }
    float k = (near_h - RIM_OUT) / RIM_WIDTH;
    float bump = uRim[h] * exp(-k * k);
    rim += bump;
    rim_grad += bump * (-2.0 * k / RIM_WIDTH) * near_dir;
    nearest = min(nearest, near_h);
  }
  // The foot is thin over its bones: a hand gripping it presses in 3 mm at most (a deeper
  // push went through the dorsum). technique/tissue.cpp measures the leg only.
  float max_push = mix(MAX_PUSH, 0.003, aAnkle);
  if (push > max_push) { push = max_push; push_grad = vec3(0.0); }
  float inward = push;
  tilt = push_grad;
  for (int i = 0; i < 2; ++i) {
    if (uDent[i].w <= 0.0) continue;
    vec3 rel = p - uDent[i].xyz;
    float inv_r2 = 1.0 / (uDent[i].w * uDent[i].w);
    float e = exp(-2.0 * dot(rel, rel) * inv_r2);
    // Only the side facing the dent: across a slim ankle the far side lies within reach.
    float d = uDentDepth[i] * clamp(2.0 * dot(n, uDentAxis[i]) + 1.0, 0.0, 1.0);
    if (d * e > inward) { inward = d * e; tilt = d * (-4.0 * e) * inv_r2 * rel; }
  }
  float ct = clamp((nearest - 0.004) / 0.008, 0.0, 1.0);
  float clear = ct * ct * (3.0 - 2.0 * ct);
  inward -= rim * clear;
  tilt -= rim_grad * clear;
  if (uDent[2].w > 0.0) {
    vec3 rel = p - uDent[2].xyz;
    float inv_r2 = 1.0 / (uDent[2].w * uDent[2].w);
    float r2 = dot(rel, rel) * inv_r2;
    float r = sqrt(r2);
    float e = exp(-2.0 * r2);
    float k = (r - 1.1) / 0.3;
    float ring = 0.43 * exp(-k * k);
    float d = uDentDepth[2] * clamp(2.0 * dot(n, uDentAxis[2]) + 1.0, 0.0, 1.0);
    float f = d * (e - ring);
    float w = f < 0.0 ? clear : 1.0;
    inward += f * w;
    tilt += w * d * (-4.0 * e + ring * (2.0 * k / 0.3) / max(r, 1e-3)) * inv_r2 * rel;
  }
  p -= n * inward;
  // Steep flesh edges (a fingertip pushed in) would turn the normal over: the slope is capped.
  float tl = length(tilt);
  if (tl > 0.3) tilt *= 0.3 / tl;
  // The tilted normal (the slope taken three times: a dent a few millimetres deep under a palm
  // 4 cm across is a gentle slope, and shading it true to size hides it at the usual zoom).
  n = normalize(n + 3.0 * (tilt - n * dot(tilt, n)));
#elif SHADING != 2
  // Muscles and veins beneath do not meet the hand: they move along each dent's axis with the
  // profile g(r) = exp(-2 r^2) - 0.43 exp(-((r - 1.1) / 0.3)^2) (r in dent radii; the rim holds
  // the volume pushed out of the dent), so they stay under the dented skin (their distance
  // from the centre already includes their depth, so deeper tissue moves less). A negative
  // depth (the fold) lifts them with the skin.
  vec3 p0 = p;
  for (int i = 0; i < 3; ++i) {
    if (uDent[i].w <= 0.0) continue;
    vec3 rel = p0 - uDent[i].xyz;
    float r2 = dot(rel, rel) / (uDent[i].w * uDent[i].w);
    float k = (sqrt(r2) - 1.1) / 0.3;
    p -= uDentAxis[i] * uDentDepth[i] * (exp(-2.0 * r2) - 0.43 * exp(-k * k));
  }
#endif
#if SHADING == 0 && !defined(NO_TISSUE)
  float shade = 0.0;
  bool near_shadow = distance(p, uOccluderReach.xyz) < uOccluderReach.w;
  for (int i = 0; i < uOccluderCount && near_shadow; ++i) {
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
  vec3 fibre = aFibre.xyz;
  // Neither bend is rigid (the angle changes with height, the buttock is flattened): normals go
  // through the inverse transpose of the map's Jacobian, fibres through the Jacobian, as
  // anatomy::bend_knee_normal / blend_hip_normal compute (R [[1,0,0],[0,A,0],[E,B,C]] there).
  if (uKnee.w != 0.0) {
    float kb = clamp((uKnee.y + KNEE_BLEND - p.y) / (2.0 * KNEE_BLEND), 0.0, 1.0);
    float a = radians(uKnee.w) * kb * kb * (3.0 - 2.0 * kb);
    float rate = -radians(uKnee.w) * 6.0 * kb * (1.0 - kb) / (2.0 * KNEE_BLEND);  // d angle / dy
    float kc = cos(a), ks = sin(a);
    vec3 k = p - uKnee.xyz;
    // The back of the knee flattened into the fold first (anatomy::flatten_behind_knee): the
    // depth behind the axis -z -> e with e - r e^2 / 2 = -z - (1 - lambda) d (d the smooth
    // depth), lambda = 1 / (1 + 2 r reach), r = 1.5 flexion / (2 blend) q^2; the reach follows
    // the knee's outline across it (anatomy::knee_reach), so g changes with x too (gx).
    float gx = 0.0, gy = 0.0, gz = 1.0;
    if (uKnee.w > 0.0 && kb > 0.0 && kb < 1.0 && k.z < 0.0) {
      float q = 4.0 * kb * (1.0 - kb), dq = -4.0 * (1.0 - 2.0 * kb) / (2.0 * KNEE_BLEND);
      float peak = 1.5 * radians(uKnee.w) / (2.0 * KNEE_BLEND);
      float r = peak * q * q, dr = peak * 2.0 * q * dq;
      float ru = min(abs(k.x) / KNEE_REACH_HALF, 1.0), rs = 1.0 - ru * ru * ru * ru;
      float reach = KNEE_REACH_SIDE + (KNEE_REACH_MID - KNEE_REACH_SIDE) * rs * rs;
      float dreach = (KNEE_REACH_MID - KNEE_REACH_SIDE) * 2.0 * rs * (-4.0 * ru * ru * ru) * sign(k.x) / KNEE_REACH_HALF;
      float lam = 1.0 / (1.0 + 2.0 * r * reach), dlam = -2.0 * reach * dr * lam * lam;
      float d = k.z > -KNEE_SOFT ? k.z * k.z / (2.0 * KNEE_SOFT) : -k.z - 0.5 * KNEE_SOFT;
      float behind = min(-k.z / KNEE_SOFT, 1.0);
      float h = -k.z - (1.0 - lam) * d;
      float e = 2.0 * h / (1.0 + sqrt(max(1.0 - 2.0 * r * h, 0.0)));
      float den = max(1.0 - r * e, 1e-6);
      k.z = -e;
      gz = (1.0 - (1.0 - lam) * behind) / den;
      gy = -(dlam * d + 0.5 * dr * e * e) / den;
      gx = 2.0 * r * dreach * lam * lam * d / den;
    }
    float ja = 1.0 - k.z * rate, jb = gy + k.y * rate;
    n = vec3(ja * gz * n.x - ja * gx * n.z, gz * n.y - jb * n.z, ja * n.z);
    fibre = vec3(fibre.x, ja * fibre.y, gx * fibre.x + jb * fibre.y + gz * fibre.z);
    p = uKnee.xyz + vec3(k.x, k.y * kc - k.z * ks, k.y * ks + k.z * kc);
    n = vec3(n.x, n.y * kc - n.z * ks, n.y * ks + n.z * kc);
    fibre = vec3(fibre.x, fibre.y * kc - fibre.z * ks, fibre.y * ks + fibre.z * kc);
  }
  // The hip's flexion here, and the share of it uModel already carries (turned back by 1 - w of
  // it). Walking's body and drape (uHipSides) carry none and turn by -flexion w: the normals then
  // leave out the turn's change across x, 6 cm wide at the crotch, inside the legs under the sheet.
  float hip_deg = uHip.w, hip_base = uHip.w;
  if (uHipSides.w > 0.5) {
    float hx = clamp((p.x - (uHipSides.z - HIP_SPLIT)) / (2.0 * HIP_SPLIT), 0.0, 1.0);
    hip_deg = mix(uHipSides.y, uHipSides.x, hx * hx * (3.0 - 2.0 * hx));
    hip_base = 0.0;
  }
  if (hip_deg != 0.0) {
    // Linear, eased over the zone's lowest HIP_EASE so the thigh has no crease there
    // (anatomy::hip_weight says why); dw = d weight / dy (anatomy::hip_weight_slope).
    float hl = clamp((uHip.y + (HIP_BLEND_MID - 0.91) + HIP_BLEND - p.y) / (2.0 * HIP_BLEND), 0.0, 1.0);
    float hs_ = 1.0 / (1.0 - 0.5 * HIP_EASE);
    float hb = hl > 1.0 - HIP_EASE ? 1.0 - hs_ * (1.0 - hl) * (1.0 - hl) / (2.0 * HIP_EASE) : hs_ * hl;
    float a = radians(hip_base) - radians(hip_deg) * hb;
    float dw = hl > 0.0 ? -hs_ * min(1.0, (1.0 - hl) / HIP_EASE) / (2.0 * HIP_BLEND) : 0.0;
    float rate = -radians(hip_deg) * dw;
    float hc = cos(a), hs = sin(a);
    vec3 k = p - uHip.xyz;
    // The buttock flattened first, so the fold keeps its volume (anatomy::flatten_behind_hip).
    float kf = radians(hip_deg) / (2.0 * HIP_BLEND) * 0.4 * 6.0 * hb * (1.0 - hb);  // 0.4: kHipFlatten
    float gy = 0.0, gz = 1.0;
    float y0 = k.y;
    if (k.z < 0.0) {
      k.z = 2.0 * k.z / (1.0 + sqrt(max(1.0 - 2.0 * kf * k.z, 0.0)));
      float dk = radians(hip_deg) / (2.0 * HIP_BLEND) * 0.4 * 6.0 * (1.0 - 2.0 * hb) * dw;
      gz = 1.0 / (1.0 - kf * k.z);
      gy = 0.5 * dk * k.z * k.z * gz;
    }
    float ja = 1.0 - k.z * rate, jb = gy + y0 * rate;
    n = vec3(ja * gz * n.x, gz * n.y - jb * n.z, ja * n.z);
    fibre = vec3(fibre.x, ja * fibre.y, jb * fibre.y + gz * fibre.z);
    p = uHip.xyz + vec3(k.x, k.y * hc - k.z * hs, k.y * hs + k.z * hc);
    n = vec3(n.x, n.y * hc - n.z * hs, n.y * hs + n.z * hc);
    fibre = vec3(fibre.x, fibre.y * hc - fibre.z * hs, fibre.y * hs + fibre.z * hc);
  }
  vWorld = (uModel * vec4(p, 1.0)).xyz;
  vNormal = mat3(uModel) * n;
  vFibre = mat3(uModel) * fibre;
  vTendon = aFibre.w;
  // Per-vertex soft membership times the per-area glow gives a soft-edged highlight.
  float g = 0.0;
  for (int i = 0; i < 4; ++i) g = max(g, aAreasA[i] * uHighlight[i]);
  for (int i = 0; i < 4; ++i) g = max(g, aAreasB[i] * uHighlight[i + 4]);
  g = max(g, aAreasC * uHighlight[8]);
  vGlow = g;
  gl_Position = uViewProj * vec4(vWorld, 1.0);
  gl_ClipDistance[0] = dot(uClip, vec4(vWorld, 1.0));
}
