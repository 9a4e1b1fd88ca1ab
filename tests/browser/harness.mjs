// tests/browser/harness.mjs — shared pieces of the browser tests: a static server on a loopback
// port (tools/serve.py, as `tools/sandyq serve` uses), Debian's Chromium through playwright-core,
// the app's test API (Module.sandyqTest), clicks on real canvas coordinates, and screenshots
// saved under test-results/screenshots/ for people to look at.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = process.env.SANDYQ_SITE || path.join(ROOT, 'build/web/site');
export const SHOTS = path.join(ROOT, 'test-results/screenshots');
export const KAZAKH_LETTERS = 'ӘҒҚҢӨҰҮҺІәғқңөұүһі';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader'];

if (!existsSync(path.join(SITE, 'app.wasm'))) {
  throw new Error(`no built site at ${SITE}: run tools/sandyq build first`);
}

// Starts a server process and resolves with {url, stop} once it prints its address.
export function startProcess(cmd, args, pattern, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${cmd} did not start: ${out}`)); }, 15000);
    const onData = (d) => {
      out += d.toString();
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${cmd} exited ${code}: ${out}`)); });
  });
}

export function startServer(site = SITE) {
  return startProcess('python3', [path.join(ROOT, 'tools/serve.py'), site, '--port', '0'], /(http:\/\/127\.0\.0\.1:\d+\/)/);
}

export function newProfileDir() {
  return mkdtempSync(path.join(tmpdir(), 'sandyq-chromium-'));
}

export async function launch({ profile = newProfileDir(), width = 1024, height = 768, dpr = 1, touch = false, args = [] } = {}) {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    deviceScaleFactor: dpr,
    hasTouch: touch,
    isMobile: false,
    acceptDownloads: true,
    args: [...CHROMIUM_ARGS, ...args],
  });
  ctx.profile = profile;
  return ctx;
}

// Opens the app and records what a test must assert on: console errors, page errors and any
// request to another host.
export async function openApp(ctx, baseUrl, { query = '', wait = true } = {}) {
  const page = ctx.pages()[0] || (await ctx.newPage());
  const origin = new URL(baseUrl).origin;
  page.problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (m) => { if (m.type() === 'error') page.problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) page.problems.foreignRequests.push(u);
  });
  await page.goto(baseUrl + query);
  if (wait) await waitForApp(page);
  return page;
}

export async function waitForApp(page, minFrames = 3) {
  await page.waitForFunction((n) => {
    const s = window.Module && Module.sandyqTest && Module.sandyqTest.state();
    return s && s.frames >= n;
  }, minFrames, { timeout: 20000 });
  return state(page);
}

export const state = (page) => page.evaluate(() => Module.sandyqTest.state());

// Waits until the app has drawn `n` more frames (so a click has been processed and shown).
export async function frames(page, n = 3) {
  const start = (await state(page)).frames;
  await page.waitForFunction((s) => Module.sandyqTest.state().frames >= s, start + n, { timeout: 10000 });
}

export async function widget(page, id) {
  const s = await state(page);
  const r = s.widgets[id];
  if (!r) throw new Error(`widget ${id} not on screen ${s.screen}; have: ${Object.keys(s.widgets).join(', ')}`);
  return { x: r[0], y: r[1], w: r[2], h: r[3], cx: r[0] + r[2] / 2, cy: r[1] + r[3] / 2 };
}

// A real mouse drag on the canvas: press on `from`, move in eight steps (one frame each), release
// at `to`, letting the app draw between the steps as a pupil's hand would.
export async function mouseDrag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
    await frames(page, 1);
  }
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

// A block of the editor's palette; when it is scrolled out of view, its category tab is clicked
// first, as a pupil does.
export async function paletteBlock(page, type, category) {
  const s = await state(page);
  if (!s.widgets[`coding.pal.${type}`]) await click(page, `coding.cat.${category}`);
  return widget(page, `coding.pal.${type}`);
}

// Clicks the centre of a widget on the real canvas (mouse), then lets the app draw.
export async function click(page, id) {
  const r = await widget(page, id);
  await page.mouse.move(r.cx, r.cy);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

export async function tap(page, id) {
  const r = await widget(page, id);
  await page.touchscreen.tap(r.cx, r.cy);
  await frames(page, 4);
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export function assertClean(assert, page) {
  assert.deepEqual(page.problems.pageErrors, [], 'no page errors');
  assert.deepEqual(page.problems.consoleErrors, [], 'no console errors');
  assert.deepEqual(page.problems.foreignRequests, [], 'no requests to other hosts');
}

// The course map has its packs (bundled ones are fetched after the first frame).
export async function courseLoaded(page) {
  await page.waitForFunction(() => {
    const s = Module.sandyqTest.state();
    return s && s.course && !s.course.loading && s.course.packs.length > 0;
  }, null, { timeout: 20000 });
  return state(page);
}

// Scrolls (mouse wheel over the list) until widget `id` is fully inside the scrolling area: the
// lesson's body on the lesson screen, else the screen between the top bar and the status strip.
export async function reveal(page, id) {
  const vh = page.viewportSize().height;
  for (let i = 0; i < 30; i++) {
    const s = await state(page);
    const r = s.widgets[id];
    if (!r) throw new Error(`widget ${id} not on screen ${s.screen}`);
    const area = s.screen === 'lesson' && s.widgets['lesson.body'] ? s.widgets['lesson.body'] : [0, 90, 0, vh - 90 - 60];
    const top = area[1], bottom = area[1] + area[3];
    if (r[1] >= top && r[1] + r[3] <= bottom) return;
    await page.mouse.move(page.viewportSize().width / 2, vh / 2);
    await page.mouse.wheel(0, r[1] + r[3] > bottom ? Math.min(300, r[1] + r[3] - bottom + 20) : -Math.min(300, top - r[1] + 20));
    await frames(page, 3);
  }
  throw new Error(`could not scroll ${id} into view`);
}

export async function clickSeen(page, id) {
  await reveal(page, id);
  await click(page, id);
}

// Letters arrive as key presses, the way a real keyboard (with a Kazakh layout) sends them;
// playwright's keyboard.type only sends input events for letters outside the US layout.
export async function typeText(page, text) {
  await page.evaluate((t) => {
    for (const ch of t) {
      const c = ch.codePointAt(0);
      Module.canvas.dispatchEvent(new KeyboardEvent('keypress', { key: ch, charCode: c, keyCode: c, which: c, bubbles: true, cancelable: true }));
    }
  }, text);
  await frames(page, 3);
}

// Opens lesson `lessonId` of pack `packId` from the course map: the grade chip, then the lesson
// row, each scrolled into view and pressed with `press` (click or tap).
export async function openLesson(page, packId, lessonId, press = click) {
  const s = await state(page);
  const pack = s.course.packs.find((p) => p.id === packId);
  if (!pack) throw new Error(`${packId} is not on the course map`);
  if (s.widgets[`map.grade.${pack.grade}`]) {
    await reveal(page, `map.grade.${pack.grade}`);
    await press(page, `map.grade.${pack.grade}`);
  }
  const li = pack.lessons.findIndex((l) => l.id === lessonId);
  await reveal(page, `map.lesson.${pack.entry}.${li}`);
  await press(page, `map.lesson.${pack.entry}.${li}`);
  const t = await state(page);
  if (t.screen !== 'lesson' || !t.lesson.open) throw new Error(`lesson ${lessonId} did not open (screen ${t.screen})`);
  return { pack, li };
}
