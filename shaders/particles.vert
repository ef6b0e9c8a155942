#version 330 core
// Blood particles, one triangle each: GL points would do, but with multisampling llvmpipe (the
// software floor) turns every point into two triangles, and the dots cost half as much drawn
// as one triangle that just holds the round dot. Vertex 3i..3i+2 is corner i%3 of particle i,
// whose position and speed (m/s) are texel i of uParticles.
uniform samplerBuffer uParticles;
uniform mat4 uViewProj;
uniform float uPointSize;   // the dot's diameter in pixels
uniform vec2 uViewport;     // pixels
uniform float uSpeedScale;  // speed (m/s) that maps to the top of the colour scale
// The skin dents under the hands and the veins beneath move with it (shaders/model.vert, the
// inner layers): the blood in them moves the same way, so it stays inside its vessel.
uniform vec4 uDent[3];        // centre, radius (final); w = 0 none ([2]: the fold)
uniform float uDentDepth[3];  // metres, signed
uniform vec3 uDentAxis[3];

out float vSpeed;
out float vReflux;  // 1 where the blood runs back away from the heart (speed < 0)
out vec2 vCoord;  // in dot radii from its centre: the dot is where |vCoord| <= 1

// An equilateral triangle around the unit circle (inradius 1).
const vec2 kCorner[3] = vec2[3](vec2(-1.7320508, -1.0), vec2(1.7320508, -1.0), vec2(0.0, 2.0));

void main() {
  vec4 particle = texelFetch(uParticles, gl_VertexID / 3);
  vec2 corner = kCorner[gl_VertexID % 3];
  vSpeed = clamp(abs(particle.w) / uSpeedScale, 0.0, 1.0);
  vReflux = particle.w < 0.0 ? 1.0 : 0.0;
  vCoord = corner;
  vec3 p = particle.xyz;
  for (int i = 0; i < 3; ++i) {
    if (uDent[i].w <= 0.0) continue;
    vec3 rel = particle.xyz - uDent[i].xyz;
    float r2 = dot(rel, rel) / (uDent[i].w * uDent[i].w);
    float k = (sqrt(r2) - 1.1) / 0.3;
    p -= uDentAxis[i] * uDentDepth[i] * (exp(-2.0 * r2) - 0.43 * exp(-k * k));
  }
  vec4 clip = uViewProj * vec4(p, 1.0);
  // Offset in pixels, turned into clip units (NDC spans 2 over the viewport, times w).
  clip.xy += corner * (0.5 * uPointSize) * (2.0 / uViewport) * clip.w;
  gl_Position = clip;
}
