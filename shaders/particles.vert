#version 330 core
// Blood particles, one triangle each: GL points would do, but with multisampling llvmpipe (the
// software floor) turns every point into two triangles, and the dots cost half as much drawn
// as one triangle that just holds the dot. Vertex 3i..3i+2 is corner i%3 of particle i, whose
// position and speed (m/s) are texel 2i of uParticles and its direction of flow texel 2i+1.
// Moving blood is drawn as a dart whose tip points the way it flows (a student reads the
// direction from a still frame, and sees the darts travel in a running one); blood that
// hardly moves, or moves straight toward or away from the eye, stays a round dot.
uniform sampler2D uParticles;  // rows of texels (render/particle_pass.cpp)
uniform mat4 uViewProj;
uniform float uPointSize;   // the dot's diameter in pixels
uniform vec2 uViewport;     // pixels
uniform float uSpeedScale;  // speed (m/s) that maps to the top of the colour scale
// The skin dents under the hands and the veins beneath move with it (shaders/model.vert, the
// inner layers): the blood in them moves the same way, so it stays inside its vessel.
uniform vec4 uDent[3];        // centre, radius (final); w = 0 none ([2]: the fold)
uniform float uDentDepth[3];  // metres, signed
uniform vec3 uDentAxis[3];
// The knee bend (shaders/model.vert, anatomy::bend_knee): xyz the knee centre, w degrees.
uniform vec4 uKnee;
#define KNEE_REACH_MID 0.06  // anatomy::kKneeReachMid
#define KNEE_REACH_SIDE 0.03  // anatomy::kKneeReachSide
#define KNEE_REACH_HALF 0.08  // anatomy::kKneeReachHalf
#define KNEE_BLEND 0.07  // anatomy::kKneeBlend
uniform vec4 uHip;  // the hip blend (shaders/model.vert, anatomy::blend_hip): centre, degrees

out float vSpeed;
out float vReflux;  // 1 where the blood runs back away from the heart (speed < 0)
out vec2 vCoord;    // in dot radii: x across the flow, y along it (tip at +y)
flat out float vTangentY;  // where the dart's sides leave the round body (1e9: a round dot)
flat out float vTip;       // the dart's tip, in dot radii from the centre
flat out float vHalfBase;  // the triangle's half width at its base (y = -1)
flat out float vOutline;   // arrows: one pixel in dot radii, for their dark outline; 0 none

// Moving faster than this (m/s) draws a dart: 5 mm/s, a tenth of resting femoral flow.
const float kDartSpeed = 0.005;
const float kTip = 3.2;  // dart tip in dot radii: the dart is 2.1 dot diameters long

