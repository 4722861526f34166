// The register's service worker: keeps the app shell (the page, its scripts, styles and fonts) so a register
// reloaded without a network still opens and sells from its local copies. Data never comes from here: /api/ goes
// to the network untouched (tRPC, live feeds, auth), and the outbox in IndexedDB holds the sales.
const SHELL = "pos-shell-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The page lists the build output it loaded before this worker controlled it (the first visit). Only hashed
// static files are fetched here: a page fetched in the background carries the session cookie and could race a
// sign-out, so pages are kept only as the browser itself loads them.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "cache-urls" || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((url) => new URL(url).pathname.startsWith("/_next/static/"));
  event.waitUntil(
    caches.open(SHELL).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => undefined)))),
  );
});

async function keep(request, response) {
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    return await keep(request, await fetch(request));
  } catch (error) {
    const cached = await caches.match(request, { ignoreVary: true });
    if (cached) return cached;
    // A navigation to a page never visited: the register's page is the one that works offline.
    if (request.mode === "navigate") {
      const shell = await caches.match("/", { ignoreSearch: true, ignoreVary: true });
      if (shell) return shell;
    }
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached ?? keep(request, await fetch(request));
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  // Build output under /_next/static/ is content-hashed: a cached copy is always right.
  event.respondWith(url.pathname.startsWith("/_next/static/") ? cacheFirst(request) : networkFirst(request));
});
