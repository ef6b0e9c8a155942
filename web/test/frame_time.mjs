// The page's frame time beside the desktop program's, measured like for like on one machine
// (README "In the browser"; scripts/web-bench.sh runs it). A benchmark, not a test: it prints
// figures and keeps them in OUT.json, and fails only when something does not run.
//
// Rounds alternate A B A B ...: A is the desktop program's `--bench --panels --scene-scale 1` of
// the default view (1280x720, the window's way of drawing: the scene offscreen, smoothed, copied
// into the frame, then the panels), B the page in Debian's Chromium, headless, with SwiftShader's
// WebGL 2 (as the browser test runs it), the same view at 1280x720 with the same smoothing
// (?antialias=...) and the same panels (or none: ?scene-only beside the desktop's view alone).
// A load that comes and goes on a shared machine so falls on both.
// For the page it reports, per variant: ms between frames (what a user sees), ms inside the
// program's frame() (the WebAssembly side: simulation, panels, WebGL calls queued), and the CPU
// time each Chromium process used per frame (from /proc: the renderer runs the WebAssembly and
// JavaScript, the GPU process runs ANGLE and SwiftShader's rasteriser, the browser process
// composites), with the GPU process's busiest threads (does SwiftShader use both cores?).
// Usage: node frame_time.mjs SITE_DIR EFFLEURA_EXE OUT.json [ROUNDS] [SECONDS] [VARIANTS]
//   VARIANTS: comma-separated names from kVariants (default: panels-filter,scene-filter), each
//   optionally with +lean or +full: the page's WebGL canvas forced to no alpha, depth or stencil
//   buffer (+lean), or to all three (+full, Emscripten's GLFW default), whatever the page asks
//   for, so one page build measures both (the forcing wraps getContext before the page loads);
//   +nodiscard takes the cut plane's `discard` (render/shader_program.cpp's WebGL stand-in for
//   clip distances) out of every fragment shader, to measure what it costs with the cut off;
//   +fullskin has the page draw the full skin always (window.effleuraFullSkin, read by
//   render/skin_lod.cpp), to measure what the skin's coarse level saves in the same page build;
//   +glcache injects web/gl_state_cache.js before the page loads: the GL state Dear ImGui reads
//   back every frame answered on the page's side instead of by Chromium's GPU process (+gpuqueries
//   sets window.effleuraGpuQueries, which keeps it out of a page that would carry it);
//   +mesa opens the page in a second Chromium whose WebGL draws with Mesa's llvmpipe (ANGLE's EGL
//   backend, serve.mjs), the desktop's own rasteriser, so the ratio is the page's own cost;
//   +ring opens it in a Chromium with --enable-features=PartitionAllocLargeEmptySlotSpanRing: with
//   llvmpipe, Chromium's allocator otherwise hands the 64 KB blocks llvmpipe bins triangles into back
//   to the kernel every frame (README "In the browser", session 19), a cost of the browser's;
//   +b opens the page from a second build, the folder EFFLEURA_BENCH_SITE_B names (another
//   page build's site/), in the same rounds: two builds' flags A B A B on one machine's load;
//   +dpr2 opens it on a HiDPI screen, 1280x720 CSS pixels at a device pixel ratio of 2 (the canvas
//   2560x1440, the text 34 px: a Chromebook's or a HiDPI laptop's page), beside the desktop's
//   --bench at 2560x1440 (a headless picture's text is scaled by its height per 720 lines: 34 px
//   too); +dpr2-640 at 640x360 CSS at 2 (the canvas 1280x720 as at a ratio of 1, the text 26 px:
//   the browser test's lesson page), beside the desktop at 1280x720.
// Each page's time to its first frame is kept too (firstFrameMs; the first page a Chromium opens
// fills the start-up cache in IndexedDB, every later one reads it: a repeat visit). With
// EFFLEURA_BENCH_SHOTS=DIR each page's last frame is written to DIR/VARIANT-ROUND.png.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite, launchChromium, openWarm } from './serve.mjs';
import { chromiumCpu, cpuPerFrame } from './chromium_cpu.mjs';

