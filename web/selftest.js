/* Sandyq self-test page for school IT staff (selftest.html).
 *
 * Runs the checks below one after another (so measurements do not compete) and shows, for
 * each: name, status (ok / warn / fail: icon + colour + word), the measured detail and a fix
 * hint. Strings come from i18n/<lang>.json (keys web.selftest.*); a tiny built-in table keeps
 * the page usable when those files cannot be loaded (which is itself a finding).
 *
 * Checks (ids are part of the test contract):
 *   wasm_mime, js_mime, data, i18n, compression, wasm, webgl, indexeddb, quota,
 *   service_worker, memory
 * Every network probe uses cache: 'no-store': the browser cache and the service worker (sw.js
 * passes such requests through) are bypassed, so the real server headers are measured.
 * For tests: window.sandyqSelfTest = { done, results: [{id, status, detail}] } where status is
 * 'ok' | 'warn' | 'fail' and detail is the text shown in the current language.
 */
(function () {
  'use strict';

  var LANGS = ['kk', 'ru', 'en'];
  var CHECKS = ['wasm_mime', 'js_mime', 'data', 'i18n', 'compression', 'wasm', 'webgl',
    'indexeddb', 'quota', 'service_worker', 'memory'];
  var MB = 1048576;
  var MIN_FREE_BYTES = 50 * MB;
  var CHECK_TIMEOUT_MS = 20000;
  var SW_SETTLE_MS = 15000;
  var WASM_PROBE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00,
    0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
    0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b];

  // Only for when i18n/<lang>.json is unreachable; keep in sync with assets/i18n/*/web.json.
  var BUILTIN = {
    kk: {
      'web.selftest.title': 'Sandyq — өзін-өзі тексеру',
      'web.selftest.i18n_missing': 'Тіл файлдары (i18n/*.json) жүктелмеді, сондықтан техникалық атаулар көрсетілген. Серверде .json үшін application/json MIME түрін қосыңыз.',
      'web.selftest.status.ok': 'Дұрыс',
      'web.selftest.status.warn': 'Ескерту',
      'web.selftest.status.fail': 'Қате',
      'web.selftest.status.running': 'Тексерілуде…'
    },
    ru: {
      'web.selftest.title': 'Sandyq — самопроверка',
      'web.selftest.i18n_missing': 'Языковые файлы (i18n/*.json) не загрузились, поэтому показаны технические названия. Добавьте на сервере MIME-тип application/json для .json.',
      'web.selftest.status.ok': 'Норма',
      'web.selftest.status.warn': 'Внимание',
      'web.selftest.status.fail': 'Ошибка',
      'web.selftest.status.running': 'Проверка…'
    },
    en: {
      'web.selftest.title': 'Sandyq — self-test',
      'web.selftest.i18n_missing': 'The language files (i18n/*.json) could not be loaded, so technical names are shown. Add the MIME type application/json for .json on the server.',
      'web.selftest.status.ok': 'OK',
      'web.selftest.status.warn': 'Warning',
      'web.selftest.status.fail': 'Failed',
      'web.selftest.status.running': 'Checking…'
    }
  };
  var ICONS = { ok: '✓', warn: '!', fail: '✕', running: '…' };

  var api = { done: false, results: [] };
  window.sandyqSelfTest = api;

  var lang = pickLang();
  var catalog = null;          // the loaded i18n/<lang>.json, or null
  var build = null;            // build.json, or null
  var results = {};            // id -> {status, detail, fix}
  var shared = {};             // measurements reused by later checks
  var runId = 0;

  function $(id) { return document.getElementById(id); }

  function pickLang() {
    var l = null;
    try { l = window.localStorage.getItem('sandyq.lang'); } catch (e) { /* storage blocked */ }
    return LANGS.indexOf(l) >= 0 ? l : 'kk';
  }

  // ---------- strings ----------

  function fill(s, args) {
    return s.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, function (m, name) {
      return args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : m;
    });
  }

  // t(key, args): the catalogue text; without a catalogue, the built-in text; else the raw
  // argument values (a measured value is still useful) or, last, the key itself.
  function t(key, args) {
    var s = catalog && typeof catalog[key] === 'string' ? catalog[key] : BUILTIN[lang][key];
    if (typeof s === 'string') return fill(s, args);
    if (args) {
      var values = Object.keys(args).map(function (k) { return k + '=' + args[k]; });
      if (values.length) return values.join(', ');
    }
    return key;
  }

  // A detail is a raw string or [key, args]; args may hold [key, args] pairs too (nested text).
  function render(detail) {
    if (detail == null) return '';
    if (typeof detail === 'string') return detail;
    var args = {};
    var src = detail[1] || {};
    Object.keys(src).forEach(function (k) {
      var v = src[k];
      args[k] = Array.isArray(v) ? render(v) : v;
    });
    return t(detail[0], args);
  }

  // Kazakh and Russian write a decimal comma (ICU data for kk is not everywhere).
  function number(n, digits) {
    var text = n.toFixed(digits);
    return lang === 'en' ? text : text.replace('.', ',');
  }

  function size(bytes) {
    if (bytes >= 1024 * MB) return ['web.selftest.unit.gb', { n: number(bytes / (1024 * MB), 1) }];
    if (bytes >= MB) return ['web.selftest.unit.mb', { n: number(bytes / MB, 1) }];
    return ['web.selftest.unit.kb', { n: number(bytes / 1024, 1) }];
  }

  function loadCatalog(l) {
    return fetch('i18n/' + l + '.json', { cache: 'no-cache', credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (data) { return data && typeof data === 'object' ? data : null; })
      .catch(function () { return null; });
  }

  // ---------- helpers ----------

  function message(e) {
    if (!e) return 'unknown error';
    return (e.name && e.name !== 'Error' ? e.name + ': ' : '') + String(e.message || e);
  }

  function withTimeout(promise, ms) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        reject({ timeout: true });
      }, ms);
      promise.then(function (v) { clearTimeout(timer); resolve(v); },
        function (e) { clearTimeout(timer); reject(e); });
    });
  }

  function result(status, detail, fix) {
    return { status: status, detail: detail, fix: fix || null };
  }

  function mimeOf(response) {
    return ((response.headers.get('Content-Type') || '').split(';')[0] || '').trim().toLowerCase();
  }

  function shownType(response) {
    return response.headers.get('Content-Type') || ['web.selftest.detail.none'];
  }

  // GET with the browser cache and the service worker bypassed.
  function probe(path) {
    var t0 = performance.now();
    return fetch(path, { cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
      return response.arrayBuffer().then(function (bytes) {
        return { path: path, response: response, bytes: bytes, ms: performance.now() - t0 };
      });
    });
  }

  function httpProblem(p) {
    return result('fail', ['web.selftest.detail.http_status', { code: p.response.status, file: p.path }]);
  }

  function networkProblem(path, e, fixKey) {
    return result('fail', ['web.selftest.detail.network_error', { file: path, reason: message(e) }], fixKey);
  }

  function isJsType(type) {
    return /^(text|application)\/(x-)?(javascript|ecmascript)$/.test(type);
  }

  // ---------- checks ----------

  var checks = {};

  checks.wasm_mime = function () {
    return probe('app.wasm').then(function (p) {
      shared.wasm = p;
      if (!p.response.ok) return httpProblem(p);
      var detail = ['web.selftest.detail.content_type', { type: shownType(p.response) }];
      if (mimeOf(p.response) === 'application/wasm') return result('ok', detail);
      return result('warn', detail, 'web.selftest.fix.wasm_mime');
    }, function (e) {
      return networkProblem('app.wasm', e, 'web.selftest.fix.data');
    });
  };

  checks.js_mime = function () {
    return Promise.all([probe('app.js'), probe('sw.js')]).then(function (ps) {
      var app = ps[0];
      var sw = ps[1];
      if (!app.response.ok) return httpProblem(app);
      if (!sw.response.ok) return httpProblem(sw);
      var detail = ['web.selftest.detail.js_types', { app: shownType(app.response), sw: shownType(sw.response) }];
      var appOk = isJsType(mimeOf(app.response));
      var swOk = isJsType(mimeOf(sw.response));
      if (appOk && swOk) return result('ok', detail);
      // With nosniff a script of another type is refused outright.
      var nosniff = /nosniff/i.test(app.response.headers.get('X-Content-Type-Options') || '');
      return result(!appOk && nosniff ? 'fail' : 'warn', detail, 'web.selftest.fix.js_mime');
    }, function (e) {
      return networkProblem('app.js, sw.js', e, 'web.selftest.fix.data');
    });
  };

  checks.data = function () {
    return probe('app.data').then(function (p) {
      if (!p.response.ok) return result('fail', ['web.selftest.detail.http_status', { code: p.response.status, file: p.path }], 'web.selftest.fix.data');
      var got = p.bytes.byteLength;
      var expected = build && build.files ? build.files['app.data'] : undefined;
      if (typeof expected !== 'number') {
        return result('warn', ['web.selftest.detail.no_build_json', { size: size(got) }], 'web.selftest.fix.data');
      }
      if (got === expected) return result('ok', ['web.selftest.detail.size_ok', { size: size(got) }]);
      return result('fail', ['web.selftest.detail.size_mismatch', { size: got, expected: expected }], 'web.selftest.fix.data');
    }, function (e) {
      return networkProblem('app.data', e, 'web.selftest.fix.data');
    });
  };

  checks.i18n = function () {
    return Promise.all(LANGS.map(function (l) {
      var path = 'i18n/' + l + '.json';
      return probe(path).then(function (p) {
        if (!p.response.ok) return false;
        try {
          var data = JSON.parse(new TextDecoder('utf-8').decode(p.bytes));
          return !!data && typeof data['web.selftest.title'] === 'string';
        } catch (e) {
          return false;
        }
      }, function () { return false; });
    })).then(function (oks) {
      var good = LANGS.filter(function (l, i) { return oks[i]; });
      var bad = LANGS.filter(function (l, i) { return !oks[i]; });
      if (!bad.length) return result('ok', ['web.selftest.detail.i18n_ok', { langs: good.join(', ') }]);
      return result('fail', ['web.selftest.detail.i18n_failed', { langs: bad.join(', ') }], 'web.selftest.fix.i18n');
    });
  };

  function timingEntry(path) {
    var url = new URL(path, document.baseURI).href;
    var list = performance.getEntriesByName ? performance.getEntriesByName(url) : [];
    return list.length ? list[list.length - 1] : null;
  }

  checks.compression = function () {
    var p = shared.wasm;
    if (!p || !p.response.ok) return Promise.resolve(result('fail', ['web.selftest.detail.no_wasm_file'], 'web.selftest.fix.data'));
    // The timing entry is queued when the body has arrived; give it a moment.
    return new Promise(function (resolve) { setTimeout(resolve, 50); }).then(function () {
      var entry = timingEntry(p.path);
      var encoding = (p.response.headers.get('Content-Encoding') || '').trim().toLowerCase();
      var decoded = entry && entry.decodedBodySize ? entry.decodedBodySize : p.bytes.byteLength;
      var encoded = entry && entry.encodedBodySize ? entry.encodedBodySize : 0;
      var named = encoding && encoding !== 'identity';
      if ((encoded > 0 && encoded < decoded) || named) {
        return result('ok', ['web.selftest.detail.compressed', {
          encoding: encoding || '?',
          encoded: encoded ? size(encoded) : '?',
          decoded: size(decoded)
        }]);
      }
      if (!encoded) return result('warn', ['web.selftest.detail.compression_unknown'], 'web.selftest.fix.compression');
      return result('warn', ['web.selftest.detail.not_compressed', { decoded: size(decoded) }], 'web.selftest.fix.compression');
    });
  };

  checks.wasm = function () {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return Promise.resolve(result('fail', ['web.selftest.detail.wasm_missing'], 'web.selftest.fix.wasm'));
    }
    return WebAssembly.instantiate(new Uint8Array(WASM_PROBE)).then(function (r) {
      if (r.instance.exports.f() !== 42) throw new Error('probe returned a wrong value');
      var p = shared.wasm;
      if (!p || !p.response.ok) return result('ok', ['web.selftest.detail.wasm_probe_only']);
      var t0 = performance.now();
      // Compiling the real app.wasm proves this browser has every wasm feature the app uses.
      return WebAssembly.compile(p.bytes).then(function () {
        return result('ok', ['web.selftest.detail.wasm_ok', { ms: Math.round(performance.now() - t0) }]);
      });
    }).catch(function (e) {
      return result('fail', message(e), 'web.selftest.fix.wasm');
    });
  };

  checks.webgl = function () {
    var canvas = document.createElement('canvas');
    var gl = null;
    var version = 0;
    try {
      gl = canvas.getContext('webgl2');
      if (gl) version = 2;
      else {
        gl = canvas.getContext('webgl') || canvas.getContext('experimental-webgl');
        if (gl) version = 1;
      }
    } catch (e) { gl = null; }
    if (!gl) return Promise.resolve(result('fail', ['web.selftest.detail.no_webgl'], 'web.selftest.fix.webgl'));
    var renderer = '';
    try {
      renderer = String(gl.getParameter(gl.RENDERER) || '');
      // Older browsers mask the name unless the debug extension is asked.
      if (!renderer || /^WebKit WebGL$/i.test(renderer)) {
        var ext = gl.getExtension('WEBGL_debug_renderer_info');
        if (ext) renderer = String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) || renderer);
      }
    } catch (e) { /* the name is only informative */ }
    renderer = renderer || '?';
    if (version === 2) return Promise.resolve(result('ok', ['web.selftest.detail.webgl2', { renderer: renderer }]));
    return Promise.resolve(result('warn', ['web.selftest.detail.webgl1', { renderer: renderer }], 'web.selftest.fix.webgl'));
  };

  checks.indexeddb = function () {
    return new Promise(function (resolve) {
      var name = 'sandyq-selftest';
      var t0 = performance.now();
      function failWith(e) { resolve(result('fail', message(e), 'web.selftest.fix.indexeddb')); }
      if (!window.indexedDB) {
        resolve(result('fail', ['web.selftest.detail.idb_blocked'], 'web.selftest.fix.indexeddb'));
        return;
      }
      var req;
      try { req = indexedDB.open(name, 1); } catch (e) { failWith(e); return; }
      req.onblocked = function () { resolve(result('fail', ['web.selftest.detail.idb_blocked'], 'web.selftest.fix.indexeddb')); };
      req.onerror = function (ev) { if (ev && ev.preventDefault) ev.preventDefault(); failWith(req.error); };
      req.onupgradeneeded = function () { req.result.createObjectStore('s'); };
      req.onsuccess = function () {
        var db = req.result;
        var value = { text: 'Қазақ ә ғ қ ң ө ұ ү һ і', n: 42, bytes: new Uint8Array([1, 2, 3]) };
        var tx;
        try { tx = db.transaction('s', 'readwrite'); } catch (e) { db.close(); failWith(e); return; }
        tx.objectStore('s').put(value, 'probe');
        tx.onabort = function () { db.close(); failWith(tx.error); };
        tx.oncomplete = function () {
          var rtx = db.transaction('s', 'readonly');
          var get = rtx.objectStore('s').get('probe');
          get.onerror = function (ev) { if (ev && ev.preventDefault) ev.preventDefault(); db.close(); failWith(get.error); };
          get.onsuccess = function () {
            var back = get.result;
            var same = back && back.text === value.text && back.n === 42 && back.bytes && back.bytes[2] === 3;
            db.close();
            var del = indexedDB.deleteDatabase(name);
            del.onerror = function (ev) { if (ev && ev.preventDefault) ev.preventDefault(); failWith(del.error); };
            del.onsuccess = function () {
              if (!same) { failWith(new Error('read back a different value')); return; }
              resolve(result('ok', ['web.selftest.detail.idb_ok', { ms: Math.round(performance.now() - t0) }]));
            };
          };
        };
      };
    });
  };

  checks.quota = function () {
    if (!navigator.storage || typeof navigator.storage.estimate !== 'function') {
      return Promise.resolve(result('warn', ['web.selftest.detail.quota_unknown'], 'web.selftest.fix.quota_unknown'));
    }
    var persisted = typeof navigator.storage.persisted === 'function'
      ? navigator.storage.persisted().catch(function () { return null; })
      : Promise.resolve(null);
    return Promise.all([navigator.storage.estimate(), persisted]).then(function (r) {
      var quota = r[0].quota || 0;
      var usage = r[0].usage || 0;
      var free = Math.max(0, quota - usage);
      var detail = ['web.selftest.detail.quota', {
        free: size(free),
        quota: size(quota),
        persisted: [r[1] === true ? 'web.selftest.yes' : r[1] === false ? 'web.selftest.no' : 'web.selftest.unknown']
      }];
      if (free >= MIN_FREE_BYTES) return result('ok', detail);
      return result(free >= 5 * MB ? 'warn' : 'fail', detail, 'web.selftest.fix.quota');
    }, function (e) {
      return result('warn', message(e), 'web.selftest.fix.quota_unknown');
    });
  };

  function settle(worker, ms) {
    // Resolves with the worker's state once it is 'activated' or 'redundant', or after ms.
    return new Promise(function (resolve) {
      if (!worker) { resolve('none'); return; }
      var timer = setTimeout(function () { resolve(worker.state); }, ms);
      function check() {
        if (worker.state === 'activated' || worker.state === 'redundant') {
          clearTimeout(timer);
          resolve(worker.state);
          return true;
        }
        return false;
      }
      if (!check()) worker.addEventListener('statechange', check);
    });
  }

  checks.service_worker = function () {
    if (!window.isSecureContext) {
      return Promise.resolve(result('warn', ['web.selftest.detail.sw_insecure'], 'web.selftest.fix.service_worker'));
    }
    if (!('serviceWorker' in navigator)) {
      return Promise.resolve(result('warn', ['web.selftest.detail.sw_unsupported'], 'web.selftest.fix.browser'));
    }
    return navigator.serviceWorker.getRegistration('./').then(function (reg) {
      if (reg && reg.active) return reg;
      return navigator.serviceWorker.register('sw.js');
    }).then(function (reg) {
      var worker = reg.active && !reg.installing && !reg.waiting ? reg.active : (reg.installing || reg.waiting || reg.active);
      return settle(worker, SW_SETTLE_MS);
    }).then(function (state) {
      if (state === 'activated') return result('ok', ['web.selftest.detail.sw_active']);
      if (state === 'installing' || state === 'installed' || state === 'activating') {
        return result('ok', ['web.selftest.detail.sw_installing']);
      }
      return result('fail', ['web.selftest.detail.sw_failed', { reason: state }], 'web.selftest.fix.service_worker_failed');
    }, function (e) {
      return result('fail', ['web.selftest.detail.sw_failed', { reason: message(e) }], 'web.selftest.fix.service_worker_failed');
    });
  };

  checks.memory = function () {
    try {
      var pages = 1024;                 // 64 MB, the app's heap budget
      var grow = 256;                   // +16 MB, as a growing heap would
      var mem = new WebAssembly.Memory({ initial: pages, maximum: pages + grow });
      var bytes = new Uint8Array(mem.buffer);
      bytes[bytes.length - 1] = 7;
      mem.grow(grow);
      var after = new Uint8Array(mem.buffer);
      if (after.length !== (pages + grow) * 65536 || after[pages * 65536 - 1] !== 7) {
        throw new Error('memory.grow gave a wrong size');
      }
      after[after.length - 1] = 7;
      mem = bytes = after = null;
      return Promise.resolve(result('ok', ['web.selftest.detail.memory_ok', {
        initial: size(pages * 65536),
        grown: size((pages + grow) * 65536)
      }]));
    } catch (e) {
      return Promise.resolve(result('fail', message(e), 'web.selftest.fix.memory'));
    }
  };

  // ---------- running ----------

  function runAll() {
    var myRun = ++runId;
    api.done = false;
    results = {};
    shared = {};
    CHECKS.forEach(function (id) { results[id] = { status: 'running', detail: null, fix: null }; });
    renderAll();
    var chain = fetch('build.json', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (b) { build = b && typeof b === 'object' ? b : null; }, function () { build = null; });
    CHECKS.forEach(function (id) {
      chain = chain.then(function () {
        if (myRun !== runId) return null;
        var running;
        try { running = checks[id](); } catch (e) { running = Promise.reject(e); }
        return withTimeout(running, CHECK_TIMEOUT_MS).then(null, function (e) {
          if (e && e.timeout) {
            return result('fail', ['web.selftest.detail.timeout', { seconds: CHECK_TIMEOUT_MS / 1000 }], 'web.selftest.fix.' + id);
          }
          return result('fail', message(e), 'web.selftest.fix.' + id);
        }).then(function (r) {
          if (myRun !== runId) return;
          results[id] = r;
          renderAll();
        });
      });
    });
    chain.then(function () {
      if (myRun !== runId) return;
      api.done = true;
      renderAll();
    });
  }

  // ---------- rendering ----------

  function statusCell(status) {
    var span = document.createElement('span');
    span.className = 'status ' + status;
    var icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[status];
    span.appendChild(icon);
    span.appendChild(document.createTextNode(t('web.selftest.status.' + status)));
    return span;
  }

  function renderAll() {
    document.documentElement.lang = lang;
    document.title = t('web.selftest.title');
    $('st-title').textContent = t('web.selftest.title');
    $('st-lang-label').textContent = catalog ? t('web.selftest.language') : '';
    Array.prototype.forEach.call(document.querySelectorAll('#st-langs button'), function (b) {
      var l = b.getAttribute('data-lang');
      if (catalog && catalog['web.lang.' + l]) b.textContent = catalog['web.lang.' + l];
      b.setAttribute('aria-pressed', l === lang ? 'true' : 'false');
    });
    $('st-notice').hidden = !!catalog;
    $('st-notice').textContent = catalog ? '' : t('web.selftest.i18n_missing');
    $('st-intro').textContent = catalog ? t('web.selftest.intro') : '';
    $('st-col-check').textContent = catalog ? t('web.selftest.col.check') : 'check';
    $('st-col-status').textContent = catalog ? t('web.selftest.col.status') : 'status';
    $('st-col-detail').textContent = catalog ? t('web.selftest.col.detail') : 'detail';
    $('st-col-fix').textContent = catalog ? t('web.selftest.col.fix') : 'fix';
    $('st-rerun').textContent = catalog ? t('web.selftest.rerun') : '↻';
    $('st-open-app').textContent = catalog ? t('web.selftest.open_app') : 'Sandyq';
    $('st-report-label').textContent = catalog ? t('web.selftest.report') : 'report';

    var tbody = $('st-rows');
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    var counts = { ok: 0, warn: 0, fail: 0, running: 0 };
    api.results = [];
    CHECKS.forEach(function (id) {
      var r = results[id];
      counts[r.status] += 1;
      var detailText = render(r.detail);
      var fixText = r.status === 'ok' || r.status === 'running' || !r.fix ? '' : (catalog ? t(r.fix) : '');
      if (r.status !== 'running') api.results.push({ id: id, status: r.status, detail: detailText });
      var tr = document.createElement('tr');
      tr.id = 'check-' + id;
      tr.setAttribute('data-status', r.status);
      var name = document.createElement('td');
      name.className = 'name';
      name.textContent = catalog ? t('web.selftest.check.' + id) : id;
      var status = document.createElement('td');
      status.appendChild(statusCell(r.status));
      var detail = document.createElement('td');
      detail.className = 'detail';
      detail.textContent = detailText;
      var fix = document.createElement('td');
      fix.className = 'fix';
      fix.textContent = fixText;
      tr.appendChild(name);
      tr.appendChild(status);
      tr.appendChild(detail);
      tr.appendChild(fix);
      tbody.appendChild(tr);
    });

    var summary = $('st-summary');
    if (!api.done) {
      summary.className = 'st-summary';
      summary.textContent = t('web.selftest.summary.running');
    } else if (counts.fail) {
      summary.className = 'st-summary fail';
      summary.textContent = t('web.selftest.summary.fail', { count: counts.fail });
    } else if (counts.warn) {
      summary.className = 'st-summary warn';
      summary.textContent = t('web.selftest.summary.warn', { count: counts.warn });
    } else {
      summary.className = 'st-summary ok';
      summary.textContent = t('web.selftest.summary.ok');
    }
    renderEnv();
  }

  function envRows() {
    var yes = catalog ? t('web.selftest.yes') : 'yes';
    var no = catalog ? t('web.selftest.no') : 'no';
    return [
      ['web.selftest.env.build', build && build.build ? String(build.build) : (catalog ? t('web.selftest.unknown') : '?')],
      ['web.selftest.env.address', location.origin + location.pathname.replace(/[^/]*$/, '')],
      ['web.selftest.env.secure', window.isSecureContext ? yes : no],
      ['web.selftest.env.browser', navigator.userAgent],
      ['web.selftest.env.time', new Date().toISOString()]
    ];
  }

  function renderEnv() {
    var dl = $('st-env');
    while (dl.firstChild) dl.removeChild(dl.firstChild);
    var rows = envRows();
    rows.forEach(function (row) {
      var dt = document.createElement('dt');
      dt.textContent = catalog ? t(row[0]) : row[0].replace('web.selftest.env.', '');
      var dd = document.createElement('dd');
      dd.textContent = row[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    // Plain-text report for a support request.
    var lines = ['Sandyq self-test'];
    rows.forEach(function (row) { lines.push(row[0].replace('web.selftest.env.', '') + ': ' + row[1]); });
    lines.push('');
    CHECKS.forEach(function (id) {
      var r = results[id];
      var line = id + ': ' + r.status.toUpperCase();
      var d = render(r.detail);
      if (d) line += ' — ' + d;
      lines.push(line);
    });
    $('st-report').value = lines.join('\n');
  }

  function setLang(l) {
    if (LANGS.indexOf(l) < 0 || l === lang) return;
    try { window.localStorage.setItem('sandyq.lang', l); } catch (e) { /* not persisted */ }
    lang = l;
    loadCatalog(l).then(function (c) {
      if (lang !== l) return;
      catalog = c;
      renderAll();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('#st-langs button'), function (b) {
    b.addEventListener('click', function () { setLang(b.getAttribute('data-lang')); });
  });
  $('st-rerun').addEventListener('click', runAll);

  if (!window.fetch || !window.Promise) {
    // Far too old for Sandyq; say so in all three languages with the built-in texts.
    $('st-summary').className = 'st-summary fail';
    $('st-summary').textContent = LANGS.map(function (l) { return BUILTIN[l]['web.selftest.status.fail']; }).join(' / ') +
      ': fetch/Promise — Chrome, Edge 97+, Firefox 102+';
    return;
  }

  loadCatalog(lang).then(function (c) {
    catalog = c;
    runAll();
  });
})();
