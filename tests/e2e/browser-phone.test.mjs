// A phone (390 x 844 CSS px at 3x, touch): the start screen, an example's dashboard and a workshop
// invitation's scoring sheet draw inside the width, every score "1".."9" and "Not sure" reachable,
// and a tap scores. Also at 360 x 740, and the desktop for comparison. Screenshots land in
// build/screenshots/phone-*.png: look at them.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const PHONE = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true};
const SMALL_PHONE = {viewport: {width: 360, height: 740}, deviceScaleFactor: 3, isMobile: true, hasTouch: true};
const DESKTOP = {viewport: {width: 1280, height: 800}};

const INVITATION = JSON.stringify({
  fiducia: "workshop", version: 1, id: "ws-phone1", title: "Trust workshop on a phone",
  stakeholders: [{id: "shoppers", name: "Online shoppers"}, {id: "sellers", name: "Marketplace sellers and their staff"}],
});
const GROUPS = ["shoppers", "sellers"];
const DIMENSIONS = ["transactions", "promises", "honesty", "advice", "empathy"];
const SCORES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Not sure"];

async function shot(page, name) {
  await page.waitForTimeout(300);  // the frame after the last input
  await page.screenshot({path: path.join(SCREENSHOTS, name)});
}

function assertInside(rect, width, label) {
  assert.ok(rect, `${label} is not on screen`);
  assert.ok(rect.x >= 0 && rect.x + rect.width <= width + 0.01, `${label} at x ${rect.x}..${rect.x + rect.width}, outside 0..${width}`);
}

// The sheet is taller than a phone: wheel down it, keeping each label's rectangle the first time it shows.
async function scrollThrough(page, labels, width, height) {
  const seen = {};
  await page.mouse.move(width / 2, height * 0.6);
  for (let i = 0; i < 60 && Object.keys(seen).length < labels.length; ++i) {
    const found = await page.evaluate((list) => list.map((l) => window.fiducia.locate(l)), labels);
    labels.forEach((l, k) => { if (found[k] && !seen[l]) seen[l] = found[k]; });
    await page.mouse.wheel(0, height / 3);
    await page.waitForTimeout(60);
  }
  return seen;
}

async function checkScoringSheet(options, name) {
  const page = await h.newPage(options);
  const {width, height} = options.viewport;
  await h.open(page);
  const opened = await page.evaluate((t) => window.fiducia.load(t, "workshop-ws-phone1.json"), INVITATION);
  assert.equal(opened.kind, "workshop");
  await waitForItem(page, "1##shoppers/transactions");
  await shot(page, `${name}-scoring.png`);

  // A tap on a score scores it, as a click does.
  const seven = await page.evaluate(() => window.fiducia.locate("7##shoppers/transactions"));
  assertInside(seven, width, "7##shoppers/transactions");
  await page.touchscreen.tap(seven.x + seven.width / 2, seven.y + seven.height / 2);
  await page.waitForFunction(() => window.fiducia.workshop().scoring.scored === 1, null, {timeout: 10000});
  await shot(page, `${name}-scoring-tapped.png`);

  const labels = [];
  for (const g of GROUPS) for (const d of DIMENSIONS) for (const s of SCORES) labels.push(`${s}##${g}/${d}`);
  const seen = await scrollThrough(page, labels, width, height);
  for (const l of labels) {
    assertInside(seen[l], width, l);
    assert.ok(seen[l].width >= 44 && seen[l].height >= 44, `${l} is ${seen[l].width} x ${seen[l].height} CSS px`);
  }
  await shot(page, `${name}-scoring-end.png`);
  await page.context().close();
}

test("a phone: the start screen's buttons and examples fit the width", async () => {
  for (const [options, name] of [[PHONE, "phone"], [SMALL_PHONE, "phone-360"], [DESKTOP, "phone-desktop"]]) {
    const page = await h.newPage(options);
    await h.open(page);
    await waitForItem(page, "Score a workshop...");
    for (const l of ["New plan", "Open a plan file...", "Score a workshop...", "##online-shop.json", "##retail-bank.json"])
      assertInside(await page.evaluate((x) => window.fiducia.locate(x), l), options.viewport.width, l);
    await shot(page, `${name}-start.png`);
    await page.context().close();
  }
});

