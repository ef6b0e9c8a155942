// What grows in the page's JavaScript heap over a kiosk run (README "In the browser", session 25).
// Opens ?kiosk in headless Chromium, drops the waiting-room playlist cut to 2 s a scene (as
// kiosk_memory.mjs does), and after WARM seconds and again after SECONDS more takes a heap snapshot
// through the DevTools protocol (after a forced garbage collection). Prints the object groups
// (V8's node type and constructor or string) whose count or size grew most between the two, and
// the lengths of the tables Emscripten's WebGL layer keeps (GL.buffers, GL.vaos, ...: an id is
// never reused there, so a table grows by one slot for every object ever created). A benchmark,
// not a test: it writes its figures to OUT.json and fails only when something does not run.
// Usage: node kiosk_heap.mjs SITE_DIR OUT.json [WARM=60] [SECONDS=120] [swiftshader|mesa] [FPS] [QUERY=kiosk]
import { writeFileSync } from 'node:fs';
import { serveSite, launchChromium, openLongRun, dropPlaylist, fastPlaylist } from './serve.mjs';

const [site, outJson, warmArg = '60', secondsArg = '120', gl = 'swiftshader', fpsArg = '', query = 'kiosk'] =
  process.argv.slice(2);
if (!site || !outJson) {
  console.error('usage: node kiosk_heap.mjs SITE_DIR OUT.json [WARM] [SECONDS] [swiftshader|mesa] [FPS] [QUERY]');
  process.exit(2);
}
const playlist = fastPlaylist();

// A heap snapshot's nodes summed by (type, name): { key: [count, bytes] }. Strings are grouped
// by their first 40 characters, so many copies of one message show as one group.
async function snapshot(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields, types = snap.snapshot.meta.node_types[0];
  const width = fields.length, iType = fields.indexOf('type'), iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const groups = {};
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    let name = snap.strings[snap.nodes[i + iName]];
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = name.slice(0, 40);
    const key = `${type}: ${name}`;
    const g = groups[key] || (groups[key] = [0, 0]);
    g[0] += 1; g[1] += snap.nodes[i + iSize];
    total += snap.nodes[i + iSize];
  }
  return { groups, total, nodes: snap.nodes.length / width };
}

const tables = () => {
  const g = typeof GL !== 'undefined' ? GL : null;
  if (!g) return null;
  const out = { counter: g.counter };
  for (const t of ['buffers', 'programs', 'framebuffers', 'renderbuffers', 'textures', 'shaders', 'vaos', 'queries',
                   'samplers', 'syncs', 'transformFeedbacks'])
    if (g[t]) out[t] = [g[t].length, g[t].filter((x) => x).length];
  out.uniformTables = (g.programs || []).filter((p) => p && p.uniformLocsById).length;
  return { frames: Module.effleura.frames, scenes: Module.effleura.scenes, gl: out,
           performanceEntries: performance.getEntries().length };
};

const { server, base } = await serveSite(site);
const browser = await launchChromium(gl);
let errors = [];
try {
  const opened = await openLongRun(browser, base + (query ? '?' + query : ''), fpsArg);
  const page = opened.page;
  errors = opened.errors;
  if (query.includes('kiosk')) await dropPlaylist(page, playlist, errors);
  const cdp = await page.target().createCDPSession();
  await new Promise((r) => setTimeout(r, Number(warmArg) * 1000));
  const t1 = await page.evaluate(tables);
  const a = await snapshot(cdp);
  console.log(`first snapshot: ${a.nodes} nodes, ${(a.total / 1e6).toFixed(2)} MB; ${JSON.stringify(t1)}`);
  await new Promise((r) => setTimeout(r, Number(secondsArg) * 1000));
  const t2 = await page.evaluate(tables);
  const b = await snapshot(cdp);
  console.log(`second snapshot: ${b.nodes} nodes, ${(b.total / 1e6).toFixed(2)} MB; ${JSON.stringify(t2)}`);
  const diff = Object.keys({ ...a.groups, ...b.groups }).map((k) => {
    const x = a.groups[k] || [0, 0], y = b.groups[k] || [0, 0];
    return { group: k, count: [x[0], y[0]], bytes: [x[1], y[1]], grew: y[1] - x[1] };
  }).filter((d) => d.grew !== 0 || d.count[0] !== d.count[1]).sort((p, q) => q.grew - p.grew);
  const frames = t2.frames - t1.frames;
  console.log(`${frames} frames and ${t2.scenes - t1.scenes} scenes between the snapshots; heap ` +
              `${((b.total - a.total) / 1e3).toFixed(1)} kB (${((b.total - a.total) / Math.max(1, frames)).toFixed(1)} bytes a frame)`);
  for (const d of diff.slice(0, 25))
    console.log(`  ${d.grew > 0 ? '+' : ''}${d.grew} bytes  count ${d.count[0]} -> ${d.count[1]}  ${d.group}`);
  writeFileSync(outJson, JSON.stringify({ site, gl, fps: fpsArg ? Number(fpsArg) : null, query, tables: [t1, t2],
                                          totals: [a.total, b.total], top: diff.slice(0, 60), errors }, null, 1));
  if (errors.length) console.log('page errors:', errors.join(' | '));
} finally {
  await browser.close();
  server.close();
}
