#version 330 core
// Round dots coloured by speed with viridis (perceptually even and readable with the common
// colour-vision deficiencies). The darkest 15 % of the map is skipped: it would vanish on the
// dark background. Backflow (reflux) is vermilion (Okabe & Ito's palette), a hue viridis
// never takes and still told apart from it with the common colour-vision deficiencies.
in float vSpeed;
in float vReflux;
in vec2 vCoord;
out vec4 fragColour;

vec3 viridis(float t) {
  const vec3 c0 = vec3(0.2777, 0.0054, 0.3341);
  const vec3 c1 = vec3(0.1050, 1.4046, 1.3845);
  const vec3 c2 = vec3(-0.3308, 0.2148, 0.0951);
  const vec3 c3 = vec3(-4.6342, -5.7991, -19.3324);
  const vec3 c4 = vec3(6.2282, 14.1799, 56.6905);
  const vec3 c5 = vec3(4.7763, -13.7451, -65.3530);
  const vec3 c6 = vec3(-5.4354, 4.6459, 26.3124);
  return c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * c6)))));
}

void main() {
  float r2 = dot(vCoord, vCoord);
  if (r2 > 1.0) discard;
  vec3 c = vReflux > 0.5 ? vec3(0.835, 0.369, 0.0) : viridis(0.15 + 0.85 * vSpeed);
  // A soft rim gives each dot a little body without a second pass.
  fragColour = vec4(c * (1.0 - 0.35 * r2), 1.0);
}
