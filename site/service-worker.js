// Offline use: after the first visit every file of the site (pages, Pyodide, the engine,
// the question bank) is served from this cache, so the scorecard works with the network off.
// The build fills in VERSION (a hash of the files) and FILES. A new site version installs a
// new cache and deletes the old one; saved answers (localStorage) are not touched.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `scorecard-${VERSION}`;

self.addEventListener("install", (event) => {
  // cache: "no-cache": every file is checked with the server, so a new version never stores a
  // stale file, but an unchanged one (Pyodide, just downloaded by the page) comes from the
  // browser's HTTP cache instead of over the network a second time.
  const requests = FILES.map((file) => new Request(file, { cache: "no-cache" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("scorecard-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        // Offline and not cached: a page we know about is better than a browser error.
        if (request.mode === "navigate") return (await cache.match("404.html")) || Response.error();
        throw error;
      }
    }),
  );
});
