// The command-line tool natively and under node: same bytes out for the same plan and seed, and
// clear exit codes (0 ok, 1 bad plan, 2 usage) on bad input.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EXAMPLES, NATIVE, NODE, run } from "./cli-harness.mjs";

const COMMANDS = [["project", "--json"], ["simulate", "--json", "--customers", "2000", "--seed", "7"],
  ["optimise", "--json", "--budget", "250000"], ["sensitivity", "--json"], ["format"], ["validate"],
  ["calibrate", "--json"], ["calibrate"]];

for (const plan of EXAMPLES) {
  for (const command of COMMANDS) {
    test(`${command.join(" ")} ${path.basename(plan)}: byte-identical natively and under node`, () => {
      const args = [command[0], plan, ...command.slice(1)];
      const native = run(NATIVE, args), node = run(NODE, args);
      assert.equal(native.code, 0, native.err);
      assert.equal(node.code, 0, node.err);
      assert.ok(native.out.length > 0);
      assert.equal(node.out, native.out);
    });
  }
}

test("calibrate: the documented keys, and -o writes the plan with only the fitted base rates changed", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-calibrate-"));
  for (const plan of EXAMPLES) {
    const out = path.join(dir, path.basename(plan));
    const r = run(NATIVE, ["calibrate", plan, "--json", "-o", out]);
    assert.equal(r.code, 0, r.err);
    const c = JSON.parse(r.out);
    assert.deepEqual(Object.keys(c), ["stakeholders", "backtest", "coverage"]);
    assert.ok(c.stakeholders.length > 0, `${plan} has trust-share measurements`);
    for (const g of c.stakeholders) {
      assert.deepEqual(Object.keys(g), ["id", "base_rate_before", "base_rate_after", "observations", "rmse_before", "rmse_after"]);
      assert.ok(g.base_rate_after >= 0.01 && g.base_rate_after <= 0.99);
      assert.ok(g.rmse_after <= g.rmse_before + 1e-12, `${g.id}: the fit is no worse than the plan`);
    }
    for (const b of c.backtest) {
      assert.deepEqual(Object.keys(b), ["stakeholder", "month", "observed", "projected", "band", "inside"]);
      assert.equal(b.inside, b.band[0] <= b.observed && b.observed <= b.band[1]);
    }
    assert.equal(c.coverage, c.backtest.filter((b) => b.inside).length / c.backtest.length);
    const before = JSON.parse(fs.readFileSync(plan, "utf8")), after = JSON.parse(fs.readFileSync(out, "utf8"));
    for (const s of before.stakeholders) {
      const g = c.stakeholders.find((x) => x.id === s.id);
      if (g) s.base_rate = g.base_rate_after;
    }
    assert.deepEqual(after, before);
  }
  // Nothing measured: nothing to fit or test, and coverage is null.
  const bare = path.join(dir, "bare.json"), source = JSON.parse(fs.readFileSync(EXAMPLES[0], "utf8"));
  delete source.observations;
  fs.writeFileSync(bare, JSON.stringify(source));
  assert.deepEqual(JSON.parse(run(NATIVE, ["calibrate", bare, "--json"]).out), {stakeholders: [], backtest: [], coverage: null});
  assert.match(run(NATIVE, ["calibrate", bare]).out, /nothing to fit or test/);
});

test("format re-saves every example unchanged (they are canonical)", () => {
  for (const plan of EXAMPLES) assert.equal(run(NATIVE, ["format", plan]).out, fs.readFileSync(plan, "utf8"));
});

