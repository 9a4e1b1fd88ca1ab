/* Sandyq loader: a plain script (no modules, no build step), loaded with `defer` by index.html.
 *
 * Order of work (everything that waits for the network or another thread starts first):
 *   1. language: localStorage 'sandyq.lang' in {kk, ru, en}, default kk;
 *   2. fetch app.wasm and compile it as it streams in; open the app's IndexedDB; fetch
 *      i18n/<lang>.json (loader texts) and build.json (byte totals);
 *   3. window.Module for Emscripten, then <script src="app.js">;
 *   4. feature checks: WebAssembly (instantiate a tiny module) and WebGL2/WebGL1; the compiled
 *      app is instantiated only when both passed, else the error page stays;
 *   5. progress: app.wasm bytes (our own fetch stream) + app.data (Emscripten's setStatus text);
 *   6. Module.onAppReady() (called by the C++ app after its first frame) hides the overlay and
 *      registers the service worker (only in a secure context; never blocks start-up).
 *
 * Contract with the C++ side:
 *   - call Module.onAppReady() once, after the first frame has been drawn;
 *   - a fatal error may be shown with window.sandyqLoader.fail(reasonText);
 *   - the language chosen here is window.sandyqLoader.lang (the app owns 'sandyq.lang' later).
 * For tests: window.sandyqLoader = { lang, state: 'loading'|'ready'|'error', error, swRegistered,
 * times }. The normal path writes nothing to console.error.
 * Written in ES5 on purpose: a very old browser must still reach the error page.
 */
