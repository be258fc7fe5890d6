// Share by link (linked with --pre-js, so the single-file build has it too): a plan travels in the
// page's URL fragment as #plan=1.<deflate-raw, base64url>. Browsers never send a fragment to any
// server, and this code sends nothing either: the page's CSP forbids connections anyway.
var FiduciaShare = {
  prefix: "#plan=",
  version: "1",
  maxPlanBytes: 20 * 1024 * 1024,  // the plan loader's own limit: a link can never inflate past it
  lastLink: "",

  toBase64Url: function (bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  },
  fromBase64Url: function (text) {  // null when the text is not base64url
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
  // Runs bytes through a (De)CompressionStream; rejects past `limit` bytes of output.
  pipe: function (stream, bytes, limit) {
    var writer = stream.writable.getWriter();
    writer.write(bytes).catch(function () {});
    writer.close().catch(function () {});
    var reader = stream.readable.getReader(), parts = [], size = 0;
    return (function next() {
      return reader.read().then(function (step) {
        if (step.done) {
          var out = new Uint8Array(size), at = 0;
          parts.forEach(function (p) { out.set(p, at); at += p.length; });
          return out;
        }
        size += step.value.length;
        if (size > limit) { reader.cancel().catch(function () {}); throw new Error("too large"); }
        parts.push(step.value);
        return next();
      });
    })();
  },
  // The link for a plan's text: {ok, link, length} or {ok: false, reason: "too_long"|"unsupported", length}.
  make: function (text, maxChars) {
    if (typeof CompressionStream !== "function") return Promise.resolve({ok: false, reason: "unsupported", length: 0});
    var bytes = new TextEncoder().encode(text);
    return FiduciaShare.pipe(new CompressionStream("deflate-raw"), bytes, Infinity).then(function (packed) {
      var link = location.href.split("#")[0] + FiduciaShare.prefix + FiduciaShare.version + "." + FiduciaShare.toBase64Url(packed);
      if (link.length > maxChars) return {ok: false, reason: "too_long", length: link.length};
      FiduciaShare.lastLink = link;
      return {ok: true, link: link, length: link.length};
    });
  },
  // File > Copy share link: make it, copy it, and tell the app (it shows the notice).
  copy: function (text, maxChars) {
    var tell = function (result, length) {
      FiduciaShare.lastResult = {result: result, length: length};  // for automation and tests
      Module._fiducia_share_link_made(result, length);
    };
    FiduciaShare.make(text, maxChars).then(function (made) {
      if (!made.ok) { tell(made.reason === "too_long" ? 1 : 3, made.length); return; }
      var clipboard = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(made.link)
                                                                          : Promise.reject();
      return clipboard.then(function () { tell(0, made.length); }, function () { tell(2, made.length); });
    }).catch(function () { tell(3, 0); });
  },
  // The plan in this page's fragment, if any: opened (validated like a file) or refused with a
  // reason; then the fragment leaves the address bar, so a reload or a bookmark does not carry it.
  openFromLocation: function () {
    var hash = location.hash;
    if (hash.indexOf(FiduciaShare.prefix) !== 0) return Promise.resolve(false);
    history.replaceState(null, "", location.href.split("#")[0]);
    var broken = function (reason) { Module._fiducia_share_link_broken(reason); return true; };
    var body = hash.slice(FiduciaShare.prefix.length), dot = body.indexOf(".");
    if (dot < 0) return Promise.resolve(broken(1));
    if (body.slice(0, dot) !== FiduciaShare.version) return Promise.resolve(broken(/^[0-9]+$/.test(body.slice(0, dot)) ? 2 : 1));
    if (typeof DecompressionStream !== "function") return Promise.resolve(broken(3));
    var packed = FiduciaShare.fromBase64Url(body.slice(dot + 1));
    if (!packed || packed.length === 0) return Promise.resolve(broken(1));
    return FiduciaShare.pipe(new DecompressionStream("deflate-raw"), packed, FiduciaShare.maxPlanBytes).then(function (bytes) {
      var ptr = Module._malloc(Math.max(1, bytes.length));
      Module.HEAPU8.set(bytes, ptr);
      try { Module._fiducia_open_shared(ptr, bytes.length); } finally { Module._free(ptr); }
      return true;
    }, function () { return broken(1); });
  },
};

// After main() has run (the autosaved plan is restored first, so it stays in the history), and
// whenever a share link is pasted into the address bar of the open page.
Module.postRun = [].concat(Module.postRun || [], function () {
  FiduciaShare.opened = FiduciaShare.openFromLocation();
  window.addEventListener("hashchange", function () { FiduciaShare.opened = FiduciaShare.openFromLocation(); });
});