test("bad input: one-line reasons and exit codes 2 (usage) or 1 (bad plan), never a crash", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-cli-"));
  const bad = path.join(dir, "bad.json");
  fs.writeFileSync(bad, JSON.stringify({fiducia: "plan", version: 1, stakeholders: [{id: "Bad Id", name: "x"}]}));
  const out = path.join(dir, "out.json");
  for (const cli of [NATIVE, NODE]) {
    assert.equal(run(cli, ["frobnicate"]).code, 2);
    assert.equal(run(cli, ["project", EXAMPLES[0], "--no-such-option"]).code, 2);
    assert.equal(run(cli, ["project", path.join(dir, "missing.json")]).code, 2);
    const invalid = run(cli, ["validate", bad]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.out + invalid.err, /\/stakeholders\/0\/id/);
    assert.equal(run(cli, ["format", bad, "-o", out]).code, 1);
    assert.equal(fs.existsSync(out), false, "a bad plan must not produce an output file");
    const newer = path.join(dir, "newer.json");
    fs.writeFileSync(newer, fs.readFileSync(EXAMPLES[0], "utf8").replace('"version": 1', '"version": 2'));
    assert.equal(run(cli, ["validate", newer]).code, 0);
    assert.equal(run(cli, ["format", newer, "-o", out]).code, 1, "a newer file is never rewritten");
    assert.equal(fs.existsSync(out), false);
  }
});

test("--threads N: simulate, optimise and sensitivity give the same bytes for every N, natively and under node", () => {
  const commands = [["simulate", "--json", "--customers", "3001", "--seed", "5"], ["optimise", "--json", "--budget", "250000"],
    ["optimise", "--json", "--budget", "250000", "--max-nodes", "2"], ["sensitivity", "--json"]];  // 2: searches stop unproven
  for (const plan of EXAMPLES.slice(0, 2)) {
    for (const command of commands) {
      const args = [command[0], plan, ...command.slice(1)];
      const one = run(NATIVE, [...args, "--threads", "1"]);
      assert.equal(one.code, 0, one.err);
      for (const threads of ["2", "3", "8"]) {
        const many = run(NATIVE, [...args, "--threads", threads]);
        assert.equal(many.code, 0, many.err);
        assert.equal(many.out, one.out, `${command[0]} ${path.basename(plan)} --threads ${threads}`);
      }
      assert.equal(run(NATIVE, args).out, one.out, "the default (every core) too");
      assert.equal(run(NODE, [...args, "--threads", "4"]).out, one.out, "node runs the shares one after another");
      if (command.includes("--max-nodes")) assert.ok(JSON.parse(one.out).frontier.some((f) => !f.proven), "the limit was reached");
    }
  }
  for (const bad of ["0", "x", "257"]) {
    const r = run(NATIVE, ["simulate", EXAMPLES[0], "--threads", bad]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--threads must be an integer from 1 to 256/);
  }
});

test("simulate: a month nobody is left in has no trust percentiles (text '-', JSON null), natively and under node", () => {
  const shop = JSON.parse(fs.readFileSync(EXAMPLES.find((p) => p.endsWith("online-shop.json")), "utf8"));
  for (const t of shop.touchpoints)  // shoppers whose every visit goes badly: all leave in the first month
    if (t.stakeholder === "shoppers") Object.assign(t, {bad_share: 0.9, interactions_per_month: Math.max(4, t.interactions_per_month)});
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-gone-")), "gone.json");
  fs.writeFileSync(file, JSON.stringify(shop));
  const json = run(NATIVE, ["simulate", file, "--customers", "200", "--json"]);
  assert.equal(json.code, 0, json.err);
  assert.equal(run(NODE, ["simulate", file, "--customers", "200", "--json"]).out, json.out);
  const months = JSON.parse(json.out).months.map((m) => m.stakeholders.shoppers);
  assert.equal(typeof months[0].trust_p50, "number");
  assert.equal(months[2].retained, 0);
  assert.deepEqual([months[2].trust_p05, months[2].trust_p50, months[2].trust_p95], [null, null, null]);
  const text = run(NATIVE, ["simulate", file, "--customers", "200"]).out;
  assert.match(text, /\n +2 +0\.0 +0\.00 +\S+ +- +- +-\n/);
});

// Survey exports (issue 15): the samples in tests/survey/ are hand-made exports of each kind.
const SURVEYS = path.join(path.dirname(EXAMPLES[0]), "../../tests/survey");
const SHOP = EXAMPLES.find((p) => p.endsWith("online-shop.json"));
const GOOD_SURVEYS = ["shop-google-forms.csv", "shop-excel-semicolon.csv", "shop-qualtrics.csv", "no-group-tabs.csv", "edge-groups.csv"];

