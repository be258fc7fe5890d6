// `fiducia diff` and `fiducia merge` natively and under node: the same bytes out, a clean merge
// written, conflicts listed with exit 1 and nothing written, a base that is not the ancestor refused.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NATIVE = [path.join(ROOT, "build/native/fiducia")];
const NODE = [process.execPath, path.join(ROOT, "build/web/fiducia-cli.js")];
const SHOP = path.join(ROOT, "assets/examples/online-shop.json");

function run(cli, args) {
  const r = spawnSync(cli[0], [...cli.slice(1), ...args], {encoding: "utf8", cwd: ROOT});
  return {code: r.status, out: r.stdout, err: r.stderr};
}

// Writes edited copies of the example plan into a fresh folder; `edit` changes a parsed copy.
function copies(edits) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-compare-"));
  const files = {};
  for (const [name, edit] of Object.entries(edits)) {
    const plan = JSON.parse(fs.readFileSync(SHOP, "utf8"));
    edit(plan);
    files[name] = path.join(dir, name + ".json");
    fs.writeFileSync(files[name], JSON.stringify(plan, null, 2) + "\n");
  }
  return {dir, files};
}

test("diff: every change with its pointer and old -> new, and the trust change; same bytes natively and under node", () => {
  const {files} = copies({
    a: () => {},
    b: (p) => { p.touchpoints[2].bad_share = 0.5; p.touchpoints.splice(1, 1); p.settings.forgetting = 0.8; },
  });
  const native = run(NATIVE, ["diff", files.a, files.b]);
  assert.equal(native.code, 0, native.err);
  const original = JSON.parse(fs.readFileSync(SHOP, "utf8"));
  // Matched by id: the delivery touchpoint moved up one place when checkout was removed.
  assert.match(native.out, new RegExp(`/touchpoints/1/bad_share: ${original.touchpoints[2].bad_share} -> 0.5`));
  assert.match(native.out, new RegExp(`- removed ${original.touchpoints[1].id}`));
  assert.match(native.out, new RegExp(`/settings/forgetting: ${original.settings.forgetting} -> 0.8`));
  assert.match(native.out, /Trust Index, month 24 +\d+\.\d +\d+\.\d +[-+]\d+\.\d/);
  assert.equal(run(NODE, ["diff", files.a, files.b]).out, native.out);

  const json = run(NATIVE, ["diff", files.a, files.b, "--json"]);
  assert.equal(json.code, 0);
  const d = JSON.parse(json.out);
  assert.equal(d.same, false);
  assert.deepEqual(d.fields, [{pointer: "/settings/forgetting", before: original.settings.forgetting, after: 0.8}]);
  assert.deepEqual(d.entities.map((e) => e.change), ["removed", "changed"]);
  assert.equal(d.entities[1].fields[0].pointer, "/touchpoints/1/bad_share");
  const [before, after] = d.trust.index.horizon;
  assert.ok(after < before, "a worse touchpoint lowers the Trust Index at the horizon");
  assert.equal(run(NODE, ["diff", files.a, files.b, "--json"]).out, json.out);
  assert.equal(JSON.parse(run(NATIVE, ["diff", files.a, files.a, "--json"]).out).same, true);
});

test("merge: disjoint edits are written to OUT; the same merge natively and under node", () => {
  const {dir, files} = copies({
    base: () => {},
    ours: (p) => { p.touchpoints[0].bad_share = 0.3; },
    theirs: (p) => { p.commitments[0].kept_share = 0.5; p.meta.title = "Shop plan (theirs)"; },
  });
  const outs = [];
  for (const cli of [NATIVE, NODE]) {
    const out = path.join(dir, `out-${outs.length}.json`);
    const r = run(cli, ["merge", files.base, files.ours, files.theirs, "-o", out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Merged into .*: 2 changes from/);
    outs.push(fs.readFileSync(out, "utf8"));
  }
  assert.equal(outs[1], outs[0]);
  const merged = JSON.parse(outs[0]);
  assert.equal(merged.touchpoints[0].bad_share, 0.3);
  assert.equal(merged.commitments[0].kept_share, 0.5);
  assert.equal(merged.meta.title, "Shop plan (theirs)");
  assert.match(merged.meta.base, /^sha256:[0-9a-f]{64}$/, "the merge records itself as the next ancestor");
  assert.equal(run(NATIVE, ["validate", path.join(dir, "out-0.json")]).code, 0);
});

test("merge: conflicts are listed (pointer, base, ours, theirs) with exit 1, and nothing is written", () => {
  const {dir, files} = copies({
    base: () => {},
    ours: (p) => { p.touchpoints[2].bad_share = 0.25; p.stakeholders[0].name = "Our customers"; },
    theirs: (p) => { p.touchpoints[2].bad_share = 0.75; p.stakeholders[0].name = "Their customers"; },
  });
  const out = path.join(dir, "out.json");
  for (const cli of [NATIVE, NODE]) {
    const r = run(cli, ["merge", files.base, files.ours, files.theirs, "-o", out]);
    assert.equal(r.code, 1);
    assert.match(r.out, /^2 conflicts/);
    assert.match(r.out, /\/touchpoints\/2\/bad_share .*\n  base: +[\d.]+\n  ours: +0.25\n  theirs: +0.75\n/);
    assert.match(r.out, /\/stakeholders\/0\/name .*\n  base: +"[^"]+"\n  ours: +"Our customers"\n  theirs: +"Their customers"/);
    assert.equal(fs.existsSync(out), false, "a merge with conflicts writes nothing");
    const json = run(cli, ["merge", files.base, files.ours, files.theirs, "-o", out, "--json"]);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.out);
    assert.equal(report.ok, false);
    assert.deepEqual(report.conflicts.map((c) => [c.pointer, c.ours, c.theirs]),
      [["/stakeholders/0/name", "Our customers", "Their customers"], ["/touchpoints/2/bad_share", 0.25, 0.75]]);
  }
});

test("merge: a BASE that is not the ancestor the copies name is refused, unless --any-base", () => {
  const ancestor = "sha256:" + "0".repeat(64);
  const {dir, files} = copies({
    base: () => {},
    ours: (p) => { p.meta.base = ancestor; p.touchpoints[0].bad_share = 0.3; },
    theirs: (p) => { p.meta.base = ancestor; },
  });
  const out = path.join(dir, "out.json");
  const r = run(NATIVE, ["merge", files.base, files.ours, files.theirs, "-o", out]);
  assert.equal(r.code, 1);
  assert.match(r.err, new RegExp(`ours.json was opened from ${ancestor}, but .*base.json is sha256:[0-9a-f]{64}: not the version it was made from`));
  assert.equal(fs.existsSync(out), false);
  const forced = run(NATIVE, ["merge", files.base, files.ours, files.theirs, "-o", out, "--any-base"]);
  assert.equal(forced.code, 0, forced.err);
  assert.match(forced.err, /warning: .*merging anyway/);
  // Usage problems: exit 2.
  assert.equal(run(NATIVE, ["merge", files.base, files.ours, files.theirs]).code, 2);
  assert.equal(run(NATIVE, ["diff", files.base]).code, 2);
  assert.equal(run(NATIVE, ["diff", files.base, files.ours, "--frobnicate"]).code, 2);
});
