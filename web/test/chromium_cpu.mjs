// CPU time of headless Chromium's processes and threads from /proc, for the frame benchmarks
// (frame_time.mjs, frame_probe.mjs): what a frame costs each process (the browser, the renderer
// where the page's WebAssembly and JavaScript run, the GPU process where SwiftShader draws).
import { readFileSync, readdirSync } from 'node:fs';

const kMsPerTick = 10;  // /proc's clock ticks: USER_HZ is 100 on Linux

// utime + stime in ms of a /proc stat line (fields 14 and 15), and its parent (field 4).
export function parseStat(text) {
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { parent: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * kMsPerTick,
           comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')) };
}

// Every process under the browser: pid -> { type, ms }, and the threads of the processes whose
// type is in threadTypes (the GPU process's by their name, the others' as TYPE/NAME).
export function chromiumCpu(browser, threadTypes = ['gpu-process']) {
  const root = browser.process().pid, parent = new Map(), info = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = parseStat(readFileSync(`/proc/${d}/stat`, 'utf8'));
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const type = (cmd.match(/--type=([a-z-]+)/) || [null, 'browser'])[1];
      const sub = (cmd.match(/--utility-sub-type=([\w.]+)/) || [null, ''])[1];
      parent.set(Number(d), s.parent);
      info.set(Number(d), { type: sub ? `${type}:${sub.split('.').pop()}` : type, ms: s.ms });
    } catch { /* gone meanwhile */ }
  }
  const under = (pid) => { for (let p = pid; p > 1; p = parent.get(p) ?? 1) if (p === root) return true; return false; };
  const procs = new Map(), threads = new Map();
  for (const [pid, i] of info) {
    if (!under(pid)) continue;
    procs.set(pid, i);
    if (!threadTypes.includes(i.type)) continue;
    try {
      for (const t of readdirSync(`/proc/${pid}/task`)) {
        const s = parseStat(readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8'));
        threads.set(`${t}`, { name: i.type === 'gpu-process' ? s.comm : `${i.type}/${s.comm}`, ms: s.ms });
      }
    } catch { /* gone meanwhile */ }
  }
  return { procs, threads };
}

// CPU ms per frame by process type (only processes alive at both ends), and the GPU process's
// threads grouped by name (SwiftShader's workers share one).
export function cpuPerFrame(c0, c1, frames) {
  const byType = {}, byThread = {};
  for (const [pid, i] of c1.procs) {
    const before = c0.procs.get(pid);
    if (before) byType[i.type] = (byType[i.type] || 0) + (i.ms - before.ms) / frames;
  }
  for (const [tid, t] of c1.threads) {
    const before = c0.threads.get(tid);
    if (!before) continue;
    const slot = byThread[t.name] || (byThread[t.name] = { threads: 0, ms: 0 });
    slot.threads += 1;
    slot.ms += (t.ms - before.ms) / frames;
  }
  return { byType, byThread };
}
