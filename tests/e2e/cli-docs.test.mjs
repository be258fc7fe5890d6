// The repository carries its own specs: nothing tracked points outside it, and docs/FORMAT.md
// names every key the plan writer and the machine-readable output emit, in the section about it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EXAMPLES, NATIVE, ROOT, run } from "./cli-harness.mjs";

const FORMAT = fs.readFileSync(path.join(ROOT, "docs/FORMAT.md"), "utf8");

// The text under a heading, up to the next heading of the same or a higher level.
function section(heading) {
  const level = heading.match(/^#+/)[0].length;
  const lines = FORMAT.split("\n");
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `docs/FORMAT.md has no heading "${heading}"`);
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && lines[end].match(/^#+/)[0].length <= level)) ++end;
  return lines.slice(start, end).join("\n");
}

// A key is named when it stands in backticks, alone or at the end of a path (`abandonment.kappa`).
function names(text, key) {
  return new RegExp("`(?:[^`\\s]*\\.)?" + key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "`").test(text);
}

function tracked() {
  return execFileSync("git", ["ls-files", "-z"], {cwd: ROOT, encoding: "utf8"}).split("\0").filter(Boolean);
}

test("no tracked file points outside the repository", () => {
  const problems = [];
  for (const file of tracked()) {
    const full = path.join(ROOT, file);
    if (!fs.statSync(full).isFile()) continue;
    const bytes = fs.readFileSync(full);
    if (bytes.includes(0)) continue;  // binary (the screenshot)
    const text = bytes.toString("utf8");
    text.split("\n").forEach((line, i) => {
      const at = `${file}:${i + 1}`;
      if (/\.\.\/shared\b|\/work\/|\/home\/|\/Users\//.test(line)) problems.push(`${at}: ${line.trim()}`);
      // A relative path that climbs out of the repository from the file's own folder.
      for (const m of line.matchAll(/(?<![\w.])(?:\.\.\/)+(?:\.\.(?![\w.]))?/g)) {
        const target = path.resolve(path.dirname(full), m[0]);
        if (path.relative(ROOT, target).startsWith("..")) problems.push(`${at}: ${line.trim()}`);
      }
    });
    // README and tests name the specs by their place in the repository.
    if (file === "README.md" || file.startsWith("tests/")) {
      for (const m of text.matchAll(/(?<![\w/])(?:FORMAT|MODEL)\.md/g)) problems.push(`${file}: bare ${m[0]}, write docs/${m[0]}`);
    }
  }
  assert.deepEqual(problems, []);
});

test("every section of docs/FORMAT.md or docs/MODEL.md cited by name exists", () => {
  const docs = {FORMAT: FORMAT, MODEL: fs.readFileSync(path.join(ROOT, "docs/MODEL.md"), "utf8")};
  const flat = (t) => t.toLowerCase().replace(/\s+/g, " ");
  const missing = [];
  for (const file of tracked()) {
    if (file.startsWith("docs/") || !/\.(cpp|hpp|mjs|js|md|html)$/.test(file)) continue;
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/\b(FORMAT|MODEL)\.md,? \(?"([^"\n]+)"/g))
      if (!flat(docs[m[1]]).includes(flat(m[2]))) missing.push(`${file}: ${m[1]}.md "${m[2]}"`);
  }
  assert.deepEqual(missing, []);
});

// Every object key of a JSON document with the path of the object holding it ("" at the top,
// "stakeholders[]", "actions[].effects[]", ...). Keys that are data, not names of the format
// (stakeholder ids, dimension ids), are walked through but not listed.
function keys(value, where = "", data = new Set(), out = []) {
  if (Array.isArray(value)) {
    for (const item of value) keys(item, `${where}[]`, data, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const leaf = where.split(".").pop().replace(/\[\]$/, "");
      if (data.has(leaf)) {
        keys(v, `${where}.*`, data, out);
      } else {
        out.push({where, key: k});
        keys(v, where ? `${where}.${k}` : k, data, out);
      }
    }
  }
  return out;
}

// The plan the writer emits with every optional extension set, besides the examples as they are.
function plansWritten() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-docs-"));
  const plan = JSON.parse(fs.readFileSync(EXAMPLES[0], "utf8"));
  const group = plan.stakeholders[0].id;
  plan.meta.base = "sha256:" + "0".repeat(64);
  plan.workshop.id = "ws-docs";
  plan.workshop.title = "Docs";
  plan.workshop.stakeholders = [group];
  plan.workshop.importance = [{participant: plan.workshop.participants[0].id, stakeholder: group,
    dimension: "honesty", importance: 4}];
  const extended = path.join(dir, "extended.json");
  fs.writeFileSync(extended, JSON.stringify(plan));
  return [...EXAMPLES, extended].map((file) => {
    const r = run(NATIVE, ["format", file]);
    assert.equal(r.code, 0, r.err);
    return JSON.parse(r.out);
  });
}

