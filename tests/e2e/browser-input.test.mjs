// Input like the rest of the web (web/input_layer.js, src/app/web_input.cpp): IME composition and
// dictation reach a text field through the text agent, the agent has focus exactly while a field is
// edited, a phone's finger taps, scrolls and types, and browser zoom keeps clicks on target.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

// A finger drawn vertically from `from` to `to` at x, in `steps` moves (CDP touch events).
async function swipe(cdp, x, from, to, steps = 8) {
  await cdp.send("Input.dispatchTouchEvent", {type: "touchStart", touchPoints: [{x, y: from}]});
  for (let i = 1; i <= steps; ++i)
    await cdp.send("Input.dispatchTouchEvent", {type: "touchMove", touchPoints: [{x, y: from + (to - from) * i / steps}]});
  await cdp.send("Input.dispatchTouchEvent", {type: "touchEnd", touchPoints: []});
}

const title = (page) => page.evaluate(() => JSON.parse(window.fiducia.save()).meta.title);
const agentFocused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id === "text-agent");

async function openSettings(page) {
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "shop.json"), example("online-shop.json"))).ok, true);
  await page.mouse.move(10, 400);
  await waitForItem(page, "Plan settings");
  await clickItem(page, "Plan settings");
  await waitForItem(page, "Title");
}

test("Chinese typed with an IME and dictated text arrive in a text field through the text agent", async () => {
  const page = await h.newPage();
  await openSettings(page);
  assert.equal(await agentFocused(page), false, "no field edited yet: the agent has no focus");
  await clickItem(page, "Title");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "text-agent");
  const agent = await page.evaluate(() => ({label: document.activeElement.getAttribute("aria-label"),
                                            editable: document.activeElement.matches("input:not([readonly])")}));
  assert.deepEqual(agent, {label: "Title", editable: true});

  // Select everything with the keyboard, then compose 信任 with an IME: the pre-edit shows at the
  // field, and the commit replaces the selection.
  await page.keyboard.press("Control+A");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", {text: "xin ren", selectionStart: 7, selectionEnd: 7});
  await cdp.send("Input.imeSetComposition", {text: "信任", selectionStart: 2, selectionEnd: 2});
  const composing = await page.evaluate(() => {
    const a = document.getElementById("text-agent");
    return {shown: a.classList.contains("composing"), value: a.value, opacity: getComputedStyle(a).opacity};
  });
  assert.deepEqual(composing, {shown: true, value: "信任", opacity: "1"});
  await page.screenshot({path: path.join(SCREENSHOTS, "input-ime-composing.png")});
  assert.notEqual(await title(page), "信任", "nothing is committed while composing");
  await cdp.send("Input.insertText", {text: "信任"});
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "信任");
  // Dictation and emoji keyboards insert text without keys.
  await cdp.send("Input.insertText", {text: "计划 2027 🙂"});
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "信任计划 2027 🙂");
  // Keys still edit: Backspace removes the emoji (one code point pair), arrows move, typing inserts.
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Home");
  await page.keyboard.type("A ");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "A 信任计划 2027 ");
  await page.waitForTimeout(300);  // the CJK font arrives and the atlas is rebuilt with 信任计划
  await page.screenshot({path: path.join(SCREENSHOTS, "input-ime-committed.png")});
  // Enter ends the edit: the agent lets go of focus (on a phone, the keyboard closes).
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id !== "text-agent");
  assert.equal(await title(page), "A 信任计划 2027 ");
  assert.deepEqual(h.consoleErrors, []);
});

