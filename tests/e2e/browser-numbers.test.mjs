// Number fields in the browser, as a person uses a form: ONE click on a field, typing and Enter set
// the plan's value (read back from window.fiducia.save()); Italian typing takes "1.234,5"; a value
// out of range is kept in range with a note; screenshots in build/screenshots/numbers-*.png.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, example, startHarness } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

// As the harness's waitForItem, with room for a first frame on a loaded two-core machine.
async function waitForItem(page, label) {
  await page.waitForFunction((l) => window.fiducia.locate(l) !== null, label, {timeout: 30000});
}

async function openShop(page) {
  await h.open(page);
  const loaded = await page.evaluate((t) => window.fiducia.load(t, "online-shop.json"), example("online-shop.json"));
  assert.equal(loaded.ok, true);
}

const plan = async (page) => JSON.parse(await page.evaluate(() => window.fiducia.save()));

async function screenshot(page, name) {
  await page.mouse.move(640, 795);  // no tooltip over the fields
  await page.waitForTimeout(300);
  await page.screenshot({path: path.join(SCREENSHOTS, name)});
}

test("one click on a number field, typing and Enter set the plan's value", async () => {
  const page = await h.newPage({locale: "en-GB"});
  await openShop(page);
  await waitForItem(page, "Stakeholders");
  await clickItem(page, "Stakeholders");
  await waitForItem(page, "Size (people)");
  assert.equal((await plan(page)).stakeholders[0].size, 180000);
  await screenshot(page, "numbers-grouped-en.png");  // "180,000" in the field

  await clickItem(page, "Size (people)");  // once: no double-click, no Ctrl
  await page.keyboard.type("2500");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).stakeholders[0].size === 2500, null, {timeout: 5000});

  await clickItem(page, "Base rate");  // a share: typed as a percentage
  await page.keyboard.type("85%");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).stakeholders[0].base_rate === 0.85, null,
                             {timeout: 5000});

  await clickItem(page, "Plan settings");
  await waitForItem(page, "Horizon (months)");
  await clickItem(page, "Horizon (months)");
  await page.keyboard.type("500");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).settings.horizon_months === 120, null,
                             {timeout: 5000});
  await waitForItem(page, "Kept within 1 to 120.");  // said, under the field
  await screenshot(page, "numbers-clamped-en.png");
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("in Italian the fields read 1.234,5 and take it typed so", async () => {
  const page = await h.newPage({locale: "it-IT"});  // the first run follows the browser's language
  await openShop(page);
  await waitForItem(page, "Stakeholder");
  await clickItem(page, "Stakeholder");
  await waitForItem(page, "Dimensione (persone)");
  const revenue = "Ricavo per persona al mese (EUR)";
  await waitForItem(page, revenue);
  await clickItem(page, revenue);
  await page.keyboard.type("1.234,5");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).stakeholders[0].revenue_per_month === 1234.5, null,
                             {timeout: 5000});
  await clickItem(page, "Dimensione (persone)");
  await page.keyboard.type("1.200.000");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).stakeholders[0].size === 1200000, null,
                             {timeout: 5000});
  await screenshot(page, "numbers-grouped-it.png");  // "1.200.000" and "1.234,50"
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("in Chinese the fields group digits as English does, and every value fits its box", async () => {
  const page = await h.newPage({locale: "zh-CN"});
  await openShop(page);
  await waitForItem(page, "利益相关者");
  await page.waitForFunction(() => window.fiducia.stats().cjk_glyphs > 0, null, {timeout: 10000});
  await clickItem(page, "利益相关者");
  await waitForItem(page, "规模（人）");
  await clickItem(page, "规模（人）");
  await page.keyboard.type("1,200,000.5");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).stakeholders[0].size === 1200000.5, null,
                             {timeout: 5000});
  await screenshot(page, "numbers-grouped-zh.png");  // "1,200,000" (1,200,000.5 shown to 0 decimals), the stars "4.1 星（满分 5）"
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});
