// How the page starts: the hosted build compiles its wasm while the page loads and shares one WebGL2
// context with the app; it registers its service worker only once the planner is on screen; no
// function of the wasm is so large that its first call stalls the first frame; the single file
// needs none of this; a browser without WebGL2 is told so plainly.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, startHarness, waitForItem } from "./harness.mjs";

let h;
// The page as a browser without WebGL2 sees it.
const withoutWebGL2 = (page) => page.addInitScript(() => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, attributes) {
    return kind === "webgl2" ? null : original.call(this, kind, attributes);
  };
});
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

test("the hosted page fetches its wasm once, early, and the app draws on the page's context", async () => {
  const page = await h.newPage();
  const wasmRequests = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) wasmRequests.push(r.url()); });
  await page.addInitScript(() => {  // count every WebGL2 context the page creates
    window.contextsMade = 0;
    const original = HTMLCanvasElement.prototype.getContext;
    const made = new WeakSet();
    HTMLCanvasElement.prototype.getContext = function (kind, attributes) {
      const context = original.call(this, kind, attributes);
      if (kind === "webgl2" && context && !made.has(context)) { made.add(context); window.contextsMade++; }
      return context;
    };
  });
  await h.open(page);
  await waitForItem(page, "New plan");
  assert.deepEqual(wasmRequests, [h.origin + "/index.wasm"]);
  assert.equal(await page.evaluate(() => FiduciaEarlyWasm !== null), true);
  assert.equal(await page.evaluate(() => window.contextsMade), 1);
  const steps = await page.evaluate(() => window.fiducia.stats().startup_ms);
  for (const step of ["main", "webgl_context", "imgui", "examples", "first_frame"])
    assert.ok(steps[step] > 0, `start-up step ${step} has no time`);
  assert.ok(steps.main <= steps.webgl_context && steps.webgl_context <= steps.first_frame);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("input while the page loads (focus, resize, a finger, a paste) reaches nothing before the wasm is up, and throws nothing", async () => {
  const page = await h.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // A slow network: the app's script (and its exports) is there well before its wasm.
  await page.route("**/index.wasm", async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  await page.addInitScript(() => {  // events from the first byte until the app is ready, as fast as tasks run
    const channel = new MessageChannel();
    window.firedEarly = 0;  // events fired while the app's exports existed but the wasm was not up
    channel.port1.onmessage = () => {
      if (typeof Module !== "undefined" && Module._fiducia_wake) window.firedEarly++;
      for (const type of ["focus", "resize", "pointermove", "keydown"]) window.dispatchEvent(new Event(type));
      window.dispatchEvent(new ClipboardEvent("paste", {clipboardData: new DataTransfer()}));
      if (!(window.fiducia && window.fiducia.ready)) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  await h.open(page);
  await waitForItem(page, "New plan");
  assert.ok(await page.evaluate(() => window.firedEarly) > 0, "no event fell between the script and the wasm");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the service worker is registered after the first frame, not while the page starts", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal(await page.evaluate(() => window.fiducia.stats().frames > 0), true);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), true);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {timeout: 20000});
  await page.context().close();
});

// The function sizes of a wasm module's code section.
function functionSizes(bytes) {
  let p = 8;
  const leb = () => { let r = 0, shift = 0, b; do { b = bytes[p++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return r; };
  const sizes = [];
  while (p < bytes.length) {
    const id = bytes[p++], size = leb(), end = p + size;
    if (id === 10) for (let n = leb(), i = 0; i < n; i++) { const body = leb(); sizes.push(body); p += body; }
    p = end;
  }
  return sizes;
}

test("no function of the page's wasm is large enough to stall the first frame while it compiles", () => {
  // Chrome compiles each function at its first call. Binaryen once inlined every single-caller
  // function into the frame loop: one 80 KB function holding every panel, compiled before the
  // first frame (cmake/web.cmake limits that inlining).
  const sizes = functionSizes(fs.readFileSync(path.join(ROOT, "build/web/index.wasm")));
  assert.ok(sizes.length > 1000, `${sizes.length} functions`);
  const largest = Math.max(...sizes);
  assert.ok(largest < 48000, `the largest function has ${largest} bytes`);
});

test("the single file compiles its inline wasm itself, from file://", async () => {
  const page = await h.newPage();
  await h.open(page, "file://" + path.join(ROOT, "dist/fiducia.html"));
  await waitForItem(page, "New plan");
  assert.equal(await page.evaluate(() => FiduciaEarlyWasm), null);
  await page.context().close();
});

test("a browser without WebGL2 gets a plain message, not a blank page", async () => {
  const page = await h.newPage();
  await withoutWebGL2(page);
  await page.goto(h.origin + "/");
  await page.waitForFunction(() => document.getElementById("cover-message").textContent.includes("WebGL 2"));
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("cover")).display), "flex");
  assert.equal(await page.evaluate(() => window.fiducia.ready), false);
  await page.context().close();
});

test("window.fiducia called while the page starts waits for it and answers, instead of throwing inside the glue", async () => {
  const page = await h.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/index.wasm", async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  const plan = fs.readFileSync(path.join(ROOT, "assets/examples/online-shop.json"), "utf8");
  await page.addInitScript((text) => {  // every call, as soon as window.fiducia exists
    window.early = {threw: [], answers: null, readyWhenCalled: null};
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!window.fiducia) { channel.port2.postMessage(0); return; }
      window.early.readyWhenCalled = window.fiducia.ready;
      const calls = {load: () => window.fiducia.load(text, "early.json"), save: () => window.fiducia.save(),
        summary: () => window.fiducia.summary(), stats: () => window.fiducia.stats(),
        presenter: () => window.fiducia.presenter(), workshop: () => window.fiducia.workshop(),
        locate: () => window.fiducia.locate("New plan")};
      const pending = {};
      for (const [name, call] of Object.entries(calls)) {
        try { pending[name] = call(); } catch (e) { window.early.threw.push(name + ": " + e); }
      }
      window.early.promises = Object.values(pending).every((p) => p instanceof Promise);
      Promise.all(Object.entries(pending).map(([name, p]) => Promise.resolve(p).then((v) => [name, v])))
        .then((list) => { window.early.answers = Object.fromEntries(list); }, (e) => { window.early.rejected = String(e); });
    };
    channel.port2.postMessage(0);
  }, plan);
  await page.goto(h.origin + "/");
  await page.waitForFunction(() => window.early && (window.early.answers || window.early.rejected), null, {timeout: 30000});
  const early = await page.evaluate(() => window.early);
  assert.equal(early.readyWhenCalled, false, "the calls were made before start-up ended");
  assert.deepEqual(early.threw, []);
  assert.equal(early.promises, true);
  assert.equal(early.rejected, undefined);
  assert.deepEqual(early.answers.load, {ok: true, errors: []});  // the plan opened once the app was up
  assert.equal(JSON.parse(early.answers.save).meta.title, JSON.parse(plan).meta.title);
  assert.equal(early.answers.summary.plan, JSON.parse(plan).meta.title);
  assert.ok(early.answers.stats.frames >= 0);
  // After start-up the API answers at once, as before.
  assert.equal(await page.evaluate(() => window.fiducia.save() instanceof Promise), false);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("window.fiducia on a page that cannot start rejects with the reason the page shows", async () => {
  const page = await h.newPage();
  await withoutWebGL2(page);
  await page.goto(h.origin + "/");
  const answer = await page.evaluate(() => window.fiducia.summary().then(() => "answered", (e) => String(e)));
  assert.match(answer, /^Error: Fiducia could not start: Fiducia needs WebGL 2/);
  await page.context().close();
});
