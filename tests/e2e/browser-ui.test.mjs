// The planner driven as a person drives it: clicks, typing and shortcuts on the canvas, checked
// against window.fiducia.summary(); long runs show progress; every panel is screenshotted.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { decodePng, inkStats } from "./png.mjs";
import { SCREENSHOTS, biggerBank, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const PANELS = ["Dashboard", "Projection", "Explain", "Plan settings", "Stakeholders", "Knowledge", "Journey",
  "Commitments", "Culture", "Actions", "Roadmap", "Measurements", "Prioritise", "Sensitivity", "Simulation", "Help"];

async function openExample(page, name) {
  await h.open(page);
  assert.equal((await page.evaluate(([t, n]) => window.fiducia.load(t, n), [example(name), name])).ok, true);
  await waitForItem(page, "Dashboard");
}

// Types into a number field as into a form: one click selects its value, typing replaces it.
async function typeIntoField(page, label, text) {
  await clickItem(page, label);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

const firstTrust = (summary) => Object.values(summary.months[0].stakeholders)[0].trust;

test("an edit made with mouse and keyboard changes the scores; undo, redo, save and reopen", async () => {
  const page = await h.newPage();
  await openExample(page, "online-shop.json");
  const original = await page.evaluate(() => window.fiducia.save());
  const before = await page.evaluate(() => window.fiducia.summary());
  await clickItem(page, "Stakeholders");
  await waitForItem(page, "Base rate");
  await typeIntoField(page, "Base rate", "85");
  await page.waitForFunction((t) => Object.values(window.fiducia.summary().months[0].stakeholders)[0].trust !== t,
                             firstTrust(before));
  const edited = await page.evaluate(() => window.fiducia.summary());
  assert.ok(firstTrust(edited) > firstTrust(before), "a higher base rate raises today's trust");
  assert.match(await page.evaluate(() => window.fiducia.save()), /"base_rate": 0\.85/);
  await screenshot(page, "edited-stakeholder.png");

  await page.mouse.click(5, 400);  // leave the text field: Ctrl+Z then means the plan's undo
  await page.keyboard.press("Control+Z");
  await page.waitForFunction((t) => window.fiducia.save() === t, original);
  await page.keyboard.press("Control+Y");
  await page.waitForFunction((t) => window.fiducia.save() !== t, original);
  assert.deepEqual(await page.evaluate(() => window.fiducia.summary()), edited);

  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
  const saved = fs.readFileSync(await download.path(), "utf8");
  assert.equal(saved, await page.evaluate(() => window.fiducia.save()));
  const reopened = await h.newPage();
  await h.open(reopened);
  assert.equal((await reopened.evaluate((t) => window.fiducia.load(t), saved)).ok, true);
  assert.deepEqual(await reopened.evaluate(() => window.fiducia.summary()), edited);
  await reopened.context().close();
  await page.context().close();
});

test("copy and paste go through the system clipboard", async () => {
  const page = await h.newPage({permissions: ["clipboard-read", "clipboard-write"]});
  await openExample(page, "online-shop.json");
  await clickItem(page, "Plan settings");
  await waitForItem(page, "Title");
  await page.evaluate(() => navigator.clipboard.writeText("Pasted plan title"));  // another app copied
  await clickItem(page, "Title");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.fiducia.summary().plan === "Pasted plan title", null, {timeout: 5000});
  await clickItem(page, "Title");  // and back out: Ctrl+C in a field reaches the system clipboard
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === "Pasted plan title", null, {timeout: 5000});
  await page.context().close();
});

test("the Monte Carlo of a million customers runs in Web Workers, shows its progress and can be watched to its result", async () => {
  const page = await h.newPage();
  await openExample(page, "retail-bank.json");
  await clickItem(page, "Simulation");
  await waitForItem(page, "Run simulation");
  await typeIntoField(page, "Customers per group", "1000000");
  await clickItem(page, "Run simulation");
  await waitForItem(page, "Cancel");  // the progress bar and its Cancel button are on screen
  assert.ok(await page.evaluate(() => FiduciaWork.busy()) >= 1, "the work is in Web Workers, not on the page");
  await page.waitForFunction(() => FiduciaWork.progress > 0.05, null, {timeout: 60000});
  await page.mouse.move(700, 600);
  await screenshot(page, "simulation-running.png");
  const framesWhileRunning = await page.evaluate(() => window.fiducia.stats().frames);
  await page.waitForFunction(() => window.fiducia.locate("Run simulation") !== null, null, {timeout: 120000});
  assert.ok(await page.evaluate(() => window.fiducia.stats().frames) > framesWhileRunning, "frames kept coming");
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  assert.equal(await page.evaluate(() => FiduciaWork.last.fell_back), null);
  assert.ok(await page.evaluate(() => FiduciaWork.last.workers) >= 1);
  await screenshot(page, "simulation.png");
  await page.context().close();
});