test("ordinary typing arrives once, and undo, copy and paste still work in a field", async () => {
  const page = await h.newPage({permissions: ["clipboard-read", "clipboard-write"]});
  await openSettings(page);
  await clickItem(page, "Title");
  await page.keyboard.press("Control+A");  // straight after the click: the agent has the focus already
  await page.keyboard.type("Plan B, é");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "Plan B, é");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t === "Plan B, é"));
  await page.keyboard.press("End");
  // Ctrl+V pastes once: through the app's shortcut, never again from the agent's own paste.
  await page.evaluate(() => navigator.clipboard.writeText("!"));
  await page.keyboard.press("Control+V");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "Plan B, é!");
  await page.waitForTimeout(300);
  assert.equal(await title(page), "Plan B, é!");
  await page.keyboard.press("Control+Z");  // undo, while editing, is the field's own
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "Plan B, é");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id !== "text-agent");
  // Notes take several lines: Enter starts a new one there; Tab moves on to the next control.
  await clickItem(page, "Notes");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("First line");
  await page.keyboard.press("Enter");
  await page.keyboard.type("第二行");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.notes === "First line\n第二行");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "text-agent" &&
                                   document.activeElement.getAttribute("aria-label") === "Horizon (months)");
  await page.screenshot({path: path.join(SCREENSHOTS, "input-notes-multiline.png")});
  assert.deepEqual(h.consoleErrors, []);
});

test("on a phone: a swipe scrolls the scoring sheet, taps score, the keyboard types a name, the code shows", async () => {
  const page = await h.newPage({viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true});
  await h.open(page);
  const invitation = {fiducia: "workshop", version: 1, id: "ws-phone1", title: "Phone test",
                      stakeholders: [{id: "shoppers", name: "Online shoppers"}, {id: "sellers", name: "Marketplace sellers"},
                                     {id: "staff", name: "Our staff"}]};
  const opened = await page.evaluate((t) => window.fiducia.load(t, "workshop-ws-phone1.json"), JSON.stringify(invitation));
  assert.equal(opened.ok, true);
  await waitForItem(page, "7##shoppers/transactions");

  // A tap scores, as a click does.
  const tapItem = async (label) => {
    const r = await page.evaluate((l) => window.fiducia.locate(l), label);
    assert.ok(r, `${label} is on screen`);
    await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  };
  await tapItem("7##shoppers/transactions");
  await page.waitForFunction(() => window.fiducia.workshop().scoring.scored === 1);

  // A finger drag upwards scrolls the sheet: what was below comes up, by about the finger's travel.
  const before = await page.evaluate(() => window.fiducia.locate("7##shoppers/transactions"));
  const cdp = await page.context().newCDPSession(page);
  const x = 200, from = 700, to = 300;
  await swipe(cdp, x, from, to);
  await page.waitForFunction((y) => {
    const r = window.fiducia.locate("7##shoppers/transactions");
    return r === null || r.y < y - 100;
  }, before.y);
  assert.equal(await page.evaluate(() => window.fiducia.workshop().scoring.scored), 1, "a swipe is not a tap");
  await page.screenshot({path: path.join(SCREENSHOTS, "input-phone-scrolled.png")});

  // A dimension that was below the fold, now on screen, scored by tap.
  const visible = await page.evaluate(() => ["honesty", "advice", "empathy"].map((d) => `8##shoppers/${d}`)
    .find((l) => { const r = window.fiducia.locate(l); return r && r.y > 60 && r.y + r.height < 780; }));
  assert.ok(visible, "a dimension from below the fold came on screen");
  await tapItem(visible);
  await page.waitForFunction(() => window.fiducia.workshop().scoring.scored === 2);

  // The name field: a tap gives the agent focus (a phone shows its keyboard), which types the name.
  for (let i = 0; i < 8 && !(await page.evaluate(() => window.fiducia.locate("##your-name"))); ++i) {
    await swipe(cdp, x, 300, 700, 2);
    await page.waitForTimeout(100);
  }
  await tapItem("##your-name");
  await page.waitForFunction(() => document.activeElement.getAttribute("aria-label") === "Your name (optional)");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "text-agent");
  await cdp.send("Input.insertText", {text: "李明"});
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id !== "text-agent");
  await page.screenshot({path: path.join(SCREENSHOTS, "input-phone-name.png")});
  // The sheet's buttons are at its end: swipe up until they are on screen.
  const onScreen = (label) => page.evaluate((l) => { const r = window.fiducia.locate(l); return !!r && r.y > 60 && r.y + r.height < 800; }, label);
  for (let i = 0; i < 20 && !(await onScreen("Show code")); ++i) {
    await swipe(cdp, x, 700, 200, 2);
    await page.waitForTimeout(100);
  }
  await tapItem("Show code");
  await page.waitForFunction(() => window.fiducia.workshop().scoring.code, null, {timeout: 10000});
  const [file] = await Promise.all([page.waitForEvent("download"), (async () => {
    await page.waitForFunction(() => window.fiducia.locate("Save ratings file") !== null);
    await tapItem("Save ratings file");
  })()]);
  const ratings = JSON.parse(await (await import("node:fs")).promises.readFile(await file.path(), "utf8"));
  assert.equal(ratings.participant.name, "李明");
  assert.equal(ratings.ratings.length, 2);
  await page.screenshot({path: path.join(SCREENSHOTS, "input-phone-code.png")});
  assert.deepEqual(h.consoleErrors, []);
});

