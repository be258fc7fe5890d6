// Presenter mode in headless Chromium: entered from the View menu, one chart at a time changed by
// buttons and arrow keys, a round timer that counts down while the page otherwise sleeps.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { decodePng, inkStats } from "./png.mjs";
import { SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const presenter = (page) => page.evaluate(() => window.fiducia.presenter());
const frames = (page) => page.evaluate(() => window.fiducia.stats().frames);

async function enterPresenter(page, plan) {
  await h.open(page);
  assert.equal((await page.evaluate(([t, n]) => window.fiducia.load(t, n), [example(plan), plan])).ok, true);
  await waitForItem(page, "View");
  await clickItem(page, "View");
  await waitForItem(page, "Presenter mode");
  await clickItem(page, "Presenter mode");
  await waitForItem(page, "Next >");
}

test("View > Presenter mode goes full screen; every chart can be shown, and Esc leaves", async () => {
  const page = await h.newPage();
  await enterPresenter(page, "retail-bank.json");
  const state = await presenter(page);
  assert.equal(state.on, true);
  assert.equal(state.slides.length, 5, "the bank example has workshop ratings: five charts");
  assert.equal(await page.evaluate(() => document.fullscreenElement !== null), true, "full screen was asked for");
  for (let i = 0; i < state.slides.length; ++i) {
    await page.waitForFunction((n) => window.fiducia.presenter().slide === n, i);  // the click is drawn a frame later
    await page.mouse.move(5, 5);  // no hover tooltip on the picture
    await page.waitForTimeout(150);
    const file = path.join(SCREENSHOTS, `presenter-${i + 1}.png`);
    await page.screenshot({path: file});
    const ink = inkStats(decodePng(fs.readFileSync(file)));
    assert.ok(ink.inkShare > 0.03, `chart ${i + 1} (${state.slides[i]}) is nearly blank`);
    await clickItem(page, "Next >");
  }
  await page.waitForFunction(() => window.fiducia.presenter().slide === 0);  // after the last chart, the first
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => window.fiducia.presenter().slide === 4);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => window.fiducia.presenter().slide === 0);
  await clickItem(page, "< Previous");
  await page.waitForFunction(() => window.fiducia.presenter().slide === 4);
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !window.fiducia.presenter().on);
  await page.waitForFunction(() => document.fullscreenElement === null);
  await waitForItem(page, "Dashboard");
  await page.context().close();
});

test("the round timer counts down, waking the page about once a second; a stopped timer costs no frames", async () => {
  const page = await h.newPage();
  await enterPresenter(page, "online-shop.json");
  await page.mouse.move(5, 5);
  await page.waitForTimeout(1500);  // input-driven frames end a second after the last input
  const idle = await frames(page);
  await page.waitForTimeout(2500);
  assert.equal(await frames(page) - idle, 0, "presenter mode with the timer stopped draws nothing when idle");

  const before = (await presenter(page)).timer_seconds;
  assert.equal(before, 600);
  await clickItem(page, "Start");
  await page.waitForFunction(() => window.fiducia.presenter().timer_running);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(1500);
  const start = await frames(page);
  await page.waitForTimeout(4000);
  const ticks = await frames(page) - start;
  assert.ok(ticks >= 3 && ticks <= 6, `${ticks} frames in 4 s with the timer running (about one a second)`);
  const left = (await presenter(page)).timer_seconds;
  assert.ok(left < before - 5 && left > before - 9, `${left} s left after about 7 s`);
  await page.screenshot({path: path.join(SCREENSHOTS, "presenter-timer.png")});

  await clickItem(page, "Pause");
  await page.waitForFunction(() => !window.fiducia.presenter().timer_running);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(1500);
  const paused = await frames(page);
  await page.waitForTimeout(2500);
  assert.equal(await frames(page) - paused, 0, "a paused timer draws nothing");
  await page.context().close();
});

test("at zero the timer turns red", async () => {
  const page = await h.newPage();
  await enterPresenter(page, "b2b-software.json");
  for (let i = 9; i >= 1; --i) {  // down to the shortest round: one minute
    await clickItem(page, "-1 min");
    await page.waitForFunction((m) => window.fiducia.presenter().timer_seconds === m * 60, i);
  }
  await clickItem(page, "Start");
  await page.waitForFunction(() => window.fiducia.presenter().timer_running);
  // A minute is long for a test: move the page's clock on instead (the app reads performance.now()).
  await page.evaluate(() => {
    const now = performance.now.bind(performance), skip = 61000;
    performance.now = () => now() + skip;
  });
  await page.waitForFunction(() => window.fiducia.presenter().timer_seconds < 0, null, {timeout: 30000});
  await page.mouse.move(5, 5);
  await page.waitForTimeout(1200);
  const file = path.join(SCREENSHOTS, "presenter-time-up.png");
  await page.screenshot({path: file});
  const png = decodePng(fs.readFileSync(file));
  let red = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels)
    if (png.pixels[i] > 180 && png.pixels[i + 1] < 60 && png.pixels[i + 2] < 60) ++red;
  assert.ok(red > 2000, `only ${red} red pixels: the time-up box is not conspicuous`);
  await page.context().close();
});

test("nothing left 127.0.0.1 and nothing was logged as an error", () => {
  assert.ok(h.requests.count > 0, "the tests before this one loaded pages (run the whole file)");
  assert.deepEqual(h.foreign, []);
  assert.deepEqual(h.consoleErrors, []);
});
