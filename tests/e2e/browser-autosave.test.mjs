// The autosave in IndexedDB (web/autosave_store.js, issue 14): a 7 MB plan survives a reload; the
// localStorage autosave and history of an earlier version move across on first start; two tabs
// each get their own plan back; a page closed while a large save runs leaves a whole plan; a full
// storage is said and the plan downloaded; a tab opening a plan another tab has open is told so.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import path from "node:path";
import { example, SCREENSHOTS, startHarness, waitUntil } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const ready = (page) => page.waitForFunction(() => window.fiducia && window.fiducia.ready === true, null, {timeout: 30000});
const open = async (page, text, name) => assert.deepEqual(await page.evaluate(([t, n]) => window.fiducia.load(t, n), [text, name]), {ok: true, errors: []});
// Waits until this tab's stored autosave is the plan it has open.
const stored = (page) => waitUntil(page, () => FiduciaStore.stored().then((s) => s.autosave !== null && s.autosave.text === window.fiducia.save()));
const titled = (name, title) => { const plan = JSON.parse(example(name)); plan.meta.title = title; return JSON.stringify(plan, null, 2); };
// A valid plan of about `megabytes` MB: long notes.
const big = (megabytes, title) => {
  const plan = JSON.parse(example("online-shop.json"));
  plan.meta.title = title;
  plan.meta.notes = "Notes. ".repeat(Math.round(megabytes * 1024 * 1024 / 7));
  return JSON.stringify(plan, null, 2);
};

test("a 7 MB plan is kept across a reload (more than localStorage holds)", async () => {
  const page = await h.newPage();
  await h.open(page);
  await open(page, big(7, "Big plan"), "big.json");
  await stored(page);
  await open(page, big(7, "Big plan, edited"), "big.json");  // the edit
  const text = await page.evaluate(() => window.fiducia.save());
  assert.ok(text.length > 7 * 1024 * 1024);
  await stored(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => window.fiducia.save()), text);
  assert.equal(await page.evaluate(() => FiduciaStore.db !== null), true, "IndexedDB, not localStorage");
  await page.context().close();
});

test("a reload right after an edit brings the edit back (the save the page left is kept)", async () => {
  const page = await h.newPage();
  await h.open(page);
  await open(page, example("online-shop.json"), "shop.json");
  const text = await page.evaluate(() => window.fiducia.save());
  await page.reload();  // before the autosave's 0.4 s pause is over
  await ready(page);
  assert.equal(await page.evaluate(() => window.fiducia.save()), text);
  await page.context().close();
});

test("the upgrade: a localStorage autosave and its history move to IndexedDB on first start, once", async () => {
  const page = await h.newPage();
  const plan = example("retail-bank.json"), older = titled("retail-bank.json", "Bank, last week");
  await page.addInitScript(([text, old]) => {  // what the earlier version left, before its first start
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("fiducia.autosave", JSON.stringify({text, file_name: "bank.json", dirty: true, title: "Bank", time: "2027-01-05T09:30:00Z"}));
    localStorage.setItem("fiducia.history", JSON.stringify([
      {text, file_name: "bank.json", dirty: true, title: "Bank", time: "2027-01-05T09:30:00Z"},
      {text: old, file_name: "bank.json", dirty: false, title: "Bank, last week", time: "2026-12-29T09:30:00Z"}]));
  }, [plan, older]);
  await h.open(page);
  assert.equal(await page.evaluate(() => window.fiducia.save()), plan, "the autosave is restored");
  const moved = await page.evaluate(() => FiduciaStore.stored());
  assert.deepEqual(moved.history.map((v) => v.title), ["Bank", "Bank, last week"]);
  assert.equal(moved.history[1].text, older);
  assert.deepEqual(await page.evaluate(() => [localStorage.getItem("fiducia.autosave"), localStorage.getItem("fiducia.history")]), [null, null]);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => window.fiducia.save()), plan);
  const versions = (await page.evaluate(() => FiduciaStore.stored())).history.map((v) => v.title);
  assert.equal(versions.filter((t) => t === "Bank, last week").length, 1, "moved once, not again");
  await page.context().close();
});