test("a long press opens a row's context menu, a tap shows a field's tooltip", async () => {
  const page = await h.newPage({viewport: {width: 1000, height: 760}, isMobile: true, hasTouch: true});
  await openSettings(page);
  await clickItem(page, "Stakeholders");
  await waitForItem(page, "Add");
  const names = JSON.parse(await page.evaluate(() => window.fiducia.save())).stakeholders.map((s) => s.name);
  // The second group's row in the list, where the mirror has it (a list row reads "name  (kind)").
  const target = await page.evaluate((name) => {
    const e = [...document.querySelectorAll("#a11y-mirror button")].find((b) => b.textContent.startsWith(name + "  ("));
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return {x: r.x, y: r.y, width: r.width, height: r.height};
  }, names[1]);
  assert.ok(target, "the row is mirrored");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", {type: "touchStart", touchPoints: [{x: target.x + 20, y: target.y + target.height / 2}]});
  await page.waitForTimeout(900);
  await cdp.send("Input.dispatchTouchEvent", {type: "touchEnd", touchPoints: []});
  // The row's menu: Duplicate and Delete, as menu items a screen reader finds too.
  await page.waitForFunction(() => [...document.querySelectorAll("#a11y-mirror [role=menuitem]")]
    .map((e) => e.textContent).join("|") === "Duplicate|Delete");
  await page.screenshot({path: path.join(SCREENSHOTS, "input-long-press-menu.png")});
  const before = JSON.parse(await page.evaluate(() => window.fiducia.save())).stakeholders.length;
  const dup = await page.evaluate(() => window.fiducia.locate("Duplicate"));
  await page.touchscreen.tap(dup.x + dup.width / 2, dup.y + dup.height / 2);
  await page.waitForFunction((n) => JSON.parse(window.fiducia.save()).stakeholders.length === n + 1, before);

  // No information only on hover: a tap on a field leaves the finger's point there, so its tooltip shows.
  await clickItem(page, "Plan settings");
  await waitForItem(page, "Title");
  const t = await page.evaluate(() => window.fiducia.locate("Title"));
  await page.touchscreen.tap(t.x + t.width / 2, t.y + t.height / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "text-agent");
  await page.waitForTimeout(900);
  await page.screenshot({path: path.join(SCREENSHOTS, "input-touch-tooltip.png")});
  assert.deepEqual(h.consoleErrors, []);
});

test("at 150% browser zoom the UI is re-scaled and clicks still land", async () => {
  const page = await h.newPage();
  await openSettings(page);
  const cdp = await page.context().newCDPSession(page);
  // What Ctrl+plus does to a page: more device pixels per CSS pixel, fewer CSS pixels across.
  await cdp.send("Emulation.setDeviceMetricsOverride", {width: Math.round(1280 / 1.5), height: Math.round(800 / 1.5),
                                                        deviceScaleFactor: 1.5, mobile: false});
  await page.mouse.move(20, 300);
  await page.waitForFunction(() => {
    const c = document.getElementById("canvas");
    return c.width === Math.round(c.clientWidth * 1.5);
  });
  await page.mouse.move(22, 300);
  await page.waitForTimeout(200);
  await clickItem(page, "Title");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "text-agent");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Zoomed");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => JSON.parse(window.fiducia.save()).meta.title === "Zoomed");
  await clickItem(page, "Dashboard");
  await page.waitForFunction(() => window.fiducia.locate("Title") === null);
  await page.screenshot({path: path.join(SCREENSHOTS, "input-zoom-150.png")});
  assert.deepEqual(h.consoleErrors, []);
});