(function () {
  'use strict';

  var LANGS = ['kk', 'ru', 'en'];

  // Used only when i18n/<lang>.json cannot be loaded (server misconfigured, offline without
  // cache). Keep these in sync with assets/i18n/<lang>/web.json.
  var BUILTIN = {
    kk: {
      'web.loading': 'Жүктелуде…',
      'web.error.title': 'Sandyq іске қосылмады',
      'web.error.generic': 'Sandyq бұл браузерде іске қосылмады. Браузерді жаңартыңыз (Chrome, Edge 97+, Firefox 102+, Яндекс Браузер 23+) немесе мектептің IT маманына айтыңыз.',
      'web.error.reload': 'Қайта жүктеу',
      'web.error.selftest': 'Өзін-өзі тексеру (IT маманына)'
    },
    ru: {
      'web.loading': 'Загрузка…',
      'web.error.title': 'Sandyq не запустился',
      'web.error.generic': 'Sandyq не запустился в этом браузере. Обновите браузер (Chrome, Edge 97+, Firefox 102+, Яндекс Браузер 23+) или обратитесь к IT-специалисту школы.',
      'web.error.reload': 'Перезагрузить',
      'web.error.selftest': 'Самопроверка (для IT-специалиста)'
    },
    en: {
      'web.loading': 'Loading…',
      'web.error.title': 'Sandyq could not start',
      'web.error.generic': 'Sandyq could not start in this browser. Update the browser (Chrome, Edge 97+, Firefox 102+, Yandex Browser 23+) or ask the school IT staff.',
      'web.error.reload': 'Reload',
      'web.error.selftest': 'Self-test (for IT staff)'
    }
  };

  // Error kinds → [title key, text key, what-to-do key].
  var ERRORS = {
    no_wasm: ['web.error.no_wasm.title', 'web.error.no_wasm.text', 'web.error.todo.browser'],
    no_webgl: ['web.error.no_webgl.title', 'web.error.no_webgl.text', 'web.error.todo.webgl'],
    load: ['web.error.title', 'web.error.load.text', 'web.error.todo.network'],
    abort: ['web.error.title', 'web.error.abort.text', 'web.error.todo.report']
  };

  // A valid module exporting f() -> 42: proves that compiling and running wasm is allowed
  // (old browsers and a CSP without 'wasm-unsafe-eval' fail here).
  var WASM_PROBE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00,
    0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
    0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b];

  var SLOW_AFTER_MS = 20000;
  var SW_FALLBACK_MS = 15000;

  function now() { return window.performance && performance.now ? Math.round(performance.now()) : Date.now(); }

  var loader = {
    lang: pickLang(),
    state: 'loading',
    error: null,
    swRegistered: false,
    times: { start: now() },
    fail: function (reason) { fail('abort', reason); }
  };
  window.sandyqLoader = loader;

  var catalogs = {};        // lang -> object (loaded catalogue) or null (failed)
  var catalogPromises = {}; // lang -> Promise
  var catalogTexts = {};    // lang -> the catalogue's JSON text (handed to the app)
  var build = { files: {} };
  var errorKind = null;
  var phase = 'preparing';  // preparing | downloading | starting
  var progress = { wasmLoaded: 0, wasmTotal: 0, dataFraction: 0, dataTotal: 0, dataStatusTotal: 0 };
  var renderQueued = false;

  var el = {
    canvas: document.getElementById('canvas'),
    loading: document.getElementById('loading'),
    progress: document.getElementById('progress'),
    bar: document.querySelector('#progress .bar'),
    status: document.getElementById('status'),
    slow: document.getElementById('slow'),
    slowText: document.getElementById('slow-text'),
    slowLink: document.getElementById('slow-link'),
    error: document.getElementById('error'),
    errorTexts: document.getElementById('error-texts'),
    errorReason: document.getElementById('error-reason'),
    errorReload: document.getElementById('error-reload'),
    errorSelftest: document.getElementById('error-selftest')
  };

  // ---------- strings ----------

  function pickLang() {
    var l = null;
    try { l = window.localStorage.getItem('sandyq.lang'); } catch (e) { /* storage blocked */ }
    return LANGS.indexOf(l) >= 0 ? l : 'kk';
  }

  function t(lang, key, args) {
    var cat = catalogs[lang];
    var s = cat && typeof cat[key] === 'string' ? cat[key] : BUILTIN[lang][key];
    if (typeof s !== 'string') return null;
    return s.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, function (m, name) {
      return args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : m;
    });
  }

  // The catalogue of the chosen language serves the loading screen and, as text, the app itself
  // (web/pre.js writes it into the app's file system before main()): it is fetched once.
  function loadCatalog(lang) {
    if (catalogPromises[lang]) return catalogPromises[lang];
    catalogPromises[lang] = fetchText('i18n/' + lang + '.json').then(function (text) {
      var data = parseObject(text, 'i18n/' + lang + '.json');
      catalogs[lang] = data;
      catalogTexts[lang] = text;
      return data;
    }, function () {
      catalogs[lang] = null;
      return null;
    });
    return catalogPromises[lang];
  }
  loader.catalogText = function (lang) {
    return loadCatalog(lang).then(function () { return catalogTexts[lang] || null; });
  };
  // The parsed catalogue (web/pre.js flattens it for the app without parsing the JSON again).
  loader.catalogData = function (lang) {
    return loadCatalog(lang).then(function () { return catalogs[lang] || null; });
  };

  function fetchText(url) {
    return fetch(url, { cache: 'no-cache', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' ' + url);
      return r.text();
    });
  }

  function parseObject(text, url) {
    var data = JSON.parse(text);
    if (!data || typeof data !== 'object') throw new Error('not a JSON object: ' + url);
    return data;
  }

  function fetchJson(url) {
    return fetchText(url).then(function (text) { return parseObject(text, url); });
  }

  function message(e) {
    if (!e) return 'unknown error';
    return String(e.message || e);
  }

  // One decimal; Kazakh and Russian write a decimal comma (ICU data for kk is not everywhere).
  function formatMB(bytes) {
    var text = (bytes / 1048576).toFixed(1);
    return loader.lang === 'en' ? text : text.replace('.', ',');
  }

  // ---------- progress ----------

  function queueRender() {
    if (renderQueued) return;
    renderQueued = true;
    (window.requestAnimationFrame || setTimeout)(function () {
      renderQueued = false;
      renderProgress();
    });
  }

  function renderProgress() {
    if (loader.state !== 'loading') return;
    var dataTotal = progress.dataTotal || progress.dataStatusTotal;
    var total = progress.wasmTotal + dataTotal;
    var loaded = Math.min(progress.wasmLoaded, progress.wasmTotal || progress.wasmLoaded) +
      progress.dataFraction * dataTotal;
    var text;
    if (phase === 'starting') {
      setBar(1);
      text = t(loader.lang, 'web.status.starting') || t(loader.lang, 'web.loading');
    } else if (phase === 'downloading' && total > 0) {
      setBar(Math.min(1, loaded / total));
      text = t(loader.lang, 'web.status.downloading', { loaded: formatMB(loaded), total: formatMB(total) });
    } else if (phase === 'downloading') {
      setBar(-1);
      text = t(loader.lang, 'web.status.downloading_unknown', { loaded: formatMB(loaded) });
    } else {
      setBar(0);
      text = t(loader.lang, 'web.status.preparing');
    }
    text = text || t(loader.lang, 'web.loading');
    if (el.status.textContent !== text) el.status.textContent = text;
    el.progress.setAttribute('aria-valuetext', text);
  }

  function setBar(fraction) {
    if (fraction < 0) {
      el.progress.className = 'indeterminate';
      el.progress.removeAttribute('aria-valuenow');
      return;
    }
    el.progress.className = '';
    el.bar.style.transform = 'scaleX(' + fraction.toFixed(4) + ')';
    el.progress.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
  }

  function applyStaticTexts() {
    document.documentElement.lang = loader.lang;
    el.progress.setAttribute('aria-label', t(loader.lang, 'web.progress.label') || t(loader.lang, 'web.loading'));
    el.slowText.textContent = t(loader.lang, 'web.status.slow') || '';
    el.slowLink.textContent = t(loader.lang, 'web.error.selftest');
    renderProgress();
  }

  // Emscripten's file packager reports "Downloading data... (loaded/total)"; Emscripten itself
  // reports "Running..." and finally "". Totals in that text may be compressed sizes, so only
  // the ratio is used, scaled by the raw size from build.json when known.
  function onStatus(text) {
    if (!text || loader.state !== 'loading') return;
    var m = /\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/.exec(text);
    if (m) {
      var x = parseFloat(m[1]);
      var y = parseFloat(m[2]);
      if (y > 0) {
        progress.dataFraction = Math.max(progress.dataFraction, Math.min(1, x / y));
        progress.dataStatusTotal = y;
      }
      if (phase === 'preparing') phase = 'downloading';
    } else if (/^Running/i.test(text)) {
      phase = 'starting';
      progress.dataFraction = 1;
    } else if (/^Downloading/i.test(text) && phase === 'preparing') {
      phase = 'downloading';
    }
    queueRender();
  }

  // ---------- feature checks ----------

  // The probe creates the app's own context: on the app's canvas, with exactly the attributes
  // SDL asks for (runtime/platform/window.cpp), so SDL later gets this same context back instead
  // of creating a second one (≈ 60 ms on a software renderer) — and it is made while app.wasm is
  // still downloading. ?webgl1 (the old-GPU path) probes WebGL1 only, as the app will ask.
  var GL_ATTRIBUTES = { alpha: false, depth: true, stencil: false, antialias: false };
  function webglVersion() {
    try {
      var c = el.canvas || document.createElement('canvas');
      if (!/[?&]webgl1(=|&|$)/.test(location.search) && c.getContext('webgl2', GL_ATTRIBUTES)) return 2;
      if (c.getContext('webgl', GL_ATTRIBUTES) || c.getContext('experimental-webgl', GL_ATTRIBUTES)) return 1;
    } catch (e) { /* treated as missing */ }
    return 0;
  }

  function checkWasm() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return Promise.resolve('WebAssembly is not available');
    }
    try {
      return WebAssembly.instantiate(new Uint8Array(WASM_PROBE)).then(function (r) {
        return r.instance.exports.f() === 42 ? null : 'WebAssembly probe returned a wrong value';
      }, function (e) {
        return 'WebAssembly.instantiate: ' + message(e);
      });
    } catch (e) {
      return Promise.resolve('WebAssembly.instantiate: ' + message(e));
    }
  }

  // ---------- errors ----------

  function fail(kind, reason) {
    if (loader.state === 'error') return;
    loader.state = 'error';
    loader.error = kind + (reason ? ': ' + reason : '');
    errorKind = kind;
    loader.times.error = now();
    renderError();
    if (window.Promise && window.fetch) {
      var langs = errorLangs();
      Promise.all(langs.map(loadCatalog)).then(renderError, renderError);
    }
  }

  // The chosen language first, then Kazakh and Russian: a teacher may read either.
  function errorLangs() {
    var langs = [loader.lang];
    if (langs.indexOf('kk') < 0) langs.push('kk');
    if (langs.indexOf('ru') < 0) langs.push('ru');
    return langs;
  }

  function renderError() {
    var keys = ERRORS[errorKind] || ERRORS.load;
    var box = el.errorTexts;
    while (box.firstChild) box.removeChild(box.firstChild);
    errorLangs().forEach(function (lang) {
      var section = document.createElement('section');
      section.className = 'error-lang';
      section.lang = lang;
      var h = document.createElement('h2');
      h.textContent = t(lang, keys[0]) || t(lang, 'web.error.title');
      section.appendChild(h);
      var p = document.createElement('p');
      var text = t(lang, keys[1]);
      p.textContent = text || t(lang, 'web.error.generic');
      section.appendChild(p);
      var todo = text ? t(lang, keys[2]) : null;
      if (todo) {
        var q = document.createElement('p');
        q.className = 'todo';
        q.textContent = todo;
        section.appendChild(q);
      }
      box.appendChild(section);
    });
    var detail = loader.error;
    if (detail) {
      el.errorReason.textContent = t(loader.lang, 'web.error.reason', { reason: detail }) || detail;
      el.errorReason.hidden = false;
    }
    el.errorReload.textContent = t(loader.lang, 'web.error.reload');
    el.errorSelftest.textContent = t(loader.lang, 'web.error.selftest');
    document.documentElement.lang = loader.lang;
    el.loading.hidden = true;
    el.error.hidden = false;
  }

  el.errorReload.addEventListener('click', function () { window.location.reload(); });

  // ---------- input hygiene ----------

  // No context menu on long-press or right click, except on the error page (copy the reason).
  document.addEventListener('contextmenu', function (e) {
    if (!el.error.contains(e.target)) e.preventDefault();
  });
  // iOS Safari ignores user-scalable=no; the canvas handles pinch itself.
  document.addEventListener('gesturestart', function (e) { e.preventDefault(); });

  // ---------- service worker ----------

  var swRequested = false;
  function registerServiceWorker() {
    if (swRequested) return;
    swRequested = true;
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    try {
      navigator.serviceWorker.register('sw.js').then(function () {
        loader.swRegistered = true;
      }, function (e) {
        console.warn('[sandyq] service worker not registered: ' + message(e));
      });
    } catch (e) {
      console.warn('[sandyq] service worker not registered: ' + message(e));
    }
  }

  // ---------- app ready ----------

  function onAppReady() {
    loader.times.ready = now();
    if (loader.state !== 'loading') return;
    loader.state = 'ready';
    phase = 'starting';
    setBar(1);
    el.loading.className += ' fade';
    setTimeout(function () { el.loading.hidden = true; }, 400);
    // Let the first frames breathe before the service worker downloads its copies.
    setTimeout(registerServiceWorker, 1000);
  }

  // ---------- app.wasm ----------

  function contentLength(response) {
    var enc = response.headers.get('Content-Encoding');
    if (enc && enc !== 'identity') return 0;  // compressed length says nothing about raw bytes
    var n = parseInt(response.headers.get('Content-Length') || '', 10);
    return n > 0 ? n : 0;
  }

  function fetchWasm(url) {
    return fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  }

  // pending: the fetch of app.wasm. The module is compiled as it streams in, before app.js is
  // there (compiling needs no imports); app.js then only instantiates it.
  function compileWasm(pending) {
    return pending.then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' ' + response.url);
      progress.wasmTotal = build.files['app.wasm'] || contentLength(response);
      if (phase === 'preparing') phase = 'downloading';
      queueRender();
      var source = response;
      if (response.body && response.body.getReader && typeof ReadableStream === 'function') {
        var reader = response.body.getReader();
        var counted = new ReadableStream({
          pull: function (controller) {
            return reader.read().then(function (chunk) {
              if (chunk.done) {
                controller.close();
                return;
              }
              progress.wasmLoaded += chunk.value.byteLength;
              queueRender();
              controller.enqueue(chunk.value);
            });
          },
          cancel: function (why) { return reader.cancel(why); }
        });
        // A fresh Response with the right type: streaming compile works even when the
        // server sends app.wasm as application/octet-stream.
        source = new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
      }
      if (typeof WebAssembly.compileStreaming === 'function' && source !== response) {
        return WebAssembly.compileStreaming(source);
      }
      return source.arrayBuffer().then(function (bytes) {
        if (source === response) progress.wasmLoaded = bytes.byteLength;
        queueRender();
        return WebAssembly.compile(bytes);
      });
    });
  }

  // IndexedDB for the app's /data (Emscripten's IDBFS: database "/data", version 21, store
  // FILE_DATA with a "timestamp" index), opened while app.wasm downloads: web/pre.js hands it
  // to IDBFS instead of opening it after the wasm start. loader.storage resolves to the database
  // (null when IndexedDB is unavailable); loader.storageFresh resolves true as soon as the
  // browser says the database did not exist before (a first visit: nothing to load, so the app
  // need not wait for the browser to finish creating it), false otherwise.
  function openStorage() {
    var freshSaid;
    loader.storageFresh = new Promise(function (resolve) { freshSaid = resolve; });
    return new Promise(function (resolve) {
      var done = function (db) { freshSaid(false); resolve(db); };
      try {
        var req = indexedDB.open('/data', 21);
        req.onupgradeneeded = function (e) {
          var db = e.target.result, txn = e.target.transaction;
          var store = db.objectStoreNames.contains('FILE_DATA') ? txn.objectStore('FILE_DATA') : db.createObjectStore('FILE_DATA');
          if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
          loader.times.idbUpgrade = now();
          freshSaid(e.oldVersion === 0);
        };
        req.onsuccess = function () { loader.times.idbOpen = now(); done(req.result); };
        req.onerror = function (e) { if (e && e.preventDefault) e.preventDefault(); done(null); };
        req.onblocked = function () { done(null); };
      } catch (e) {
        done(null);
      }
    });
  }

  // ---------- Module ----------

  function locateFile(path, prefix) {
    return (prefix || '') + path;
  }

  // The app.wasm download and compile start first thing (start() below); app.js loads while the
  // probes run, and the app is instantiated only once they passed (probesOk).
  var wasmCompiled = null;
  var probesOk = null;

  function startApp() {
    phase = 'downloading';
    queueRender();
    var Module = {
      canvas: el.canvas,
      locateFile: locateFile,
      instantiateWasm: function (imports, successCallback) {
        Promise.all([wasmCompiled, probesOk]).then(function (r) {
          if (!r[1]) return null;  // a probe failed: its error page is up, the app never starts
          return WebAssembly.instantiate(r[0], imports).then(function (instance) {
            loader.times.wasm = now();
            successCallback(instance, r[0]);
          });
        }).catch(function (e) {
          fail('load', 'app.wasm: ' + message(e));
        });
        return {};  // exports arrive asynchronously through successCallback
      },
      setStatus: onStatus,
      monitorRunDependencies: function (left) {
        if (left === 0 && loader.state === 'loading' && progress.wasmLoaded > 0) {
          phase = 'starting';
          queueRender();
        }
      },
      print: function (text) { console.log(text); },
      printErr: function (text) {
        // Emscripten routes warnings and stderr here; only an abort is a real error.
        if (/^(Aborted\(|exception thrown|Uncaught)/.test(String(text))) console.error(text);
        else console.warn(text);
      },
      onAbort: function (what) {
        fail('abort', message(what));
      },
      onAppReady: onAppReady
    };
    window.Module = Module;

    var script = document.createElement('script');
    script.src = 'app.js';
    script.async = true;
    script.onerror = function () { fail('load', 'app.js could not be loaded'); };
    document.body.appendChild(script);
  }

  // Uncaught errors from our own scripts during start-up would otherwise leave the loading
  // screen spinning forever.
  window.addEventListener('error', function (e) {
    if (loader.state !== 'loading' || !e || !e.filename) return;
    if (/\/(app|loader)\.js(\?|$)/.test(e.filename)) fail('abort', message(e.error || e.message));
  });

  // ---------- start ----------

  function start() {
    if (!window.Promise || !window.fetch || typeof WebAssembly !== 'object') {
      fail('no_wasm', 'WebAssembly/fetch/Promise missing');
      return;
    }
    // The largest file first: it downloads and compiles while app.js, the catalogue, build.json
    // and the probes are handled (an unsupported browser only loses the transfer).
    wasmCompiled = compileWasm(fetchWasm(locateFile('app.wasm', '')));
    wasmCompiled.catch(function () { /* reported by instantiateWasm */ });
    loader.storage = typeof indexedDB !== 'undefined' && indexedDB ? openStorage() : null;
    var i18nReady = loadCatalog(loader.lang);
    fetchJson('build.json').then(function (data) {
      if (!data || !data.files || typeof data.files !== 'object') return;
      build = data;
      if (build.files['app.wasm']) progress.wasmTotal = build.files['app.wasm'];
      progress.dataTotal = build.files['app.data'] || 0;
      queueRender();
    }, function () { /* optional: progress falls back to Content-Length */ });
    var probed;
    probesOk = new Promise(function (resolve) { probed = resolve; });
    loader.times.appjs = now();
    startApp();
    applyStaticTexts();
    i18nReady.then(applyStaticTexts);
    loader.times.probe = now();
    var gl = webglVersion();  // synchronous; the fetches above are already on their way
    loader.times.probed = now();

    // The app is instantiated as soon as the browser is known to be able to run it; texts and
    // build.json arrive on their own.
    checkWasm().then(function (wasmProblem) {
      if (wasmProblem) { probed(false); return fail('no_wasm', wasmProblem); }
      if (!gl) { probed(false); return fail('no_webgl', 'WebGL is not available'); }
      loader.webgl = gl;
      probed(true);
    }).catch(function (e) {
      probed(false);
      fail('load', message(e));
    });

    setTimeout(function () {
      if (loader.state === 'loading') el.slow.hidden = false;
    }, SLOW_AFTER_MS);
    // If the app is slow to report its first frame, still install the offline copy.
    setTimeout(function () {
      if (loader.state !== 'error') registerServiceWorker();
    }, SW_FALLBACK_MS);
  }

  start();
})();