test("a phone: an example's dashboard has a panels menu, not a sidebar, and fits the width", async () => {
  for (const [options, name] of [[PHONE, "phone"], [SMALL_PHONE, "phone-360"], [DESKTOP, "phone-desktop"]]) {
    const page = await h.newPage(options);
    const {width} = options.viewport;
    await h.open(page);
    assert.equal((await page.evaluate((t) => window.fiducia.load(t, "online-shop.json"), example("online-shop.json"))).ok, true);
    const narrow = width < 700;
    await waitForItem(page, narrow ? "##panel-menu" : "Dashboard");
    assert.equal(await page.evaluate(() => window.fiducia.locate("Culture") !== null), !narrow, "the sidebar");
    await shot(page, `${name}-dashboard.png`);
    if (narrow) {
      assertInside(await page.evaluate(() => window.fiducia.locate("##panel-menu")), width, "the panels menu");
      const menu = await page.evaluate(() => window.fiducia.locate("##panel-menu"));
      // Clicks, not taps, in the panels menu: emscripten's GLFW presses a touch at the previous
      // touch's position (no cursor position on touchstart), so a popup opened or closed by a tap
      // depends on where the last tap was. The page's touch handling is being reworked
      // (web/library_fiducia.js); the scoring sheet below checks a tap.
      await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);
      await waitForItem(page, "Stakeholders");
      await shot(page, `${name}-panels-menu.png`);
      const item = await page.evaluate(() => window.fiducia.locate("Stakeholders"));
      assertInside(item, width, "Stakeholders in the panels menu");
      await page.mouse.click(item.x + item.width / 2, item.y + item.height / 2);
      await page.waitForFunction(() => window.fiducia.locate("Base rate") !== null, null, {timeout: 10000});
      await shot(page, `${name}-stakeholders.png`);
      const menuButton = await page.evaluate(() => window.fiducia.locate("Menu"));
      assertInside(menuButton, width, "Menu");
    }
    await page.context().close();
  }
});

test("a phone: the Simulation panel stacks its fields and its result inside the width", async () => {
  const page = await h.newPage(PHONE);
  const width = PHONE.viewport.width;
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "retail-bank.json"), example("retail-bank.json"))).ok, true);
  await waitForItem(page, "##panel-menu");
  const menu = await page.evaluate(() => window.fiducia.locate("##panel-menu"));
  await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);  // clicks in the menu: see above
  await waitForItem(page, "Simulation");
  const item = await page.evaluate(() => window.fiducia.locate("Simulation"));
  await page.mouse.click(item.x + item.width / 2, item.y + item.height / 2);
  await waitForItem(page, "Run simulation");
  const customers = await page.evaluate(() => window.fiducia.locate("Customers per group"));
  const seed = await page.evaluate(() => window.fiducia.locate("Seed"));
  assertInside(customers, width, "Customers per group");
  assertInside(seed, width, "Seed");
  assert.ok(seed.y >= customers.y + customers.height, "Seed sits under the customers field, not beside it");
  const run = await page.evaluate(() => window.fiducia.locate("Run simulation"));
  await page.mouse.click(run.x + run.width / 2, run.y + run.height / 2);
  await page.waitForFunction(() => window.fiducia.locate("##sim-retention") !== null, null, {timeout: 60000});
  assertInside(await page.evaluate(() => window.fiducia.locate("##sim-retention")), width, "the retention chart");
  assertInside(await page.evaluate(() => window.fiducia.locate("Customer group")), width, "the group list");
  await shot(page, "phone-simulation.png");
  await page.context().close();
  assert.deepEqual(h.consoleErrors, []);
});

test("a phone: a workshop invitation's scoring sheet shows 1..9 and Not sure inside the width, and a tap scores", async () => {
  await checkScoringSheet(PHONE, "phone");
  await checkScoringSheet(SMALL_PHONE, "phone-360");
  assert.deepEqual(h.consoleErrors, []);
  assert.deepEqual(h.foreign, []);
});
