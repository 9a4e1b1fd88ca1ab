// web/pre.js — runs inside app.js before main(): mounts IDBFS at /data and loads it from
// IndexedDB before main() starts (so settings and progress are there on the first frame), keeps
// it synced when the page is hidden, and exposes the test API used by tests/browser.
// Start-up marks for tools/bench_web.mjs: ms since navigation, first occurrence of each name.
Module.sandyqMark = function (name) {
  var t = (Module.sandyqTimes = Module.sandyqTimes || {});
  if (!(name in t)) t[name] = Math.round(performance.now());
};

Module.sandyqMark('app.js');
Module.preRun = [].concat(Module.preRun || []);
Module.preRun.push(function sandyqMountStorage() {
  Module.sandyqMark('prerun');
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
    Module.sandyqMark('idbfs');
    st.error = err ? String(err && (err.name || err.message) || err) : '';
    removeRunDependency('sandyq-idbfs');
  };
  var sync = function () {
    try {
      FS.syncfs(true, finish);
    } catch (e) {
      finish(e);
    }
  };
  if (typeof indexedDB === 'undefined' || !indexedDB) {
    finish('no indexedDB');
  } else if (window.sandyqLoader && window.sandyqLoader.storage) {
    // web/loader.js opened the database while app.wasm downloaded: IDBFS takes it as its own.
    var L = window.sandyqLoader;
    var fresh = false;
    // A database that did not exist before holds nothing to load: start now; the first save
    // uses the database once the browser has made it (IDBFS waits for the open by itself).
    if (L.storageFresh) {
      L.storageFresh.then(function (isFresh) {
        if (!isFresh || done) return;
        fresh = true;
        Module.sandyqMark('idbfs-fresh');
        finish(null);
      });
    }
    // (attached after the freshness check: when both are already settled, that one runs first)
    L.storage.then(function (db) {
      if (db && !IDBFS.dbs['/data']) IDBFS.dbs['/data'] = db;
      // Never load after a fresh start: loading mirrors the (empty) database into /data and
      // would delete what the app wrote meanwhile.
      if (!fresh) sync();
    });
  } else {
    sync();
  }
  // A blocked IndexedDB (some private modes) may never answer: start anyway after 4 s.
  setTimeout(function () { finish('timeout'); }, 4000);
});

// A catalogue parsed by the browser's JSON.parse and handed over flat (records '\x1e', fields
// '\x1f': key '=' text | key '#' form text …; Catalogue::addFlat): parsing the 86 KB JSON in
// freshly loaded wasm took ≈ 60 ms of the first frame. null when the object is not a catalogue's
// shape (the app then reads the JSON itself and names the error).
function flattenCatalogue(obj) {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return null;
  var bad = /[\x1e\x1f]/;
  var out = [];
  for (var key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    var v = obj[key];
    if (bad.test(key)) return null;
    if (typeof v === 'string') {
      if (bad.test(v)) return null;
      out.push(key + '\x1f=\x1f' + v);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      var rec = [key, '#'];
      for (var form in v) {
        if (!Object.prototype.hasOwnProperty.call(v, form)) continue;
        if (typeof v[form] !== 'string' || bad.test(form) || bad.test(v[form])) return null;
        rec.push(form, v[form]);
      }
      out.push(rec.join('\x1f'));
    } else {
      return null;
    }
  }
  return out.join('\x1e');
}

// → { flat } or { text } (the JSON as fetched, when it cannot be flattened), or rejects.
// The loader already parsed the chosen language for its own texts: that object is reused.
function catalogueFor(lang) {
  var L = window.sandyqLoader;
  if (L && L.catalogData && L.catalogText) {
    return L.catalogData(lang).then(function (obj) {
      var flat = flattenCatalogue(obj);
      return flat !== null ? { flat: flat } : L.catalogText(lang).then(function (text) { return { text: text }; });
    });
  }
  return fetch('i18n/' + lang + '.json', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; })
    .then(function (text) {
      var flat = null;
      try { flat = typeof text === 'string' ? flattenCatalogue(JSON.parse(text)) : null; } catch (e) { flat = null; }
      return flat !== null ? { flat: flat } : { text: text };
    });
}

// UI catalogues live in /assets/i18n, not in app.data. One way in for every language, written to
// the file system; resolves true when the file is there. The chosen language is written before
// main(); the others after the first frame (js_fetch_catalogue in runtime/app/main.cpp).
Module.sandyqLoadCatalogue = function (lang) {
  return catalogueFor(lang).then(function (c) {
    FS.mkdirTree('/assets/i18n');
    if (typeof c.flat === 'string') FS.writeFile('/assets/i18n/' + lang + '.flat', c.flat);
    else if (typeof c.text === 'string') FS.writeFile('/assets/i18n/' + lang + '.json', c.text);  // the app reports what is wrong
    else throw new Error('not found');
    return true;
  }).catch(function (e) {
    console.warn('sandyq: catalogue ' + lang + ': ' + e);
    return false;
  });
};
Module.preRun.push(function sandyqCatalogue() {
  var L = window.sandyqLoader;
  addRunDependency('sandyq-i18n');
  Module.sandyqLoadCatalogue((L && L.lang) || 'kk').then(function () {
    Module.sandyqMark('i18n');
    removeRunDependency('sandyq-i18n');
  });
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
