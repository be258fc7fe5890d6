// Measurements against the model, driven as a person drives them: the backtest and each group's
// fitted base rate on the Measurements panel (the same figures as `fiducia calibrate`), used with
// one click and taken back with Ctrl+Z; the Checks menu beside Problems lists a measurement
// outside its band. Screenshots: build/screenshots/measurements-*.png.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";
import { NODE, ROOT, run } from "./cli-harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const baseRates = async (page) =>
  Object.fromEntries(JSON.parse(await page.evaluate(() => window.fiducia.save())).stakeholders.map((s) => [s.id, s.base_rate]));

test("the fitted base rate of a group is used with one click and taken back with Ctrl+Z", async () => {
  const fitted = JSON.parse(run(NODE, ["calibrate", path.join(ROOT, "assets/examples/retail-bank.json"), "--json"]).out);
  const page = await h.newPage();
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "retail-bank.json"), example("retail-bank.json"))).ok, true);
  const before = await baseRates(page);
  await clickItem(page, "Measurements");
  await waitForItem(page, "Model against measurements");
  await clickItem(page, "Model against measurements");
  await waitForItem(page, "Use every fitted base rate");
  await page.screenshot({path: path.join(SCREENSHOTS, "measurements-model.png")});

  const group = fitted.stakeholders[0];
  const button = `Use ${(group.base_rate_after * 100).toFixed(1)}%##calibrate/${group.id}`;  // the CLI's figure
  await clickItem(page, button);
  await page.waitForFunction(([id, b]) => JSON.parse(window.fiducia.save()).stakeholders.find((s) => s.id === id).base_rate === b,
    [group.id, group.base_rate_after]);
  const after = await baseRates(page);
  for (const id of Object.keys(before)) if (id !== group.id) assert.equal(after[id], before[id], `${id} is unchanged`);
  await page.screenshot({path: path.join(SCREENSHOTS, "measurements-used.png")});
  await page.keyboard.press("Control+Z");
  await page.waitForFunction(([id, b]) => JSON.parse(window.fiducia.save()).stakeholders.find((s) => s.id === id).base_rate === b,
    [group.id, before[group.id]]);
  assert.deepEqual(await baseRates(page), before);

  // The staff survey lies outside its band: the Checks menu says so, and its item opens Measurements.
  const checks = await page.evaluate(() => {
    for (let n = 1; n < 50; ++n) for (const word of ["check", "checks"]) if (window.fiducia.locate(`${n} ${word}`)) return `${n} ${word}`;
    return null;
  });
  assert.ok(checks, "a Checks menu in the menu bar");
  await clickItem(page, checks);
  await page.waitForTimeout(300);
  await page.screenshot({path: path.join(SCREENSHOTS, "measurements-checks.png")});
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("a phone: the Checks menu wraps its sentences inside the screen", async () => {
  const page = await h.newPage({viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true});
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "retail-bank.json"), example("retail-bank.json"))).ok, true);
  const checks = await page.evaluate(() => {
    for (let n = 1; n < 50; ++n) for (const word of ["check", "checks"]) if (window.fiducia.locate(`${n} ${word}`)) return `${n} ${word}`;
    return null;
  });
  assert.ok(checks, "a Checks menu in the menu bar");
  const menu = await page.evaluate((l) => window.fiducia.locate(l), checks);
  await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);
  const band = await page.waitForFunction(() => {
    const item = window.fiducia.locate("##check");
    return item && item.width > 0 ? item : null;
  });
  const item = await band.jsonValue();
  assert.ok(item.x >= 0 && item.x + item.width <= 390, `a check spans ${item.x}..${item.x + item.width} of 390 px`);
  await page.screenshot({path: path.join(SCREENSHOTS, "measurements-checks-phone.png")});
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});
