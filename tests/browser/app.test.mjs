// The app shell in a real browser: Debian's Chromium (headless, WebGL2 on SwiftShader) against
// the built site served on 127.0.0.1. Screenshots land in test-results/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  SITE, startServer, launch, openApp, waitForApp, state, click, tap, frames, widget, shot, assertClean,
  KAZAKH_LETTERS,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('first visit: the home screen in Kazakh, no console errors, no request to another host', async () => {
  const ctx = await launch();
  try {
    const requested = [];
    (ctx.pages()[0] || (await ctx.newPage())).on('request', (r) => requested.push(new URL(r.url()).pathname));
    const page = await openApp(ctx, server.url);
    const s = await state(page);
    assert.equal(s.screen, 'home');
    assert.equal(s.lang, 'kk');
    assert.equal(s.webgl, 2);
    assert.equal(s.catalogueError, '');
    // The Kazakh catalogue came once (the loading screen and the app share it); Russian and
    // English follow after the first frame, for the fallback chain and a quick switch.
    assert.ok(s.catalogues.includes('kk'));
    await page.waitForFunction(() => Module.sandyqTest.state().catalogues.length === 3, null, { timeout: 10000 });
    assert.equal(requested.filter((u) => u.endsWith('/i18n/kk.json')).length, 1, requested.join(' '));
    // index.html preloads app.wasm, app.js and app.data; the loader's and Emscripten's own
    // requests reuse those downloads (no file comes twice on a slow school network).
    for (const f of ['/app.wasm', '/app.js', '/app.data']) {
      assert.equal(requested.filter((u) => u.endsWith(f)).length, 1, `${f} once: ${requested.join(' ')}`);
    }
    // Every key of each catalogue reached the app (the page parses the JSON and hands it over flat).
    const keys = (await state(page)).catalogueKeys;
    for (const lang of ['kk', 'ru', 'en']) {
      const json = JSON.parse(readFileSync(path.join(SITE, `i18n/${lang}.json`), 'utf8'));
      assert.equal(keys[lang], Object.keys(json).length, `${lang}: keys in the app`);
    }
    // The real structure the next issues fill: a profile area and a course map area.
    for (const id of ['home.profiles', 'home.course', 'home.lang.kk', 'home.lang.ru', 'home.lang.en', 'home.settings', 'home.listen']) {
      assert.ok(s.widgets[id], `${id} is on screen`);
    }
    // Touch targets are at least 44 CSS px high.
    for (const id of ['home.lang.kk', 'home.lang.ru', 'home.lang.en', 'home.settings', 'home.listen']) {
      assert.ok(s.widgets[id][3] >= 44, `${id} is ${s.widgets[id][3]} px high`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'kk');
    assert.equal(await page.evaluate(() => window.sandyqLoader.state), 'ready');
    await shot(page, 'home-kk');
    await frames(page, 10);
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('the font atlas has all 18 Kazakh letters in the text fonts (regular and bold)', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    const missing = await page.evaluate((t) => Module.sandyqTest.missingGlyphs(t), KAZAKH_LETTERS + 'ЁёЩщ№₸«»—');
    assert.deepEqual(missing, []);
    // A code point outside the subset is reported, so the check above can fail.
    assert.deepEqual(await page.evaluate(() => Module.sandyqTest.missingGlyphs('\u4e2d')), [0x4e2d]);
    await shot(page, 'kazakh-letters');
  } finally { await ctx.close(); }
});

test('switching the language changes the UI and survives a reload', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    const kkWidth = (await widget(page, 'home.course.title')).w;
    await click(page, 'home.lang.ru');
    let s = await state(page);
    assert.equal(s.lang, 'ru');
    assert.notEqual((await widget(page, 'home.course.title')).w, kkWidth, 'the title changed ("Сабақтар картасы" → "Карта уроков")');
    assert.equal(await page.evaluate(() => localStorage.getItem('sandyq.lang')), 'ru');
    await shot(page, 'home-ru');
    await page.waitForFunction(() => Module.sandyqTest.storageInfo().syncCount >= 1);
    await page.reload();
    s = await waitForApp(page);
    assert.equal(s.lang, 'ru', 'Russian after reload');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
    await click(page, 'home.lang.en');
    assert.equal((await state(page)).lang, 'en');
    await shot(page, 'home-en');
    await click(page, 'home.lang.kk');
    assert.equal((await state(page)).lang, 'kk');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('a value written to storage survives a reload and a browser restart', async () => {
  const profile = (await import('./harness.mjs')).newProfileDir();
  let ctx = await launch({ profile });
  try {
    let page = await openApp(ctx, server.url);
    assert.equal((await state(page)).storage, 'ok');
    assert.equal(await page.evaluate(() => Module.sandyqTest.storageGet('test/note.txt')), '!err.storage.not_found');
    assert.equal(await page.evaluate(() => Module.sandyqTest.storagePut('test/note.txt', 'Сәлем, 3 Ә сыныбы! ★')), 'ok');
    assert.equal(await page.evaluate(() => Module.sandyqTest.storagePut('../escape', 'x')), 'err.storage.bad_key');
    await page.waitForFunction(() => { const i = Module.sandyqTest.storageInfo(); return i.syncCount >= 1 && !i.syncing; });
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => Module.sandyqTest.storageGet('test/note.txt')), 'Сәлем, 3 Ә сыныбы! ★');
    await ctx.close();
    ctx = await launch({ profile });
    page = await openApp(ctx, server.url);
    assert.equal(await page.evaluate(() => Module.sandyqTest.storageGet('test/note.txt')), 'Сәлем, 3 Ә сыныбы! ★');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('settings: bigger text and high contrast apply at once and are remembered', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.settings');
    assert.equal((await state(page)).screen, 'settings');
    const before = await widget(page, 'settings.close');
    await click(page, 'settings.font.bigger');
    await click(page, 'settings.contrast');
    let s = await state(page);
    assert.equal(s.fontScale, 1.25);
    assert.equal(s.highContrast, true);
    const afterW = await widget(page, 'settings.close');
    assert.ok(afterW.h > before.h, `the close button grew with the text (${before.h} → ${afterW.h})`);
    await shot(page, 'settings-contrast-kk');
    await click(page, 'settings.close');
    assert.equal((await state(page)).screen, 'home');
    await shot(page, 'home-contrast-kk');
    await page.waitForFunction(() => { const i = Module.sandyqTest.storageInfo(); return i.syncCount >= 2 && !i.syncing; });
    await page.reload();
    s = await waitForApp(page);
    assert.equal(s.fontScale, 1.25);
    assert.equal(s.highContrast, true);
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('crisp at 2×: the framebuffer and the font raster follow the device pixel ratio', async () => {
  const ctx = await launch({ dpr: 2 });
  try {
    const page = await openApp(ctx, server.url);
    const s = await state(page);
    assert.equal(s.pixelRatio, 2);
    assert.deepEqual(s.css, [1024, 768]);
    assert.deepEqual(s.framebuffer, [2048, 1536]);
    assert.equal(s.fontRaster, 2);
    await shot(page, 'home-kk-2x');
  } finally { await ctx.close(); }
});

test('the canvas follows a resize of the window', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await page.setViewportSize({ width: 800, height: 600 });
    await page.waitForFunction(() => Module.sandyqTest.state().css[0] === 800);
    const s = await state(page);
    assert.deepEqual(s.css, [800, 600]);
    assert.deepEqual(s.framebuffer, [800, 600]);
    const r = s.widgets['home.settings'];
    assert.ok(r[0] + r[2] <= 800, 'controls stay inside the narrower window');
    await shot(page, 'home-kk-800');
  } finally { await ctx.close(); }
});

test('touch: a tap presses a button and a drag scrolls the page on a phone', async () => {
  const ctx = await launch({ width: 390, height: 640, touch: true, dpr: 2 });
  try {
    const page = await openApp(ctx, server.url);
    await tap(page, 'home.lang.ru');
    assert.equal((await state(page)).lang, 'ru');
    await shot(page, 'phone-ru');
    const before = await widget(page, 'home.course');
    const cdp = await ctx.newCDPSession(page);
    const x = 195;
    const points = [520, 480, 440, 400, 360, 320, 280];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: points[0] }] });
    for (const y of points.slice(1)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      await frames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 3);
    const afterR = await widget(page, 'home.course');
    assert.ok(afterR.y < before.y - 100, `the course card moved up by the drag (${before.y} → ${afterR.y})`);
    assert.equal((await state(page)).lang, 'ru', 'the drag did not press a language button');
    await shot(page, 'phone-ru-scrolled');
  } finally { await ctx.close(); }
});

