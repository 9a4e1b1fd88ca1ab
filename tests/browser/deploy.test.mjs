// Deployment: offline after one visit, the IT self-test page, a server with the wrong MIME type
// for .wasm, a browser without WebGL, and nginx (Debian's) with the config docs/deploy.md gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import {
  ROOT, SITE, startServer, launch, openApp, waitForApp, state, frames, shot, assertClean,
} from './harness.mjs';

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

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

test('nginx from Debian with the recommended config serves the app (MIME, gzip) and it runs', async () => {
  const nginx = '/usr/sbin/nginx';
  assert.ok(existsSync(nginx), 'nginx is installed by tools/setup.sh');
  const dir = mkdtempSync(path.join(tmpdir(), 'sandyq-nginx-'));
  const port = await freePort();
  const block = readFileSync(path.join(ROOT, 'web/deploy/nginx-sandyq.conf'), 'utf8')
    .replaceAll('__ROOT__', SITE).replaceAll('__PORT__', String(port));
  writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${block}
}
`);
  const proc = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  // nginx prints nothing when it starts well: poll the port.
  let up = false;
  for (let i = 0; i < 50 && !up; i++) {
    try { up = (await fetch(url)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  assert.ok(up, `nginx answers on ${url}: ${existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
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
    proc.kill('SIGQUIT');
  }
});
