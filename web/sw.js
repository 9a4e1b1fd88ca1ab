/* Sandyq service worker (template).
 * The build fills in BUILD (the build id) and FILES (a JSON array of the files to precache,
 * relative to this script, e.g. ["./", "index.html", ...]) by replacing the two placeholders
 * below; each placeholder appears exactly once in this file.
 *
 * - install:  precache every file of this build (bypassing the HTTP cache), then activate at once;
 * - activate: delete the caches of other builds (sandyq-*), take control of open pages;
 * - fetch (same-origin GET only):
 *     navigations      network first (3 s timeout), else the cached index.html (offline start);
 *     precached files  cache first, else network (they belong to this build);
 *     anything else    network first and keep a copy (lesson packs under packs/), else cache.
 *   Requests made with cache: 'no-store' are left to the network untouched (selftest.html
 *   uses that to see the real server headers).
 * Responses that are not ok (404, 500, opaque) are never cached.
 */
'use strict';

var BUILD = '__SANDYQ_BUILD__';
var FILES = __SANDYQ_FILES__;
var CACHE = 'sandyq-' + BUILD;
// build.json describes exactly the cached build, so the loader's progress totals stay right
// when the app starts from the cache.
if (FILES.indexOf('build.json') < 0) FILES = FILES.concat(['build.json']);
var NAVIGATION_TIMEOUT_MS = 3000;

var scopeUrl = new URL(self.registration ? self.registration.scope : './', self.location.href);
var precached = new Set(FILES.map(function (f) { return new URL(f, self.location.href).href; }));
var indexUrl = new URL('index.html', self.location.href).href;
var rootUrl = new URL('./', self.location.href).href;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'reload' }); }));
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) {
        return k.indexOf('sandyq-') === 0 && k !== CACHE;
      }).map(function (k) { return caches.delete(k); }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  if (request.cache === 'no-store') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.href.indexOf(scopeUrl.href) !== 0) return;
  if (request.headers.has('range')) return;  // partial content is never cached

  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (precached.has(url.origin + url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

function isCacheable(response) {
  return response && response.ok && response.type === 'basic';
}

function navigation(request) {
  return new Promise(function (resolve) {
    var settled = false;
    function fallback(response) {
      if (settled) return;
      settled = true;
      resolve(cachedPage(request).then(function (cached) {
        // Nothing cached: use what the network said, or wait for it after all.
        return cached || response || fetch(request);
      }));
    }
    var timer = setTimeout(function () { fallback(null); }, NAVIGATION_TIMEOUT_MS);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      if (response.status >= 500) return fallback(response);
      if (settled) return;
      settled = true;
      resolve(response);
    }, function () {
      clearTimeout(timer);
      fallback(null);
    });
  });
}

function cachedPage(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      var path = new URL(request.url).href.split(/[?#]/)[0];
      // Only the app's own start page falls back to index.html.
      if (path === rootUrl || path === indexUrl) return cache.match(indexUrl);
      return null;
    });
  });
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (isCacheable(response)) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (isCacheable(response)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }, function (error) {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request);
    }).then(function (hit) {
      if (hit) return hit;
      throw error;
    });
  });
}
