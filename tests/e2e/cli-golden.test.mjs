// Refactoring guard: every command's stdout, stderr, exit code and written file, on the examples and
// on bad command lines, must keep the digest recorded in tests/golden/cli.json. A change that is
// meant to alter output re-records it: UPDATE_GOLDEN=1 node --test tests/e2e/cli-golden.test.mjs
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EXAMPLES, NATIVE, ROOT, run } from "./cli-harness.mjs";

const GOLDEN = path.join(ROOT, "tests/golden/cli.json");
const digest = (text) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 32);
const rel = (p) => path.relative(ROOT, p);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-golden-"));
const OUT = path.join(scratch, "out");

function invocations() {
  const list = [["--help"], ["--version"], [], ["frobnicate"], ["project"], ["validate", "missing.json"]];
  for (const plan of EXAMPLES) {
    const p = rel(plan), scenarios = (JSON.parse(fs.readFileSync(plan, "utf8")).scenarios ?? []).map((s) => s.id);
    list.push(["validate", p], ["format", p], ["format", p, "-o", OUT], ["project", p], ["project", p, "--json"],
      ["simulate", p, "--customers", "2000", "--seed", "7"], ["simulate", p, "--customers=1500", "--json"],
      ["optimise", p, "--budget", "250000"], ["optimise", p, "--budget", "250000", "--json"],
      ["optimize", p, "--budget=90000", "--objective", "value", "--json"],
      ["optimise", p, "--budget", "250000", "--max-nodes", "2"], ["optimise", p, "--budget", "250000", "--max-nodes=2", "--json"],
      ["sensitivity", p], ["sensitivity", p, "--json"],
      ["calibrate", p], ["calibrate", p, "--json", "-o", OUT],
      ["report", p, "--format", "md"], ["report", p, "--format", "csv"], ["report", p, "-f", "html", "-o", OUT],
      ["diff", p, rel(EXAMPLES[0])], ["diff", rel(EXAMPLES[0]), p, "--json"],
      ["merge", p, p, p, "-o", OUT], ["merge", p, p, p, "--output=" + OUT, "--json"], ["merge", rel(EXAMPLES[0]), p, p, "-o", OUT, "--any-base"]);
    for (const language of ["zh", "it", "id"]) list.push(["report", p, "--format", "html", "--language", language]);
    for (const s of scenarios) list.push(["project", p, "--scenario", s, "--json"], ["sensitivity", p, "--scenario=" + s],
      ["simulate", p, "--scenario", s, "--customers", "1000", "--json"], ["report", p, "--format", "md", "--scenario", s]);
  }
  const p = rel(EXAMPLES[0]);
  list.push(["project", p, "--no-such-option"], ["project", p, "--scenario"], ["project", p, "--scenario", "nope"],
    ["simulate", p, "--customers", "abc"], ["simulate", p, "--customers", "0"], ["simulate", p, "--seed", "-1"],
    ["optimise", p], ["optimise", p, "--budget", "-5"], ["optimise", p, "--budget", "9", "--objective", "fame"],
    ["optimise", p, "--budget", "9", "--max-nodes", "0"], ["optimise", p, "--budget", "9", "--max-nodes", "many"],
    ["validate", p, "--json"], ["format", p, "--json"], ["calibrate", p, "--scenario", "nope"], ["calibrate", p, "--budget", "1"], ["project", p, "extra.json"], ["report", p],
    ["report", p, "--format", "pdf"], ["report", p, "--format", "md", "--language", "xx"], ["diff", p],
    ["merge", p, p, p], ["merge", p, p], ["project", p, "--help"], ["report", p, "--help"], ["diff", "--help"]);
  // Each command's way with option spellings (one parser reads them all: src/app/cli_args.hpp).
  list.push(["project", p, "--json=1"], ["project", p, "--bogus=1"], ["project", p, "-"], ["project", p, "--scenario", "--json"],
    ["validate", "", p], ["format", p, "--output=" + OUT], ["format", p, "-o=x"], ["format", p, "--output"],
    ["simulate", "--seed=3", p, "--customers", "500", "--seed", "4"], ["optimise", p, "--budget="],
    ["diff", p, p, "--json=1"], ["diff", p, p, "--bogus=1"], ["diff", p, p, "-o", OUT], ["diff", p, p, "--output=x"],
    ["diff", p, p, p], ["diff", p, "-", "--json"], ["merge", p, p, p, "-o"], ["merge", p, p, p, "--output"],
    ["merge", p, p, p, "--any-base=1", "-o", OUT], ["merge", p, p, p, "--output=", "--json"], ["merge", "", p, p, p, "-o", OUT],
    ["report", p, "--format"], ["report", p, "--bogus"], ["report", p, "--bogus=1"], ["report", p, "x"],
    ["report", "-f", "md", p, "--language=it", "--scenario=zzz"], ["report", p, "--format=csv", "--output=" + OUT],
    ["report", p, "-f=md"], ["report", "", p, "--format", "md"], ["report", p, "-", "--format", "md"]);
  // Survey exports (issue 15): the hand-made samples of tests/survey/, good and bad.
  const shop = "assets/examples/online-shop.json";
  for (const f of fs.readdirSync(path.join(ROOT, "tests/survey")).filter((f) => f.endsWith(".csv")).sort()) {
    const csv = "tests/survey/" + f;
    list.push(["drivers", csv], ["drivers", csv, "--json"], ["survey", shop, csv, "--month", "2", "-o", OUT, "--json"]);
  }
  list.push(["survey", shop, "tests/survey/shop-google-forms.csv", "--month=0", "--output=" + OUT], ["drivers"], ["drivers", "--json=1"],
    ["survey", shop, "tests/survey/shop-google-forms.csv", "--month", "x", "-o", OUT], ["survey", shop, "-o", OUT, "--month", "1"]);
  for (const f of fs.readdirSync(path.join(ROOT, "tests/plans/bad")).filter((f) => f.endsWith(".json")).sort())
    list.push(["validate", "tests/plans/bad/" + f]);
  return list;
}

function record(args) {
  fs.rmSync(OUT, {force: true});
  const r = run(NATIVE, args);
  const written = fs.existsSync(OUT) ? digest(fs.readFileSync(OUT)) : null;
  // The scratch folder differs per run; merge names its output file.
  const stable = (text) => digest(text.replaceAll(scratch, "TMP"));
  return {code: r.code, out: stable(r.out), err: stable(r.err), written};
}

const key = (args) => args.join(" ").replaceAll(scratch, "TMP");

if (process.env.UPDATE_GOLDEN) {
  test("record the golden digests", () => {
    const golden = {};
    for (const args of invocations()) golden[key(args)] = record(args);
    fs.mkdirSync(path.dirname(GOLDEN), {recursive: true});
    fs.writeFileSync(GOLDEN, JSON.stringify(golden, null, 1) + "\n");
  });
} else {
  test("every command's output is byte-identical to the recorded one", () => {
    const golden = JSON.parse(fs.readFileSync(GOLDEN, "utf8"));
    const changed = [];
    const list = invocations();
    for (const args of list) {
      const want = golden[key(args)];
      if (!want) { changed.push(`${key(args)}: not recorded`); continue; }
      const got = record(args);
      for (const part of ["code", "out", "err", "written"])
        if (got[part] !== want[part]) changed.push(`fiducia ${key(args)}: ${part} differs`);
    }
    assert.equal(list.length, Object.keys(golden).length, "the recorded set and the invocations differ");
    assert.ok(list.length > 150);
    assert.deepEqual(changed, []);
  });
}
