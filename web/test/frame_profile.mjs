// Where the page's own frame goes (README "In the browser"): the page alone in headless Chromium,
// first with every call into an Emscripten exception trampoline (the wasm imports named invoke_*:
// with JavaScript exceptions, a call that may throw inside a function with cleanups leaves
// WebAssembly through one of them) counted per frame, then, in a second page load without the
// counting, a profile of the renderer's main thread (Chromium's sampling profiler over the
// DevTools protocol) split into WebAssembly, the invoke_* trampolines, Emscripten's WebGL glue and
// the rest. A benchmark, not a test: it prints figures and keeps them in OUT.json.
// Usage: node frame_profile.mjs SITE_DIR OUT.json [SECONDS] [GL] [QUERY]
//   GL: mesa (ANGLE on Mesa's llvmpipe, the desktop's rasteriser; default) or swiftshader.
import { writeFileSync } from 'node:fs';
import { serveSite, launchChromium, openWarm } from './serve.mjs';

const [site, outJson, secondsArg, glArg, query] = process.argv.slice(2);
if (!site || !outJson) {
  console.error('usage: node frame_profile.mjs SITE_DIR OUT.json [SECONDS] [GL] [QUERY]');
  process.exit(2);
}
const seconds = Number(secondsArg || 4), gl = glArg || 'mesa';
const { server, base } = await serveSite(site);
const browser = await launchChromium(gl);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// Installed before the page loads: wraps each invoke_* import of the page's module in a counter.
function countInvokes() {
  const counts = (window.effleuraInvokes = {});
  const wrap = (imports) => {
    for (const mod of Object.values(imports || {})) {
      for (const name of Object.keys(mod)) {
        if (!name.startsWith('invoke_') || typeof mod[name] !== 'function') continue;
        const f = mod[name];
        counts[name] = 0;
        mod[name] = function (...a) { counts[name] += 1; return f.apply(this, a); };
      }
    }
  };
  const W = WebAssembly;
  const instantiate = W.instantiate, streaming = W.instantiateStreaming;
  W.instantiate = function (what, imports) { wrap(imports); return instantiate.call(this, what, imports); };
  if (streaming) W.instantiateStreaming = function (what, imports) { wrap(imports); return streaming.call(this, what, imports); };
}

// Installed before the page loads: counts the WebGL calls that can make the page wait for
// Chromium's GPU process (a state query the client side does not cache waits for every command
// queued before it, so the page's WebAssembly and the drawing stop overlapping): getParameter by
// the name asked, getError, finish, readPixels, the status queries.
function countWaits() {
  const P = WebGL2RenderingContext.prototype;
  const counts = (window.effleuraWaits = {});
  const names = {};
  for (const k of Object.keys(WebGL2RenderingContext)) if (typeof WebGL2RenderingContext[k] === 'number') names[WebGL2RenderingContext[k]] ??= k;
  const add = (k) => { counts[k] = (counts[k] || 0) + 1; };
  const getParameter = P.getParameter;
  P.getParameter = function (pname) { add(`getParameter(${names[pname] ?? pname})`); return getParameter.call(this, pname); };
  for (const f of ['getError', 'finish', 'readPixels', 'getProgramParameter', 'getShaderParameter',
                   'checkFramebufferStatus', 'isEnabled', 'getIndexedParameter', 'getUniformLocation',
                   'getFramebufferAttachmentParameter', 'getBufferSubData', 'clientWaitSync']) {
    const g = P[f];
    if (g) P[f] = function (...a) { add(f === 'isEnabled' ? `isEnabled(${names[a[0]] ?? a[0]})` : f); return g.apply(this, a); };
  }
}

async function open(instrument) {
  const p = await browser.newPage();
  if (instrument) await p.evaluateOnNewDocument(countInvokes);
  if (instrument) await p.evaluateOnNewDocument(countWaits);
  const errors = await openWarm(p, base + (query ? '?' + query : ''));
  return { p, errors };
}

