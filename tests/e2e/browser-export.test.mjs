// File > Export in the page: the HTML report downloads, opens in Chromium with the hostile title as
// text and no script run, and prints; the chart PNG is the chart on screen at the device pixel ratio.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { decodePng, inkStats } from "./png.mjs";
import { ROOT, SCREENSHOTS, clickItem, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const HOSTILE = "<script>window.ran = 1</script><img src=x onerror=\"window.ran = 2\">";

async function openPlan(page, text, name) {
  await h.open(page);
  assert.equal((await page.evaluate(([t, n]) => window.fiducia.load(t, n), [text, name])).ok, true);
  await waitForItem(page, "Dashboard");
}

const HOLD = {delay: 80};  // the button held as a hand does, so a slow frame sees the press

// File > Export > item, by pointer, and the download it starts.
async function exportItem(page, item) {
  await clickItem(page, "File", HOLD);
  await waitForItem(page, "Export");
  await clickItem(page, "Export", HOLD);
  await waitForItem(page, item);
  const [download] = await Promise.all([page.waitForEvent("download"), clickItem(page, item, HOLD)]);
  return download;
}

test("the HTML report downloads, shows a hostile title as text, runs nothing, loads nothing, and prints", async () => {
  const plan = JSON.parse(example("online-shop.json"));
  plan.meta.title = HOSTILE;
  plan.stakeholders[1].name = "\"><img src=x onerror=\"window.ran = 3\">";
  const page = await h.newPage();
  await openPlan(page, JSON.stringify(plan), "hostile.json");
  const download = await exportItem(page, "HTML report");
  assert.match(download.suggestedFilename(), / - report\.html$/);
  const file = path.join(SCREENSHOTS, "report.html");
  fs.copyFileSync(await download.path(), file);

  const report = await h.newPage();
  const requests = [];
  report.on("request", (r) => requests.push(r.url()));
  await report.goto(pathToFileURL(file).href);
  assert.equal(await report.evaluate(() => document.querySelector("h1").textContent), HOSTILE);
  assert.equal(await report.evaluate(() => window.ran), undefined, "no script of the plan ran");
  assert.equal(await report.evaluate(() => document.scripts.length + document.images.length), 0);
  assert.deepEqual(requests, [pathToFileURL(file).href], "the report loads nothing");
  assert.ok(await report.evaluate(() => document.querySelectorAll("svg polyline").length) >= 4);
  const text = await report.evaluate(() => document.body.innerText);
  for (const heading of ["Trust per stakeholder", "Trust over time", "Roadmap", "Explanation at month 24", "Notes"])
    assert.ok(text.includes(heading), heading);
  assert.ok(text.includes(plan.stakeholders[1].name));
  await report.setViewportSize({width: 1100, height: 900});
  await report.screenshot({path: path.join(SCREENSHOTS, "report.png"), fullPage: true});
  await report.emulateMedia({media: "print"});
  await report.screenshot({path: path.join(SCREENSHOTS, "report-print.png"), fullPage: true});
  const pdf = await report.pdf({format: "A4", printBackground: true});
  fs.writeFileSync(path.join(SCREENSHOTS, "report.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 3 && pages <= 12, `the report prints on a few A4 pages (got ${pages})`);
  await report.context().close();
  await page.context().close();
});

test("the Markdown report and the CSV download with the CLI's names and content", async () => {
  const page = await h.newPage();
  await openPlan(page, example("retail-bank.json"), "retail-bank.json");
  const md = await exportItem(page, "Markdown report");
  assert.match(md.suggestedFilename(), / - report\.md$/);
  assert.match(fs.readFileSync(await md.path(), "utf8"), /^# .+\n[\s\S]*\| Stakeholder \|/);
  const csv = await exportItem(page, "Projection as CSV");
  assert.match(csv.suggestedFilename(), / - projection\.csv$/);
  const rows = fs.readFileSync(await csv.path(), "utf8").split("\r\n").filter((l) => l);
  const summary = await page.evaluate(() => window.fiducia.summary());
  assert.equal(rows[0], "month,label,stakeholder_id,stakeholder,trust,band_low,band_high,retained,trust_index");
  assert.equal(rows.length, 1 + summary.months.length * Object.keys(summary.months[0].stakeholders).length);
  const [id] = Object.keys(summary.months[0].stakeholders);
  const first = rows[1].split(",");
  assert.equal(first[2], id);
  assert.equal(Number(first[4]), summary.months[0].stakeholders[id].trust);
  assert.equal(Number(first[8]), summary.months[0].trust_index);
  await page.context().close();
});

test("the chart PNG is the chart on screen, sharp at the device pixel ratio, not blank", async () => {
  for (const scale of [1, 2]) {
    const page = await h.newPage({deviceScaleFactor: scale});
    await openPlan(page, example("online-shop.json"), "online-shop.json");
    await clickItem(page, "Projection", HOLD);
    await waitForItem(page, "##trust-over-time");
    const download = await exportItem(page, "Current chart as PNG");
    const chart = await page.evaluate(() => window.fiducia.locate("##trust-over-time"));  // as it was taken
    assert.match(download.suggestedFilename(), / - Projection\.png$/);
    const bytes = fs.readFileSync(await download.path());
    assert.equal(bytes.subarray(1, 4).toString("ascii"), "PNG");
    fs.writeFileSync(path.join(SCREENSHOTS, `chart-export-x${scale}.png`), bytes);
    const png = decodePng(bytes);
    assert.ok(Math.abs(png.width - chart.width * scale) <= 2, `width ${png.width} for a chart ${chart.width} x ${scale}`);
    assert.ok(png.height >= chart.height * scale - 2, "the chart's height, and its legend below");
    assert.ok(png.height <= chart.height * scale + 160 * scale, "no more than the chart and its legend");
    const ink = inkStats(png);
    assert.ok(ink.colours > 20 && ink.inkShare > 0.05, `a drawn chart, not a blank (${JSON.stringify(ink)})`);
    await page.context().close();
  }
});

test("with the page in Chinese, the HTML report is written in Chinese, the same bytes as fiducia report --language zh", async () => {
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, "assets/i18n/zh.json"), "utf8"));
  const page = await h.newPage();
  await openPlan(page, example("online-shop.json"), "online-shop.json");
  await clickItem(page, "Language", HOLD);
  await waitForItem(page, "简体中文");
  await clickItem(page, "简体中文", HOLD);
  await waitForItem(page, zh["Dashboard"]);
  await clickItem(page, zh["File"], HOLD);
  await waitForItem(page, zh["Export"]);
  await clickItem(page, zh["Export"], HOLD);
  await waitForItem(page, zh["HTML report"]);
  const [download] = await Promise.all([page.waitForEvent("download"), clickItem(page, zh["HTML report"], HOLD)]);
  const file = path.join(SCREENSHOTS, "report-zh.html");
  fs.copyFileSync(await download.path(), file);
  const html = fs.readFileSync(file, "utf8");
  assert.match(html, /<html lang="zh">/);
  // The same bytes as the command-line tool writes in Chinese: one report, wherever it is made.
  const cli = execFileSync(path.join(ROOT, "build/native/fiducia"),
                           ["report", path.join(ROOT, "assets/examples/online-shop.json"), "--format", "html", "--language", "zh"]);
  assert.equal(html, cli.toString("utf8"));
  const report = await h.newPage();
  await report.goto(pathToFileURL(file).href);
  const text = await report.evaluate(() => document.body.innerText);
  for (const heading of ["Trust report", "Trust per stakeholder", "Roadmap"]) {
    assert.ok(text.includes(zh[heading]), `${heading} -> ${zh[heading]}`);
    assert.ok(!text.includes(heading), `no English "${heading}"`);
  }
  await report.setViewportSize({width: 1100, height: 900});
  await report.screenshot({path: path.join(SCREENSHOTS, "report-zh.png")});
  await report.context().close();
  await page.context().close();
});
