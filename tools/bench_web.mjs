#!/usr/bin/env node
// tools/bench_web.mjs — first-load budget of the web build: sizes of what the browser downloads
// (raw and gzip -9, as served), and navigation → first frame in headless Chromium (median of 5,
// fresh profile each time, served by tools/serve.py on 127.0.0.1). Prints a Markdown table.
// Targets (DESIGN.md): total first load ≤ 1.0 MB gzip; first frame ≤ 500 ms.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { NGINX, startNginx } from './nginx_site.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = process.env.SANDYQ_SITE || path.join(ROOT, 'build/web/site');
const RUNS = Number(process.env.RUNS || 7);
const ARGS = [...(process.env.BENCH_EXTRA_ARGS ? process.env.BENCH_EXTRA_ARGS.split(' ') : []), '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'];

const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
let totalRaw = 0, totalGz = 0;
// What the first visit downloads before the first frame (the service worker precaches the rest later).
const firstLoad = ['index.html', 'style.css', 'loader.js', 'build.json', 'i18n/kk.json', 'app.js', 'app.wasm', 'app.data'];
for (const f of firstLoad) {
  const raw = readFileSync(path.join(SITE, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  totalRaw += raw.length; totalGz += gz;
  rows.push([f, raw.length, gz]);
}
const fontDir = path.join(SITE, '../stage/assets/fonts');
for (const f of ['sandyq-sans.ttf', 'sandyq-sans-bold.ttf']) {
  const p = path.join(fontDir, f);
  if (existsSync(p)) { const raw = readFileSync(p); rows.push([`(inside app.data) ${f}`, raw.length, gzipSync(raw, { level: 9 }).length]); }
}
console.log('| file | raw KB | gzip KB |\n|---|---:|---:|');
for (const [f, r, g] of rows) console.log(`| ${f} | ${kb(r)} | ${kb(g)} |`);
console.log(`| **total first load** | **${kb(totalRaw)}** | **${kb(totalGz)}** (target ≤ 1024, ${(totalGz / 1048576 * 100).toFixed(0)}% of budget) |`);

// First frame: RUNS fresh profiles each; with SANDYQ_REF_SITE=<another built site> the reference
// is measured in the same run, alternating with ours, and the ratio printed (a busy machine slows
// both alike).
// As a school serves it: Debian's nginx with the recommended config (precompressed files); the
// project's Python server when nginx is missing or SANDYQ_BENCH_SERVER=python.
const USE_NGINX = existsSync(NGINX) && process.env.SANDYQ_BENCH_SERVER !== 'python';
async function serve(site) {
  if (USE_NGINX) { const n = await startNginx(site); return { url: n.url, stop: n.stop }; }
  const server = spawn('python3', [path.join(ROOT, 'tools/serve.py'), site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const on = (d) => { out += d; const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)/); if (m) resolve({ url: m[1], stop: () => server.kill() }); };
    server.stdout.on('data', on); server.stderr.on('data', on);
    server.once('exit', () => reject(new Error(out)));
  });
}
// One fresh profile: the first visit (nothing cached), then — once the service worker controls
// the page — a repeat visit in the same browser (what a pupil meets every lesson after the first:
// files from the service worker's cache, compiled code from the browser's code cache).
async function firstFrame(url) {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sandyq-bench-')), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1024, height: 768 }, args: ARGS });
  const page = ctx.pages()[0] || await ctx.newPage();
  const visit = async () => {
    await page.waitForFunction(() => window.Module && Module.sandyqFirstFrameMs > 0, null, { timeout: 30000 });
    return page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] || {};
      return {
        ms: Module.sandyqFirstFrameMs,
        heap: typeof HEAPU8 !== 'undefined' ? HEAPU8.length : (Module.HEAPU8 ? Module.HEAPU8.length : 0),
        marks: Object.assign({ 'index.html received': Math.round(nav.responseEnd || 0), 'DOMContentLoaded': Math.round(nav.domContentLoadedEventStart || 0) },
          (window.sandyqLoader && sandyqLoader.times) || {}, Module.sandyqTimes || {}),
      };
    });
  };
  await page.goto(url);
  const first = await visit();
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(1500);  // the service worker's precache and the code cache settle
  await page.goto(url);
  const repeat = await visit();
  await ctx.close();
  return { ...first, repeat };
}
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };
const ours = await serve(SITE);
const REF = process.env.SANDYQ_REF_SITE;
const ref = REF ? await serve(REF) : null;
const runs = [], refRuns = [];
// One visit first that is not counted: it only brings Chromium's own files into the OS cache, as
// on a school PC where the browser has been started before.
await firstFrame(ours.url);
for (let i = 0; i < RUNS; i++) {
  runs.push(await firstFrame(ours.url));
  if (ref) refRuns.push(await firstFrame(ref.url));
}
ours.stop();
if (ref) ref.stop();
const times = runs.map((r) => r.ms);
const repeatTimes = runs.map((r) => r.repeat.ms);
console.log(`\nserver: ${USE_NGINX ? 'nginx (web/deploy/nginx-sandyq.conf)' : 'tools/serve.py'}`);
console.log(`navigation → first frame, headless Chromium (SwiftShader), ${RUNS} fresh profiles (after one uncounted warm-up): ` +
  `median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')}; target ≤ 500 ms)`);
console.log(`repeat visit (same profile, service worker and code cache warm): median ${median(repeatTimes).toFixed(0)} ms ` +
  `(runs: ${repeatTimes.map((t) => t.toFixed(0)).join(', ')})`);
if (ref) {
  const rt = refRuns.map((r) => r.ms);
  console.log(`reference ${REF}: median ${median(rt).toFixed(0)} ms (runs: ${rt.map((t) => t.toFixed(0)).join(', ')}); ` +
    `ours / reference = ${(median(times) / median(rt)).toFixed(2)}`);
}
// Where the time goes: medians of the marks (ms since navigation) set by web/loader.js and main.cpp.
const names = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))]
  .map((n) => [n, median(runs.map((r) => r.marks[n]).filter((v) => typeof v === 'number'))])
  .filter(([, v]) => v !== undefined).sort((a, b) => a[1] - b[1]);
const markOf = (list, n) => median(list.map((r) => r.marks[n]).filter((v) => typeof v === 'number'));
const repeatMark = (n) => median(runs.map((r) => r.repeat.marks[n]).filter((v) => typeof v === 'number'));
const cell = (v) => (v === undefined ? '' : v.toFixed(0));
console.log(`\n| mark (loader.js / main.cpp) | first visit: median ms since navigation | repeat visit |${ref ? ' reference, first visit |' : ''}` +
  `\n|---|---:|---:|${ref ? '---:|' : ''}`);
for (const [n, v] of names) console.log(`| ${n} | ${cell(v)} | ${cell(repeatMark(n))} |${ref ? ` ${cell(markOf(refRuns, n))} |` : ''}`);
console.log(`| first frame | ${median(times).toFixed(0)} | ${median(repeatTimes).toFixed(0)} |${ref ? ` ${median(refRuns.map((r) => r.ms)).toFixed(0)} |` : ''}`);
console.log(`\nwasm heap after first frame: ${(Math.max(...runs.map((r) => r.heap)) / 1048576).toFixed(0)} MB (budget ≤ 64 MB)`);
