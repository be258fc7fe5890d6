// Workshop mode across three pages, as people would use it: the facilitator saves an invitation,
// two participants open it (file chooser and drop), score by clicking and save ratings files, and
// the facilitator drops both files at once and sees the medians (scores and how much each dimension
// matters), applies the consensus to base rates and weights, in window.fiducia.workshop() and
// on screen. Screenshots of the scoring screen and of the results land in build/screenshots/.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent("download"), clickItem(page, label)]);
  return {name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8")};
}

async function dropFiles(page, files) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const [name, text] of list) dt.items.add(new File([text], name, {type: "application/json"}));
    return dt;
  }, files);
  await page.dispatchEvent("canvas", "drop", {dataTransfer: transfer});
}

// A participant scores by clicking the buttons "<score>##<group>/<dimension>".
async function score(page, name, cells) {
  if (name) {
    await clickItem(page, "Your name (optional)");
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
  }
  for (const [cell, value] of Object.entries(cells)) await clickItem(page, `${value}##${cell}`);
  await page.waitForFunction((n) => window.fiducia.workshop().scoring.scored === n, Object.keys(cells).length);
}

// How much a dimension matters to a group: the buttons "<1..5>##matters-<group>/<dimension>".
async function judge(page, cells) {
  for (const [cell, value] of Object.entries(cells)) await clickItem(page, `${value}##matters-${cell}`);
  await page.waitForFunction((n) => window.fiducia.workshop().scoring.judged === n, Object.keys(cells).length);
}

