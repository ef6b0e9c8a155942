// What the browser test and the frame-time bench share: the built page served from localhost
// (only files under SITE_DIR) and Debian's Chromium, headless, drawing WebGL with SwiftShader at
// 1280x720, as a user without a GPU would see the page.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.data': 'application/octet-stream' };

// Serves `site` on a free localhost port; resolves to { server, base } (base ends in '/').
export async function serveSite(site) {
  const server = createServer((req, res) => {
    const path = join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/$/, '/index.html'));
    if (!path.startsWith(site) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

// Chromium headless with SwiftShader's WebGL (CHROMIUM names another binary). With gl 'mesa'
// the page's WebGL goes through ANGLE's EGL backend to Mesa's llvmpipe instead, the rasteriser the
// desktop program draws with here: the benchmark's like-for-like ratio (frame_time.mjs, `+mesa`)
// then measures the page itself (WebAssembly, WebGL's checks, ANGLE), not SwiftShader against
// llvmpipe. The browser test keeps SwiftShader: what a browser on a machine with no graphics card
// gives a visitor.
export function launchChromium(gl = 'swiftshader', extra = []) {
  const backend = gl === 'mesa' ? ['--use-angle=gl-egl'] : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // EFFLEURA_CHROMIUM_ARGS: more switches for the benchmarks (space-separated), e.g. to try
    // a Chromium setting's effect on the GPU process; the browser test never sets it.
    args: ['--no-sandbox', '--use-gl=angle', ...backend, '--ignore-gpu-blocklist', '--window-size=1280,720',
           ...(process.env.EFFLEURA_CHROMIUM_ARGS || '').split(' ').filter(Boolean), ...extra],
    defaultViewport: { width: 1280, height: 720, deviceScaleFactor: 1 },
  });
}

// Opens `url` in `page` and waits for the page's first frame, five more (shaders compiled, the
// levels of detail built on the first frames) and a second: what every frame benchmark measures
// from. EFFLEURA_BENCH_WARM_S waits that many seconds more: a fresh page's renderer spends its
// first tens of seconds compiling its hot WebAssembly again in V8's optimising tier, in V8's
// thread pool (12-92 ms of CPU a frame in the first seconds, 1.7 after a minute; README "In the
// browser", session 25), which a page left open pays once and the desktop program never.
// Returns the page's errors (and its console's, unless asked not to), collected from the start.
// `timing`, when given, gets firstFrameMs: from opening the page to its first frame (the page's
// own clock, as the browser test reads it).
export async function openWarm(page, url, { consoleErrors = true, timing = null } = {}) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (consoleErrors) page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.Module && Module.effleura && Module.effleura.frames >= 1, { timeout: 180000 });
  if (timing) timing.firstFrameMs = await page.evaluate(() => performance.now());
  const f0 = await page.evaluate(() => Module.effleura.frames);
  await page.waitForFunction((n) => Module.effleura.frames >= n + 5, { timeout: 180000 }, f0);
  await new Promise((r) => setTimeout(r, 1000 + Number(process.env.EFFLEURA_BENCH_WARM_S || 0) * 1000));
  return errors;
}

// Opens `url` in a new page of `browser` for a long run (kiosk_memory.mjs, kiosk_heap.mjs): the
// page's errors and console errors collected from the start, its frame rate capped at `fps` when
// given (each animation frame waits 1/fps s, set before the page loads, so an hours-long run costs
// a shared machine less), and back once the page has drawn five frames.
export async function openLongRun(browser, url, fps) {
  const errors = [];
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (fps) {
    await page.evaluateOnNewDocument((rate) => {
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (f) => setTimeout(() => raf(f), 1000 / rate);
    }, Number(fps));
  }
  await page.goto(url);
  await page.waitForFunction(() => window.Module && Module.effleura && Module.effleura.frames >= 5, { timeout: 300000 });
  return { page, errors };
}

// Drops playlist text on the page as a dropped file would come (the kiosk's fast loop); throws
// with the page's errors when the page refuses it.
export async function dropPlaylist(page, text, errors) {
  const status = await page.evaluate((t) => {
    Module.FS.mkdirTree('/dropped');
    Module.FS.writeFile('/dropped/fast-loop.toml', t);
    return Module.ccall('effleura_load_file', 'number', ['string', 'number'], ['/dropped/fast-loop.toml', 1]);
  }, text);
  if (status !== 0) throw new Error(`the fast playlist did not open (status ${status}): ${errors.join(' | ')}`);
}

// The clinic's own waiting-room playlist with each scene as short as allowed (twice the
// cross-fade plus a second): the long kiosk runs' fast loop, dropped with dropPlaylist.
export function fastPlaylist() {
  const root = new URL('../../', import.meta.url).pathname;
  const crossfade = 0.5;
  return readFileSync(join(root, 'content/playlists/waiting-room.toml'), 'utf8')
    .replace(/^crossfade_s\s*=.*$/m, `crossfade_s = ${crossfade}`)
    .replace(/^duration_s\s*=.*$/gm, `duration_s = ${2 * crossfade + 1}`);
}