test('read-aloud: a voice reads the text, or the pupil sees a clear "no voice" message', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    const kkVoices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('kk')).length);
    await click(page, 'home.listen');
    const s = await state(page);
    if (kkVoices === 0) {
      assert.equal(s.lastMessageKey, 'speech.no_voice');
      assert.match(s.lastMessage, /дауыс жоқ/);
      await click(page, 'home.settings');
      assert.ok((await state(page)).widgets['settings.voice'], 'settings show the voice state');
      await shot(page, 'settings-no-voice-kk');
    } else {
      assert.equal(s.lastMessageKey, 'speech.home_text');
    }
  } finally { await ctx.close(); }
});

test('download from memory and picking a file to upload reach the app byte for byte', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => Module.sandyqTest.download('баға-3Ә.csv', 'Аты;Балл\nӘлия;10\n')),
    ]);
    assert.equal(download.suggestedFilename(), 'баға-3Ә.csv');
    assert.equal(readFileSync(await download.path(), 'utf8'), 'Аты;Балл\nӘлия;10\n');

    const bytes = Buffer.from([0, 1, 2, 255, 254, ...Buffer.from('Қазақ')]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.evaluate(() => Module.sandyqTest.pickFile())]);
    await chooser.setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: bytes });
    await page.waitForFunction(() => Module.sandyqTest.state().picked.size > 0);
    const picked = (await state(page)).picked;
    let h = 2166136261;
    for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
    assert.deepEqual(picked, { name: 'backup.json', size: bytes.length, hash: h });
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('first start follows the language the loader page already used on this device', async () => {
  const ctx = await launch();
  try {
    const page = await ctx.newPage();
    await page.goto(server.url + 'selftest.html');
    await page.evaluate(() => localStorage.setItem('sandyq.lang', 'ru'));
    await page.goto(server.url);
    await waitForApp(page);
    assert.equal((await state(page)).lang, 'ru');
  } finally { await ctx.close(); }
});

