// The page in Debian's Firefox ESR, driven over WebDriver BiDi by npm puppeteer-core (Playwright's
// Firefox needs a patched build). Headless Firefox has no WebGL at all, so it runs headful on a
// virtual display: Xvfb, started here unless $DISPLAY is set. What differs from Chromium and broke
// there before: window.fiducia called during start-up, IndexedDB autosave across a reload, typing
// into a field, the single file from file://, the Monte Carlo in Web Workers.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { example, ROOT, SCREENSHOTS } from "./harness.mjs";
import { serve } from "../../scripts/serve.mjs";

let browser, server, origin, xvfb, profile;
const errors = [];  // console errors and uncaught exceptions of every page

before(async () => {
  fs.mkdirSync(SCREENSHOTS, {recursive: true});
  server = await serve(path.join(ROOT, "build/web"), 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  const env = {...process.env};
  if (!env.DISPLAY) {  // -displayfd: Xvfb picks a free display and says which
    xvfb = spawn("Xvfb", ["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {stdio: ["ignore", "pipe", "ignore"]});
    env.DISPLAY = ":" + await new Promise((resolve, reject) => {
      xvfb.stdout.once("data", (d) => resolve(String(d).trim()));
      xvfb.once("exit", (code) => reject(new Error("Xvfb exited with " + code)));
    });
  }
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-firefox-"));
  browser = await puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", protocol: "webDriverBiDi", headless: false,
    userDataDir: profile, env, args: ["--width=1280", "--height=900"], timeout: 120000, protocolTimeout: 120000,
    extraPrefsFirefox: {"webgl.force-enabled": true},  // llvmpipe: the blocklist would veto it
  });
});

after(async () => {
  await browser?.close();
  xvfb?.kill("SIGTERM");
  await new Promise((r) => server ? server.close(r) : r());
  if (profile) fs.rmSync(profile, {recursive: true, force: true});
});

async function newPage() {
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height: 800});
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return page;
}
const ready = (page) => page.waitForFunction(() => window.fiducia && window.fiducia.ready === true, {timeout: 60000});

test("Firefox: window.fiducia called while the page starts waits for it and answers", async () => {
  const page = await newPage();
  const plan = example("online-shop.json");
  await page.evaluateOnNewDocument((text) => {  // every call, as soon as window.fiducia exists
    window.early = {threw: [], answers: null, readyWhenCalled: null};
    const poll = () => {
      if (!window.fiducia) { setTimeout(poll, 0); return; }
      window.early.readyWhenCalled = window.fiducia.ready;
      const calls = {load: () => window.fiducia.load(text, "early.json"), save: () => window.fiducia.save(),
        summary: () => window.fiducia.summary()};
      const pending = {};
      for (const [name, call] of Object.entries(calls)) {
        try { pending[name] = call(); } catch (e) { window.early.threw.push(name + ": " + e); }
      }
      Promise.all(Object.entries(pending).map(([name, p]) => Promise.resolve(p).then((v) => [name, v])))
        .then((list) => { window.early.answers = Object.fromEntries(list); }, (e) => { window.early.rejected = String(e); });
    };
    poll();
  }, plan);
  await page.goto(origin + "/");
  await page.waitForFunction(() => window.early && (window.early.answers || window.early.rejected), {timeout: 60000});
  const early = await page.evaluate(() => window.early);
  assert.equal(early.readyWhenCalled, false, "the calls were made before start-up ended");
  assert.deepEqual(early.threw, []);
  assert.equal(early.rejected, undefined);
  assert.deepEqual(early.answers.load, {ok: true, errors: []});
  assert.equal(JSON.parse(early.answers.save).meta.title, JSON.parse(plan).meta.title);
  assert.equal(early.answers.summary.plan, JSON.parse(plan).meta.title);
  await page.close();
});

test("Firefox: an opened plan is autosaved in IndexedDB and comes back after a reload", async () => {
  const page = await newPage();
  await page.goto(origin + "/");
  await ready(page);
  const text = example("retail-bank.json");
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "bank.json"), text), {ok: true, errors: []});
  await page.waitForFunction(() => FiduciaStore.stored().then((s) => s.autosave !== null && s.autosave.text === window.fiducia.save()), {timeout: 30000});
  assert.equal(await page.evaluate(() => FiduciaStore.db !== null), true, "IndexedDB, not localStorage");
  const saved = await page.evaluate(() => window.fiducia.save());
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => window.fiducia.save()), saved);
  await page.screenshot({path: path.join(SCREENSHOTS, "firefox-dashboard.png")});
  await page.close();
});

test("Firefox: a click in a text field and typing edits the plan (the input layer)", async () => {
  const page = await newPage();
  await page.goto(origin + "/");
  await ready(page);
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "shop.json"), example("online-shop.json")), {ok: true, errors: []});
  const click = async (label) => {  // as a person does: the widget where the page draws it (fiducia.locate)
    await page.waitForFunction((l) => window.fiducia.locate(l) !== null, {timeout: 30000}, label);
    const r = await page.evaluate((l) => window.fiducia.locate(l), label);
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  };
  await page.mouse.move(10, 400);
  await click("Plan settings");
  await click("Title");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "text-agent", {timeout: 30000});
  await page.keyboard.down("Control");
  await page.keyboard.press("a");
  await page.keyboard.up("Control");
  await page.keyboard.type("Plan typed in Firefox");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "Plan typed in Firefox", {timeout: 30000});
  await page.screenshot({path: path.join(SCREENSHOTS, "firefox-typed-title.png")});
  await page.close();
});

test("Firefox: the single file runs from file://", async () => {
  const page = await newPage();
  await page.goto(pathToFileURL(path.join(ROOT, "dist/fiducia.html")).href);
  await ready(page);
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "software.json"), example("b2b-software.json")), {ok: true, errors: []});
  assert.equal(JSON.parse(await page.evaluate(() => window.fiducia.save())).meta.title, JSON.parse(example("b2b-software.json")).meta.title);
  await page.screenshot({path: path.join(SCREENSHOTS, "firefox-single-file.png")});
  await page.close();
});

test("Firefox: fiducia.simulate runs in Web Workers and gives the CLI's bytes", async () => {
  const page = await newPage();
  await page.goto(origin + "/");
  await ready(page);
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "bank.json"), example("retail-bank.json")), {ok: true, errors: []});
  const plan = await page.evaluate(() => window.fiducia.save());
  const file = path.join(profile, "plan.json");
  fs.writeFileSync(file, plan);
  const native = execFileSync(path.join(ROOT, "build/native/fiducia"), ["simulate", file, "--customers", "20000", "--json"], {encoding: "utf8"});
  assert.equal(await page.evaluate(() => window.fiducia.simulate({customers: 20000, workers: 3})), native);
  assert.deepEqual(await page.evaluate(() => FiduciaWork.last.workers), 3);
  assert.equal(await page.evaluate(() => FiduciaWork.last.fell_back), null);
  // The next run takes the three workers now waiting, and starts each share afresh.
  assert.equal(await page.evaluate(() => FiduciaWork.idle.length), 3);
  const seeded = execFileSync(path.join(ROOT, "build/native/fiducia"), ["simulate", file, "--customers", "20000", "--seed", "9", "--json"], {encoding: "utf8"});
  assert.equal(await page.evaluate(() => window.fiducia.simulate({customers: 20000, seed: 9, workers: 3})), seeded);
  assert.equal(await page.evaluate(() => FiduciaWork.idle.length), 3);
  await page.close();
});

test("Firefox: no page logged an error", () => {
  assert.deepEqual(errors, []);
});
