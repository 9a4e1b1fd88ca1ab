// Deployment: offline after one visit, the IT self-test page, a server with the wrong MIME type
// for .wasm, a browser without WebGL, and nginx (Debian's) with the config docs/deploy.md gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT, SITE, startServer, launch, openApp, waitForApp, state, frames, shot, assertClean,
} from './harness.mjs';
import { NGINX, startNginx } from '../../tools/nginx_site.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('after one visit the course opens with the network off (service worker)', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await page.waitForFunction(() => window.sandyqLoader.swRegistered === true, null, { timeout: 30000 });
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return !!reg.active && reg.active.state === 'activated';
    }, null, { timeout: 30000 });
    await ctx.setOffline(true);
    await page.reload();
    const s = await waitForApp(page);
    assert.equal(s.screen, 'home');
    await frames(page, 5);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'served by the service worker');
    await shot(page, 'offline-home');
    assert.deepEqual(page.problems.pageErrors, []);
  } finally { await ctx.close(); }
});

test('the self-test page for IT staff reports every check green on the test server', async () => {
  const ctx = await launch();
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url + 'selftest.html');
    await page.waitForFunction(() => window.sandyqSelfTest && window.sandyqSelfTest.done, null, { timeout: 60000 });
    const results = await page.evaluate(() => window.sandyqSelfTest.results);
    const ids = results.map((r) => r.id).sort();
    assert.deepEqual(ids, ['compression', 'data', 'i18n', 'indexeddb', 'js_mime', 'memory', 'quota', 'service_worker', 'wasm', 'wasm_mime', 'webgl'].sort());
    for (const r of results) assert.equal(r.status, 'ok', `${r.id}: ${r.detail}`);
    await shot(page, 'selftest-kk');
    assert.deepEqual(errors, []);
  } finally { await ctx.close(); }
});

// A careless server: every file as application/octet-stream, no compression.
function startCarelessServer() {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(SITE, path.normalize(rel));
      if (!file.startsWith(SITE) || !existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
      const type = file.endsWith('.wasm') ? 'application/octet-stream'
        : file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(readFileSync(file));
    });
    srv.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${srv.address().port}/`, stop: () => new Promise((r) => srv.close(r)) }));
  });
}

test('a server that sends .wasm with the wrong MIME type still gets a working app', async () => {
  const careless = await startCarelessServer();
  const ctx = await launch();
  try {
    const res = await fetch(careless.url + 'app.wasm');
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    const page = await openApp(ctx, careless.url);
    assert.equal((await state(page)).screen, 'home');
    await frames(page, 5);
    assertClean(assert, page);
  } finally { await ctx.close(); await careless.stop(); }
});

test('a browser without WebGL gets a clear error page in Kazakh and Russian', async () => {
  const ctx = await launch({ args: ['--disable-3d-apis'] });
  try {
    const page = await openApp(ctx, server.url, { wait: false });
    await page.waitForFunction(() => window.sandyqLoader && window.sandyqLoader.state === 'error', null, { timeout: 20000 });
    const text = await page.locator('#error').innerText();
    assert.match(text, /WebGL/);
    const kk = JSON.parse(readFileSync(path.join(SITE, 'i18n/kk.json'), 'utf8'));
    const ru = JSON.parse(readFileSync(path.join(SITE, 'i18n/ru.json'), 'utf8'));
    assert.ok(text.includes(kk['web.error.no_webgl.title']), 'Kazakh title shown');
    assert.ok(text.includes(ru['web.error.no_webgl.title']), 'Russian title shown');
    assert.ok(await page.locator('#error').isVisible());
    await shot(page, 'error-no-webgl');
  } finally { await ctx.close(); }
});

test('nginx from Debian with the recommended config serves the app (MIME, gzip) and it runs', async () => {
  assert.ok(existsSync(NGINX), 'nginx is installed by tools/setup.sh');
  const nginx = await startNginx(SITE);
  const url = nginx.url;
  const ctx = await launch();
  try {
    const wasm = await fetch(url + 'app.wasm', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'gzip');
    const manifest = await fetch(url + 'manifest.webmanifest');
    assert.match(manifest.headers.get('content-type'), /application\/manifest\+json/);
    const page = await openApp(ctx, url);
    assert.equal((await state(page)).lang, 'kk');
    await frames(page, 5);
    assertClean(assert, page);
  } finally {
    await ctx.close();
    nginx.stop();
  }
});
