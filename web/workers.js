// The Monte Carlo on every core (linked with --pre-js; fiducia.simulate in shell.html calls it): Web
// Workers, one per core up to 8, each instantiating the page's own compiled WebAssembly.Module and
// running one share of the customers (src/app/web_simulate.cpp); the page adds their counts. No
// SharedArrayBuffer, so no COOP/COEP headers: workers come from a Blob URL (CSP `worker-src blob:`)
// and run from any static host, file:// and the single file. Every customer has its own random
// stream, so the bytes do not depend on how many workers ran. A worker that cannot start leaves its
// share to the page's own thread, in slices between frames, and says so.
var FiduciaWork = {
  module: null,     // the page's compiled wasm, kept as it is instantiated (below)
  workers: [],      // the workers of the run under way
  run: null,        // {cancelled, reject} of the run under way
  progress: 0,      // 0..1 of the run under way
  last: null,       // the last run: {workers, fell_back (reason or null), ms}
  appNotice: null,  // why the Simulation panel's run fell back to the page, until the app takes it
  most: 8,          // workers at most: beyond this, the shares' set-up outweighs the gain

  // The worker: a stub for every import the core never calls (they throw), the few it does.
  source: function () {
    var instance = null, memory = null;
    var heap = function () { return new Uint8Array(memory.buffer); };
    var text = function (ptr) { var h = heap(), end = ptr; while (h[end]) ++end; return new TextDecoder().decode(h.subarray(ptr, end)); };
    var put = function (str) {
      var bytes = new TextEncoder().encode(str), ptr = instance.exports.malloc(bytes.length + 1);
      heap().set(bytes, ptr); heap()[ptr + bytes.length] = 0;
      return {ptr: ptr, length: bytes.length};
    };
    self.onmessage = function (event) {
      var m = event.data;
      try {
        var env = {
          emscripten_memcpy_big: function (dest, src, num) { heap().copyWithin(dest, src, src + num); },
          emscripten_resize_heap: function (size) {
            var pages = Math.ceil((size - memory.buffer.byteLength) / 65536);
            try { memory.grow(pages); return 1; } catch (e) { return 0; }
          },
          emscripten_get_now: function () { return performance.now(); },
          setTempRet0: function () {},
          abort: function () { throw new Error("the model aborted"); },
        };
        var u32 = function () { return new Uint32Array(memory.buffer); };
        var wasi = {  // the C library's start-up asks for the environment: there is none
          environ_sizes_get: function (count, size) { u32()[count >> 2] = 0; u32()[size >> 2] = 0; return 0; },
          environ_get: function () { return 0; },
        };
        var imports = {};
        WebAssembly.Module.imports(m.module).forEach(function (i) {
          var space = imports[i.module] || (imports[i.module] = {});
          if (i.kind === "function")
            space[i.name] = (i.module === "env" ? env : wasi)[i.name] || function () { throw new Error("a worker cannot call " + i.name); };
        });
        instance = new WebAssembly.Instance(m.module, imports);
        memory = instance.exports.memory;
        instance.exports.__wasm_call_ctors();
        var plan = put(m.plan), options = put(m.options);
        var error = text(instance.exports.fiducia_share_begin(plan.ptr, plan.length, options.ptr));
        if (error) throw new Error(error);
        var done = 0, told = 0;
        while (done < 1) {
          done = instance.exports.fiducia_share_step(4096);
          if (done - told >= 0.01 || done >= 1) { self.postMessage({progress: done}); told = done; }
        }
        var ptr = instance.exports.fiducia_share_counts(), size = instance.exports.fiducia_share_counts_size();
        var counts = new BigInt64Array(memory.buffer, ptr, size).slice();
        self.postMessage({counts: counts.buffer}, [counts.buffer]);
      } catch (e) {
        self.postMessage({error: String(e && e.message || e)});
      }
    };
  },

  // Runs the whole Monte Carlo of `planText` with options {customers, seed, scenario}; resolves to
  // the text `fiducia simulate --json` prints (forApp: the result goes to the Simulation panel,
  // fiducia_simulation_keep). options.workers: how many (default: the cores, at most 8).
  simulate: function (planText, options, forApp) {
    var self = FiduciaWork;
    if (self.run) self.cancel("another simulation was started");
    var started = performance.now();
    var json = JSON.stringify({customers: options.customers, seed: options.seed === undefined || options.seed === null ? null : String(options.seed),
                               scenario: options.scenario === undefined ? null : options.scenario});
    var length = Module.lengthBytesUTF8(planText);
    var error = FiduciaPage.withString(planText, function (plan) {
      return FiduciaPage.withString(json, function (opts) { return Module.UTF8ToString(Module._fiducia_simulation_begin(plan, length, opts)); });
    });
    if (error) return Promise.reject(new Error(error));
    var customers = options.customers === undefined ? 10000 : options.customers;
    var cores = Math.max(1, Math.min(self.most, navigator.hardwareConcurrency || 1));
    var n = Math.max(1, Math.min(options.workers === undefined ? cores : options.workers, 64));
    var run = self.run = {cancelled: false, forApp: !!forApp};
    self.progress = 0;
    self.last = {workers: 0, fell_back: null, ms: 0};
    return new Promise(function (resolve, reject) {
      run.reject = reject;
      var left = n, progress = [];
      var finish = function () {
        if (run.cancelled) return;
        self.stop();
        self.last.ms = performance.now() - started;
        if (forApp) { Module._fiducia_simulation_keep(); resolve(null); }
        else resolve(Module.UTF8ToString(Module._fiducia_simulation_result()));
      };
      var add = function (buffer) {
        var counts = new BigInt64Array(buffer), ptr = Module._malloc(Math.max(8, buffer.byteLength));
        Module.HEAPU8.set(new Uint8Array(buffer), ptr);
        var ok = Module._fiducia_simulation_add(ptr, counts.length);
        Module._free(ptr);
        if (!ok) { self.stop(); reject(new Error("a share's counts did not match the run")); return; }
        if (--left === 0) finish();
      };
      var moved = function (k, p) {
        progress[k] = p;
        var sum = 0;
        for (var i = 0; i < n; ++i) sum += progress[i] || 0;
        self.progress = sum / n;
        FiduciaInput.wake();
      };
      var shareOptions = function (k) {  // core customer_share(): the same split natively and here
        var o = JSON.parse(json);
        o.first = Math.floor(customers * k / n);
        o.last = Math.floor(customers * (k + 1) / n);
        return JSON.stringify(o);
      };
      for (var k = 0; k < n; ++k) (function (k) {
        var worker = null;
        try {
          if (!self.module) throw new Error("the compiled model was not kept");
          worker = self.spawn();
        } catch (e) {
          self.fellBack(String(e && e.message || e));
          self.onPage(k, shareOptions(k), planText, moved, add, run, reject);
          return;
        }
        ++self.last.workers;
        worker.onmessage = function (event) {
          var m = event.data;
          if (run.cancelled) return;
          if (m.progress !== undefined) moved(k, m.progress);
          else if (m.counts) { worker.terminate(); self.workers.splice(self.workers.indexOf(worker), 1); add(m.counts); }
          else if (m.error) {  // it started but could not run its share: the page runs it instead
            worker.terminate();
            self.workers.splice(self.workers.indexOf(worker), 1);
            --self.last.workers;
            self.fellBack(m.error);
            self.onPage(k, shareOptions(k), planText, moved, add, run, reject);
          }
        };
        worker.onerror = function (event) {
          event.preventDefault();
          if (worker.onmessage) worker.onmessage({data: {error: event.message || "the worker failed"}});
        };
        worker.postMessage({module: self.module, plan: planText, options: shareOptions(k)});
      })(k);
    });
  },

  spawn: function () {
    if (typeof Worker === "undefined" || typeof Blob === "undefined") throw new Error("this browser has no Web Workers");
    if (!FiduciaWork.url)
      FiduciaWork.url = URL.createObjectURL(new Blob(["(" + FiduciaWork.source.toString() + ")();"], {type: "text/javascript"}));
    var worker = new Worker(FiduciaWork.url);
    FiduciaWork.workers.push(worker);
    return worker;
  },

  // The Simulation panel's run: its end reaches the app (fiducia_simulation_keep or _failed).
  startForApp: function (planText, options) {
    FiduciaWork.appNotice = null;
    FiduciaWork.simulate(planText, options, true).catch(function (e) {
      var why = String(e && e.message || e);
      if (why !== "cancelled") FiduciaPage.withString(why, function (p) { Module._fiducia_simulation_failed(p); });
    });
    return true;
  },

  fellBack: function (reason) {
    if (FiduciaWork.last.fell_back) return;
    FiduciaWork.last.fell_back = reason;
    if (FiduciaWork.run && FiduciaWork.run.forApp) FiduciaWork.appNotice = reason;
    console.warn("fiducia: the simulation runs on the page's own thread (" + reason + ")");
  },

  // Shares on the page's thread, one after another (the model holds one share at a time), each in
  // slices of about 12 ms between frames.
  queue: [],
  onPage: function (k, shareJson, planText, moved, add, run, reject) {
    FiduciaWork.queue.push({k: k, shareJson: shareJson, planText: planText, moved: moved, add: add, run: run, reject: reject});
    if (FiduciaWork.queue.length === 1) setTimeout(FiduciaWork.nextOnPage, 0);
  },
  nextOnPage: function () {
    var job = FiduciaWork.queue[0];
    if (!job) return;
    var next = function () { FiduciaWork.queue.shift(); setTimeout(FiduciaWork.nextOnPage, 0); };
    if (job.run.cancelled) return next();
    var length = Module.lengthBytesUTF8(job.planText);
    var error = FiduciaPage.withString(job.planText, function (plan) {
      return FiduciaPage.withString(job.shareJson, function (opts) { return Module.UTF8ToString(Module._fiducia_share_begin(plan, length, opts)); });
    });
    if (error) { FiduciaWork.stop(); job.reject(new Error(error)); return next(); }
    var slice = function () {
      if (job.run.cancelled) return next();
      var end = performance.now() + 12, done = 0;
      while (done < 1 && performance.now() < end) done = Module._fiducia_share_step(256);
      job.moved(job.k, done);
      if (done < 1) { setTimeout(slice, 0); return; }
      var ptr = Module._fiducia_share_counts(), size = Module._fiducia_share_counts_size();
      var counts = Module.HEAPU8.slice(ptr, ptr + size * 8).buffer;
      next();
      job.add(counts);
    };
    slice();
  },

  stop: function () {
    FiduciaWork.workers.forEach(function (w) { w.terminate(); });
    FiduciaWork.workers = [];
    FiduciaWork.run = null;
  },

  // Stops the run under way: every worker terminated; its Promise rejects with "cancelled" (or why).
  cancel: function (why) {
    var run = FiduciaWork.run;
    if (!run) return false;
    run.cancelled = true;
    FiduciaWork.stop();
    run.reject(new Error(why || "cancelled"));
    return true;
  },

  busy: function () { return FiduciaWork.workers.length; },
};

// The page compiles its wasm early (shell.html) and keeps the module for the workers; where it does
// not (file://, the single file), the module is kept as Emscripten's glue instantiates it. Either
// way each worker instantiates the same compiled code, never fetching or compiling it again.
(function () {
  var keep = function (name) {
    var original = WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function () {
      return original.apply(WebAssembly, arguments).then(function (result) {
        if (result && result.module instanceof WebAssembly.Module) {
          FiduciaWork.module = result.module;
          WebAssembly[name] = original;
        }
        return result;
      });
    };
  };
  keep("instantiateStreaming");
  keep("instantiate");
})();
