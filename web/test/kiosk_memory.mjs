// Does the page's memory stay flat over a long kiosk run (a clinic's TV loops for weeks)?
// Opens ?kiosk in headless Chromium, drops the waiting-room playlist with every scene cut to the
// shortest a playlist allows (so minutes go through many loops of every scene), and samples,
// every INTERVAL seconds: the JavaScript heap (CDP metrics), the WebAssembly memory's size, the
// WebGL objects Emscripten's GL layer holds, and the resident memory of Chromium's renderer and
// GPU processes (/proc). A benchmark, not a test: it prints the samples and a line per figure
// (first sample after the warm-up, last, growth per loop), keeps them in OUT.json, and fails only
// when something does not run. For hours-long runs: FPS caps the page's frame rate (each animation
// frame requested that many times a second at most, by a wrapper round requestAnimationFrame put
// in before the page loads), so the run costs a shared machine less; the kiosk's clock then runs
// slower than the wall's (a frame advances it by at most 0.1 s, web/web_main.cpp). The summary
// also counts the samples where no new scene had started since the last one (a stalled loop)
// and fits a line through every sample from the second loop on: growth per hour. gl.ids is the
// next id Emscripten's WebGL layer will give (its tables are padded up to it: an id is never
// reused), so it shows objects made and deleted between samples that the live counts miss.
// Usage: node kiosk_memory.mjs SITE_DIR OUT.json [SECONDS=600] [INTERVAL=30] [swiftshader|mesa] [FPS]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { serveSite, launchChromium, openLongRun, dropPlaylist, fastPlaylist } from './serve.mjs';

const [site, outJson, secondsArg = '600', intervalArg = '30', gl = 'swiftshader', fpsArg = ''] = process.argv.slice(2);
if (!site || !outJson || (fpsArg && !(Number(fpsArg) > 0))) {
  console.error('usage: node kiosk_memory.mjs SITE_DIR OUT.json [SECONDS] [INTERVAL] [swiftshader|mesa] [FPS]');
  process.exit(2);
}
const playlist = fastPlaylist();

