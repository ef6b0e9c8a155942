#version 330 core
// Edge filter for single-sample frames, after the idea of Lottes' FXAA: from the luminance of
// the four diagonal neighbours estimate the direction of the edge through this pixel, then
// average along that direction (never across it), so a staircase edge becomes a smooth
// gradient while flat areas and fine texture are left alone. Recording uses it instead of
// 4x multisampling, which costs llvmpipe more than twice the rendering time.
in vec2 vUv;
uniform sampler2D uScene;
out vec4 fragColour;

float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

void main() {
  // Whole-texel reads (texelFetch) where no filtering is needed: on llvmpipe they cost a
  // fraction of a filtered sample, and this pass touches every pixel of every frame.
  ivec2 at = ivec2(gl_FragCoord.xy);
  vec2 px = 1.0 / vec2(textureSize(uScene, 0));
  vec3 centre = texelFetch(uScene, at, 0).rgb;
  float m = luma(centre);
  float nw = luma(texelFetchOffset(uScene, at, 0, ivec2(-1, 1)).rgb);
  float ne = luma(texelFetchOffset(uScene, at, 0, ivec2(1, 1)).rgb);
  float sw = luma(texelFetchOffset(uScene, at, 0, ivec2(-1, -1)).rgb);
  float se = luma(texelFetchOffset(uScene, at, 0, ivec2(1, -1)).rgb);
  float lo = min(m, min(min(nw, ne), min(sw, se)));
  float hi = max(m, max(max(nw, ne), max(sw, se)));
  // Contrast too low to be a visible step: leave the pixel as it is.
  if (hi - lo < max(1.0 / 24.0, hi * 0.125)) {
    fragColour = vec4(centre, 1.0);
    return;
  }
#ifdef MARK_FLAT
  // The first of two passes (render_target.cpp): it writes the flat pixels and marks them in
  // the stencil; the edge pixels are left to the second pass, the whole filter below, which the
  // stencil test keeps off the flat ones. llvmpipe runs every line of a shader for every pixel
  // of a 4x4 block, branch or not, but skips a block the stencil test rejects whole.
  discard;
#else
  // The gradient of the diagonals, turned a quarter: the edge's direction.
  vec2 dir = vec2(-((nw + ne) - (sw + se)), (nw + sw) - (ne + se));
  float damp = max((nw + ne + sw + se) * 0.03125, 1.0 / 128.0);
  float scale = 1.0 / (min(abs(dir.x), abs(dir.y)) + damp);
  dir = clamp(dir * scale, vec2(-8.0), vec2(8.0)) * px;
  // Two taps close in along the edge, then two further out; the wider average is kept only
  // if it stays within the local range (otherwise it has reached across another edge).
  vec3 near = 0.5 * (texture(uScene, vUv - dir / 6.0).rgb + texture(uScene, vUv + dir / 6.0).rgb);
  vec3 wide = 0.5 * near + 0.25 * (texture(uScene, vUv - dir * 0.5).rgb + texture(uScene, vUv + dir * 0.5).rgb);
  float lw = luma(wide);
  fragColour = vec4((lw < lo || lw > hi) ? near : wide, 1.0);
#endif
}