// Records every getContext call of the page: which canvas, which type, whether it made a new
// context (the loader's probe must be the app's own context, not a second one).
const recordContexts = () => {
  const orig = HTMLCanvasElement.prototype.getContext;
  const seen = new Set();
  window.__contexts = [];
  HTMLCanvasElement.prototype.getContext = function (type, attrs) {
    const c = orig.call(this, type, attrs);
    window.__contexts.push({ canvas: this.id || '(other)', type, made: !!c && !seen.has(c), ok: !!c });
    if (c) seen.add(c);
    return c;
  };
};

for (const [name, query, version] of [['WebGL2 (the usual path)', '', 2], ['WebGL1 (old GPUs)', '?webgl1', 1]]) {
  test(`${name}: the home screen is drawn on one context, made by the loader while app.wasm loads`, async () => {
    const ctx = await launch();
    try {
      await ctx.addInitScript(recordContexts);
      const page = await openApp(ctx, server.url, { query });
      const s = await state(page);
      assert.equal(s.webgl, version);
      assert.ok(s.widgets['home.course'], 'home screen drawn');
      const calls = await page.evaluate(() => window.__contexts);
      assert.deepEqual(calls.filter((c) => c.made).map((c) => c.canvas), ['canvas'], JSON.stringify(calls));
      assert.ok(calls.filter((c) => c.ok).length >= 2, `the app got the loader's context back: ${JSON.stringify(calls)}`);
      if (version === 1) await shot(page, 'home-kk-webgl1');
      await frames(page, 5);
      assertClean(assert, page);
    } finally { await ctx.close(); }
  });
}

test('keyboard only: Tab moves a visible focus ring, Enter and Space press, Escape closes settings', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    const press = async (key) => { await page.keyboard.press(key); await frames(page, 2); };
    await press('Tab');
    assert.equal((await state(page)).keyboardFocus, 'home.lang.kk');
    await press('Tab');
    assert.equal((await state(page)).keyboardFocus, 'home.lang.ru');
    await press('Enter');
    assert.equal((await state(page)).lang, 'ru');
    await shot(page, 'keyboard-focus-ru');
    await press('ArrowRight');
    await press('ArrowRight');
    await press('ArrowRight');
    assert.equal((await state(page)).keyboardFocus, 'home.settings');
    await press('Space');
    assert.equal((await state(page)).screen, 'settings');
    await press('Escape');
    assert.equal((await state(page)).screen, 'home');
    await press('Shift+Tab');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