test("two tabs: each gets its own plan back after a reload; a new tab gets the most recent", async () => {
  const a = await h.newPage();
  const context = a.context();
  const b = await context.newPage();
  await h.open(a);
  await h.open(b);
  const x = example("online-shop.json"), y = example("b2b-software.json"), x2 = titled("online-shop.json", "Shop, edited again");
  const saved = (page) => page.evaluate(() => window.fiducia.save());
  await open(a, x, "x.json");
  await stored(a);
  await open(b, y, "y.json");
  await stored(b);
  const bText = await saved(b);
  await open(a, x2, "x.json");  // tab A edits again, after B
  await stored(a);
  const aText = await saved(a);
  await b.reload();
  await ready(b);
  assert.equal(await saved(b), bText, "tab B gets B's plan, not A's newer one");
  await a.reload();
  await ready(a);
  assert.equal(await saved(a), aText);
  const c = await context.newPage();
  await h.open(c);
  assert.equal(await saved(c), aText, "a new tab: the most recent plan");
  await context.close();
});

test("a page closed while a large save runs leaves the last complete version restorable", async () => {
  const page = await h.newPage();
  const context = page.context();
  await h.open(page);
  const first = big(6, "Before the crash");
  await open(page, first, "crash.json");
  await stored(page);
  const kept = await page.evaluate(() => window.fiducia.save());
  await open(page, big(6, "While it crashed"), "crash.json");
  await page.evaluate(() => Module._fiducia_flush_autosave());  // a 6 MB transaction under way...
  await page.close({runBeforeUnload: false});                     // ...when the tab goes
  const next = await context.newPage();
  await h.open(next);
  const text = await next.evaluate(() => window.fiducia.save());
  const title = JSON.parse(text).meta.title;
  assert.ok(title === "Before the crash" || title === "While it crashed", title);  // whole, one or the other
  if (title === "Before the crash") assert.equal(text, kept);
  for (const v of (await next.evaluate(() => FiduciaStore.stored())).history) JSON.parse(v.text);  // every version whole
  await context.close();
});

test("a full storage is said, and the plan is downloaded so nothing is lost", async () => {
  const page = await h.newPage();
  await h.open(page);
  await page.evaluate(() => {  // the browser's quota reached: every write fails as Chromium's does
    IDBObjectStore.prototype.put = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  const text = example("online-shop.json");
  const [download] = await Promise.all([page.waitForEvent("download"), open(page, text, "shop.json")]);
  assert.equal(download.suggestedFilename(), "shop.json");
  const fs = await import("node:fs");
  assert.equal(fs.readFileSync(await download.path(), "utf8"), text);
  await page.context().close();
});

test("a tab that opens a plan another tab has open is told so, and so is that tab; each keeps its own", async () => {
  const a = await h.newPage();
  const context = a.context();
  const b = await context.newPage();
  await h.open(a);
  await h.open(b);
  const said = (page) => page.evaluate(() => document.getElementById("a11y-live").textContent);
  const told = (page) => waitUntil(page, () => document.getElementById("a11y-live").textContent.includes("also open in another tab"));
  const x = example("online-shop.json"), y = example("b2b-software.json");
  await open(a, x, "shop.json");
  await open(b, y, "software.json");  // another plan: nothing to say
  await stored(a);
  await stored(b);
  assert.ok(!(await said(a)).includes("another tab"));
  assert.ok(!(await said(b)).includes("another tab"));
  await open(b, x, "shop-copy.json");  // the same plan, under another name
  await told(b);
  await a.bringToFront();  // a hidden tab draws no frames: A says it when the user comes back to it
  await told(a);
  await stored(b);
  await b.screenshot({path: path.join(SCREENSHOTS, "autosave-other-tab.png")});
  assert.equal(await a.evaluate(() => FiduciaStore.stored().then((s) => s.autosave.file_name)), "shop.json", "A's autosave is A's");
  assert.equal(await b.evaluate(() => FiduciaStore.stored().then((s) => s.autosave.file_name)), "shop-copy.json");
  await context.close();
});

test("a duplicated tab (same sessionStorage) restores the plan, then saves to a slot of its own", async () => {
  const a = await h.newPage();
  const context = a.context();
  await h.open(a);
  await open(a, example("online-shop.json"), "shop.json");
  await stored(a);
  const aText = await a.evaluate(() => window.fiducia.save());
  const slot = await a.evaluate(() => FiduciaStore.slot);
  const b = await context.newPage();
  await b.addInitScript((s) => sessionStorage.setItem("fiducia.tab", s), slot);  // what "Duplicate tab" copies
  await h.open(b);
  assert.equal(await b.evaluate(() => window.fiducia.save()), aText, "the duplicate shows the plan it was made from");
  await waitUntil(b, (s) => FiduciaStore.slot !== s, slot);
  await open(b, example("b2b-software.json"), "software.json");
  await stored(b);
  await a.reload();
  await ready(a);
  assert.equal(await a.evaluate(() => window.fiducia.save()), aText, "the original keeps its own plan");
  await context.close();
});