test("while the workers run and nobody touches the page, it draws about ten frames a second, leaving the cores to them", async () => {
  const page = await h.newPage();
  await h.open(page);
  const plan = JSON.parse(example("retail-bank.json"));
  plan.settings.horizon_months = 120;  // a run long enough to watch
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "long.json"), JSON.stringify(plan))).ok, true);
  await clickItem(page, "Simulation");
  await waitForItem(page, "Run simulation");
  await typeIntoField(page, "Customers per group", "1000000");
  await page.mouse.move(640, 40);  // off every button, so no hover needs drawing
  await clickItem(page, "Run simulation");
  const clicked = await page.evaluate(() => performance.now());
  await waitForItem(page, "Cancel");
  // From 1.5 s after the click (input keeps every frame coming for a second, and a loaded machine
  // handles the click late): when each frame was drawn, for 0.8 s.
  const drawn = await page.evaluate(async (from) => {
    while (performance.now() < from) await new Promise((r) => setTimeout(r, 20));
    const at = [];
    let frames = window.fiducia.stats().frames;
    const end = performance.now() + 800;
    while (performance.now() < end && FiduciaWork.busy() > 0) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = window.fiducia.stats().frames;
      if (now !== frames) at.push(performance.now());
      frames = now;
    }
    return {at, busy: FiduciaWork.busy()};
  }, clicked + 1500);
  assert.ok(drawn.busy > 0, "the run was still going when the watch ended");
  assert.ok(drawn.at.length >= 3, `only ${drawn.at.length} frames in 0.8 s: the progress bar must still move`);
  const gaps = drawn.at.slice(1).map((t, i) => t - drawn.at[i]).sort((a, b) => a - b);
  // Sixty a second would be 17 ms apart (a loaded machine's software WebGL: about 33); ten, 100.
  assert.ok(gaps[gaps.length >> 1] >= 85, `frames ${gaps.map((g) => g.toFixed(0)).join(", ")} ms apart`);
  await clickItem(page, "Cancel");
  await waitForItem(page, "Run simulation");
  await page.context().close();
});

test("the search and the sensitivity run in Web Workers: progress, Cancel, frames keep coming, then their results", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bigger.json"), biggerBank(12))).ok, true);
  await clickItem(page, "Prioritise");
  await waitForItem(page, "Find the best set");
  await clickItem(page, "Find the best set");
  await waitForItem(page, "Cancel");
  assert.ok(await page.evaluate(() => FiduciaWork.busy()) >= 1, "the search is in Web Workers, not on the page");
  await page.waitForFunction(() => FiduciaWork.progress > 0, null, {timeout: 60000});
  await page.mouse.move(700, 600);
  await screenshot(page, "prioritise-running.png");
  // Frames keep coming (ten a second once the last input is a second old: the progress bar moves).
  const frames = await page.evaluate(() => window.fiducia.stats().frames);
  await page.waitForTimeout(500);
  assert.ok(await page.evaluate(() => window.fiducia.stats().frames) >= frames + 2, "frames kept coming");
  await clickItem(page, "Cancel");
  await waitForItem(page, "Find the best set");
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0, "Cancel stopped every worker");

  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bigger.json"), biggerBank(60))).ok, true);
  await clickItem(page, "Sensitivity");  // it starts by itself, in the workers
  await waitForItem(page, "Cancel");
  assert.ok(await page.evaluate(() => FiduciaWork.busy()) >= 1);
  await page.mouse.move(700, 600);
  await screenshot(page, "sensitivity-running.png");
  const before = await page.evaluate(() => window.fiducia.stats().frames);
  await page.waitForFunction(() => window.fiducia.locate("##tornado") !== null, null, {timeout: 120000});
  assert.ok(await page.evaluate(() => window.fiducia.stats().frames) > before, "frames kept coming");
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  assert.equal(await page.evaluate(() => FiduciaWork.last.fell_back), null);
  await screenshot(page, "sensitivity.png");

  // Another plan: a new run, cancelled; it waits to be asked again.
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "biggest.json"), biggerBank(150))).ok, true);
  await clickItem(page, "Sensitivity");
  await waitForItem(page, "Cancel");
  await clickItem(page, "Cancel");
  await waitForItem(page, "Vary every input again");
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0, "not started again by itself");

  // The bank's own search to its result.
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bank.json"), example("retail-bank.json"))).ok, true);
  await clickItem(page, "Prioritise");
  await waitForItem(page, "Find the best set");
  await clickItem(page, "Find the best set");
  await waitForItem(page, "Enable exactly these actions in the plan");
  assert.ok(await page.evaluate(() => FiduciaWork.last.work === "optimise" && FiduciaWork.last.workers >= 1));
  await page.mouse.move(700, 795);
  await screenshot(page, "prioritise.png");
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("every panel renders for an example plan (screenshots for people to look at)", async () => {
  const page = await h.newPage();
  await openExample(page, "online-shop.json");
  for (const name of PANELS) {
    await clickItem(page, name);
    await page.mouse.move(640, 795);  // off the navigation, so its tooltip does not cover the panel
    await page.waitForTimeout(150);
    if (name === "Sensitivity") await waitForItem(page, "##tornado");  // its Web Workers' result
    const ink = await screenshot(page, `panel-${name.toLowerCase().replace(/ /g, "-")}.png`);
    assert.ok(ink.colours > 50 && ink.inkShare > 0.03, `${name} looks empty`);
  }
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("the dark theme is chosen from the View menu and remembered after a reload", async () => {
  const page = await h.newPage();
  await openExample(page, "b2b-software.json");
  await clickItem(page, "View");
  await waitForItem(page, "Dark theme");
  await clickItem(page, "Dark theme");
  await page.waitForTimeout(200);
  const dark = decodePng(await page.screenshot());
  const pixel = (png, x, y) => png.pixels[(y * png.width + x) * png.channels];
  assert.ok(pixel(dark, 1200, 700) < 80, "the background is dark");
  await page.reload();
  await page.waitForFunction(() => window.fiducia && window.fiducia.ready === true);
  await waitForItem(page, "Dashboard");
  await page.screenshot({path: path.join(SCREENSHOTS, "theme-dark.png")});
  assert.ok(pixel(decodePng(await page.screenshot()), 1200, 700) < 80, "still dark after a reload");
  await page.context().close();
});

async function screenshot(page, name) {
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({path: file});
  return inkStats(decodePng(fs.readFileSync(file)));
}
