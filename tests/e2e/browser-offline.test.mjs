// Offline and share links in headless Chromium: the hosted page keeps working with the network
// off once its service worker holds the files; a plan travels in a link's fragment and nowhere
// else; dist/fiducia.html works from a USB stick's oddly named folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { ROOT, SCREENSHOTS, clickItem, example, startHarness, waitForItem, waitUntil } from "./harness.mjs";

let h;
const requested = [];  // every request any page or worker made: {url, body}
const shared = [];     // the data of every share link made, to prove none of it travelled
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

async function newContext(options = {}) {
  const page = await h.newPage({permissions: ["clipboard-read", "clipboard-write"], ...options});
  page.context().on("request", (r) => requested.push({url: r.url(), body: r.postData() || ""}));
  return page;
}

async function openExample(page, name, url) {
  await h.open(page, url);
  assert.equal((await page.evaluate(([t, n]) => window.fiducia.load(t, n), [example(name), name])).ok, true);
  await waitForItem(page, "File");
}

// File > Copy share link, as a person does it; resolves with {result, length} and the clipboard.
async function copyShareLink(page) {
  await page.evaluate(() => { FiduciaShare.lastResult = null; });
  await clickItem(page, "File");
  await waitForItem(page, "Copy share link");
  await clickItem(page, "Copy share link");
  await page.waitForFunction(() => FiduciaShare.lastResult !== null);
  const link = await page.evaluate(() => FiduciaShare.lastLink);
  if (link) shared.push(link.slice(link.indexOf("#plan=1.") + 8));
  return {made: await page.evaluate(() => FiduciaShare.lastResult),
          clipboard: await page.evaluate(() => navigator.clipboard.readText())};
}

async function openLink(page, link) {
  await h.open(page, link);
  await page.waitForFunction(() => location.hash === "");
  await page.waitForFunction(() => FiduciaShare.opened !== undefined);
  await page.evaluate(() => FiduciaShare.opened);
}

test("after one visit the service worker opens the app with the network off", async () => {
  const page = await newContext();
  await h.open(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {timeout: 20000});
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return {names, files: (await cache.keys()).map((r) => new URL(r.url).pathname).sort()};
  });
  assert.equal(cached.names.length, 1);
  assert.match(cached.names[0], /^fiducia-[0-9a-f]{16}$/);
  assert.deepEqual(cached.files, ["/", "/fonts/ui-cjk.ttf", "/i18n/id.json", "/i18n/it.json", "/i18n/zh.json",
                                  "/index.html", "/index.js", "/index.wasm"]);

  await page.context().setOffline(true);
  const response = await page.reload();
  assert.equal(response.fromServiceWorker(), true);
  await page.waitForFunction(() => window.fiducia && window.fiducia.ready === true, null, {timeout: 30000});
  await waitForItem(page, "##online-shop.json");
  await clickItem(page, "##online-shop.json");
  await page.waitForFunction(() => window.fiducia.save().length > 0);
  assert.equal(await page.evaluate(() => window.fiducia.save()), example("online-shop.json"));
  await page.screenshot({path: path.join(SCREENSHOTS, "offline-reload.png")});
  // Chinese offline: its translation and the CJK font, both fetched on first use, come from the cache.
  await clickItem(page, "Language");
  await waitForItem(page, "简体中文");
  await clickItem(page, "简体中文");
  await page.waitForFunction(() => window.fiducia.locate("仪表板") !== null, null, {timeout: 20000});
  await page.waitForFunction(() => window.fiducia.stats().cjk_glyphs > 100, null, {timeout: 20000});
  await page.context().close();
});

test("the service worker's cache is named after the build and lists only the app's files", () => {
  const sw = fs.readFileSync(path.join(ROOT, "build/web/sw.js"), "utf8");
  assert.match(sw, /var CACHE = "fiducia-[0-9a-f]{16}";/);
  const files = JSON.parse(sw.match(/var FILES = (\[.*\]);/)[1]);
  assert.deepEqual(files, ["./", "./fonts/ui-cjk.ttf", "./i18n/id.json", "./i18n/it.json", "./i18n/zh.json",
                           "./index.html", "./index.js", "./index.wasm"]);
});

test("a share link carries the plan: copied, opened, equal; the autosaved plan stays in the history", async () => {
  const page = await newContext();
  await openExample(page, "b2b-software.json");
  const {made, clipboard} = await copyShareLink(page);
  assert.equal(made.result, 0, "copied");
  assert.ok(clipboard.startsWith(h.origin + "/#plan=1."), clipboard.slice(0, 80));
  assert.equal(clipboard.length, made.length);
  assert.ok(made.length < 8000);
  await page.screenshot({path: path.join(SCREENSHOTS, "share-link-copied.png")});

  // Another person's browser, which already has a plan of its own.
  const other = await newContext();
  await openExample(other, "online-shop.json");
  await waitUntil(other, () => FiduciaStore.stored().then((s) => s.autosave !== null));
  await openLink(other, clipboard);
  assert.equal(await other.evaluate(() => window.fiducia.save()), example("b2b-software.json"));
  assert.equal(await other.evaluate(() => location.href), h.origin + "/", "the fragment left the address bar");
  // The autosave waits 0.4 s after a change (kAutosaveDelaySeconds): wait for the opened plan to be the newest version.
  await waitUntil(other, (text) => FiduciaStore.stored().then((s) => s.history.length > 0 && s.history[0].text === text),
                  example("b2b-software.json"));
  const history = await other.evaluate(async () => (await FiduciaStore.stored()).history.map((v) => v.text));
  assert.equal(history[0], example("b2b-software.json"));
  assert.ok(history.includes(example("online-shop.json")), "the plan this browser had is kept as a version");
  await other.screenshot({path: path.join(SCREENSHOTS, "share-link-opened.png")});
  await page.context().close();
  await other.context().close();
});

