// WebGL state the page reads back every frame, answered from a copy kept on the page's side: a
// measurement, not part of the page (web/test/frame_time.mjs `+glcache` injects it; README "In the
// browser", "The frame's wait"). Dear ImGui's OpenGL 3 backend reads the viewport, the scissor box
// and the blend factors and equations before it draws the panels; Chromium's WebGL asks its GPU
// process for these, and that question waits for every command queued before it (main's page on
// llvmpipe: 260 ms of a 250 ms frame inside getParameter, web/test/frame_profile.mjs). With this
// copy the page's frame() fell from 117-119 to 20 ms, but its CPU and ms a frame did not move
// (118-119 ms of CPU either way, session 18): the GPU process is the bottleneck, so the page only
// waits elsewhere. Every setter of these values goes through the context's own methods, so the
// copy is exact (screenshots byte-identical); the first question of each kind is still asked.
// window.effleuraGpuQueries = true before the page loads leaves it out.
(function () {
  if (typeof WebGL2RenderingContext === 'undefined' || (typeof window !== 'undefined' && window.effleuraGpuQueries)) return;
  const P = WebGL2RenderingContext.prototype;
  const VIEWPORT = 0x0BA2, SCISSOR_BOX = 0x0C10, MAX_VIEWPORT_DIMS = 0x0D3A;
  const SRC_RGB = 0x80C9, DST_RGB = 0x80C8, SRC_ALPHA = 0x80CB, DST_ALPHA = 0x80CA;
  const EQ_RGB = 0x8009, EQ_ALPHA = 0x883D;
  const kept = new Set([VIEWPORT, SCISSOR_BOX, SRC_RGB, DST_RGB, SRC_ALPHA, DST_ALPHA, EQ_RGB, EQ_ALPHA]);
  // What WebGL 2 accepts (anything else is INVALID_ENUM and changes nothing).
  const factors = new Set([0, 1, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0305, 0x0306, 0x0307, 0x0308,
                           0x8001, 0x8002, 0x8003, 0x8004]);
  const equations = new Set([0x8006, 0x800A, 0x800B, 0x8007, 0x8008]);
  const copies = new WeakMap();  // context -> { pname: value }
  const copy = (gl) => { let c = copies.get(gl); if (!c) copies.set(gl, (c = {})); return c; };
  const real = {};
  for (const f of ['getParameter', 'viewport', 'scissor', 'blendFunc', 'blendFuncSeparate', 'blendEquation', 'blendEquationSeparate']) real[f] = P[f];
  const out = (v) => (v instanceof Int32Array ? new Int32Array(v) : v);
  P.getParameter = function (pname) {
    if (!kept.has(pname) || this.isContextLost()) return real.getParameter.call(this, pname);
    const c = copy(this);
    if (!(pname in c)) c[pname] = out(real.getParameter.call(this, pname));
    return out(c[pname]);
  };
  // A box with a negative size is INVALID_VALUE; the viewport's size is clamped to the largest
  // the implementation takes (asked once: a limit, kept on the page's side by Chromium).
  P.viewport = function (x, y, w, h) {
    const c = copy(this);
    if (w >= 0 && h >= 0) {
      const max = (c[MAX_VIEWPORT_DIMS] ??= real.getParameter.call(this, MAX_VIEWPORT_DIMS));
      c[VIEWPORT] = new Int32Array([x, y, Math.min(w, max ? max[0] : w), Math.min(h, max ? max[1] : h)]);
    }
    return real.viewport.call(this, x, y, w, h);
  };
  P.scissor = function (x, y, w, h) {
    if (w >= 0 && h >= 0) copy(this)[SCISSOR_BOX] = new Int32Array([x, y, w, h]);
    return real.scissor.call(this, x, y, w, h);
  };
  // WebGL also refuses a constant colour beside a constant alpha: anything doubtful is asked again.
  const constant = (a, b) => (a === 0x8001 || a === 0x8002) && (b === 0x8003 || b === 0x8004);
  const blend = (gl, s, d, sa, da) => {
    const c = copy(gl);
    if ([s, d, sa, da].every((f) => factors.has(f)) && !constant(s, d) && !constant(d, s)) {
      Object.assign(c, { [SRC_RGB]: s, [DST_RGB]: d, [SRC_ALPHA]: sa, [DST_ALPHA]: da });
    } else {
      for (const k of [SRC_RGB, DST_RGB, SRC_ALPHA, DST_ALPHA]) delete c[k];
    }
  };
  P.blendFunc = function (s, d) { blend(this, s, d, s, d); return real.blendFunc.call(this, s, d); };
  P.blendFuncSeparate = function (s, d, sa, da) { blend(this, s, d, sa, da); return real.blendFuncSeparate.call(this, s, d, sa, da); };
  const equation = (gl, rgb, alpha) => {
    const c = copy(gl);
    if (equations.has(rgb) && equations.has(alpha)) Object.assign(c, { [EQ_RGB]: rgb, [EQ_ALPHA]: alpha });
    else { delete c[EQ_RGB]; delete c[EQ_ALPHA]; }
  };
  P.blendEquation = function (m) { equation(this, m, m); return real.blendEquation.call(this, m); };
  P.blendEquationSeparate = function (rgb, alpha) { equation(this, rgb, alpha); return real.blendEquationSeparate.call(this, rgb, alpha); };
})();
