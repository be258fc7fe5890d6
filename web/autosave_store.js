// The autosave and its 20 earlier versions in IndexedDB (linked with --pre-js; library_fiducia.js
// calls it): plans up to the 20 MB limit, where localStorage holds about 5 MB per site. Each tab
// keeps its own slot, named in sessionStorage, so a reload brings back that tab's plan; a new tab
// takes the most recent one. A save is one transaction over the slot and the versions: a tab that
// dies mid-save leaves the last complete save. Without IndexedDB, localStorage as before.
var FiduciaStore = {
  db: null,          // the open database, or null: localStorage (FiduciaStore.local*)
  slot: "",          // this tab's autosave slot
  restore: null,     // the record start-up restores: {text, file_name, dirty, title, time}
  history: [],       // newest first: {id, text, file_name, dirty, title, time}
  limit: 20,
  serial: 0,

  newId: function () {  // ordered by time; unique across tabs in practice
    FiduciaStore.serial = (FiduciaStore.serial + 1) % 1000;
    return Date.now() * 1000 + FiduciaStore.serial;
  },
  tabSlot: function () {
    var slot = null;
    try { slot = window.sessionStorage.getItem("fiducia.tab"); } catch (e) { /* no session storage */ }
    if (!slot) {
      slot = "tab-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
      try { window.sessionStorage.setItem("fiducia.tab", slot); } catch (e) { /* this page only */ }
    }
    return slot;
  },
  newSlot: function () {  // this tab's slot is another live tab's (a duplicated tab): take one of its own
    try { window.sessionStorage.removeItem("fiducia.tab"); } catch (e) { /* no session storage */ }
    FiduciaStore.slot = FiduciaStore.tabSlot();
  },
  localRead: function (key, fallback) {
    try { var v = JSON.parse(window.localStorage.getItem(key) || "null"); return v === null ? fallback : v; }
    catch (e) { return fallback; }
  },
  done: function (request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  },
  finished: function (tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onabort = tx.onerror = function () { reject(tx.error || new Error("the transaction was aborted")); };
    });
  },

  // Opens the database and reads what start-up restores; moves a localStorage autosave and history
  // across once (a "moved" mark in the same transaction, so a second start never copies them again).
  open: function () {
    var self = FiduciaStore;
    self.slot = self.tabSlot();
    var pendingKey = "fiducia.pending." + self.slot;
    var pending = self.localRead(pendingKey, null);  // a save the tab left before it committed
    var legacyRecord = self.localRead("fiducia.autosave", null);
    var legacyHistory = self.localRead("fiducia.history", []);
    var useLocal = function () {
      self.db = null;
      self.restore = legacyRecord && typeof legacyRecord.text === "string" ? legacyRecord : null;
      self.history = Array.isArray(legacyHistory) ? legacyHistory : [];
    };
    if (typeof indexedDB === "undefined") { useLocal(); return Promise.resolve(); }
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("fiducia", 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore("autosave", {keyPath: "slot"});
        db.createObjectStore("history", {keyPath: "id"});
        db.createObjectStore("meta");
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
      request.onblocked = function () { reject(new Error("blocked")); };
    }).then(function (db) {
      var tx = db.transaction(["autosave", "history", "meta"], "readwrite");
      var slots = tx.objectStore("autosave"), versions = tx.objectStore("history"), meta = tx.objectStore("meta");
      var read = self.done(meta.get("moved")).then(function (moved) {
        if (moved) return;
        if (legacyRecord && typeof legacyRecord.text === "string")
          slots.put({slot: "moved-from-local-storage", text: legacyRecord.text, file_name: legacyRecord.file_name || "",
                     dirty: !!legacyRecord.dirty, title: legacyRecord.title || "", time: legacyRecord.time || new Date(0).toISOString()});
        (Array.isArray(legacyHistory) ? legacyHistory : []).forEach(function (v, i) {
          if (v && typeof v.text === "string")
            versions.put({id: (Date.parse(v.time) || 0) * 1000 + (999 - i), text: v.text, file_name: v.file_name || "",
                          dirty: !!v.dirty, title: v.title || "", time: v.time || ""});
        });
        meta.put(true, "moved");
      }).then(function () {
        return self.done(slots.get(self.slot));
      }).then(function (own) {
        if (pending && typeof pending.text === "string" && (!own || String(pending.time) > String(own.time)))
          slots.put(Object.assign({}, pending, {slot: self.slot}));
      }).then(function () {
        return Promise.all([self.done(slots.getAll()), self.done(versions.getAll())]);
      });
      return Promise.all([read, self.finished(tx)]).then(function (results) {
        var records = results[0][0], history = results[0][1];
        var own = records.filter(function (r) { return r.slot === self.slot; })[0];
        var newest = records.slice().sort(function (a, b) { return String(b.time).localeCompare(String(a.time)); })[0];
        self.db = db;
        self.restore = own || newest || null;
        self.history = history.sort(function (a, b) { return b.id - a.id; }).slice(0, self.limit);
        // Moved and committed: the 5 MB of localStorage are free again.
        try {
          window.localStorage.removeItem("fiducia.autosave");
          window.localStorage.removeItem("fiducia.history");
          window.localStorage.removeItem(pendingKey);
        }
        catch (e) { /* kept; the "moved" mark stops a second copy */ }
        db.onversionchange = function () { db.close(); };
      });
    }).catch(function (e) {
      console.warn("fiducia: IndexedDB unavailable, autosave uses localStorage (" + e + ")");
      useLocal();
    });
  },

  // Stores a plan: this tab's slot and the versions (the newest replaced when the same plan was
  // saved less than a minute ago, unless a new version is asked for). `failed(reason)` hears of a
  // failure that comes later (IndexedDB answers asynchronously); returns a reason known at once.
  save: function (record, newVersion, failed) {
    var self = FiduciaStore;
    var newest = self.history[0], replaced = null;
    if (!newVersion && newest && newest.title === record.title && new Date(record.time) - new Date(newest.time) < 60000) {
      replaced = newest.id;
      self.history[0] = Object.assign({id: newest.id}, record);
    } else {
      self.history.unshift(Object.assign({id: self.newId()}, record));
    }
    self.history = self.history.slice(0, self.limit);
    if (!self.db) return self.localSave(record);
    var version = self.history[0];
    var why = function (e) {
      if (replaced === null && self.history[0] === version) self.history.shift();  // it was never stored
      return e && e.name === "QuotaExceededError" ? "this browser's storage is full" : "this browser refused to store it (" + e + ")";
    };
    var tx;
    self.pending = record;
    try {
      tx = self.db.transaction(["autosave", "history"], "readwrite");
      var versions = tx.objectStore("history");
      tx.objectStore("autosave").put(Object.assign({slot: self.slot}, record));
      versions.put(version);
      // Keep the newest versions of every tab, found inside the transaction: no tab prunes another's by a stale list.
      self.done(versions.getAllKeys()).then(function (keys) {
        keys.sort(function (a, b) { return b - a; }).slice(self.limit).forEach(function (key) { versions.delete(key); });
      });
    } catch (e) {
      if (tx) tx.abort();
      return why(e);
    }
    self.finished(tx).then(function () {
      if (self.pending === record) self.pending = null;
    }, function (e) { failed(why(e)); });
    return null;
  },

  // What is stored now, read back (for automation and tests): this tab's autosave and the versions.
  stored: function () {
    var self = FiduciaStore;
    if (!self.db) return Promise.resolve({autosave: self.localRead("fiducia.autosave", null), history: self.localRead("fiducia.history", [])});
    var tx = self.db.transaction(["autosave", "history"], "readonly");
    return Promise.all([self.done(tx.objectStore("autosave").get(self.slot)), self.done(tx.objectStore("history").getAll())])
      .then(function (r) { return {autosave: r[0] || null, history: r[1].sort(function (a, b) { return b.id - a.id; })}; });
  },

  // localStorage, as before IndexedDB: drops the oldest versions to make room.
  localSave: function (record) {
    var store = window.localStorage, history = FiduciaStore.history.slice();
    for (;;) {
      try {
        store.setItem("fiducia.autosave", JSON.stringify(record));
        store.setItem("fiducia.history", JSON.stringify(history));
        return null;
      } catch (e) {
        var full = e && (e.name === "QuotaExceededError" || e.code === 22);
        if (full && history.length > 1) { history.pop(); FiduciaStore.history.pop(); continue; }
        return full ? "this browser's storage is full" : "this browser refused to store it (" + e + ")";
      }
    }
  },
};

