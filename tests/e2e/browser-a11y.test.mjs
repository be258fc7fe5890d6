// The accessibility mirror in the browser: the canvas's controls are DOM elements with roles and
// names that assistive technology (and Playwright's getByRole) reads and activates; keyboard focus
// follows Tab; notices reach a live region; axe-core finds no serious or critical violation.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, SCREENSHOTS, example, startHarness } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

// axe-core over the whole page; returns the serious and critical violations, one line each.
async function axeProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({content: AXE});
  const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ["violations"]}));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

// Activates a mirror element as a screen reader does: a DOM click on the element itself.
async function activate(locator) {
  await locator.waitFor({state: "attached", timeout: 10000});
  await locator.dispatchEvent("click");
}

test("getByRole drives the start screen, an example plan and a panel; the page passes axe", async () => {
  const page = await h.newPage();
  await h.open(page);
  const shop = JSON.parse(example("online-shop.json")).meta.title;
  const exampleButton = page.getByRole("button", {name: new RegExp(shop.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))});
  await exampleButton.waitFor({state: "attached", timeout: 10000});
  assert.deepEqual(await axeProblems(page), [], "start screen");

  await activate(exampleButton);
  await page.waitForFunction(() => window.fiducia.save() !== "");
  // The dashboard: its key figures and headings are text a screen reader finds.
  await page.getByText(/^Trust Index today: /).waitFor({state: "attached", timeout: 10000});
  assert.ok(await page.getByRole("heading").count() >= 1);
  assert.equal(await page.getByRole("button", {name: "Dashboard"}).getAttribute("aria-current"), "page");
  assert.deepEqual(await axeProblems(page), [], "dashboard");
  // Notices go to the live region.
  assert.match(await page.locator("#a11y-live").textContent(), /Opened/);

  // A panel by its name; a text field there by its label, with its value, and its tooltip as description.
  await activate(page.getByRole("button", {name: "Plan settings"}));
  const titleField = page.getByRole("textbox", {name: "Title"});
  await titleField.waitFor({state: "attached", timeout: 10000});
  assert.equal(await titleField.textContent(), JSON.parse(example("online-shop.json")).meta.title);
  assert.match(await titleField.getAttribute("title"), /name/i);
  // Activating the field starts editing it: the text agent takes focus, named like the field.
  await activate(titleField);
  await page.waitForFunction(() => document.activeElement.id === "text-agent" &&
                                   document.activeElement.getAttribute("aria-label") === "Title");
  await page.keyboard.press("Escape");
  assert.deepEqual(await axeProblems(page), [], "plan settings");
  assert.deepEqual(h.consoleErrors, []);
});

test("Tab moves the app's focus with a visible ring, and the mirror's focus follows it", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bank.json"), example("retail-bank.json"))).ok, true);
  await page.mouse.click(640, 790);  // somewhere neutral on the canvas, so the keyboard goes to the app
  const seen = [];
  for (let i = 0; i < 6; ++i) {
    await page.keyboard.press("Tab");
    await page.waitForFunction((before) => document.activeElement && document.activeElement.closest("#a11y-mirror") &&
                                           document.activeElement.textContent !== before, seen[seen.length - 1] || "");
    seen.push(await page.evaluate(() => document.activeElement.textContent));
  }
  assert.equal(new Set(seen).size, seen.length, `each Tab reaches another control: ${seen.join(" | ")}`);
  await page.screenshot({path: path.join(SCREENSHOTS, "a11y-focus-ring.png")});
  // The menu bar comes first: File, Edit, View, Language; Enter on the focused menu opens it, once.
  assert.deepEqual(seen.slice(0, 4), ["File", "Edit", "View", "Language"]);
  while (await page.evaluate(() => document.activeElement.textContent) !== "View") await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  // The menu opens (its button says so) and its items are mirrored, a frame or two later.
  await page.waitForFunction(() => [...document.querySelectorAll("#a11y-mirror button")]
    .some((b) => b.textContent === "View" && b.getAttribute("aria-expanded") === "true"));
  await page.waitForFunction(() => [...document.querySelectorAll("#a11y-mirror [role=menuitem]")]
    .some((e) => /theme|Presenter/i.test(e.textContent)), null, {timeout: 5000});
  await page.screenshot({path: path.join(SCREENSHOTS, "a11y-menu-open.png")});
  await page.keyboard.press("Escape");
  assert.deepEqual(h.consoleErrors, []);
});

test("the workshop scoring sheet is readable and scorable through the mirror, and passes axe", async () => {
  const page = await h.newPage();
  await h.open(page);
  const invitation = {fiducia: "workshop", version: 1, id: "ws-a11y01", title: "Accessible",
                      stakeholders: [{id: "shoppers", name: "Online shoppers"}]};
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "w.json"), JSON.stringify(invitation))).ok, true);
  const seven = page.locator("#a11y-mirror button").filter({hasText: /^7$/}).first();
  await seven.waitFor({state: "attached", timeout: 10000});
  await activate(seven);
  await page.waitForFunction(() => window.fiducia.workshop().scoring.scored === 1);
  assert.deepEqual(await axeProblems(page), [], "scoring sheet");
  const stats = await page.evaluate(() => window.fiducia.stats());
  assert.ok(stats.last_mirror_ms >= 0 && stats.last_mirror_ms < 50, `mirror took ${stats.last_mirror_ms} ms`);
  assert.deepEqual(h.consoleErrors, []);
});
