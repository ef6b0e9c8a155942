#version 330 core
// The kiosk's cross-fade: the last frame of the previous scene, laid over the new one with a
// falling opacity.
in vec2 vUv;
uniform sampler2D uSnapshot;
uniform float uAlpha;
out vec4 fragColour;
void main() { fragColour = vec4(texture(uSnapshot, vUv).rgb, uAlpha); }
