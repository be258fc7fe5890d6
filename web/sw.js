// The service worker of the hosted page: after the first visit the app opens with no network.
// Cache-first for the app's own files; the cache's name carries the build's fingerprint (stamped
// by cmake/stamp_sw.cmake), so a new build installs beside the old one and the old cache is deleted.
// It never touches a request to another origin (the page's CSP forbids those anyway).
"use strict";
var CACHE = "fiducia-@BUILD@";
var FILES = [@FILES@];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("fiducia-") === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // A page's address may carry a search or a share link: the app's own page is the same file.
  var match = request.mode === "navigate" ? caches.match("./", {cacheName: CACHE, ignoreSearch: true})
                                          : caches.match(request, {cacheName: CACHE, ignoreSearch: true});
  event.respondWith(match.then(function (hit) { return hit || fetch(request); }));
});
