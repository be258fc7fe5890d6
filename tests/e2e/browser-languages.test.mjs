// Languages in the browser: the Language menu switches the UI and is remembered; the first run
// follows the browser's language; the CJK font is fetched only for Chinese or a plan with CJK text;
// a screenshot of the dashboard in each language lands in build/screenshots/ (look at them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startHarness, example, clickItem, SCREENSHOTS } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const LANGUAGES = [
  {code: "en", name: "English", newPlan: "New plan", dashboard: "Dashboard"},
  {code: "zh", name: "简体中文", newPlan: "新建计划", dashboard: "仪表板"},
  {code: "it", name: "Italiano", newPlan: "Nuovo piano", dashboard: "Cruscotto"},
  {code: "id", name: "Bahasa Indonesia", newPlan: "Rencana baru", dashboard: "Dasbor"},
];

// A page that records whether the CJK font and which translations were requested.
async function pageWithFontLog(options) {
  const page = await h.newPage(options);
  const fonts = [], translations = [];
  page.on("request", (r) => {
    if (r.url().includes("ui-cjk.ttf")) fonts.push(r.url());
    if (r.url().includes("/i18n/")) translations.push(new URL(r.url()).pathname);
  });
  return {page, fonts, translations};
}

// As the harness's waitForItem, with room for a first frame on a loaded two-core machine.
async function waitForItem(page, label) {
  await page.waitForFunction((l) => window.fiducia.locate(l) !== null, label, {timeout: 30000});
}

async function chooseLanguage(page, name) {
  await clickItem(page, "Language");
  await waitForItem(page, name);
  await clickItem(page, name);
}

async function settle(page) {  // a few frames after the last input, fonts included
  await page.mouse.move(5, 790);
  await page.waitForTimeout(400);
}

for (const l of LANGUAGES) {
  test(`the dashboard in ${l.name}, chosen in the Language menu`, async () => {
    const {page, fonts, translations} = await pageWithFontLog({locale: "en-GB"});
    await h.open(page);
    const loaded = await page.evaluate((t) => window.fiducia.load(t, "online-shop.json"), example("online-shop.json"));
    assert.equal(loaded.ok, true);
    await waitForItem(page, "Dashboard");
    if (l.code !== "en") await chooseLanguage(page, l.name);
    await waitForItem(page, l.dashboard);
    if (l.code === "zh") await page.waitForFunction(() => window.fiducia.stats().cjk_glyphs > 0, null, {timeout: 10000});
    await settle(page);
    await page.screenshot({path: path.join(SCREENSHOTS, `language-${l.code}-dashboard.png`)});
    const stats = await page.evaluate(() => window.fiducia.stats());
    if (l.code === "zh") {
      assert.equal(fonts.length, 1, "the CJK font is fetched once");
      assert.ok(stats.cjk_glyphs > 100, `CJK glyphs in the atlas: ${stats.cjk_glyphs}`);
    } else {
      assert.deepEqual(fonts, [], "no CJK font for a Latin-script language and an English plan");
      assert.equal(stats.cjk_glyphs, 0);
    }
    const stored = await page.evaluate(() => window.localStorage.getItem("fiducia.preference.language"));
    assert.equal(stored, l.code === "en" ? null : l.code);
    // Each translation is a file of its own, fetched when its language is first chosen.
    assert.deepEqual(translations, l.code === "en" ? [] : [`/i18n/${l.code}.json`]);
    await page.context().close();
  });
}

test("the language is remembered across reloads", async () => {
  const {page} = await pageWithFontLog({locale: "en-GB"});
  await h.open(page);
  await chooseLanguage(page, "Italiano");
  await waitForItem(page, "Nuovo piano");
  await page.reload();
  await page.waitForFunction(() => window.fiducia && window.fiducia.ready === true, null, {timeout: 30000});
  // The translation travels with the wasm: it is there before main() starts, so no frame is English.
  const timing = await page.evaluate(() => ({
    translation: performance.getEntriesByType("resource").find((e) => e.name.endsWith("/i18n/it.json")),
    main: window.fiducia.stats().startup_ms.main}));
  assert.ok(timing.translation, "i18n/it.json was fetched");
  assert.ok(timing.translation.responseEnd < timing.main, `${timing.translation.responseEnd} < ${timing.main}`);
  assert.notEqual(await page.evaluate(() => window.fiducia.locate("Nuovo piano")), null);
  assert.equal(await page.evaluate(() => window.fiducia.locate("New plan")), null);
  await page.context().close();
});

test("the first run follows the browser's language; the page's own messages too", async () => {
  const {page} = await pageWithFontLog({locale: "id-ID"});
  await h.open(page);
  await waitForItem(page, "Rencana baru");
  const lost = await page.evaluate(() => FiduciaPage.say("lost", "The graphics context was lost."));
  assert.match(lost, /Konteks grafis hilang/);
  await page.screenshot({path: path.join(SCREENSHOTS, "language-id-start.png")});
  await page.context().close();
});

test("a plan titled in Chinese loads the CJK font in an English UI; an English plan does not", async () => {
  const {page, fonts} = await pageWithFontLog({locale: "en-US"});
  await h.open(page);
  const plan = JSON.parse(example("online-shop.json"));
  await page.evaluate((t) => window.fiducia.load(t, "shop.json"), JSON.stringify(plan));
  await waitForItem(page, "Dashboard");
  await settle(page);
  assert.deepEqual(fonts, []);
  plan.meta.title = "网店信任计划 2027";
  plan.meta.organisation = "Negozio Città di Cortina";  // Latin-1: à
  await page.evaluate((t) => window.fiducia.load(t, "shop-zh.json"), JSON.stringify(plan));
  await page.waitForFunction(() => window.fiducia.stats().cjk_glyphs > 0, null, {timeout: 10000});
  assert.equal(fonts.length, 1);
  assert.equal(await page.evaluate(() => window.fiducia.stats().cjk_glyphs), 6);  // 网店信任计划
  await settle(page);
  await page.screenshot({path: path.join(SCREENSHOTS, "language-en-chinese-title.png")});
  assert.deepEqual(h.foreign, []);
  await page.context().close();
});