// Resident memory (kB) of each Chromium process below `pid`, by its --type.
function processMemory(pid) {
  const out = {};
  const walk = (p) => {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let stat;
      try { stat = readFileSync(`/proc/${d}/stat`, 'utf8'); } catch { continue; }
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== p) continue;
      let cmd = '', rss = 0;
      try {
        cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        rss = Number((readFileSync(`/proc/${d}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) || [0, 0])[1]);
      } catch { continue; }
      const type = (cmd.match(/--type=([a-z-]+)/) || [0, 'browser'])[1];
      out[type] = (out[type] || 0) + rss;
      walk(Number(d));
    }
  };
  try {  // the browser process itself
    out.browser = Number((readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) || [0, 0])[1]);
  } catch { /* gone */ }
  walk(pid);
  return out;
}

// The figures over `samples` so far (written after every sample, so a run stopped early keeps
// what it measured).
function summarise(samples, scenesPerLoop, errors) {
  // From the second sample on (the first loop's scenes load their techniques the first time).
  const a = samples[Math.min(1, samples.length - 1)], b = samples[samples.length - 1];
  // Samples where the kiosk started no scene since the one before (the loop stopped).
  const stalls = samples.slice(1).filter((s, i) => s.scenes <= samples[i].scenes).length;
  // Least-squares growth per hour, from the first sample past the second loop (by then every
  // scene has been framed with each of its cameras: README "In the browser", session 22).
  const settled = samples.filter((s) => s.scenes >= samples[0].scenes + 2 * scenesPerLoop);
  const perHour = (f) => {
    if (settled.length < 3) return NaN;
    const n = settled.length, mx = settled.reduce((q, s) => q + s.t, 0) / n, my = settled.reduce((q, s) => q + f(s), 0) / n;
    const sxy = settled.reduce((q, s) => q + (s.t - mx) * (f(s) - my), 0), sxx = settled.reduce((q, s) => q + (s.t - mx) ** 2, 0);
    return sxx > 0 ? (sxy / sxx) * 3600 : NaN;
  };
  const loops = (b.scenes - a.scenes) / scenesPerLoop;
  const per = (x, y) => (loops > 0 ? ((y - x) / loops) : NaN);
  const summary = {
    loops, seconds: b.t - a.t, scenes: b.scenes - a.scenes, frames: b.frames - a.frames, stalls, errors,
    perHourFromLoop3: { samples: settled.length, mallocMiB: perHour((s) => s.heapUsed / 1048576),
                        rendererMiB: perHour((s) => s.rssKb.renderer / 1024),
                        gpuMiB: perHour((s) => (s.rssKb['gpu-process'] || 0) / 1024),
                        jsHeapMB: perHour((s) => s.jsHeapUsed / 1e6) },
    jsHeapUsedMB: [a.jsHeapUsed / 1e6, b.jsHeapUsed / 1e6, per(a.jsHeapUsed, b.jsHeapUsed) / 1e6],
    wasmMiB: [a.wasmBytes / 1048576, b.wasmBytes / 1048576],
    mallocMiB: [a.heapUsed / 1048576, b.heapUsed / 1048576, per(a.heapUsed, b.heapUsed) / 1048576],
    heapTopMiB: [a.heapTop / 1048576, b.heapTop / 1048576],
    rendererMiB: [a.rssKb.renderer / 1024, b.rssKb.renderer / 1024, per(a.rssKb.renderer, b.rssKb.renderer) / 1024],
    gpuMiB: [(a.rssKb['gpu-process'] || 0) / 1024, (b.rssKb['gpu-process'] || 0) / 1024,
             per(a.rssKb['gpu-process'] || 0, b.rssKb['gpu-process'] || 0) / 1024],
    gl: [a.gl, b.gl],
  };
  return summary;
}

const { server, base } = await serveSite(site);
const browser = await launchChromium(gl);
let errors = [];
try {
  const opened = await openLongRun(browser, base + '?kiosk', fpsArg);
  const page = opened.page;
  errors = opened.errors;
  await dropPlaylist(page, playlist, errors);
  const cdp = await page.target().createCDPSession();
  await cdp.send('Performance.enable');
  const scenesPerLoop = (playlist.match(/^\[\[scene\]\]/gm) || []).length;
  const samples = [];
  const t0 = Date.now();
  for (;;) {
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    const p = await page.evaluate(() => {
      const live = (t) => (t ? t.filter((x) => x).length : -1);
      const g = typeof GL !== 'undefined' ? GL : null;
      return {
        frames: Module.effleura.frames, scenes: Module.effleura.scenes,
        wasmBytes: (Module.HEAP8 || HEAP8).buffer.byteLength,
        // What malloc holds in the WebAssembly memory and its top (web/web_main.cpp), where the
        // page reports them: the memory's own size only grows, in steps, past 256 MiB.
        heapUsed: Module.effleura.heap_used ?? -1, heapTop: Module.effleura.heap_top ?? -1,
        gl: g ? { buffers: live(g.buffers), textures: live(g.textures), programs: live(g.programs),
                  framebuffers: live(g.framebuffers), renderbuffers: live(g.renderbuffers), vaos: live(g.vaos),
                  shaders: live(g.shaders), ids: g.counter } : null,
      };
    });
    const s = { t: (Date.now() - t0) / 1000, ...p, jsHeapUsed: m.JSHeapUsedSize, jsHeapTotal: m.JSHeapTotalSize,
                rssKb: processMemory(browser.process().pid) };
    samples.push(s);
    console.log(`t ${s.t.toFixed(0)} s: frames ${s.frames}, scenes ${s.scenes}, JS heap ${(s.jsHeapUsed / 1e6).toFixed(1)} MB, ` +
                `wasm ${(s.wasmBytes / 1048576).toFixed(0)} MiB, malloc ${(s.heapUsed / 1048576).toFixed(2)} MiB ` +
                `(top ${(s.heapTop / 1048576).toFixed(2)}), renderer ${(s.rssKb.renderer / 1024).toFixed(0)} MiB, ` +
                `gpu ${((s.rssKb['gpu-process'] || 0) / 1024).toFixed(0)} MiB, GL ${JSON.stringify(s.gl)}`);
    writeFileSync(outJson, JSON.stringify({ site, gl, fps: fpsArg ? Number(fpsArg) : null, playlistScenes: scenesPerLoop,
                                            samples, summary: summarise(samples, scenesPerLoop, errors) }, null, 1));
    if (s.t >= Number(secondsArg)) break;
    await new Promise((r) => setTimeout(r, Number(intervalArg) * 1000));
  }
  const summary = summarise(samples, scenesPerLoop, errors);
  console.log('summary (second sample -> last; per loop of the playlist):', JSON.stringify(summary));
} finally {
  await browser.close();
  server.close();
}
