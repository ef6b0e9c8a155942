#version 330 core
// Blood particles: position and speed (m/s) from the flow model.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in float aSpeed;

uniform mat4 uViewProj;
uniform float uPointSize;   // pixels
uniform float uSpeedScale;  // speed (m/s) that maps to the top of the colour scale

out float vSpeed;

void main() {
  vSpeed = clamp(abs(aSpeed) / uSpeedScale, 0.0, 1.0);
  gl_Position = uViewProj * vec4(aPosition, 1.0);
  gl_PointSize = uPointSize;
}