// Where each part of a plan is documented.
const PLAN_SECTIONS = {
  "": "## Top level", "meta": "### meta", "settings": "### settings", "settings.abandonment": "### settings",
  "culture": "### culture", "stakeholders[]": "### stakeholder", "knowledge_sources[]": "### knowledge_source",
  "touchpoints[]": "### touchpoint", "commitments[]": "### commitment", "actions[]": "### action",
  "actions[].effects[]": "### action", "scenarios[]": "### scenario", "observations[]": "### observation",
  "workshop": "### workshop", "workshop.participants[]": "### workshop", "workshop.ratings[]": "### workshop",
  "workshop.importance[]": "### workshop",
};

test("docs/FORMAT.md names every key the plan writer emits, in its entity's section", () => {
  const missing = new Set();
  for (const plan of plansWritten()) {
    for (const {where, key} of keys(plan, "", new Set(["coverage", "weights", "dimensions"]))) {
      const heading = PLAN_SECTIONS[where];
      if (!heading) missing.add(`${where}.${key}: no section of docs/FORMAT.md is known for ${where}`);
      else if (!names(section(heading), key)) missing.add(`${where ? where + "." : ""}${key} (under "${heading}")`);
    }
  }
  for (const dimension of ["transactions", "promises", "honesty", "advice", "empathy"])
    if (!names(FORMAT, dimension)) missing.add(`the dimension ${dimension}`);
  assert.deepEqual([...missing], []);
});

test("docs/FORMAT.md's output section names every key of project --json and simulate --json", () => {
  const output = section("## Machine-readable output");
  const missing = new Set();
  for (const plan of EXAMPLES) {
    for (const args of [["project", plan, "--json"], ["simulate", plan, "--json", "--customers", "200"]]) {
      const r = run(NATIVE, args);
      assert.equal(r.code, 0, r.err);
      const summary = JSON.parse(r.out);
      const found = keys(summary, "", new Set(["stakeholders", "dimensions"]));
      assert.ok(found.some((k) => k.key === "trust_p50") || args[0] === "project");
      for (const {key} of found) if (!names(output, key)) missing.add(`${args[0]}: ${key}`);
    }
  }
  assert.deepEqual([...missing], []);
});

test("docs/FORMAT.md's survey section names every key of drivers --json and survey --json", () => {
  const text = section("## Survey files");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-docs-"));
  const shop = EXAMPLES.find((p) => p.endsWith("online-shop.json"));
  const missing = new Set();
  for (const csv of ["tests/survey/shop-google-forms.csv", "tests/survey/edge-groups.csv"]) {
    const drivers = run(NATIVE, ["drivers", csv, "--json"]);
    assert.equal(drivers.code, 0, drivers.err);
    for (const {key} of keys(JSON.parse(drivers.out), "", new Set(["weights"]))) if (!names(text, key)) missing.add(key);
  }
  const survey = run(NATIVE, ["survey", shop, "tests/survey/shop-google-forms.csv", "--month", "1", "-o", path.join(dir, "out.json"), "--json"]);
  assert.equal(survey.code, 0, survey.err);
  for (const {key} of keys(JSON.parse(survey.out))) if (!names(text, key)) missing.add(key);
  assert.deepEqual([...missing], []);
});