void main() {
  int row = textureSize(uParticles, 0).x;
  int texel = 2 * (gl_VertexID / 3);
  vec4 particle = texelFetch(uParticles, ivec2(texel % row, texel / row), 0);
  int corner_id = gl_VertexID % 3;
  vec4 dir_texel = texelFetch(uParticles, ivec2((texel + 1) % row, (texel + 1) / row), 0);
  vSpeed = clamp(abs(particle.w) / uSpeedScale, 0.0, 1.0);
  vReflux = particle.w < 0.0 ? 1.0 : 0.0;
  vec3 p = particle.xyz;
  for (int i = 0; i < 3; ++i) {
    if (uDent[i].w <= 0.0) continue;
    vec3 rel = particle.xyz - uDent[i].xyz;
    float r2 = dot(rel, rel) / (uDent[i].w * uDent[i].w);
    float k = (sqrt(r2) - 1.1) / 0.3;
    p -= uDentAxis[i] * uDentDepth[i] * (exp(-2.0 * r2) - 0.43 * exp(-k * k));
  }
  vec3 dir = dir_texel.xyz;
  if (uKnee.w != 0.0) {
    float kb = clamp((uKnee.y + KNEE_BLEND - p.y) / (2.0 * KNEE_BLEND), 0.0, 1.0);
    float a = radians(uKnee.w) * kb * kb * (3.0 - 2.0 * kb);
    float kc = cos(a), ks = sin(a);
    vec3 k = p - uKnee.xyz;
    // The flow's direction is a tangent: through the bend's Jacobian (shaders/model.vert's fibre).
    float rate = -radians(uKnee.w) * 6.0 * kb * (1.0 - kb) / (2.0 * KNEE_BLEND);
    float gx = 0.0, gy = 0.0, gz = 1.0;
    if (uKnee.w > 0.0 && kb > 0.0 && kb < 1.0 && k.z < 0.0) {  // anatomy::flatten_behind_knee (0.01: kKneeSoft)
      float q = 4.0 * kb * (1.0 - kb), dq = -4.0 * (1.0 - 2.0 * kb) / (2.0 * KNEE_BLEND);
      float peak = 1.5 * radians(uKnee.w) / (2.0 * KNEE_BLEND);
      float r = peak * q * q, dr = peak * 2.0 * q * dq;
      float ru = min(abs(k.x) / KNEE_REACH_HALF, 1.0), rs = 1.0 - ru * ru * ru * ru;  // anatomy::knee_reach
      float reach = KNEE_REACH_SIDE + (KNEE_REACH_MID - KNEE_REACH_SIDE) * rs * rs;
      float dreach = (KNEE_REACH_MID - KNEE_REACH_SIDE) * 2.0 * rs * (-4.0 * ru * ru * ru) * sign(k.x) / KNEE_REACH_HALF;
      float lam = 1.0 / (1.0 + 2.0 * r * reach), dlam = -2.0 * reach * dr * lam * lam;
      float d = k.z > -0.01 ? k.z * k.z / (2.0 * 0.01) : -k.z - 0.5 * 0.01;
      float behind = min(-k.z / 0.01, 1.0);
      float h = -k.z - (1.0 - lam) * d;
      float e = 2.0 * h / (1.0 + sqrt(max(1.0 - 2.0 * r * h, 0.0)));
      float den = max(1.0 - r * e, 1e-6);
      k.z = -e;
      gz = (1.0 - (1.0 - lam) * behind) / den;
      gy = -(dlam * d + 0.5 * dr * e * e) / den;
      gx = 2.0 * r * dreach * lam * lam * d / den;
    }
    dir = vec3(dir.x, (1.0 - k.z * rate) * dir.y, gx * dir.x + (gy + k.y * rate) * dir.y + gz * dir.z);
    p = uKnee.xyz + vec3(k.x, k.y * kc - k.z * ks, k.y * ks + k.z * kc);
    dir = vec3(dir.x, dir.y * kc - dir.z * ks, dir.y * ks + dir.z * kc);
  }
  if (uHip.w != 0.0) {  // 0.92, 0.11, 0.15: anatomy::kHipBlendMid (hip at 0.91 m), kHipBlend, kHipEase
    float hl = clamp((uHip.y + 0.01 + 0.11 - p.y) / 0.22, 0.0, 1.0);
    float hb = hl > 0.85 ? 1.0 - (1.0 - hl) * (1.0 - hl) / (2.0 * 0.15 * 0.925) : hl / 0.925;
    float a = radians(uHip.w) * (1.0 - hb);
    float hc = cos(a), hs = sin(a);
    vec3 h = p - uHip.xyz;
    float kf = radians(uHip.w) / 0.22 * 0.4 * 6.0 * hb * (1.0 - hb);  // anatomy::flatten_behind_hip
    float dw = hl > 0.0 ? -min(1.0, (1.0 - hl) / 0.15) / (0.925 * 0.22) : 0.0;
    float rate = -radians(uHip.w) * dw;
    float gy = 0.0, gz = 1.0;
    if (h.z < 0.0) {
      h.z = 2.0 * h.z / (1.0 + sqrt(max(1.0 - 2.0 * kf * h.z, 0.0)));
      gz = 1.0 / (1.0 - kf * h.z);
      gy = 0.5 * radians(uHip.w) / 0.22 * 0.4 * 6.0 * (1.0 - 2.0 * hb) * dw * h.z * h.z * gz;
    }
    // A tangent through the blend's Jacobian (anatomy::blend_hip_tangent).
    dir = vec3(dir.x, (1.0 - h.z * rate) * dir.y, (gy + h.y * rate) * dir.y + gz * dir.z);
    p = uHip.xyz + vec3(h.x, h.y * hc - h.z * hs, h.y * hs + h.z * hc);
    dir = vec3(dir.x, dir.y * hc - dir.z * hs, dir.y * hs + dir.z * hc);
  }
  vec4 clip = uViewProj * vec4(p, 1.0);
  // The flow's direction on the screen: the particle and a point 5 mm downstream, in pixels.
  vec4 ahead = uViewProj * vec4(p + 0.005 * dir, 1.0);
  vec2 screen = (ahead.xy / ahead.w - clip.xy / clip.w) * 0.5 * uViewport;
  float screen_len = length(screen);
  // One particle in twelve (flow::kMarkerEvery), marked by the flow code, is an arrow 2.5 times
  // the size: at 3 px a dot's point is too small to read, an arrow of ~20 px is not.
  bool marker = dir_texel.w > 0.5;
  float dot_r = 0.5 * uPointSize;
  // A dart only where the direction shows on screen (over a dot's radius per 5 mm).
  bool dart = abs(particle.w) > kDartSpeed && screen_len > dot_r && clip.w > 0.0;
  // Below 2.5 px dots (frames under 600 px tall) an arrow would be a 6 px speck: dots only.
  marker = marker && uPointSize >= 2.5;
  if (dart && marker) dot_r *= 2.5;
  vec2 along = dart ? screen / screen_len : vec2(0.0, 1.0);
  vec2 across = vec2(along.y, -along.x);
  // A triangle whose sides touch the unit circle: apex at tip, base at y = -1.
  float tip = dart ? kTip : 2.0;
  float half_base = (tip + 1.0) / sqrt(tip * tip - 1.0);
  vec2 corner = corner_id == 0 ? vec2(-half_base, -1.0) : corner_id == 1 ? vec2(half_base, -1.0) : vec2(0.0, tip);
  vCoord = corner;
  vTip = tip;
  vTangentY = dart ? 1.0 / tip : 1e9;
  vHalfBase = half_base;
  vOutline = dart && marker ? 1.0 / dot_r : 0.0;
  vec2 offset_px = (corner.x * across + corner.y * along) * dot_r;
  // Offset in pixels, turned into clip units (NDC spans 2 over the viewport, times w).
  clip.xy += offset_px * (2.0 / uViewport) * clip.w;
  // Arrows sit at the vein's centre, behind the dots on its near side: pulled toward the eye by
  // about a centimetre at the flow view's 2 m (near plane 2 cm), they draw over their own vein.
  if (vOutline > 0.0) clip.z -= 1e-4 * clip.w;
  gl_Position = clip;
}
