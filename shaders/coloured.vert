#version 330 core
// Per-vertex coloured geometry in world space: stroke trails, arrows, valve leaflets.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec4 aColour;
uniform mat4 uViewProj;
uniform vec4 uKnee;  // the knee bend (shaders/model.vert, anatomy::bend_knee): centre, degrees
uniform vec4 uHip;  // the hip blend (shaders/model.vert, anatomy::blend_hip): centre, degrees
out vec4 vColour;
#define KNEE_REACH_MID 0.06  // anatomy::kKneeReachMid
#define KNEE_REACH_SIDE 0.03  // anatomy::kKneeReachSide
#define KNEE_REACH_HALF 0.08  // anatomy::kKneeReachHalf
#define KNEE_BLEND 0.07  // anatomy::kKneeBlend
void main() {
  vColour = aColour;
  vec3 p = aPosition;
  if (uKnee.w != 0.0) {
    float kb = clamp((uKnee.y + KNEE_BLEND - p.y) / (2.0 * KNEE_BLEND), 0.0, 1.0);
    float a = radians(uKnee.w) * kb * kb * (3.0 - 2.0 * kb);
    vec3 k = p - uKnee.xyz;
    if (uKnee.w > 0.0 && kb > 0.0 && kb < 1.0 && k.z < 0.0) {  // anatomy::flatten_behind_knee (0.01: kKneeSoft)
      float q = 4.0 * kb * (1.0 - kb);
      float r = 1.5 * radians(uKnee.w) / (2.0 * KNEE_BLEND) * q * q;
      float d = k.z > -0.01 ? k.z * k.z / 0.02 : -k.z - 0.005;
      float ru = min(abs(k.x) / KNEE_REACH_HALF, 1.0), rs = 1.0 - ru * ru * ru * ru;  // anatomy::knee_reach
      float reach = KNEE_REACH_SIDE + (KNEE_REACH_MID - KNEE_REACH_SIDE) * rs * rs;
      float h = -k.z - d * (1.0 - 1.0 / (1.0 + 2.0 * r * reach));
      k.z = -2.0 * h / (1.0 + sqrt(max(1.0 - 2.0 * r * h, 0.0)));
    }
    p = uKnee.xyz + vec3(k.x, k.y * cos(a) - k.z * sin(a), k.y * sin(a) + k.z * cos(a));
  }
  if (uHip.w != 0.0) {  // 0.92, 0.11, 0.15: anatomy::kHipBlendMid (hip at 0.91 m), kHipBlend, kHipEase
    float hl = clamp((uHip.y + 0.01 + 0.11 - p.y) / 0.22, 0.0, 1.0);
    float hb = hl > 0.85 ? 1.0 - (1.0 - hl) * (1.0 - hl) / (2.0 * 0.15 * 0.925) : hl / 0.925;
    float a = radians(uHip.w) * (1.0 - hb);
    float hc = cos(a), hs = sin(a);
    vec3 h = p - uHip.xyz;
    float kf = radians(uHip.w) / 0.22 * 0.4 * 6.0 * hb * (1.0 - hb);  // anatomy::flatten_behind_hip
    if (h.z < 0.0) h.z = 2.0 * h.z / (1.0 + sqrt(max(1.0 - 2.0 * kf * h.z, 0.0)));
    p = uHip.xyz + vec3(h.x, h.y * hc - h.z * hs, h.y * hs + h.z * hc);
  }
  gl_Position = uViewProj * vec4(p, 1.0);
}