const results = { when: new Date().toISOString(), gl, query: query || '', seconds };
try {
  // 1: invoke_* calls a frame.
  {
    const { p, errors } = await open(true);
    const snap = () => p.evaluate(() => ({ frames: Module.effleura.frames, work: Module.effleura.work_ms, calls: { ...window.effleuraInvokes },
                                           waits: { ...window.effleuraWaits } }));
    const s0 = await snap();
    await sleep(seconds * 1000);
    const s1 = await snap();
    await p.close();
    const n = Math.max(1, s1.frames - s0.frames);
    const per = Object.entries(s1.calls).map(([k, v]) => [k, (v - (s0.calls[k] || 0)) / n]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    results.invokes = { frames: n, imported: Object.keys(s1.calls).length, total: per.reduce((a, [, v]) => a + v, 0),
                        byName: Object.fromEntries(per), workMs: (s1.work - s0.work) / n, errors };
    const waits = Object.entries(s1.waits).map(([k, v]) => [k, (v - (s0.waits[k] || 0)) / n]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    results.waits = Object.fromEntries(waits);
    console.log('WebGL queries a frame: ' + waits.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
    console.log(`invoke_* calls a frame: ${results.invokes.total.toFixed(0)} (${n} frames; ${results.invokes.imported} trampolines imported; ` +
                `frame() ${results.invokes.workMs.toFixed(1)} ms with the counting); busiest: ` +
                per.slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  }
  // 2: the renderer's main thread, sampled.
  {
    const { p, errors } = await open(false);
    const cdp = await p.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const f0 = await p.evaluate(() => Module.effleura.frames);
    await cdp.send('Profiler.start');
    await sleep(seconds * 1000);
    const { profile } = await cdp.send('Profiler.stop');
    const f1 = await p.evaluate(() => Module.effleura.frames);
    await p.close();
    const n = Math.max(1, f1 - f0);
    const node = new Map(profile.nodes.map((x) => [x.id, x]));
    const self = new Map();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) || 0) + (profile.timeDeltas[i] || 0) / 1000));
    const kind = (cf) => {
      const name = cf.functionName || '(anonymous)';
      if (name.startsWith('invoke_')) return 'invoke_* trampolines';
      if (/\.wasm$|wasm:\/\/|^\$?func\d+$|^wasm-function/.test(cf.url + ' ' + name) || cf.url.includes('wasm')) return 'WebAssembly';
      if (/^(idle|program|garbage collector)$/.test(name.replace(/[()]/g, ''))) return name;
      if (/^_?(emscripten_)?gl[A-Z]/.test(name) || /^_?emscripten_gl/.test(name)) return 'WebGL glue (JS)';
      if (!cf.url) return 'native (WebGL, DOM)';
      return 'other JavaScript';
    };
    const byKind = {}, byFunc = {};
    for (const [id, ms] of self) {
      const cf = node.get(id).callFrame;
      const k = kind(cf);
      byKind[k] = (byKind[k] || 0) + ms / n;
      const f = `${cf.functionName || '(anonymous)'} [${k}]`;
      byFunc[f] = (byFunc[f] || 0) + ms / n;
    }
    const top = Object.entries(byFunc).sort((a, b) => b[1] - a[1]).slice(0, 25);
    results.profile = { frames: n, msPerFrame: (seconds * 1000) / n, byKind, top: Object.fromEntries(top), errors };
    console.log(`renderer main thread, ms a frame (${n} frames, ${(seconds * 1000 / n).toFixed(1)} ms each):`);
    for (const [k, ms] of Object.entries(byKind).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${ms.toFixed(2)}`);
    console.log('busiest functions (self ms a frame):');
    for (const [f, ms] of top.slice(0, 15)) console.log(`  ${ms.toFixed(2).padStart(6)}  ${f}`);
  }
  writeFileSync(outJson, JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  server.close();
}
