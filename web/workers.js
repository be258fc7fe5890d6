// The long analyses on every core (linked with --pre-js; fiducia.simulate, .optimise and
// .sensitivity in shell.html and the panels call it): Web Workers, one per core up to 8, each
// instantiating the page's own compiled WebAssembly.Module and running one share of the work
// (src/app/web_work.cpp): the Monte Carlo's customers, the optimiser's searches (the budget and each
// frontier budget), sensitivity's inputs. The page gathers the shares' flat results into exactly one
// run's. A worker that finished its share waits, instantiated, for the next run's (half a minute at
// most): a run then starts without a new thread, instance or C++ start-up per core. No
// SharedArrayBuffer, so no COOP/COEP headers: workers come from a Blob URL (CSP `worker-src blob:`)
// and run from any static host, file:// and the single file. A worker that cannot
// start leaves its share to the page's own thread, in slices between frames, and says so.
var FiduciaWork = {
  module: null,     // the page's compiled wasm, kept as it is instantiated (below)
  works: ["simulate", "optimise", "sensitivity"],  // by Platform::Work's number (web_work.cpp)
  workers: [],      // every worker running a share, of every run
  idle: [],         // workers whose share is done, instantiated, waiting for the next (newest last)
  idleSeconds: 30,  // then they end, and their memory with them
  runs: {},         // the run under way of each work: {cancelled, reject, forApp, workers, progress}
  progress: 0,      // 0..1 of the run started last
  last: null,       // the run started last: {work, workers, fell_back (reason or null), ms}
  appNotice: {},    // per work: why a panel's run fell back to the page, until the app takes it
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
    var instantiate = function (module) {
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
        WebAssembly.Module.imports(module).forEach(function (i) {
          var space = imports[i.module] || (imports[i.module] = {});
          if (i.kind === "function")
            space[i.name] = (i.module === "env" ? env : wasi)[i.name] || function () { throw new Error("a worker cannot call " + i.name); };
        });
        instance = new WebAssembly.Instance(module, imports);
        memory = instance.exports.memory;
        instance.exports.__wasm_call_ctors();
    };
    self.onmessage = function (event) {
      var m = event.data;
      try {
        if (!instance) instantiate(m.module);  // once: later shares reuse it (fiducia_share_begin starts afresh)
        var plan = put(m.plan), options = put(m.options);
        var error = text(instance.exports.fiducia_share_begin(plan.ptr, plan.length, options.ptr));
        instance.exports.free(plan.ptr);  // read into the share's own plan: kept no longer
        instance.exports.free(options.ptr);
        if (error) throw new Error(error);
        var done = 0;
        while (done < 1) {
          done = instance.exports.fiducia_share_step(50);
          self.postMessage({progress: done});
        }
        var ptr = instance.exports.fiducia_share_result(), size = instance.exports.fiducia_share_result_size();
        var result = heap().slice(ptr, ptr + size).buffer;
        self.postMessage({result: result}, [result]);
      } catch (e) {
        self.postMessage({error: String(e && e.message || e)});
      }
    };
  },

  // An error text from one of web_work.cpp's begin calls (fiducia_share_begin, fiducia_whole_begin
  // with its work's number bound), given the plan and the options as JSON; "" when it began.
  begin: function (call, planText, optionsJson) {
    var length = Module.lengthBytesUTF8(planText);
    return FiduciaPage.withString(planText, function (plan) {
      return FiduciaPage.withString(optionsJson, function (opts) { return Module.UTF8ToString(call(plan, length, opts)); });
    });
  },

  // Runs `work` ("simulate", "optimise" or "sensitivity") of `planText` with the fiducia API's
  // options for it; resolves to the text `fiducia <work> PLAN ... --json` prints (forApp: the result
  // goes to the panel, fiducia_whole_keep). options.workers: how many (default: the cores, at most 8).
  start: function (work, planText, options, forApp) {
    var self = FiduciaWork, code = self.works.indexOf(work);
    if (self.runs[work]) self.cancel(work, "another " + work + " run was started");
    var started = performance.now();
    var given = {};
    Object.keys(options || {}).forEach(function (key) {
      if (key === "workers" || options[key] === undefined || options[key] === null) return;  // null: as not given
      given[key] = key === "seed" ? String(options.seed) : options[key];  // a uint64: as text
    });
    var cores = Math.max(1, Math.min(self.most, navigator.hardwareConcurrency || 1));
    var n = Math.max(1, Math.min(options && options.workers !== undefined ? options.workers : cores, 64));
    var shareOptions = function (k) { return JSON.stringify(Object.assign({}, given, {work: work, share: k, shares: n})); };
    var error = self.begin(function (plan, length, opts) { return Module._fiducia_whole_begin(code, plan, length, opts); },
                           planText, shareOptions(0));
    if (error) return Promise.reject(new Error(error));
    var run = self.runs[work] = {cancelled: false, forApp: !!forApp, workers: [], progress: 0};
    self.progress = 0;
    var last = self.last = {work: work, workers: 0, fell_back: null, ms: 0};
    return new Promise(function (resolve, reject) {
      run.reject = reject;
      var left = n, progress = [];
      var finish = function () {
        if (run.cancelled) return;
        self.stop(work);
        last.ms = performance.now() - started;
        if (forApp) { Module._fiducia_whole_keep(code); resolve(null); }
        else resolve(Module.UTF8ToString(Module._fiducia_whole_result(code)));
      };
      var add = function (buffer) {
        var ptr = Module._malloc(Math.max(8, buffer.byteLength));
        Module.HEAPU8.set(new Uint8Array(buffer), ptr);
        var ok = Module._fiducia_whole_add(code, ptr, buffer.byteLength);
        Module._free(ptr);
        if (!ok) { self.stop(work); reject(new Error("a share's result did not match the run")); return; }
        if (--left === 0) finish();
      };
      var moved = function (k, p) {
        progress[k] = p;
        var sum = 0;
        for (var i = 0; i < n; ++i) sum += progress[i] || 0;
        run.progress = sum / n;
        if (self.last === last) self.progress = run.progress;
        // No wake here: a wake is a second of every frame; the busy app draws its progress ten times a second.
      };
      var onPage = function (k, why) {
        self.fellBack(work, last, why);
        self.onPage({k: k, shareJson: shareOptions(k), planText: planText, moved: moved, add: add, run: run, reject: reject, work: work});
      };
      for (var k = 0; k < n; ++k) (function (k) {
        var worker = null;
        try {
          if (!self.module) throw new Error("the compiled model was not kept");
          worker = self.spawn(run);
        } catch (e) {
          onPage(k, String(e && e.message || e));
          return;
        }
        ++last.workers;
        worker.onmessage = function (event) {
          var m = event.data;
          if (run.cancelled) return;
          if (m.progress !== undefined) moved(k, m.progress);
          else if (m.result) { self.rest(run, worker); add(m.result); }
          else if (m.error) {  // it started but could not run its share: the page runs it instead
            worker.terminate();  // its instance may be left half-way: not reused
            self.forget(run, worker);
            --last.workers;
            onPage(k, m.error);
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

  // A worker for a share of `run`: one waiting since an earlier run, else a new one.
  spawn: function (run) {
    var worker = FiduciaWork.idle.pop();
    if (worker) {
      clearTimeout(worker.fiduciaEnd);
    } else {
      if (typeof Worker === "undefined" || typeof Blob === "undefined") throw new Error("this browser has no Web Workers");
      if (!FiduciaWork.url)
        FiduciaWork.url = URL.createObjectURL(new Blob(["(" + FiduciaWork.source.toString() + ")();"], {type: "text/javascript"}));
      worker = new Worker(FiduciaWork.url);
    }
    FiduciaWork.workers.push(worker);
    run.workers.push(worker);
    return worker;
  },
  // Its share done: the worker waits for the next run's, for idleSeconds.
  rest: function (run, worker) {
    FiduciaWork.forget(run, worker);
    worker.onmessage = worker.onerror = null;
    FiduciaWork.idle.push(worker);
    worker.fiduciaEnd = setTimeout(function () {
      var at = FiduciaWork.idle.indexOf(worker);
      if (at >= 0) FiduciaWork.idle.splice(at, 1);
      worker.terminate();
    }, FiduciaWork.idleSeconds * 1000);
  },
  forget: function (run, worker) {
    [FiduciaWork.workers, run.workers].forEach(function (list) {
      var at = list.indexOf(worker);
      if (at >= 0) list.splice(at, 1);
    });
  },

  // A panel's run: its end reaches the app (fiducia_whole_keep or _failed).
  startForApp: function (work, planText, options) {
    FiduciaWork.appNotice[work] = null;
    FiduciaWork.cancel(work);  // an earlier run of the panel is not this one: it ends without a word
    FiduciaWork.start(work, planText, options, true).catch(function (e) {
      var why = String(e && e.message || e);
      if (why !== "cancelled")
        FiduciaPage.withString(why, function (p) { Module._fiducia_whole_failed(FiduciaWork.works.indexOf(work), p); });
    });
    return true;
  },

  fellBack: function (work, last, reason) {
    if (last.fell_back) return;
    last.fell_back = reason;
    var run = FiduciaWork.runs[work];
    if (run && run.forApp) FiduciaWork.appNotice[work] = reason;
    console.warn("fiducia: " + work + " runs on the page's own thread (" + reason + ")");
  },

  // Shares on the page's thread, one after another (the model holds one share at a time), each in
  // slices of about 12 ms between frames.
  queue: [],
  onPage: function (job) {
    FiduciaWork.queue.push(job);
    if (FiduciaWork.queue.length === 1) setTimeout(FiduciaWork.nextOnPage, 0);
  },
  nextOnPage: function () {
    var job = FiduciaWork.queue[0];
    if (!job) return;
    var next = function () { FiduciaWork.queue.shift(); setTimeout(FiduciaWork.nextOnPage, 0); };
    if (job.run.cancelled) return next();
    var error = FiduciaWork.begin(Module._fiducia_share_begin, job.planText, job.shareJson);
    if (error) { FiduciaWork.stop(job.work); job.reject(new Error(error)); return next(); }
    var slice = function () {
      if (job.run.cancelled) return next();
      var done = Module._fiducia_share_step(12);
      job.moved(job.k, done);
      if (done < 1) { setTimeout(slice, 0); return; }
      var ptr = Module._fiducia_share_result(), size = Module._fiducia_share_result_size();
      var result = Module.HEAPU8.slice(ptr, ptr + size).buffer;
      next();
      job.add(result);
    };
    slice();
  },

  // Ends the run of `work`: its workers terminated.
  stop: function (work) {
    var run = FiduciaWork.runs[work];
    if (!run) return;
    run.workers.slice().forEach(function (w) { w.terminate(); FiduciaWork.forget(run, w); });
    delete FiduciaWork.runs[work];
  },

  // Stops the run of `work` under way, or of every work when none is named: every worker terminated;
  // its Promise rejects with "cancelled" (or why). True when there was one.
  cancel: function (work, why) {
    if (work === undefined || work === null) {
      var any = false;
      FiduciaWork.works.forEach(function (w) { any = FiduciaWork.cancel(w, why) || any; });
      return any;
    }
    var run = FiduciaWork.runs[work];
    if (!run) return false;
    run.cancelled = true;
    FiduciaWork.stop(work);
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
