// The C++ side's way into the page: files, storage and the canvas. Linked with --js-library;
// the page-level glue (window.fiducia, drag-and-drop, loading screen) lives in shell.html.
mergeInto(LibraryManager.library, {
  $fiduciaNewString__deps: ["malloc"],
  $fiduciaNewString: function (s) {
    var size = lengthBytesUTF8(s) + 1;
    var ptr = _malloc(size);
    stringToUTF8(s, ptr, size);
    return ptr;
  },

  fiducia_js_save_file: function (namePtr, textPtr, saveAs) {
    FiduciaPage.saveFile(UTF8ToString(namePtr), UTF8ToString(textPtr), saveAs !== 0);
  },

  fiducia_js_request_open: function () {
    FiduciaPage.requestOpen();
  },

  // Exports (reports, CSV): the bytes as they are, downloaded under this name and type.
  fiducia_js_save_bytes: function (namePtr, mimePtr, data, length) {
    FiduciaPage.download(UTF8ToString(namePtr), HEAPU8.slice(data, data + length), UTF8ToString(mimePtr));
  },

  // A rectangle of the WebGL canvas as a PNG, at the canvas's own (device) pixels. Called while
  // the frame is being drawn, when the drawing buffer still holds it.
  fiducia_js_save_canvas_png: function (namePtr, x, y, width, height) {
    var name = UTF8ToString(namePtr);
    var gl = Module.ctx;
    var canvas = Module.canvas;
    x = Math.max(0, Math.min(x, canvas.width - 1));
    y = Math.max(0, Math.min(y, canvas.height - 1));
    width = Math.max(1, Math.min(width, canvas.width - x));
    height = Math.max(1, Math.min(height, canvas.height - y));
    var pixels = new Uint8Array(width * height * 4);
    gl.readPixels(x, canvas.height - y - height, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    var copy = document.createElement("canvas");
    copy.width = width;
    copy.height = height;
    var context = copy.getContext("2d");
    var image = context.createImageData(width, height);
    for (var row = 0; row < height; ++row) {  // WebGL rows run bottom-up
      image.data.set(pixels.subarray((height - 1 - row) * width * 4, (height - row) * width * 4), row * width * 4);
    }
    for (var i = 3; i < image.data.length; i += 4) image.data[i] = 255;  // what the screen shows is opaque
    context.putImageData(image, 0, 0);
    copy.toBlob(function (blob) { FiduciaPage.download(name, blob, "image/png"); }, "image/png");
  },

  // A file read beside the open plan (Compare and merge); it comes back through fiducia_receive_file.
  fiducia_js_request_file: function (purpose) {
    FiduciaPage.requestFile(purpose);
  },

  // Keeps the plan (web/autosave_store.js: IndexedDB, else localStorage), plus up to 20 earlier
  // versions (one per minute of editing at most). Returns null, or a malloc'd reason known at once;
  // a failure that comes later reaches the app through fiducia_autosave_failed, and the plan is
  // offered as a download once, so it is never lost for want of room.
  fiducia_js_autosave__deps: ["$fiduciaNewString"],
  fiducia_js_autosave: function (textPtr, namePtr, dirty, titlePtr, newVersion) {
    var record = {text: UTF8ToString(textPtr), file_name: UTF8ToString(namePtr), dirty: dirty !== 0,
                  title: UTF8ToString(titlePtr), time: new Date().toISOString()};
    var failed = function (reason) {
      FiduciaPage.withString(reason, function (p) { Module._fiducia_autosave_failed(p); });
      if (!FiduciaStore.offered) FiduciaPage.download(record.file_name || "plan.json", record.text);
      FiduciaStore.offered = true;
    };
    var reason = FiduciaStore.save(record, newVersion !== 0, failed);
    if (reason === null) return 0;
    if (!FiduciaStore.offered) FiduciaPage.download(record.file_name || "plan.json", record.text);
    FiduciaStore.offered = true;
    return fiduciaNewString(reason);
  },

  // The stored versions, newest first, as JSON [{time, title, file_name, dirty, size}].
  fiducia_js_history_list__deps: ["$fiduciaNewString"],
  fiducia_js_history_list: function () {
    return fiduciaNewString(JSON.stringify(FiduciaStore.history.map(function (v) {
      return {time: String(v.time || ""), title: String(v.title || ""), file_name: String(v.file_name || ""),
              dirty: !!v.dirty, size: (v.text || "").length};
    })));
  },

  fiducia_js_history_text__deps: ["$fiduciaNewString"],
  fiducia_js_history_text: function (index) {
    var v = FiduciaStore.history[index];
    return v && typeof v.text === "string" ? fiduciaNewString(v.text) : 0;
  },

  // part 0: the plan text, 1: its file name, 2: "1" when it had unsaved changes; null when none.
  fiducia_js_autosave_read__deps: ["$fiduciaNewString"],
  fiducia_js_autosave_read: function (part) {
    var record = FiduciaStore.restore;
    if (!record || typeof record.text !== "string") return 0;
    var value = part === 0 ? record.text : part === 1 ? (record.file_name || "") : (record.dirty ? "1" : "0");
    return fiduciaNewString(value);
  },

  // The open plan's names (JSON array of content hashes) for the other tabs (FiduciaTabs).
  fiducia_js_tabs_announce: function (keysJson) {
    var keys = [];
    try { keys = JSON.parse(UTF8ToString(keysJson)); } catch (e) { /* none */ }
    FiduciaTabs.announce(Array.isArray(keys) ? keys : []);
  },

  // 1 once when another tab said it has this tab's plan open.
  fiducia_js_tabs_heard: function () {
    if (!FiduciaTabs.heard) return 0;
    FiduciaTabs.heard = false;
    return 1;
  },

  // The panels' runs on Web Workers (web/workers.js); `work` is Platform::Work's number. A run ends
  // in fiducia_whole_keep or fiducia_whole_failed.
  fiducia_js_work_start: function (work, planText, optionsJson) {
    return FiduciaWork.startForApp(FiduciaWork.works[work], UTF8ToString(planText), JSON.parse(UTF8ToString(optionsJson))) ? 1 : 0;
  },
  fiducia_js_work_progress: function (work) {
    var run = FiduciaWork.runs[FiduciaWork.works[work]];
    return run ? run.progress : 0;
  },
  fiducia_js_work_notice__deps: ["$fiduciaNewString"],
  fiducia_js_work_notice: function (work) {
    var notice = FiduciaWork.appNotice[FiduciaWork.works[work]];
    FiduciaWork.appNotice[FiduciaWork.works[work]] = null;
    return notice ? fiduciaNewString(notice) : 0;
  },
  fiducia_js_work_cancel: function (work) { FiduciaWork.cancel(FiduciaWork.works[work]); },

  fiducia_js_set_unsaved: function (unsaved) {
    FiduciaPage.unsaved = unsaved !== 0;
  },

  // The browser's time zone at that instant (summer time included): versions are listed in local time.
  fiducia_js_utc_offset_minutes: function (utcSeconds) {
    return -new Date(utcSeconds * 1000).getTimezoneOffset();
  },

  fiducia_js_load_preference__deps: ["$fiduciaNewString"],
  fiducia_js_load_preference: function (keyPtr) {
    try {
      var value = FiduciaPage.storageGet("fiducia.preference." + UTF8ToString(keyPtr));
      return value === null ? 0 : fiduciaNewString(value);
    } catch (e) { return 0; }
  },

  fiducia_js_store_preference: function (keyPtr, valuePtr) {
    try { window.localStorage.setItem("fiducia.preference." + UTF8ToString(keyPtr), UTF8ToString(valuePtr)); }
    catch (e) { /* a preference is not worth an error message */ }
  },

  fiducia_js_browser_language__deps: ["$fiduciaNewString"],
  fiducia_js_browser_language: function () {
    return fiduciaNewString(String(navigator.language || ""));
  },

  // The CJK font and the translations are files of their own in the hosted build, fetched (same
  // origin) only when needed; the single-file build has them embedded and never calls this.
  fiducia_js_fetch_file: function (pathPtr) {
    var path = UTF8ToString(pathPtr);
    FiduciaPage.fetchIntoFiles(path).then(function (ok) {
      if (!ok) console.warn("fiducia: " + path + " could not be loaded");
      FiduciaInput.wake();
    });
  },

  fiducia_js_copy_to_clipboard: function (textPtr) {
    var text = UTF8ToString(textPtr);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
  },

  // Canvas pixels = CSS size x devicePixelRatio, so text is sharp; GLFW learns the size from the
  // resize listeners (never glfwSetWindowSize, which goes full screen in emscripten 3.1.6).
  fiducia_js_fit_canvas__deps: ["$Browser"],
  fiducia_js_fit_canvas: function (widthPtr, heightPtr) {
    var canvas = Module["canvas"];
    var dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    var h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    HEAP32[widthPtr >> 2] = w;
    HEAP32[heightPtr >> 2] = h;
    if (canvas.width === w && canvas.height === h) return 0;
    Browser.setCanvasSize(w, h);
    return 1;
  },

  // Presenter mode: the whole screen (the page, not the canvas, so the canvas keeps sizing itself).
  fiducia_js_set_fullscreen: function (on) {
    var el = document.documentElement;
    if (on && !document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(function () {});
    if (!on && document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
  },

  fiducia_js_copy_share_link: function (textPtr, maxChars) {
    FiduciaShare.copy(UTF8ToString(textPtr), maxChars);
  },
});
