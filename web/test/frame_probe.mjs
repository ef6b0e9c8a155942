// Where the page's frame time goes in SwiftShader (README "In the browser"): the page alone, in
// headless Chromium, with its WebGL calls counted and, per probe, one kind of drawing left out or
// the canvas at another size. A benchmark, not a test: it prints figures and keeps them in OUT.json.
// Probes alternate round by round (A B C A B C ...) so a shared machine's load falls on each.
// Usage: [EFFLEURA_BENCH_WARM_S=S] node frame_probe.mjs SITE_DIR OUT.json ROUNDS SECONDS PROBE[,PROBE...]
//   PROBE: base | WxH (the viewport, e.g. 640x360) | -TAG[-TAG...] (the draws of programs with that
//   tag skipped: bg, skin, muscle, bone, vein, hand, particles, coloured, edge, snapshot, ui)
//   and any of them with +q=QUERY (an extra page query, e.g. +q=scene-only) or +e=EDIT (a change
//   to the shaders' text as the page hands it to WebGL, from kEdits: what a shader change would save)
//   or +mesa (the page in a Chromium whose WebGL draws with Mesa's llvmpipe, as frame_time.mjs's
//   +mesa: the desktop's rasteriser). Besides the calls a frame (get* included) it counts what
//   the uploads hand over: bytes of buffer data, texels of texture data.
import { writeFileSync } from 'node:fs';
import { serveSite, launchChromium, openWarm } from './serve.mjs';
import { chromiumCpu, cpuPerFrame } from './chromium_cpu.mjs';

const [site, outJson, roundsArg, secondsArg, probesArg] = process.argv.slice(2);
if (!site || !outJson || !probesArg) {
  console.error('usage: node frame_probe.mjs SITE_DIR OUT.json ROUNDS SECONDS PROBE[,PROBE...]');
  process.exit(2);
}
const rounds = Number(roundsArg), seconds = Number(secondsArg), probes = probesArg.split(',');
// Each edit: [text to find, its replacement], applied to every shader that holds the text.
const kEdits = {
  nodiscard: [['if (effleura_clip[0] < 0.0) discard;', '']],
  nocapsules: [['for (int h = 0; h < 2; ++h) {\n    float near_h', 'for (int h = 0; h < 0; ++h) {\n    float near_h']],
  nooccluders: [['for (int i = 0; i < 14; ++i)', 'for (int i = 0; i < 0; ++i)']],
  flatfrag: [['effleura_unclipped_main();\n}', 'fragColour = vec4(uBaseColour, 1.0);\n}']],
  mediump: [['precision highp float;', 'precision mediump float;']],
  // Session 10's loop bounds taken back out (shaders/model.vert): the skin's vertex shader as
  // it was, every capsule and shadow sphere visited, for an A/B on one page build.
  fullloops: [['c < h * CAPSULES + uHandCapsules[h]', 'c < (h + 1) * CAPSULES'], ['i < uOccluderCount', 'i < 14']],
};
const { server, base } = await serveSite(site);
// One Chromium per WebGL backend a probe asks for, each started when first needed.
const browsers = {};
const browserFor = async (gl) => (browsers[gl] ??= await launchChromium(gl));
let browser = null;  // the one the current probe runs in (chromiumNow reads its processes)
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// CPU ms of every process under the browser, and the threads of its GPU and renderer processes.
const chromiumNow = () => chromiumCpu(browser, ['gpu-process', 'renderer']);

// Installed before the page loads: tags each program by its shaders, counts the calls each
// frame makes, and skips the draws of the tagged programs named in window.effleuraSkip.
function instrument(skip, edits) {
  const P = WebGL2RenderingContext.prototype;
  const source = P.shaderSource;
  P.shaderSource = function (sh, text) {
    const before = text;
    for (const [from, to] of edits) text = text.split(from).join(to);
    if (text !== before) counts.edited = (counts.edited || 0) + 1;
    return source.call(this, sh, text);
  };
  const tagOf = new WeakMap();
  const counts = (window.effleuraCounts = { frames: 0, calls: {}, draws: {}, indices: {}, bytes: {} });
  let current = 'none';
  const tag = (vs, fs) => {
    if (vs.includes('uJoints')) return 'hand';
    const m = fs.match(/#define SHADING (\d)/);
    if (m) return ['skin', 'muscle', 'bone', 'vein'][Number(m[1])];
    if (fs.includes('Edge filter')) return 'edge';
    if (fs.includes('uSnapshot')) return 'snapshot';
    if (fs.includes('vTangentY')) return 'particles';
    if (vs.includes('Frag_UV')) return 'ui';
    if (vs.includes('aColour')) return 'coloured';
    if (fs.includes('studio gradient')) return 'bg';
    return 'other';
  };
  const link = P.linkProgram;
  P.linkProgram = function (p) {
    const sh = this.getAttachedShaders(p) || [];
    let vs = '', fs = '';
    for (const s of sh) {
      if (this.getShaderParameter(s, this.SHADER_TYPE) === this.VERTEX_SHADER) vs = this.getShaderSource(s);
      else fs = this.getShaderSource(s);
    }
    tagOf.set(p, tag(vs, fs));
    return link.call(this, p);
  };
  const count = (name) => { counts.calls[name] = (counts.calls[name] || 0) + 1; };
  for (const name of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, name);
    if (!d || typeof d.value !== 'function' || name === 'linkProgram' || name === 'shaderSource') continue;
    const f = d.value;
    if (name === 'useProgram') {
      P.useProgram = function (p) { count(name); current = (p && tagOf.get(p)) || 'none'; return f.call(this, p); };
    } else if (name.startsWith('draw')) {
      P[name] = function (...a) {
        count(name);
        counts.draws[current] = (counts.draws[current] || 0) + 1;
        const n = name.startsWith('drawElements') ? a[1] : name.startsWith('drawArrays') ? a[2] : 0;
        counts.indices[current] = (counts.indices[current] || 0) + n;
        if (skip.includes(current)) return undefined;
        return f.apply(this, a);
      };
    } else if (/^(bufferData|bufferSubData|texImage2D|texSubImage2D)$/.test(name)) {
      // What each upload hands over: bytes for buffers (Emscripten passes the heap with an
      // offset and a length in bytes: bufferData(t, heap, usage, offset, length),
      // bufferSubData(t, at, heap, offset, length)), texels for textures (width x height).
      P[name] = function (...a) {
        count(name);
        const n = name === 'texImage2D' ? (a.length >= 9 ? a[3] * a[4] : 0) : name === 'texSubImage2D' ? (a.length >= 9 ? a[4] * a[5] : 0)
                : ArrayBuffer.isView(a[name === 'bufferData' ? 1 : 2]) ? (a[4] ?? a[name === 'bufferData' ? 1 : 2].byteLength) : 0;
        counts.bytes[name] = (counts.bytes[name] || 0) + n;
        return f.apply(this, a);
      };
    } else {
      P[name] = function (...a) { count(name); return f.apply(this, a); };
    }
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { counts.frames += 1; cb(t); });
}