const [site, exe, outJson, roundsArg, secondsArg, variantsArg] = process.argv.slice(2);
if (!site || !exe || !outJson) {
  console.error('usage: node frame_time.mjs SITE_DIR EFFLEURA_EXE OUT.json [ROUNDS] [SECONDS] [VARIANTS]');
  process.exit(2);
}
const rounds = Number(roundsArg || 3), seconds = Number(secondsArg || 4);
// Each variant: the page's query, and the desktop figure it stands beside (smoothing, and the
// view alone or with the window's panels). 'default' is the page as a user opens it.
const kVariants = {
  'default': { query: '', aa: null, desktop: 'panels' },
  'panels-filter': { query: 'antialias=filter', aa: 'filter', desktop: 'panels' },
  'scene-filter': { query: 'scene-only&antialias=filter', aa: 'filter', desktop: 'scene' },
  'panels-msaa': { query: 'antialias=msaa', aa: 'msaa', desktop: 'panels' },
  'scene-msaa': { query: 'scene-only&antialias=msaa', aa: 'msaa', desktop: 'scene' },
  'panels-off': { query: 'antialias=off', aa: 'off', desktop: 'panels' },
  'scene-off': { query: 'scene-only&antialias=off', aa: 'off', desktop: 'scene' },
  // Effleurage playing (hands on the leg: the skin deformed and uploaded every frame, the
  // page's heaviest WebAssembly), beside the desktop's default view with panels.
  'effleurage': { query: 'technique=effleurage', aa: null, desktop: 'panels' },
  // The waiting-room loop (?kiosk: its first scene, a technique playing, the camera on its path),
  // also beside the desktop's default view with panels (that figure is only a reference here).
  'kiosk': { query: 'kiosk', aa: null, desktop: 'panels' },
};
// +desync asks for a low-latency canvas (desynchronized: drawn without waiting for the
// compositor's frame, where the browser can) on top of the page's own attributes.
const kCanvas = { lean: { alpha: false, depth: false, stencil: false }, full: { alpha: true, depth: true, stencil: true },
                  desync: { desynchronized: true } };
// The screens a page may open on, and the desktop picture size each stands beside.
const kScreens = { 'dpr2': { viewport: { width: 1280, height: 720, deviceScaleFactor: 2 }, size: '2560x1440' },
                   'dpr2-640': { viewport: { width: 640, height: 360, deviceScaleFactor: 2 }, size: '1280x720' } };
const variants = (variantsArg || 'panels-filter,scene-filter').split(',');
for (const v of variants) {
  const [name, ...mods] = v.split('+');
  if (!kVariants[name] || mods.some((m) => !kCanvas[m] && !kScreens[m] && !['nodiscard', 'fullskin', 'mesa', 'glcache', 'gpuqueries', 'ring', 'b'].includes(m))) { console.error(`unknown variant ${v}`); process.exit(2); }
  const canvas = mods.find((m) => kCanvas[m]), screen = mods.find((m) => kScreens[m]);
  if (name !== v) kVariants[v] = { ...kVariants[name], canvas: canvas && kCanvas[canvas], nodiscard: mods.includes('nodiscard'),
                                   fullskin: mods.includes('fullskin'), glcache: mods.includes('glcache'), gpuqueries: mods.includes('gpuqueries'),
                                   gl: mods.includes('mesa') ? 'mesa' : 'swiftshader', ring: mods.includes('ring'),
                                   siteB: mods.includes('b'), screen: screen && kScreens[screen] };
}
const siteB = process.env.EFFLEURA_BENCH_SITE_B;
if (variants.some((v) => kVariants[v].siteB) && !siteB) { console.error('+b needs EFFLEURA_BENCH_SITE_B (a site folder)'); process.exit(2); }
// 'default' stands beside the desktop's filter figure: what a window on a software renderer draws.
// The desktop's runs are keyed by smoothing and picture size.
const desktopAa = (v) => kVariants[v].aa ?? 'filter';
const desktopSize = (v) => kVariants[v].screen?.size ?? '1280x720';
const desktopKey = (v) => `${desktopAa(v)} ${desktopSize(v)}`;
const shots = process.env.EFFLEURA_BENCH_SHOTS;