// A page that goes away does not wait for a transaction under way: the save the page's own
// beforeunload flush started (shell.html, registered first) is also kept in localStorage at once,
// when it fits, and start-up takes it when it is newer than the slot.
window.addEventListener("pagehide", function () {
  var record = FiduciaStore.pending;
  if (!record || !FiduciaStore.db) return;
  try { window.localStorage.setItem("fiducia.pending." + FiduciaStore.slot, JSON.stringify(record)); }
  catch (e) { /* too large for localStorage: the transaction is the only copy */ }
});

// Tabs of this browser that have the same plan open are told so (BroadcastChannel, this origin
// only, nothing leaves the machine): each keeps its own autosave slot, so neither overwrites the
// other, but two edited copies of one plan would later need a merge. A plan is named by the content
// hashes it descends from (App::announce_plan); a tab that opens one another tab holds hears so, and
// so does that other tab.
var FiduciaTabs = {
  id: Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10),  // this page; a duplicated tab shares the slot, not this
  channel: null,
  keys: [],       // this tab's open plan
  heard: false,   // another tab has it open: the app takes this once (fiducia_js_tabs_heard)
  start: function () {
    if (typeof BroadcastChannel === "undefined") return;
    try { FiduciaTabs.channel = new BroadcastChannel("fiducia.tabs"); } catch (e) { return; }
    FiduciaTabs.channel.onmessage = function (event) {
      var m = event.data;
      if (!m || m.from === FiduciaTabs.id) return;
      if (m.type === "slot?" && m.slot === FiduciaStore.slot) return FiduciaTabs.post("slot!", {slot: m.slot});
      if (m.type === "slot!" && m.slot === FiduciaStore.slot) return FiduciaStore.newSlot();
      if (!Array.isArray(m.keys)) return;
      if (!m.keys.some(function (k) { return FiduciaTabs.keys.indexOf(k) >= 0; })) return;
      FiduciaTabs.heard = true;
      if (typeof FiduciaInput !== "undefined") FiduciaInput.wake();  // an idle page draws no frame until woken
      if (m.type === "opened") FiduciaTabs.post("has");  // the tab that just opened it hears of this one
    };
  },
  post: function (type, extra) {
    if (!FiduciaTabs.channel) return;
    var m = Object.assign({type: type, from: FiduciaTabs.id, keys: FiduciaTabs.keys}, extra || {});
    try { FiduciaTabs.channel.postMessage(m); } catch (e) { /* closed */ }
  },
  announce: function (keys) {
    FiduciaTabs.keys = keys;
    FiduciaTabs.heard = false;  // what was heard was about the plan this tab had before
    if (keys.length) FiduciaTabs.post("opened");
  },
};
FiduciaTabs.start();

// Read while the wasm downloads and compiles; main() starts (and restores) once it is there.
FiduciaStore.opened = FiduciaStore.open();
// A duplicated tab inherits its original's sessionStorage, so its slot too: it restores that plan
// (what duplicating means) but, once a live tab says the slot is its own, saves to a new one.
FiduciaStore.opened.then(function () { FiduciaTabs.post("slot?", {slot: FiduciaStore.slot}); });
Module.preRun = [].concat(Module.preRun || [], function () {
  Module.addRunDependency("fiducia-autosave");
  FiduciaStore.opened.then(function () { Module.removeRunDependency("fiducia-autosave"); });
});
