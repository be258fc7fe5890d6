// Survey data in (issue 15), driven as a person drives it: Measurements > Import survey... picks a
// CSV export with the page's file chooser (desktop) or the file is dropped on the page (phone); the
// mapping screen previews the measurements and driver weights; Apply adds them, Ctrl+Z takes them
// back. Screenshots: build/screenshots/survey-*.png.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, SCREENSHOTS, clickItem, dropFile, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const survey = (name) => fs.readFileSync(path.join(ROOT, "tests/survey", name));
const saved = async (page) => JSON.parse(await page.evaluate(() => window.fiducia.save()));

async function openShop(page, phone = false) {
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "online-shop.json"), example("online-shop.json"))).ok, true);
  if (phone) return waitForItem(page, "##panel-menu");  // the drop itself opens Measurements
  await clickItem(page, "Measurements");
  await waitForItem(page, "Import survey...");
}

async function applyAndUndo(page, name, before, withWeights) {
  await waitForItem(page, "Apply");
  if (withWeights) await clickItem(page, "Also set the driver weights");
  await page.waitForTimeout(200);
  await clickItem(page, "Apply");
  await page.waitForFunction((n) => JSON.parse(window.fiducia.save()).observations.length > n, before.observations.length);
  const after = await saved(page);
  const added = after.observations.slice(before.observations.length);
  assert.deepEqual([...new Set(added.map((o) => o.stakeholder))], ["shoppers", "sellers", "warehouse"]);
  assert.ok(added.every((o) => o.source === name && o.metric === "trust_share" || o.metric === "nps"));
  if (withWeights) assert.notDeepEqual(after.stakeholders[0].weights, before.stakeholders[0].weights);
  await page.keyboard.press("Control+Z");
  await page.waitForFunction((n) => JSON.parse(window.fiducia.save()).observations.length === n, before.observations.length);
  assert.deepEqual(await saved(page), before);
}

test("desktop: a survey picked with Import survey... is previewed, applied with its driver weights, and undone", async () => {
  const page = await h.newPage();
  await openShop(page);
  const before = await saved(page);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, "Import survey...")]);
  assert.match(await chooser.element().getAttribute("accept"), /\.csv/);  // the chooser offers CSV files
  await chooser.setFiles({name: "shop-google-forms.csv", mimeType: "text/csv", buffer: survey("shop-google-forms.csv")});
  await waitForItem(page, "Apply");
  await page.waitForTimeout(300);
  await page.screenshot({path: path.join(SCREENSHOTS, "survey-import.png")});
  await applyAndUndo(page, "shop-google-forms.csv", before, true);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("phone: a semicolon export dropped on the page opens the import screen; Apply and Ctrl+Z", async () => {
  const page = await h.newPage({viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true});
  await openShop(page, true);
  const before = await saved(page);
  await dropFile(page, "shop-excel-semicolon.csv", survey("shop-excel-semicolon.csv").toString("utf8"));
  await waitForItem(page, "Apply");
  await page.waitForTimeout(300);
  await page.screenshot({path: path.join(SCREENSHOTS, "survey-import-phone.png")});
  assert.deepEqual(await saved(page), before);  // dropping a survey never replaces the plan
  await applyAndUndo(page, "shop-excel-semicolon.csv", before, false);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});