test("two participants' ratings files imported into the facilitator's page give the expected medians", async () => {
  // The facilitator: the online shop without its earlier workshop, two groups invited.
  const facilitator = await h.newPage();
  await h.open(facilitator);
  const plan = JSON.parse(example("online-shop.json"));
  plan.workshop = {participants: [], ratings: []};
  assert.equal((await facilitator.evaluate((t) => window.fiducia.load(t, "shop.json"), JSON.stringify(plan))).ok, true);
  await facilitator.waitForFunction(() => window.fiducia.locate("Workshop") !== null, null, {timeout: 30000});
  await clickItem(facilitator, "Workshop");
  await waitForItem(facilitator, "Save invitation file");
  await clickItem(facilitator, "Online shoppers##invite-shoppers");
  await clickItem(facilitator, "Marketplace sellers##invite-sellers");
  const invitation = await download(facilitator, "Save invitation file");
  assert.match(invitation.name, /^workshop-ws-[a-z0-9]+\.json$/);
  assert.doesNotMatch(invitation.text, /base_rate|bad_share|revenue/, "no figure of the plan in the invitation");
  const id = JSON.parse(invitation.text).id;

  // Participant A opens the invitation with the file chooser, from the start screen's button.
  const a = await h.newPage({viewport: {width: 1280, height: 1000}});
  await h.open(a);
  await a.mouse.move(100, 100);
  await a.waitForFunction(() => window.fiducia.locate("Score a workshop...") !== null, null, {timeout: 30000});
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-")), invitation.name);
  fs.writeFileSync(file, invitation.text);
  await a.setInputFiles("#file-input", file);
  await waitForItem(a, "Save ratings file");
  await score(a, "Ana", {"shoppers/transactions": 8, "shoppers/honesty": 3, "sellers/promises": 7});
  await judge(a, {"shoppers/transactions": 5, "shoppers/empathy": 4});
  await clickItem(a, "Show code");
  await a.mouse.wheel(0, 2000);  // the code sits below the finger-sized (44 CSS px) scores
  await waitForItem(a, "Copy code");
  await a.mouse.move(5, 995);
  await a.waitForTimeout(200);
  await a.screenshot({path: path.join(SCREENSHOTS, "workshop-scoring.png")});
  const ratingsA = await download(a, "Save ratings file");
  assert.match(ratingsA.name, /^ratings-ana-/);

  // Participant B drops the invitation on the page and stays anonymous.
  const b = await h.newPage({viewport: {width: 1280, height: 1000}});
  await h.open(b);
  await dropFiles(b, [[invitation.name, invitation.text]]);
  await waitForItem(b, "Save ratings file");
  await score(b, "", {"shoppers/transactions": 6, "shoppers/honesty": 4, "sellers/promises": 9});
  await judge(b, {"shoppers/transactions": 3, "shoppers/empathy": 4});
  const ratingsB = await download(b, "Save ratings file");
  for (const r of [ratingsA, ratingsB]) assert.equal(JSON.parse(r.text).workshop, id);

  // The facilitator drops both files at once.
  await dropFiles(facilitator, [[ratingsA.name, ratingsA.text], [ratingsB.name, ratingsB.text]]);
  await facilitator.waitForFunction(() => window.fiducia.workshop().participants.length === 2, null, {timeout: 10000});
  const w = await facilitator.evaluate(() => window.fiducia.workshop());
  const labels = w.participants.map((p) => p.label);  // the files arrive in either order
  assert.ok(labels.includes("Ana") && labels.some((l) => /^Participant [12]$/.test(l)), labels.join(", "));
  const median = (cell) => w.items.find((i) => `${i.stakeholder}/${i.dimension}` === cell).median;
  assert.equal(median("shoppers/transactions"), 7);
  assert.equal(median("shoppers/honesty"), 3.5);
  assert.equal(median("sellers/promises"), 8);
  assert.equal(w.items.length, 3);
  for (const cell of ["7##median/shoppers/transactions", "3.5##median/shoppers/honesty", "8##median/sellers/promises"])
    await waitForItem(facilitator, cell);  // and on screen
  // How much each dimension matters: medians 4 and 4, so transactions and empathy share the weight
  // they held (0.4 + 0.1 in the example) equally once the consensus is applied, as one step.
  const matters = (cell) => w.importance.find((i) => `${i.stakeholder}/${i.dimension}` === cell).median;
  assert.equal(matters("shoppers/transactions"), 4);
  assert.equal(matters("shoppers/empathy"), 4);
  await waitForItem(facilitator, "4 (2)##matters/shoppers/transactions");
  await waitForItem(facilitator, "4 (2)##matters/shoppers/empathy");  // judged, though nobody scored its trust
  assert.equal(w.weights.length, 1);
  const {before: wBefore, after: wAfter} = w.weights[0];
  const held = wBefore.transactions + wBefore.empathy;
  assert.equal(wAfter.transactions, Math.round(held * 0.5 * 1000) / 1000);
  assert.equal(wAfter.empathy, Math.round(held * 0.5 * 1000) / 1000);
  assert.notEqual(wAfter.transactions, wBefore.transactions);
  assert.equal(wAfter.promises, wBefore.promises);

  // The same file again is refused, and nothing changes.
  const before = await facilitator.evaluate(() => window.fiducia.save());
  const again = await facilitator.evaluate(([t, n]) => window.fiducia.load(t, n), [ratingsA.text, ratingsA.name]);
  assert.equal(again.ok, false);
  assert.match(again.errors[0], /Already imported/);
  assert.equal(await facilitator.evaluate(() => window.fiducia.save()), before);
  await facilitator.keyboard.press("Escape");  // close the refusal's list

  await facilitator.mouse.move(640, 795);
  await facilitator.waitForTimeout(200);
  await facilitator.screenshot({path: path.join(SCREENSHOTS, "workshop-results.png")});
  await facilitator.mouse.move(640, 600);  // over the panel's text, not its bottom edge
  await facilitator.mouse.wheel(0, 2000);  // Apply sits below the results
  await waitForItem(facilitator, "Apply consensus");
  await clickItem(facilitator, "Apply consensus");
  await facilitator.waitForFunction(() => window.fiducia.workshop().weights.length === 0);  // nothing left to move
  const shoppers = JSON.parse(await facilitator.evaluate(() => window.fiducia.save())).stakeholders.find((g) => g.id === "shoppers");
  assert.equal(shoppers.weights.transactions, wAfter.transactions);
  assert.equal(shoppers.weights.empathy, wAfter.empathy);
  // Two participants say too little about a whole group: its base rate stays, and the panel says why.
  assert.deepEqual(w.base_rates, []);
  assert.equal(shoppers.base_rate, JSON.parse(before).stakeholders.find((g) => g.id === "shoppers").base_rate);
  assert.deepEqual(h.consoleErrors, []);
  assert.deepEqual(h.foreign, []);
  for (const page of [facilitator, a, b]) await page.context().close();
});
