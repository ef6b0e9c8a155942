#version 330 core
// Particles coloured by speed with viridis (perceptually even and readable with the common
// colour-vision deficiencies). The darkest 15 % of the map is skipped: it would vanish on the
// dark background. Backflow (reflux) is vermilion (Okabe & Ito's palette), a hue viridis
// never takes and still told apart from it with the common colour-vision deficiencies.
// Shape (particles.vert): a round dot, or for moving blood a dart, the dot drawn out into a
// point the way it flows, brighter toward the tip so overlapping darts still read one way.
in float vSpeed;
in float vReflux;
in vec2 vCoord;
flat in float vTangentY;
flat in float vTip;
flat in float vHalfBase;
flat in float vOutline;
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
  // Inside the round body, or (darts) in the point in front of where its sides leave it.
  if (r2 > 1.0 && vCoord.y < vTangentY) discard;
  vec3 c = vReflux > 0.5 ? vec3(0.835, 0.369, 0.0) : viridis(0.15 + 0.85 * vSpeed);
  // A soft rim gives each dot a little body without a second pass; a dart's tail is darker
  // than its tip (from 0.6 at the back to 1 at the point).
  float shade = vTangentY > 1e8 ? 1.0 - 0.35 * r2 : 0.6 + 0.4 * clamp((vCoord.y + 1.0) / (vTip + 1.0), 0.0, 1.0);
  // Arrows (one particle in twelve) get a dark outline up to 1.3 px wide, so they stand out
  // from the dots of the same colour around them. Distance to the edge in dot radii: to the
  // round back, or to the nearer side of the point.
  if (vOutline > 0.0) {
    float side = ((vTip + 1.0) * abs(vCoord.x) + vHalfBase * (vCoord.y - vTip)) /
                 length(vec2(vTip + 1.0, vHalfBase));
    float edge = vCoord.y < vTangentY ? sqrt(r2) - 1.0 : side;
    if (edge > -min(1.3 * vOutline, 0.3)) c = vec3(0.05);  // never over 30 % of the radius
    else shade = 1.0;
  }
  fragColour = vec4(c * shade, 1.0);
}
