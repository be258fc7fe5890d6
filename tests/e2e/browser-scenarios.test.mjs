// The scenario editor driven as a person drives it: make a scenario, name it, tick its actions,
// duplicate and delete it; Projection then compares it with the plan and the no-actions baseline.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const scenarios = async (page) => JSON.parse(await page.evaluate(() => window.fiducia.save())).scenarios ?? [];

test("scenarios are made, named, filled, duplicated and deleted, and compared with a no-actions baseline", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "online-shop.json"), example("online-shop.json"))).ok, true);
  const start = await scenarios(page);
  await clickItem(page, "Scenarios");
  await waitForItem(page, "Add");
  await clickItem(page, "Add");
  await page.waitForFunction((n) => JSON.parse(window.fiducia.save()).scenarios.length === n, start.length + 1);

  await clickItem(page, "Name");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Service first");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).scenarios.at(-1).name === "Service first");
  const actions = JSON.parse(await page.evaluate(() => window.fiducia.save())).actions;
  const made = (await scenarios(page)).at(-1);
  // A new scenario starts as the plan stands; unticking an action takes it out.
  assert.deepEqual(made.actions, actions.filter((a) => a.enabled !== false).map((a) => a.id));
  await clickItem(page, actions[0].name);
  await page.waitForFunction((id) => !JSON.parse(window.fiducia.save()).scenarios.at(-1).actions.includes(id), actions[0].id);
  await page.screenshot({path: path.join(SCREENSHOTS, "scenarios-editor.png")});

  await clickItem(page, "Duplicate");
  await page.waitForFunction((n) => JSON.parse(window.fiducia.save()).scenarios.length === n, start.length + 2);
  const copy = (await scenarios(page)).at(-1);
  assert.match(copy.name, /^Service first \(copy\)$/);
  assert.notEqual(copy.id, made.id);
  await clickItem(page, "Delete");
  await waitForItem(page, "Cancel");
  await page.screenshot({path: path.join(SCREENSHOTS, "scenarios-delete.png")});
  await clickItem(page, "Delete");  // the dialog's button, drawn last
  await page.waitForFunction((n) => JSON.parse(window.fiducia.save()).scenarios.length === n, start.length + 1);

  await clickItem(page, "Projection");
  await waitForItem(page, "No actions (baseline)");
  await waitForItem(page, "Service first");
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 3000);  // the comparison sits below the charts
  await page.waitForTimeout(300);
  await page.screenshot({path: path.join(SCREENSHOTS, "scenarios-compared.png")});
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});
