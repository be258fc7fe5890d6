// How the page starts: the hosted build compiles its wasm while the page loads and shares one WebGL2
// context with the app; the single file needs neither; a browser without WebGL2 is told so plainly.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, startHarness, waitForItem } from "./harness.mjs";

let h;
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

test("the single file compiles its inline wasm itself, from file://", async () => {
  const page = await h.newPage();
  await h.open(page, "file://" + path.join(ROOT, "dist/fiducia.html"));
  await waitForItem(page, "New plan");
  assert.equal(await page.evaluate(() => FiduciaEarlyWasm), null);
  await page.context().close();
});

test("a browser without WebGL2 gets a plain message, not a blank page", async () => {
  const page = await h.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, attributes) {
      return kind === "webgl2" ? null : original.call(this, kind, attributes);
    };
  });
  await page.goto(h.origin + "/");
  await page.waitForFunction(() => document.getElementById("cover-message").textContent.includes("WebGL 2"));
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("cover")).display), "flex");
  assert.equal(await page.evaluate(() => window.fiducia.ready), false);
  await page.context().close();
});
