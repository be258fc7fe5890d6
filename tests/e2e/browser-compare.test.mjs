// The Compare and merge panel in headless Chromium, driven by clicks: compare the open plan with an
// edited copy picked through the file chooser and see the change; merge a colleague's copy whose
// recorded ancestor is the plan as opened, pick their side of a conflict, apply. Screenshots of both.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const SHOP = "online-shop.json";

async function openShop(page) {
  await h.open(page);
  assert.equal((await page.evaluate(([t, n]) => window.fiducia.load(t, n), [example(SHOP), SHOP])).ok, true);
  await waitForItem(page, "Compare and merge");
  await clickItem(page, "Compare and merge");
}

// Clicks a button that asks for a file and gives the chooser this plan.
async function pickFile(page, button, name, plan) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, button)]);
  await chooser.setFiles({name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan, null, 2))});
}

test("compare: an edited copy picked by the file chooser shows its changes and the trust change", async () => {
  const page = await h.newPage();
  await openShop(page);
  await waitForItem(page, "Open a plan to compare...");
  const edited = JSON.parse(example(SHOP));
  edited.touchpoints[0].bad_share = 0.4;
  edited.observations.pop();
  await pickFile(page, "Open a plan to compare...", "edited.json", edited);
  await waitForItem(page, "Close the comparison");
  assert.ok(await page.evaluate(() => window.fiducia.locate("Touchpoints (1)")), "the changed touchpoint's group is shown");
  assert.ok(await page.evaluate(() => window.fiducia.locate("Measurements (1)")), "the removed measurement's group is shown");
  await page.screenshot({path: path.join(SCREENSHOTS, "compare-panel.png")});
  assert.equal(await page.evaluate(() => window.fiducia.save()), example(SHOP), "comparing does not change the plan");
  assert.deepEqual(h.foreign, []);
  await page.context().close();
});

test("merge: their copy names a version kept in this browser; a conflict is picked, the merge applied", async () => {
  const page = await h.newPage();
  await openShop(page);
  await waitForItem(page, "Merge a colleague's copy...");
  const original = example(SHOP);
  const theirs = JSON.parse(original);
  // The example is canonical and has no base: its content hash is the SHA-256 of its text.
  theirs.meta.base = "sha256:" + crypto.createHash("sha256").update(original).digest("hex");
  theirs.touchpoints[0].bad_share = 0.4;        // conflicts with ours below
  theirs.commitments[0].kept_share = 0.5;       // merges cleanly
  theirs.stakeholders[1].name = "Their renamed group";
  const ours = JSON.parse(original);
  ours.touchpoints[0].bad_share = 0.2;
  ours.meta.notes = "Our notes";
  // The original was opened (openShop) and autosaved as a version of its own; then our edited copy
  // is opened, so the ancestor is found among the versions this browser keeps.
  await page.waitForTimeout(1000);
  await page.evaluate((t) => window.fiducia.load(t, "shop.json"), JSON.stringify(ours, null, 2));
  await clickItem(page, "Compare and merge");
  await pickFile(page, "Merge a colleague's copy...", "theirs.json", theirs);
  await waitForItem(page, "Apply the merge");
  await page.screenshot({path: path.join(SCREENSHOTS, "merge-conflicts.png")});
  await clickItem(page, "0.4##theirs");
  await page.waitForTimeout(200);
  await clickItem(page, "Apply the merge");
  await page.waitForFunction(() => window.fiducia.save().includes("Their renamed group"));
  const merged = JSON.parse(await page.evaluate(() => window.fiducia.save()));
  assert.equal(merged.touchpoints[0].bad_share, 0.4);
  assert.equal(merged.commitments[0].kept_share, 0.5);
  assert.equal(merged.meta.notes, "Our notes");
  assert.match(merged.meta.base, /^sha256:[0-9a-f]{64}$/);
  await page.screenshot({path: path.join(SCREENSHOTS, "merge-applied.png")});
  await page.context().close();
});
