// Which of the renderer's allocators grows in a long kiosk run, per frame or per scene change
// (README "In the browser", session 26). /proc's resident size of Chromium's renderer grew about
// 12 MiB an hour in session 23's hours-long run, too slowly for a short run to show and in no
// part that a JavaScript heap snapshot sees. This asks Chromium itself: its memory-infra tracing
// (the DevTools protocol's Tracing.requestMemoryDump, as chrome://tracing's memory dumps) splits
// each process's memory by allocator (malloc, PartitionAlloc's partitions, V8's heaps and code
// space, Oilpan's blink_gc, Skia, the compositor, discardable memory, fonts ...). Opens QUERY
// (?kiosk with the fast waiting-room playlist by default, or e.g. `technique=effleurage`: frames
// and no scene changes), takes a dump every INTERVAL seconds for SECONDS, and prints, for the
// renderer (and the GPU process), every allocator that changed between the first dump after the
// warm-up and the last, with its change per 1000 frames and per scene started, beside /proc's
// resident size. A benchmark, not a test: it writes its figures to OUT.json and fails only when
// something does not run. FPS caps the frame rate (serve.mjs openLongRun).
// PLAYLIST: `fast` drops serve.mjs's fastPlaylist (a scene every 2 s of the kiosk's clock), `own`
// keeps the page's waiting-room playlist (scenes of 20 s and more): the same frames with about a
// tenth of the scene changes, so two runs tell growth per frame from growth per scene.
// EFFLEURA_INFRA_SIZE=WxH draws the page at that size (e.g. 320x180: SwiftShader's share of a
// frame falls with the pixels, so the same minutes hold many more frames, for growth per frame).
// Usage: node kiosk_infra.mjs SITE_DIR OUT.json [SECONDS=600] [INTERVAL=60] [FPS] [QUERY=kiosk] [WARM=60] [PLAYLIST=fast]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { serveSite, launchChromium, openLongRun, dropPlaylist, fastPlaylist } from './serve.mjs';

const [site, outJson, secondsArg = '600', intervalArg = '60', fpsArg = '', query = 'kiosk', warmArg = '60',
       playlist = 'fast'] = process.argv.slice(2);
if (!site || !outJson) {
  console.error('usage: node kiosk_infra.mjs SITE_DIR OUT.json [SECONDS] [INTERVAL] [FPS] [QUERY] [WARM] [fast|own]');
  process.exit(2);
}

// /proc's smaps_rollup (kB: Rss, Anonymous, Private_Dirty, ...) of every process below `root`, by pid.
function rollups(root) {
  const out = {};
  const children = {};
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      (children[ppid] ||= []).push(Number(d));
    } catch { /* gone */ }
  }
  const walk = (p) => {
    for (const c of children[p] || []) {
      try {
        const text = readFileSync(`/proc/${c}/smaps_rollup`, 'utf8');
        out[c] = Object.fromEntries([...text.matchAll(/^(\w+):\s+(\d+) kB/gm)].map((m) => [m[1], Number(m[2])]));
      } catch { /* gone */ }
      walk(c);
    }
  };
  walk(root);
  return out;
}
// Hex or decimal scalar of a memory dump's attribute, in bytes.
const scalar = (a) => (a && a.value !== undefined ? (typeof a.value === 'string' ? parseInt(a.value, 16) : Number(a.value)) : NaN);

const { server, base } = await serveSite(site);
const browser = await launchChromium('swiftshader');
let errors = [];
const events = [];
const marks = [];  // per dump: [guid, t, frames, scenes, renderer pid's RSS]
try {
  const opened = await openLongRun(browser, base + (query ? '?' + query : ''), fpsArg);
  const page = opened.page;
  errors = opened.errors;
  const size = (process.env.EFFLEURA_INFRA_SIZE || '').match(/^(\d+)x(\d+)$/);
  if (size) await page.setViewport({ width: Number(size[1]), height: Number(size[2]), deviceScaleFactor: 1 });
  if (query.includes('kiosk') && playlist === 'fast') await dropPlaylist(page, fastPlaylist(), errors);
  const cdp = await browser.target().createCDPSession();
  const ended = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream', streamFormat: 'json',
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'],
                   memoryDumpConfig: { triggers: [] } },
  });
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, Number(warmArg) * 1000));
  for (;;) {
    const state = await page.evaluate(() => ({ frames: Module.effleura.frames, scenes: Module.effleura.scenes }));
    const dump = await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
    const t = (Date.now() - t0) / 1000;
    marks.push({ guid: dump.dumpGuid, ok: dump.success, t, ...state, smaps: rollups(browser.process().pid) });
    console.log(`t ${t.toFixed(0)} s: dump ${dump.success ? 'taken' : 'FAILED'}, frames ${state.frames}, scenes ${state.scenes}`);
    if (t >= Number(warmArg) + Number(secondsArg)) break;
    await new Promise((r) => setTimeout(r, Number(intervalArg) * 1000));
  }
  await cdp.send('Tracing.end');
  const { stream } = await ended;
  const parts = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const trace = JSON.parse(parts.join(''));
  for (const v of trace.traceEvents || trace) {
    if (v.ph === 'v' || v.ph === 'M') events.push(v);
  }
} finally {
  await browser.close();
  server.close();
}

