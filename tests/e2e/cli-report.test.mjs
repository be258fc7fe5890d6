// `fiducia report`: the same bytes natively and under node for every example and format, to stdout
// or a file; escaped user text; exit codes 2 (usage, unreadable file) and 1 (invalid plan).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EXAMPLES, NATIVE, NODE, run } from "./cli-harness.mjs";

for (const plan of EXAMPLES) {
  for (const format of ["html", "md", "csv"]) {
    test(`report --format ${format} ${path.basename(plan)}: byte-identical natively and under node`, () => {
      const native = run(NATIVE, ["report", plan, "--format", format]);
      const node = run(NODE, ["report", plan, "--format", format]);
      assert.equal(native.code, 0, native.err);
      assert.equal(node.code, 0, node.err);
      assert.ok(native.out.length > 200);
      assert.equal(node.out, native.out);
    });
  }
}

test("report --language: every language natively and under node, byte for byte; the CSV stays English; an unknown one is refused", () => {
  const shop = EXAMPLES.find((p) => p.endsWith("online-shop.json"));
  const english = run(NATIVE, ["report", shop, "--format", "html"]).out;
  assert.equal(run(NATIVE, ["report", shop, "--format", "html", "--language", "en"]).out, english);
  for (const code of ["zh", "it", "id"]) {
    const words = JSON.parse(fs.readFileSync(path.join(path.dirname(shop), "../i18n", `${code}.json`), "utf8"));
    for (const format of ["html", "md"]) {
      const native = run(NATIVE, ["report", shop, "--format", format, "--language", code]);
      const node = run(NODE, ["report", shop, "--format", format, `--language=${code}`]);
      assert.equal(native.code, 0, native.err);
      assert.equal(node.out, native.out, `${code} ${format}`);
      assert.ok(native.out.includes(words["Trust per stakeholder"]), `${code} ${format}`);
      assert.ok(!native.out.includes("Trust per stakeholder"), `${code} ${format}`);
    }
    assert.ok(run(NATIVE, ["report", shop, "--format", "html", "--language", code]).out.includes(`<html lang="${code}">`));
    assert.equal(run(NATIVE, ["report", shop, "--format", "csv", "--language", code]).out,
                 run(NATIVE, ["report", shop, "--format", "csv"]).out);
  }
  assert.match(run(NATIVE, ["report", shop, "--format", "md", "--language", "it"]).out, /\d\.\d{3} EUR/);  // 30.000 EUR
  for (const cli of [NATIVE, NODE]) {
    const r = run(cli, ["report", shop, "--format", "html", "--language", "fr"]);
    assert.equal(r.code, 2);
    assert.equal(r.out, "");
    assert.match(r.err, /--language must be one of en, id, it, zh \(got 'fr'\)/);
  }
});

test("report -o writes the file; --scenario picks the scenario; the CSV has a row per month and stakeholder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-report-"));
  const shop = EXAMPLES.find((p) => p.endsWith("online-shop.json"));
  const plan = JSON.parse(fs.readFileSync(shop, "utf8"));
  for (const cli of [NATIVE, NODE]) {
    const out = path.join(dir, "report.html");
    const r = run(cli, ["report", shop, "--format=html", "-o", out, "--scenario", plan.scenarios[0].id]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, "");
    const html = fs.readFileSync(out, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes(`Scenario: <b>${plan.scenarios[0].name}</b>`));
    const csv = run(cli, ["report", shop, "--format", "csv"]).out.split("\r\n").filter((l) => l);
    assert.equal(csv.length, 1 + (plan.settings.horizon_months + 1) * plan.stakeholders.length);
  }
});

test("report: a title of <script>alert(1)</script> is text in every format", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-report-"));
  const plan = JSON.parse(fs.readFileSync(EXAMPLES[0], "utf8"));
  plan.meta.title = "<script>alert(1)</script>";
  plan.stakeholders[0].name = "=cmd|' /C calc'!A0";
  const file = path.join(dir, "hostile.json");
  fs.writeFileSync(file, JSON.stringify(plan));
  const html = run(NATIVE, ["report", file, "--format", "html"]).out;
  assert.ok(!html.toLowerCase().includes("<script"));
  assert.ok(html.includes("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  const md = run(NATIVE, ["report", file, "--format", "md"]).out;
  assert.ok(md.startsWith("# \\<script\\>alert(1)\\</script\\>\n"));
  const csv = run(NATIVE, ["report", file, "--format", "csv"]).out;
  assert.ok(!csv.includes(",=cmd"));
  assert.ok(csv.includes(",'=cmd|' /C calc'!A0,"));
});

test("report: usage errors exit 2, an invalid plan exits 1, and nothing is written", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-report-"));
  const bad = path.join(dir, "bad.json");
  fs.writeFileSync(bad, JSON.stringify({fiducia: "plan", version: 1, stakeholders: [{id: "Bad Id", name: "x"}]}));
  const out = path.join(dir, "out.html");
  for (const cli of [NATIVE, NODE]) {
    const cases = [
      [["report", EXAMPLES[0]], /--format/],
      [["report", EXAMPLES[0], "--format", "pdf"], /html, md or csv \(got 'pdf'\)/],
      [["report", "--format", "html"], /needs a PLAN/],
      [["report", EXAMPLES[0], "--format", "html", "--json"], /unknown option '--json'/],
      [["report", EXAMPLES[0], "--format", "html", "--scenario", "nope"], /no scenario 'nope'/],
      [["report", path.join(dir, "missing.json"), "--format", "html"], /cannot open/],
      [["report", EXAMPLES[0], "--format"], /needs a value/],
    ];
    for (const [args, message] of cases) {
      const r = run(cli, args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, message);
    }
    const invalid = run(cli, ["report", bad, "--format", "html", "-o", out]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.err, /\/stakeholders\/0\/id/);
    assert.equal(fs.existsSync(out), false);
  }
  assert.match(run(NATIVE, ["--help"]).out, /report PLAN --format html\|md\|csv/);
});
