// web/pre.js — runs inside app.js before main(): mounts IDBFS at /data and loads it from
// IndexedDB before main() starts (so settings and progress are there on the first frame), keeps
// it synced when the page is hidden, and exposes the test API used by tests/browser.
Module.preRun = [].concat(Module.preRun || []);
Module.preRun.push(function sandyqMountStorage() {
  var st = Module.sandyqStorage = { ok: false, error: '', syncing: false, pending: false, lastSync: -1 };
  try {
    FS.mkdir('/data');
    FS.mount(IDBFS, {}, '/data');
  } catch (e) {
    st.error = String(e);
    return;  // /data then stays a plain in-memory folder: works for this visit, the UI warns
  }
  addRunDependency('sandyq-idbfs');
  var done = false;
  var finish = function (err) {
    if (done) return;
    done = true;
    st.ok = !err;
    st.error = err ? String(err && (err.name || err.message) || err) : '';
    removeRunDependency('sandyq-idbfs');
  };
  try {
    if (typeof indexedDB === 'undefined' || !indexedDB) { finish('no indexedDB'); return; }
    FS.syncfs(true, finish);
  } catch (e) {
    finish(e);
  }
  // A blocked IndexedDB (some private modes) may never answer: start anyway after 4 s.
  setTimeout(function () { finish('timeout'); }, 4000);
});

// The UI catalogue of the chosen language, fetched by web/loader.js for the loading screen, is
// written to /assets/i18n before main() (it is not in app.data: the other languages are fetched
// after the first frame, see js_fetch_catalogue in runtime/app/main.cpp).
Module.preRun.push(function sandyqCatalogue() {
  var L = window.sandyqLoader;
  var lang = (L && L.lang) || 'kk';
  addRunDependency('sandyq-i18n');
  var put = function (text) {
    try {
      FS.mkdirTree('/assets/i18n');
      if (typeof text === 'string') FS.writeFile('/assets/i18n/' + lang + '.json', text);
    } catch (e) {
      console.warn('sandyq: catalogue ' + lang + ': ' + e);
    }
    removeRunDependency('sandyq-i18n');
  };
  var p = L && L.catalogText ? L.catalogText(lang)
    : fetch('i18n/' + lang + '.json', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; });
  p.then(put, function () { put(null); });
});

// Flush pending writes when the tab is hidden or closed (pupils close tabs mid-lesson).
document.addEventListener('visibilitychange', function () {
  if (document.visibilityState === 'hidden' && Module.sandyqSync) Module.sandyqSync();
});

// Test API: small, read-only apart from the storage helpers; used by tests/browser.
Module.sandyqTest = {
  // null until the first frame was drawn (before that the wasm exports may not exist yet)
  state: function () { return Module.sandyqFirstFrameMs ? JSON.parse(UTF8ToString(Module._sandyq_test_state())) : null; },
  missingGlyphs: function (text) {
    return JSON.parse(UTF8ToString(Module.ccall('sandyq_test_missing_glyphs', 'number', ['string'], [text])));
  },
  storagePut: function (key, value) {
    return UTF8ToString(Module.ccall('sandyq_test_storage_put', 'number', ['string', 'string'], [key, value]));
  },
  storageGet: function (key) {
    return UTF8ToString(Module.ccall('sandyq_test_storage_get', 'number', ['string'], [key]));
  },
  download: function (name, text) { Module.ccall('sandyq_test_download', null, ['string', 'string'], [name, text]); },
  pickFile: function () { Module.ccall('sandyq_test_pick_file', null, [], []); },
  setCode: function (code) { Module.ccall('sandyq_test_set_code', null, ['string'], [code]); },
  // Simulates storage trouble: 'quota' (every sync fails as full), 'unavailable' (private mode:
  // nothing reaches IndexedDB) or 'ok' (back to normal). Data in memory stays as it is.
  simulateStorage: function (mode) {
    Module.sandyqStorageFault = mode === 'ok' ? '' : mode;
    Module._sandyq_on_storage_sync(mode === 'quota' ? 1 : 0);
  },
  storageInfo: function () { var s = Module.sandyqStorage || {}; return { ok: !!s.ok, error: s.error || '', lastSync: s.lastSync, syncCount: s.syncCount || 0, syncing: !!s.syncing }; }
};