// Process names from the trace's metadata. The page's renderer is the Renderer with the largest
// private footprint (the others are empty tabs and a spare); the GPU process is named so. A dump
// comes back as events with an id counting the dumps of the trace (0x0, 0x1, ...: not the guid
// requestMemoryDump returned), so the k-th id in order is the k-th dump asked for.
const names = {};
for (const e of events) if (e.ph === 'M' && e.name === 'process_name') names[e.pid] = e.args.name;
const footprint = {};
for (const e of events) {
  const f = e.ph === 'v' && e.args?.dumps?.process_totals?.private_footprint_bytes;
  if (f && names[e.pid] === 'Renderer') footprint[e.pid] = Math.max(footprint[e.pid] || 0, scalar({ value: f }));
}
const page = Number(Object.entries(footprint).sort((p, q) => q[1] - p[1])[0]?.[0]);
const kindOf = (pid) => (pid === page ? 'renderer' : names[pid] === 'GPU Process' ? 'gpu' : null);
const byId = {};  // dump id -> kind -> { allocator: bytes, 'process_totals/...': bytes }
for (const e of events) {
  if (e.ph !== 'v' || !e.args || !e.args.dumps) continue;
  const kind = kindOf(e.pid);
  if (!kind) continue;
  const d = ((byId[e.id] ||= {})[kind] ||= {});
  for (const [name, a] of Object.entries(e.args.dumps.allocators || {})) {
    if (name.startsWith('global/')) continue;  // shared memory's per-buffer guids
    const size = scalar(a.attrs && a.attrs.size);
    if (Number.isFinite(size)) d[name] = size;
  }
  for (const [name, v] of Object.entries(e.args.dumps.process_totals || {}))
    if (typeof v === 'string') d['process_totals/' + name] = scalar({ value: v });
}
const ids = Object.keys(byId).sort((p, q) => parseInt(p, 16) - parseInt(q, 16)).slice(-marks.length);
const dumps = {};
ids.forEach((id, k) => { dumps[marks[marks.length - ids.length + k].guid] = byId[id]; });
const gpuPid = Number(Object.keys(names).find((p) => names[p] === 'GPU Process'));
// /proc's view beside Chromium's: the resident and anonymous (private) memory of both processes.
for (const m of marks) {
  for (const [kind, pid] of [['renderer', page], ['gpu', gpuPid]]) {
    const r = m.smaps[pid];
    const d = dumps[m.guid]?.[kind];
    if (!r || !d) continue;
    for (const f of ['Rss', 'Anonymous', 'Private_Dirty']) d['proc/' + f] = r[f] * 1024;
  }
  delete m.smaps;
}
const taken = marks.filter((m) => dumps[m.guid]);
if (taken.length < 2) {
  console.error(`kiosk_infra: fewer than two memory dumps came back (${taken.length}); process names ${JSON.stringify(names)}`);
  process.exit(1);
}
// First dump after the warm-up against the last, per allocator; the top level (no '/') and
// every node under it that changed by more than 64 kB.
const a = taken[0], b = taken[taken.length - 1];
const frames = b.frames - a.frames, scenes = b.scenes - a.scenes, hours = (b.t - a.t) / 3600;
const report = {};
for (const kind of ['renderer', 'gpu']) {
  const x = dumps[a.guid][kind] || {}, y = dumps[b.guid][kind] || {};
  const rows = Object.keys({ ...x, ...y }).map((name) => ({ name, from: x[name] || 0, to: y[name] || 0, grew: (y[name] || 0) - (x[name] || 0) }))
    .filter((r) => r.grew !== 0 && (!r.name.includes('/') || /^(process_totals|proc)\//.test(r.name) || Math.abs(r.grew) > 65536))
    .sort((p, q) => Math.abs(q.grew) - Math.abs(p.grew));
  report[kind] = rows;
  console.log(`${kind}: ${frames} frames, ${scenes} scenes, ${(hours * 60).toFixed(1)} min between the dumps`);
  for (const r of rows.slice(0, 30))
    console.log(`  ${(r.grew / 1024).toFixed(0).padStart(8)} kB  (${(r.from / 1048576).toFixed(2)} -> ${(r.to / 1048576).toFixed(2)} MiB; ` +
                `${(r.grew / 1024 / Math.max(1, frames) * 1000).toFixed(1)} kB per 1000 frames, ` +
                `${(r.grew / 1024 / Math.max(1, scenes)).toFixed(1)} kB a scene, ${(r.grew / 1048576 / hours).toFixed(2)} MiB an hour)  ${r.name}`);
}
// Every dump's top-level sizes, so a steady climb can be told from a step.
const series = taken.map((m) => ({ t: m.t, frames: m.frames, scenes: m.scenes,
  renderer: Object.fromEntries(Object.entries(dumps[m.guid].renderer || {}).filter(([k]) => !k.includes('/') || /^(process_totals|proc)\//.test(k))),
  gpu: Object.fromEntries(Object.entries(dumps[m.guid].gpu || {}).filter(([k]) => !k.includes('/') || /^(process_totals|proc)\//.test(k))) }));
writeFileSync(outJson, JSON.stringify({ site, query, playlist, size: process.env.EFFLEURA_INFRA_SIZE || '1280x720', fps: fpsArg ? Number(fpsArg) : null, frames, scenes, hours,
                                        report, series, errors }, null, 1));
if (errors.length) console.log('page errors:', errors.join(' | '));