async function probe(spec) {
  const [what, ...mods] = spec.split('+');
  const query = mods.filter((m) => m.startsWith('q=')).map((m) => m.slice(2)).join('&');
  browser = await browserFor(mods.includes('mesa') ? 'mesa' : 'swiftshader');
  const size = /^\d+x\d+$/.test(what) ? what.split('x').map(Number) : [1280, 720];
  const skip = what.startsWith('-') ? what.slice(1).split('-') : [];
  const edits = mods.filter((m) => m.startsWith('e=')).flatMap((m) => {
    if (!kEdits[m.slice(2)]) throw new Error(`unknown edit ${m}`);
    return kEdits[m.slice(2)];
  });
  const p = await browser.newPage();
  await p.setViewport({ width: size[0], height: size[1], deviceScaleFactor: 1 });
  await p.evaluateOnNewDocument(instrument, skip, edits);
  const errors = await openWarm(p, base + (query ? '?' + query : ''), { consoleErrors: false });
  const snap = () => p.evaluate(() => ({ frames: Module.effleura.frames, counts: JSON.parse(JSON.stringify(window.effleuraCounts)) }));
  const s0 = await snap(), c0 = chromiumNow(), t0 = Date.now();
  await sleep(seconds * 1000);
  const s1 = await snap(), c1 = chromiumNow(), t1 = Date.now();
  await p.close();
  const n = Math.max(1, s1.frames - s0.frames);
  const per = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, +((b[k] - (a[k] || 0)) / n).toFixed(1)]).filter(([, v]) => v > 0));
  // Where the CPU went: by process, and by thread in the GPU process and the renderer (its main
  // thread runs the page's WebAssembly and WebGL calls; its compositor, Chromium's own).
  const { byType, byThread } = cpuPerFrame(c0, c1, n);
  const cpuMsPerFrame = Object.values(byType).reduce((a, b) => a + b, 0);
  return { frames: n, edited: s1.counts.edited || 0, msPerFrame: (t1 - t0) / n, cpuMsPerFrame, byType, byThread,
           calls: per(s0.counts.calls, s1.counts.calls),
           draws: per(s0.counts.draws, s1.counts.draws), indices: per(s0.counts.indices, s1.counts.indices),
           bytes: per(s0.counts.bytes, s1.counts.bytes), errors };
}

const results = { when: new Date().toISOString(), seconds, rounds: [] };
try {
  for (let r = 0; r < rounds; ++r) {
    const round = {};
    for (const spec of probes) {
      round[spec] = await probe(spec);
      const x = round[spec];
      console.log(`round ${r + 1} ${spec}: ${x.msPerFrame.toFixed(0)} ms a frame, CPU ${x.cpuMsPerFrame.toFixed(0)} ms (${x.frames} frames${x.edited ? `, ${x.edited} shaders edited` : ''})` +
                  (x.errors.length ? ` ERRORS: ${x.errors.join(' | ')}` : ''));
      const top = Object.entries(x.byThread).sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
      console.log(`  by process: ${Object.entries(x.byType).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; ` +
                  `threads: ${top.map(([k, v]) => `${k}${v.threads > 1 ? ` (${v.threads})` : ''} ${v.ms.toFixed(1)}`).join(', ')}`);
    }
    results.rounds.push(round);
  }
  const last = results.rounds[results.rounds.length - 1][probes[0]];
  console.log('calls a frame:', JSON.stringify(last.calls));
  console.log('draws a frame by program:', JSON.stringify(last.draws));
  console.log('indices a frame by program:', JSON.stringify(last.indices));
  console.log('bytes uploaded a frame:', JSON.stringify(last.bytes));
  writeFileSync(outJson, JSON.stringify(results, null, 2));
} finally {
  for (const b of Object.values(browsers)) await b.close();
  server.close();
}
