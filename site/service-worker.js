// Offline use: after the first visit every file of the site is served from the browser's
// caches, so the scorecard works with the network off.
// - The pages, styles, scripts and Pyodide's module scripts: this worker's own cache. The build
//   fills in VERSION (a hash of those files) and FILES. A new site version installs a new cache
//   and deletes the old one; saved answers (localStorage) are not touched. Files under
//   ON_FIRST_USE (the guidance, the example region) are not fetched ahead: each is kept in the
//   same cache the first time it is fetched, so a guidance page read once can be read offline.
// - Where the browser has static routing (Chromium), the precached files come straight from this
//   worker's cache without the worker being started (ROUTES, written by the build: each precached
//   file by name, only addresses without a query). A page opened after the browser has stopped this
//   worker does not wait for it to start again. Any other address still comes here.
// - The engine's files (the WebAssembly runtime, the standard library, the wheel, the bank): the
//   store the engine's worker (assets/worker.mjs) keeps as it downloads them, each under a hash
//   of its content (ENGINE_FILES, path -> hash). On a first visit they are already there, so they
//   are not downloaded twice; after an update only the changed ones are fetched, ahead of need.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const ON_FIRST_USE = __ON_FIRST_USE__;
const ENGINE_FILES = __ENGINE_FILES__;
const ROUTES = __ROUTES__;
const CACHE = `scorecard-site-${VERSION}`;
const ENGINE_STORE = "scorecard-engine"; // also in assets/worker.mjs

async function precache() {
  // cache: "no-cache": every file is checked with the server, so a new version never stores a
  // stale file, but an unchanged one comes from the browser's HTTP cache.
  const site = await caches.open(CACHE);
  await site.addAll(FILES.map((file) => new Request(file, { cache: "no-cache" })));
  // A browser without WebAssembly (the JIT turned off by its security settings) cannot run the engine: its
  // files would be 4 MB for nothing. Should it be allowed later, the engine's worker keeps what it downloads.
  if (typeof WebAssembly !== "object") return;
  const store = await caches.open(ENGINE_STORE);
  for (const [path, key] of Object.entries(ENGINE_FILES)) {
    const url = new URL(path, self.location.href).href;
    if (await store.match(`${url}?v=${key}`)) continue;
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    await store.put(`${url}?v=${key}`, response);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
  if (!event.addRoutes) return;
  try {
    const scope = self.registration.scope;
    const condition = { or: ROUTES.map((pathname) => ({ urlPattern: new URLPattern({ pathname, search: "", baseURL: scope }) })) };
    event.waitUntil(event.addRoutes({ condition, source: { cacheName: CACHE } }).catch(() => {}));
  } catch (error) {
    // routes this browser refuses: the fetch handler below serves those files, as everywhere else
  }
});

self.addEventListener("activate", (event) => {
  // Older site caches (and those of the versions before the engine store, "scorecard-<hash>") go;
  // the engine's worker drops what an older engine left in its store.
  const stale = (key) => key.startsWith("scorecard-") && key !== CACHE && key !== ENGINE_STORE;
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter(stale).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
      // the site's address itself ("/") is its home page, kept once as index.html
      const cached = await cache.match(path === "" || path.endsWith("/") ? new URL("index.html", url) : request,
        { ignoreSearch: true, ignoreVary: true });
      if (cached) return cached;
      try {
        const response = await fetch(request);
        if (response.ok && ON_FIRST_USE.some((prefix) => path.startsWith(prefix))) {
          await cache.put(new Request(url.origin + url.pathname), response.clone());
        }
        return response;
      } catch (error) {
        // Offline and not cached: a page we know about is better than a browser error.
        if (request.mode === "navigate") return (await cache.match("404.html")) || Response.error();
        throw error;
      }
    }),
  );
});
