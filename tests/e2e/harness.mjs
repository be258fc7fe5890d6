// Shared set-up for the browser tests: the built page served on 127.0.0.1, Debian's Chromium driven
// by playwright-core, and a record of every request so a test can prove nothing left the machine.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOTS = path.join(ROOT, "build/screenshots");
export const CHROMIUM_ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function startHarness() {
  fs.mkdirSync(SCREENSHOTS, {recursive: true});
  const server = await serve(path.join(ROOT, "build/web"), 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS});
  const foreign = [];  // requests that went anywhere but our server, data: or blob:
  const requests = {count: 0};  // every request seen, so "nothing left" is not said of no traffic at all
  const consoleErrors = [];
  async function newPage(options = {}) {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}, acceptDownloads: true, ...options});
    const page = await context.newPage();
    page.on("request", (r) => {
      ++requests.count;
      const url = r.url();
      if (!url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:") && !url.startsWith("file://"))
        foreign.push(url);
    });
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("dialog", (d) => d.accept());
    return page;
  }
  async function open(page, url = origin + "/") {
    await page.goto(url);
    await page.waitForFunction(() => window.fiducia && window.fiducia.ready === true, null, {timeout: 30000});
  }
  async function close() {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return {origin, browser, newPage, open, close, foreign, consoleErrors, requests};
}

export function example(name) {
  return fs.readFileSync(path.join(ROOT, "assets/examples", name), "utf8");
}

// The bank with its actions copied (ids made unique, no scenarios): a search of 2^(5 x copies) sets
// and many more inputs to vary, long enough for progress and Cancel to be seen.
export function biggerBank(copies) {
  const plan = JSON.parse(example("retail-bank.json"));
  const actions = plan.actions;
  plan.actions = [];
  for (let copy = 0; copy < copies; copy++) for (const a of actions) plan.actions.push({...a, id: `${a.id}-${copy}`});
  plan.scenarios = [];
  return JSON.stringify(plan);
}

// Clicks the middle of the widget with this label, as a person would.
// `options` go to mouse.click: {delay: ms} holds the button as a hand does (slow frames at 2x).
export async function clickItem(page, label, options = {}) {
  const rect = await page.evaluate((l) => window.fiducia.locate(l), label);
  if (!rect) throw new Error(`no widget labelled "${label}" on screen`);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2, options);
}

// Waits until the page's frame loop has drawn the widget (a frame follows input within ~16 ms).
export async function waitForItem(page, label) {
  await page.waitForFunction((l) => window.fiducia.locate(l) !== null, label, {timeout: 10000});
}

export async function dropFile(page, name, text) {
  const transfer = await page.evaluateHandle(([t, n]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, {type: "application/json"}));
    return dt;
  }, [text, name]);
  await page.dispatchEvent("canvas", "drop", {dataTransfer: transfer});
}

// Waits until `check` (run in the page; it may be async, unlike a waitForFunction predicate, whose
// Promise counts as true at once) is true: e.g. the autosave in IndexedDB is written.
export async function waitUntil(page, check, arg, timeout = 30000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > end) throw new Error("timed out waiting for " + check);
    await new Promise((r) => setTimeout(r, 100));
  }
}
