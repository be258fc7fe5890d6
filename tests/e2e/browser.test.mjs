// The page as a person meets it, in headless Chromium: it loads, renders, opens and saves plans,
// keeps them across a reload, sits idle when idle, and sends nothing anywhere.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { decodePng, inkStats } from "./png.mjs";
import { ROOT, SCREENSHOTS, clickItem, dropFile, example, startHarness, waitForItem, waitUntil } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

async function screenshot(page, name) {
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({path: file});
  return inkStats(decodePng(fs.readFileSync(file)));
}

test("the start screen loads with no console errors and is not blank", async () => {
  const page = await h.newPage();
  await h.open(page);
  await waitForItem(page, "New plan");
  const ink = await screenshot(page, "start.png");
  assert.ok(ink.colours > 50, `only ${ink.colours} colours on screen`);
  assert.ok(ink.inkShare > 0.02, `only ${(ink.inkShare * 100).toFixed(2)}% of the screen drawn`);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("clicking an example opens it, and the click lands where the pointer is", async () => {
  for (const deviceScaleFactor of [1, 2]) {
    const page = await h.newPage({deviceScaleFactor});
    await h.open(page);
    await waitForItem(page, "##online-shop.json");
    await clickItem(page, "##online-shop.json");
    await page.waitForFunction(() => window.fiducia.save().length > 0);
    assert.equal(await page.evaluate(() => window.fiducia.save()), example("online-shop.json"));
    await page.mouse.wheel(0, 400);  // scrolling the dashboard must not log errors
    await page.mouse.wheel(0, -400);
    if (deviceScaleFactor === 2) await screenshot(page, "plan-hidpi.png");
    else await screenshot(page, "plan.png");
    await page.context().close();
  }
});

test("dropping a plan file opens it; Ctrl+S downloads the same plan", async () => {
  const page = await h.newPage();
  await h.open(page);
  const text = example("retail-bank.json");
  await dropFile(page, "retail-bank.json", text);
  await page.waitForFunction(() => window.fiducia.save().length > 0);
  assert.equal(await page.evaluate(() => window.fiducia.save()), text);
  await page.mouse.click(640, 400);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.match(download.suggestedFilename(), /\.json$/);
  assert.equal(fs.readFileSync(await download.path(), "utf8"), text);
  await page.context().close();
});

test("the file picker's input opens a plan", async () => {
  const page = await h.newPage();
  await h.open(page);
  await page.setInputFiles("#file-input", path.join(ROOT, "assets/examples/b2b-software.json"));
  await page.waitForFunction(() => window.fiducia.save().length > 0);
  assert.equal(await page.evaluate(() => window.fiducia.save()), example("b2b-software.json"));
  await page.context().close();
});

test("a reload restores the autosaved plan", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal(await page.evaluate(() => window.fiducia.save()), "");
  const text = example("online-shop.json");
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "shop.json"), text), {ok: true, errors: []});
  await waitUntil(page, () => FiduciaStore.stored().then((s) => s.autosave !== null));
  await page.reload();
  await page.waitForFunction(() => window.fiducia && window.fiducia.ready === true);
  assert.equal(await page.evaluate(() => window.fiducia.save()), text);
  await page.context().close();
});

test("a file that is not a plan is refused with its reasons, and the open plan is kept", async () => {
  const page = await h.newPage();
  await h.open(page);
  const text = example("online-shop.json");
  await page.evaluate((t) => window.fiducia.load(t), text);
  for (const bad of ["not json at all", "{\"hello\": 1}", "\u0000\u0000\u0000", "[1, 2, 3]"]) {
    const result = await page.evaluate((t) => window.fiducia.load(t, "bad.json"), bad);
    assert.equal(result.ok, false);
    assert.ok(result.errors.length > 0 && result.errors.every((e) => typeof e === "string" && e.length > 5));
  }
  assert.equal(await page.evaluate(() => window.fiducia.save()), text);
  await screenshot(page, "refused-file.png");
  await page.context().close();
});

test("an idle page draws no frames", async () => {
  const page = await h.newPage();
  await h.open(page);
  await page.waitForTimeout(1500);  // input-driven frames run for one second after the last input
  const first = await page.evaluate(() => window.fiducia.stats().frames);
  await page.waitForTimeout(3000);
  const second = await page.evaluate(() => window.fiducia.stats().frames);
  assert.ok(first > 0, "the page drew its first frames");
  assert.equal(second - first, 0, `${second - first} frames drawn in 3 idle seconds`);
  await page.context().close();
});

test("dist/fiducia.html opens from file:// offline and renders", async () => {
  const page = await h.newPage();
  await h.open(page, "file://" + path.join(ROOT, "dist/fiducia.html"));
  await waitForItem(page, "New plan");
  const ink = await screenshot(page, "single-file.png");
  assert.ok(ink.colours > 50 && ink.inkShare > 0.02);
  const result = await page.evaluate((t) => window.fiducia.load(t), example("b2b-software.json"));
  assert.equal(result.ok, true);
  await page.context().close();
});

test("no request leaves 127.0.0.1: the page, its translation and font, an example, a save, a reload", async () => {
  // Does the fetching itself, so it proves something when run alone; run with the file it also
  // covers every test above (the harness records foreign requests across the whole file).
  const page = await h.newPage({locale: "zh-CN"});  // a Chinese browser: i18n/zh.json and the CJK font
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await h.open(page);
  await page.waitForFunction(() => window.fiducia.stats().cjk_glyphs > 0, null, {timeout: 10000});
  await waitForItem(page, "##online-shop.json");
  await clickItem(page, "##online-shop.json");
  await page.waitForFunction(() => window.fiducia.save().length > 0);
  await page.mouse.click(640, 400);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  await download.path();
  await waitUntil(page, () => FiduciaStore.stored().then((s) => s.autosave !== null));
  await page.reload();  // the autosave comes back, the service worker (registered 2 s in) may answer
  await page.waitForFunction(() => window.fiducia && window.fiducia.ready === true);
  await page.waitForTimeout(2500);
  assert.equal(await page.evaluate(() => window.fiducia.save()), example("online-shop.json"));
  for (const own of ["/", "/index.wasm", "/i18n/zh.json", "/fonts/ui-cjk.ttf"])
    assert.ok(requested.includes(own), `the page's request for ${own} was seen (seen: ${requested.join(", ")})`);
  assert.deepEqual(h.foreign, []);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});
