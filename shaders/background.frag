#version 330 core
// Neutral studio gradient with a soft vignette: calm behind a skin-toned subject, never pure
// black (projectors crush it) nor bright (it would compete with the highlights).
in vec2 vUv;
out vec4 fragColour;
void main() {
  vec3 top = vec3(0.36, 0.38, 0.41);
  vec3 bottom = vec3(0.14, 0.15, 0.17);
  vec3 c = mix(bottom, top, smoothstep(0.0, 1.0, vUv.y));
  float v = distance(vUv, vec2(0.5, 0.55));
  c *= 1.0 - 0.35 * smoothstep(0.35, 0.95, v);
  fragColour = vec4(c, 1.0);
}
