// Opens the page in headless Chromium and keeps it drawing for SECONDS, printing the GPU
// process's id once frames come: for profiling Chromium's processes from outside (perf, strace).
// Usage: node hold_page.mjs SITE_DIR SECONDS [mesa|swiftshader] [QUERY] [SHOT.png]
//   SHOT.png: a screenshot of the page once the SECONDS are over.
import { serveSite, launchChromium } from './serve.mjs';

const [site, secondsArg, gl = 'mesa', query = '', shot] = process.argv.slice(2);
if (!site || !secondsArg) { console.error('usage: node hold_page.mjs SITE_DIR SECONDS [mesa|swiftshader] [QUERY]'); process.exit(2); }
const { server, base } = await serveSite(site);
const browser = await launchChromium(gl);
try {
  const p = await browser.newPage();
  await p.goto(base + (query ? '?' + query : ''));
  await p.waitForFunction(() => window.Module && Module.effleura && Module.effleura.frames >= 10, { timeout: 300000 });
  const gpu = (await browser.process().pid);
  console.log(`drawing; browser pid ${gpu}`);
  await new Promise((ok) => setTimeout(ok, Number(secondsArg) * 1000));
  console.log(`frames ${await p.evaluate(() => Module.effleura.frames)}`);
  if (shot) await p.screenshot({ path: shot });
} finally {
  await browser.close();
  server.close();
}
