// Serves a built site with Debian's nginx and the config the deploy guide recommends
// (web/deploy/nginx-sandyq.conf: MIME types, precompressed .gz files, caching rules), on a free
// loopback port, as a school's server would. Used by tests/browser/deploy.test.mjs and
// tools/bench_web.mjs. startNginx(site) → { url, log(), stop() }; throws if nginx never answers.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NGINX = '/usr/sbin/nginx';

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

export async function startNginx(site) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandyq-nginx-'));
  const port = await freePort();
  const block = readFileSync(path.join(ROOT, 'web/deploy/nginx-sandyq.conf'), 'utf8')
    .replaceAll('__ROOT__', site).replaceAll('__PORT__', String(port));
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
  const proc = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  const log = () => (existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  // nginx prints nothing when it starts well: poll the port.
  let up = false;
  for (let i = 0; i < 50 && !up; i++) {
    try { up = (await fetch(url)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  if (!up) { proc.kill('SIGQUIT'); throw new Error(`nginx does not answer on ${url}: ${log()}`); }
  return { url, log, stop: () => proc.kill('SIGQUIT') };
}