test("drivers and survey: byte-identical natively and under node, on each kind of export", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-survey-"));
  for (const name of GOOD_SURVEYS) {
    const csv = path.join(SURVEYS, name);
    for (const args of [["drivers", csv], ["drivers", csv, "--json"]]) {
      const native = run(NATIVE, args), node = run(NODE, args);
      assert.equal(native.code, 0, native.err);
      assert.equal(node.out, native.out, args.join(" "));
    }
    if (name.startsWith("shop-")) {
      const written = [NATIVE, NODE].map((cli, i) => {
        const out = path.join(dir, `${i}-${name}.json`);
        const r = run(cli, ["survey", SHOP, csv, "--month", "3", "-o", out, "--json"]);
        assert.equal(r.code, 0, r.err);
        return [r.out, fs.readFileSync(out, "utf8")];
      });
      assert.deepEqual(written[1], written[0]);
      const report = JSON.parse(written[0][0]);
      assert.deepEqual(report.groups.map((g) => g.stakeholder), ["shoppers", "sellers", "warehouse"]);
      const plan = JSON.parse(written[0][1]);
      const added = plan.observations.filter((o) => o.source === name);
      assert.deepEqual(added, report.observations);
      assert.ok(added.every((o) => o.month === 3 && o.n > 0));
      assert.equal(added.filter((o) => o.metric === "nps").length, name === "shop-google-forms.csv" ? 3 : 0);
      assert.equal(run(NATIVE, ["validate", path.join(dir, `0-${name}.json`)]).out, "ok\n");
    }
  }
  // The same answers, exported three ways, give the same weights.
  const weights = ["shop-google-forms.csv", "shop-qualtrics.csv"].map((n) =>
    JSON.parse(run(NATIVE, ["drivers", path.join(SURVEYS, n), "--json"]).out));
  assert.deepEqual(weights[1], weights[0]);
  for (const g of weights[0].groups) assert.ok(Math.abs(Object.values(g.weights).reduce((a, b) => a + b) - 1) < 1e-12);
});

test("drivers and survey: bad files exit 1 naming what and where; an unknown group writes nothing", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-survey-"));
  const out = path.join(dir, "out.json");
  const binary = path.join(dir, "photo.csv");
  fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const big = path.join(dir, "big.csv");
  fs.writeFileSync(big, "group,overall\n" + "a,5\n".repeat(5.3e6));
  for (const cli of [NATIVE, NODE]) {
    const cases = [
      [["drivers", path.join(SURVEYS, "no-overall.csv")], 1, /no-overall\.csv: line 1: no `overall` column \(the columns are: group, trust, honesty\)/],
      [["drivers", path.join(SURVEYS, "open-quote.csv")], 1, /line 3: a quoted cell is never closed/],
      [["drivers", binary], 1, /photo\.csv: not a CSV file: it is a PNG image/],
      [["drivers", big], 1, /big\.csv: the file is too large: \d+ bytes \(a survey file may have at most 20 MB\)/],
      [["drivers", path.join(dir, "missing.csv")], 2, /cannot open/],
      [["drivers"], 2, /'drivers' needs one survey file/],
      [["survey", SHOP, path.join(SURVEYS, "unknown-group.csv"), "--month", "1", "-o", out], 1,
        /group 'visitors' matches no stakeholder's id or name \(the plan's: shoppers \(Online shoppers\), .*; nothing written/],
      [["survey", SHOP, path.join(SURVEYS, "no-group-tabs.csv"), "--month", "1", "-o", out], 1, /the rows without a group match no stakeholder/],
      [["survey", SHOP, path.join(SURVEYS, "shop-qualtrics.csv"), "--month", "25", "-o", out], 2, /--month must be a whole month from 0 to the plan's horizon, 24 \(got '25'\)/],
      [["survey", SHOP, path.join(SURVEYS, "shop-qualtrics.csv"), "-o", out], 2, /'survey' needs --month M/],
      [["survey", SHOP, path.join(SURVEYS, "shop-qualtrics.csv"), "--month", "1"], 2, /'survey' needs -o OUT/],
    ];
    for (const [args, code, message] of cases) {
      const r = run(cli, args);
      assert.equal(r.code, code, `${args.join(" ")}: ${r.err}`);
      assert.match(r.err, message);
      assert.equal(fs.existsSync(out), false, "a refused survey writes nothing");
    }
  }
});