const { server, base } = await serveSite(site);
const second = siteB ? await serveSite(siteB) : null;
// One Chromium per WebGL backend a variant asks for, each started when first needed.
const browsers = {};
const kRing = ['--enable-features=PartitionAllocLargeEmptySlotSpanRing'];
const browserFor = async (gl = 'swiftshader', ring = false) =>
  (browsers[gl + (ring ? '+ring' : '')] ??= await launchChromium(gl, ring ? kRing : []));
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const glCacheJs = readFileSync(new URL('../gl_state_cache.js', import.meta.url), 'utf8');

async function page({ query, canvas, nodiscard, fullskin, glcache, gpuqueries, gl, ring, siteB: fromB, screen }, shot) {
  const browser = await browserFor(gl, ring);
  const p = await browser.newPage();
  if (screen) await p.setViewport(screen.viewport);
  if (fullskin) await p.evaluateOnNewDocument(() => { window.effleuraFullSkin = true; });
  if (gpuqueries) await p.evaluateOnNewDocument(() => { window.effleuraGpuQueries = true; });
  if (glcache) await p.evaluateOnNewDocument(glCacheJs);
  if (nodiscard) {
    await p.evaluateOnNewDocument(() => {
      const shaderSource = WebGL2RenderingContext.prototype.shaderSource;
      WebGL2RenderingContext.prototype.shaderSource = function (shader, text) {
        return shaderSource.call(this, shader, text.replace('if (effleura_clip[0] < 0.0) discard;', ''));
      };
    });
  }
  if (canvas) {
    await p.evaluateOnNewDocument((attrs) => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, asked) {
        return getContext.call(this, type, String(type).startsWith('webgl') ? { ...(asked || {}), ...attrs } : asked);
      };
    }, canvas);
  }
  const timing = {};
  const errors = await openWarm(p, (fromB ? second.base : base) + (query ? '?' + query : ''), { timing });
  const s0 = await p.evaluate(() => ({ ...Module.effleura })), c0 = chromiumCpu(browser), t0 = Date.now();
  await sleep(seconds * 1000);
  const s1 = await p.evaluate(() => ({ ...Module.effleura })), c1 = chromiumCpu(browser), t1 = Date.now();
  const attributes = await p.evaluate(() => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    const a = gl && gl.getContextAttributes();
    const kept = a ? ['alpha', 'depth', 'stencil', 'antialias', 'preserveDrawingBuffer', 'desynchronized'].filter((k) => a[k]).join(' ') || 'none' : '?';
    const c = document.getElementById('canvas');
    return `${c.width}x${c.height} px at ${devicePixelRatio}, ${kept}`;
  });
  if (shots && shot) await p.screenshot({ path: join(shots, `${shot}.png`) });
  await p.close();
  const n = Math.max(1, s1.frames - s0.frames);
  const { byType, byThread } = cpuPerFrame(c0, c1, n);
  return { frames: n, msPerFrame: (t1 - t0) / n, workMs: (s1.work_ms - s0.work_ms) / n, cpuMsPerFrame: byType,
           gpuThreads: byThread, canvas: attributes, antialias: s1.antialias ?? null, renderer: s1.renderer ?? null,
           fontPx: s1.font_px ?? null, firstFrameMs: timing.firstFrameMs, errors };
}