test("a damaged link is refused with a notice and loses nothing", async () => {
  const page = await newContext();
  await openExample(page, "retail-bank.json");
  const {clipboard} = await copyShareLink(page);
  const own = example("retail-bank.json");
  const data = clipboard.slice(clipboard.indexOf("#plan=1.") + 8);
  const damaged = [
    h.origin + "/#plan=1." + data.slice(0, data.length / 2),   // cut short on the way
    h.origin + "/#plan=1." + data.replace(/[A-Z]/g, "x"),       // changed on the way
    h.origin + "/#plan=1.not*base64!",
    h.origin + "/#plan=9." + data,                              // a newer version of the link
  ];
  for (const link of damaged) {
    await openLink(page, link);
    assert.equal(await page.evaluate(() => window.fiducia.save()), own, link.slice(0, 60));
  }
  // A link that is well formed but holds something that is not a valid plan: the file's rules apply.
  const invalid = await page.evaluate(async () => (await FiduciaShare.make("{\"fiducia\": \"plan\", \"version\": 1, \"meta\": 3}", 8000)).link);
  await openLink(page, invalid);
  assert.equal(await page.evaluate(() => window.fiducia.save()), own);
  await waitForItem(page, "Copy the list");  // the list of problems, as for a file
  await page.screenshot({path: path.join(SCREENSHOTS, "share-link-refused.png")});
  assert.equal(await page.evaluate(async () => (await FiduciaStore.stored()).autosave.text), own);
  await page.context().close();
});

test("a plan too big for a link is refused, saying how big and to send the file", async () => {
  const page = await newContext();
  const plan = JSON.parse(example("online-shop.json"));
  let noise = "", seed = 7;  // text that does not compress: the link would be far over the limit
  for (let i = 0; i < 9000; ++i) { seed = (seed * 1103515245 + 12345) % 2147483648; noise += String.fromCharCode(33 + (seed >> 16) % 90); }
  plan.meta.notes = noise;
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "big.json"), JSON.stringify(plan, null, 2))).ok, true);
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  const {made, clipboard} = await copyShareLink(page);
  assert.equal(made.result, 1, "refused as too long");
  assert.ok(made.length > 8000, `${made.length} characters`);
  assert.equal(clipboard, "before", "nothing was copied");
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  await page.screenshot({path: path.join(SCREENSHOTS, "share-link-too-big.png")});
  await page.context().close();
});

test("dist/fiducia.html from a USB stick: a folder with spaces and accents, no network", async () => {
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), "USB Stick "));
  const folder = path.join(stick, "Atelier confiance – Zoë");
  fs.mkdirSync(folder);
  const file = path.join(folder, "fiducia.html");
  fs.copyFileSync(path.join(ROOT, "dist/fiducia.html"), file);
  const page = await newContext();
  await page.context().setOffline(true);
  const url = pathToFileURL(file).href;
  await h.open(page, url);
  await waitForItem(page, "##online-shop.json");
  await clickItem(page, "##online-shop.json");
  await page.waitForFunction(() => window.fiducia.save().length > 0);
  await page.mouse.click(640, 400);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  assert.equal(fs.readFileSync(await download.path(), "utf8"), example("online-shop.json"));
  assert.equal(await page.evaluate(() => navigator.serviceWorker ? navigator.serviceWorker.controller : null), null);

  const {made, clipboard} = await copyShareLink(page);
  assert.equal(made.result, 0);
  assert.ok(clipboard.startsWith(url + "#plan=1."));
  const other = await newContext();
  await other.context().setOffline(true);
  await openLink(other, clipboard);
  assert.equal(await other.evaluate(() => window.fiducia.save()), example("online-shop.json"));
  assert.equal(await other.evaluate(() => location.href), url);
  await page.context().close();
  await other.context().close();
  fs.rmSync(stick, {recursive: true, force: true});
});

test("no request carried a share link's fragment, and none left 127.0.0.1", () => {
  assert.ok(requested.length > 0 && shared.length >= 3);
  for (const {url, body} of requested) {
    assert.ok(!url.includes("plan=") && !url.includes("#"), url.slice(0, 100));
    for (const data of shared) {
      const piece = data.slice(0, 40);
      assert.ok(!url.includes(piece) && !body.includes(piece), `a request carried share link data: ${url.slice(0, 100)}`);
    }
  }
  assert.deepEqual(h.foreign, []);
  assert.deepEqual(h.consoleErrors, []);
});