// The desktop program's --bench: median frame time and CPU of the view alone and with panels.
function desktop(antialias, size) {
  const text = execFileSync(exe, ['--bench', '--panels', '--frames', '20', '--size', size,
                                  '--antialias', antialias, '--scene-scale', '1'], { encoding: 'utf8' });
  const views = text.split(/^view: /m).slice(1);
  const figure = (v, label) => Number((v.match(new RegExp(label + '\\s+([\\d.]+)')) || [])[1]);
  const [scene, panels] = views.map((v) => ({ ms: figure(v, 'frame time median \\(ms\\)'), cpuMs: figure(v, 'frame CPU median \\(ms\\)') }));
  return { scene, panels };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const fixed = (x) => (Number.isFinite(x) ? x.toFixed(1) : '?');
const results = { rounds: [], when: new Date().toISOString(), seconds, variants };
try {
  for (let r = 0; r < rounds; ++r) {
    const round = { desktop: {}, page: {} };
    // Per smoothing mode and size: A (the desktop) right before B (the page's variants in that mode).
    for (const key of [...new Set(variants.map(desktopKey))]) {
      const [aa, size] = key.split(' ');
      round.desktop[key] = desktop(aa, size);
      for (const v of variants.filter((x) => desktopKey(x) === key)) round.page[v] = await page(kVariants[v], `${v}-${r + 1}`);
    }
    results.rounds.push(round);
    const line = variants.map((v) => {
      const p = round.page[v], dk = round.desktop[desktopKey(v)][kVariants[v].desktop];
      const cpu = Object.entries(p.cpuMsPerFrame).filter(([, ms]) => ms >= 1).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ');
      const cpuSum = Object.values(p.cpuMsPerFrame).reduce((a, b) => a + b, 0);
      const busy = Object.entries(p.gpuThreads).filter(([, t]) => t.ms >= 1).sort((a, b) => b[1].ms - a[1].ms).slice(0, 4)
        .map(([name, t]) => `${name}${t.threads > 1 ? ' x' + t.threads : ''} ${t.ms.toFixed(0)}`).join(', ');
      return `${v} (page: ${p.antialias ?? '?'}, canvas ${p.canvas}, text ${p.fontPx ?? '?'} px, first frame ${fixed(p.firstFrameMs)} ms): ` +
             `page ${fixed(p.msPerFrame)} ms a frame, frame() ${fixed(p.workMs)} ms, ` +
             `CPU ${fixed(cpuSum)} ms (${cpu}; GPU process threads: ${busy}) vs desktop (${desktopSize(v)}) ${fixed(dk.ms)} ms, CPU ${fixed(dk.cpuMs)} ms: ` +
             `${(p.msPerFrame / dk.ms).toFixed(2)}x wall, ${(cpuSum / dk.cpuMs).toFixed(2)}x CPU` +
             (p.errors.length ? ` ERRORS: ${p.errors.join(' | ')}` : '');
    }).join('\n  ');
    console.log(`round ${r + 1}:\n  ${line}`);
  }
  results.summary = {};
  for (const v of variants) {
    const dk = (r) => r.desktop[desktopKey(v)][kVariants[v].desktop];
    const cpuSum = (r) => Object.values(r.page[v].cpuMsPerFrame).reduce((a, b) => a + b, 0);
    const s = {
      pageMs: median(results.rounds.map((r) => r.page[v].msPerFrame)),
      pageWorkMs: median(results.rounds.map((r) => r.page[v].workMs)),
      pageCpuMs: median(results.rounds.map(cpuSum)),
      pageFirstFrameMs: median(results.rounds.map((r) => r.page[v].firstFrameMs)),
      desktopMs: median(results.rounds.map((r) => dk(r).ms)),
      desktopCpuMs: median(results.rounds.map((r) => dk(r).cpuMs)),
      ratio: median(results.rounds.map((r) => r.page[v].msPerFrame / dk(r).ms)),
      cpuRatio: median(results.rounds.map((r) => cpuSum(r) / dk(r).cpuMs)),
    };
    results.summary[v] = s;
    console.log(`${v}: medians over ${rounds} rounds: page ${fixed(s.pageMs)} ms a frame (frame() ${fixed(s.pageWorkMs)}, ` +
                `first frame ${fixed(s.pageFirstFrameMs)} ms, ` +
                `CPU ${fixed(s.pageCpuMs)}), desktop ${fixed(s.desktopMs)} ms (CPU ${fixed(s.desktopCpuMs)}); ` +
                `ratio ${s.ratio.toFixed(2)} wall, ${s.cpuRatio.toFixed(2)} CPU (medians of the rounds' ratios)`);
  }
  writeFileSync(outJson, JSON.stringify(results, null, 2));
} finally {
  for (const b of Object.values(browsers)) await b.close();
  server.close();
  if (second) second.server.close();
}
