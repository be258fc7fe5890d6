// fiducia.simulate, .optimise and .sensitivity on every core (web/workers.js, issue 13): Web Workers
// instantiate the page's own wasm and each runs a share of the work (customers, searches, inputs);
// the page gathers their results. The bytes are the CLI's, natively and under node, for any number
// of workers, on the page's own thread when no worker can start, and in the single file from
// file://; a cancelled run leaves no worker running.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { biggerBank, example, ROOT, startHarness } from "./harness.mjs";
import { NATIVE, NODE } from "./cli-harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

// What `fiducia <work> PLAN ARGS --json` prints (work: simulate, optimise, sensitivity).
const cliOf = (work) => (command, planText, args) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fiducia-workers-")), "plan.json");
  fs.writeFileSync(file, planText);
  return execFileSync(command[0], [...command.slice(1), work, file, ...args, "--json"], {encoding: "utf8", maxBuffer: 1 << 26});
};
const cli = cliOf("simulate");

async function opened(page, url) {
  await h.open(page, url);
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "bank.json"), example("retail-bank.json")), {ok: true, errors: []});
  return page.evaluate(() => window.fiducia.save());
}

test("fiducia.simulate: the CLI's bytes (native and node) with 1 and 4 workers", async () => {
  const page = await h.newPage();
  const plan = await opened(page);
  const options = {customers: 30000, seed: 11, scenario: "digital-first"};
  const native = cli(NATIVE, plan, ["--customers", "30000", "--seed", "11", "--scenario", "digital-first"]);
  assert.equal(cli(NODE, plan, ["--customers", "30000", "--seed", "11", "--scenario", "digital-first"]), native);
  for (const workers of [1, 4]) {
    const text = await page.evaluate((o) => window.fiducia.simulate(o), {...options, workers});
    assert.equal(text, native, `${workers} workers`);
    const last = await page.evaluate(() => FiduciaWork.last);
    assert.equal(last.workers, workers, "every share ran in a worker");
    assert.equal(last.fell_back, null);
  }
  // Defaults as the CLI's: 10,000 customers, the plan's seed, the plan without a scenario.
  assert.equal(await page.evaluate(() => window.fiducia.simulate()), cli(NATIVE, plan, []));
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0, "no worker left running");
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("fiducia.simulate: bad options are refused with the CLI's reason", async () => {
  const page = await h.newPage();
  await opened(page);
  const refused = (o) => page.evaluate((x) => window.fiducia.simulate(x).then(() => "ran", (e) => e.message), o);
  assert.match(await refused({scenario: "nope"}), /no scenario 'nope' in the plan/);
  assert.match(await refused({customers: 0}), /customers must be an integer from 1 to 100000000/);
  assert.match(await refused({seed: -3}), /seed must be a non-negative integer/);
  await page.context().close();
});

test("the next run reuses the waiting workers, on another plan too; they end once idle", async () => {
  const page = await h.newPage();
  await page.addInitScript(() => {  // counts the threads the page starts
    const Made = window.Worker;
    window.workersMade = 0;
    window.Worker = function (url, options) { window.workersMade++; return new Made(url, options); };
  });
  const bank = await opened(page);
  assert.equal(await page.evaluate(() => window.fiducia.simulate({customers: 20000, seed: 5, workers: 2})),
               cli(NATIVE, bank, ["--customers", "20000", "--seed", "5"]));
  assert.equal(await page.evaluate(() => FiduciaWork.idle.length), 2);
  const bigger = biggerBank(2);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bigger.json"), bigger)).ok, true);
  const plan = await page.evaluate(() => window.fiducia.save());
  for (const seed of [6, 7])  // each share starts afresh: nothing of the last plan or seed is left
    assert.equal(await page.evaluate((s) => window.fiducia.simulate({customers: 15000, seed: s, workers: 2}), seed),
                 cli(NATIVE, plan, ["--customers", "15000", "--seed", String(seed)]));
  assert.equal(await page.evaluate(() => window.workersMade), 2, "no new thread after the first run");
  assert.equal(await page.evaluate(() => FiduciaWork.last.workers), 2);
  await page.evaluate(() => { FiduciaWork.idleSeconds = 0.2; return window.fiducia.simulate({customers: 100, workers: 2}); });
  await page.waitForFunction(() => FiduciaWork.idle.length === 0);
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  await page.context().close();
});

test("a cancelled run stops every worker and says so", async () => {
  const page = await h.newPage();
  await opened(page);
  await page.evaluate(() => {
    window.run = window.fiducia.simulate({customers: 3000000, workers: 4}).then(() => "finished", (e) => e.message);
  });
  await page.waitForFunction(() => FiduciaWork.progress > 0.01);
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 4);
  assert.equal(await page.evaluate(() => window.fiducia.cancelSimulation()), true);
  assert.equal(await page.evaluate(() => window.run), "cancelled");
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  // The page goes on: the next run gives the CLI's bytes.
  const plan = await page.evaluate(() => window.fiducia.save());
  assert.equal(await page.evaluate(() => window.fiducia.simulate({customers: 5000, workers: 2})), cli(NATIVE, plan, ["--customers", "5000"]));
  await page.context().close();
});

test("without Web Workers the page's own thread runs the shares, says so, and gives the same bytes", async () => {
  const page = await h.newPage();
  await page.addInitScript(() => { delete window.Worker; });
  const plan = await opened(page);
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  const text = await page.evaluate(() => window.fiducia.simulate({customers: 8000, seed: 3, workers: 3}));
  assert.equal(text, cli(NATIVE, plan, ["--customers", "8000", "--seed", "3"]));
  const last = await page.evaluate(() => FiduciaWork.last);
  assert.equal(last.workers, 0);
  assert.match(last.fell_back, /no Web Workers/);
  assert.ok(warnings.some((w) => w.includes("runs on the page's own thread")), warnings.join("\n"));
  await page.context().close();
});

test("the single file runs its workers from file://", async () => {
  const page = await h.newPage();
  const plan = await opened(page, pathToFileURL(path.join(ROOT, "dist/fiducia.html")).href);
  const text = await page.evaluate(() => window.fiducia.simulate({customers: 12000, workers: 2}));
  assert.equal(text, cli(NATIVE, plan, ["--customers", "12000"]));
  assert.deepEqual(await page.evaluate(() => FiduciaWork.last.workers), 2);
  assert.equal(await page.evaluate(() => FiduciaWork.last.fell_back), null);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

// The optimiser and sensitivity, with their options as the CLI's (the optimiser has no scenario).
const works = [
  {work: "optimise", options: {budget: 250000, objective: "value"}, args: ["--budget", "250000", "--objective", "value"]},
  {work: "optimise", options: {budget: 90000}, args: ["--budget", "90000"]},
  // Searches stopped at their node limit: the same best-found sets and bounds on every worker count.
  {work: "optimise", options: {budget: 1500000, max_nodes: 2}, args: ["--budget", "1500000", "--max-nodes", "2"]},
  {work: "sensitivity", options: {scenario: "digital-first"}, args: ["--scenario", "digital-first"]},
  {work: "sensitivity", options: {}, args: []},
];

test("fiducia.optimise and fiducia.sensitivity: the CLI's bytes (native and node) with 1 and 4 workers", async () => {
  const page = await h.newPage();
  const plan = await opened(page);
  for (const {work, options, args} of works) {
    const native = cliOf(work)(NATIVE, plan, args);
    assert.equal(cliOf(work)(NODE, plan, args), native, `${work} under node`);
    assert.equal(cliOf(work)(NATIVE, plan, [...args, "--threads", "3"]), native, `${work} on 3 threads`);
    for (const workers of [1, 4]) {
      const text = await page.evaluate(([w, o]) => window.fiducia[w](o), [work, {...options, workers}]);
      assert.equal(text, native, `${work} ${JSON.stringify(options)}, ${workers} workers`);
      if (options.max_nodes) assert.ok(JSON.parse(text).frontier.some((f) => !f.proven), "the limit was reached");
      const last = await page.evaluate(() => FiduciaWork.last);
      assert.equal(last.work, work);
      assert.equal(last.workers, workers, "every share ran in a worker");
      assert.equal(last.fell_back, null);
    }
  }
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0, "no worker left running");
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("fiducia.optimise: searches that all stop at their node limit (72 actions) give the CLI's bytes on 2 workers", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bigger.json"), biggerBank(12))).ok, true);
  const plan = await page.evaluate(() => window.fiducia.save());
  const native = cliOf("optimise")(NATIVE, plan, ["--budget", "1568000", "--max-nodes", "32"]);
  const parsed = JSON.parse(native);
  assert.ok(!parsed.proven && parsed.frontier.slice(1, -1).every((f) => !f.proven), "every search but nothing and everything stopped");
  // Workers stop each search at the same node as the CLI's threads (whether a worker's time slice ends
  // at the limit is down to timing: the core's unit test pins that progress stays below 1 until done).
  assert.equal(await page.evaluate(() => window.fiducia.optimise({budget: 1568000, max_nodes: 32, workers: 2})), native);
  assert.equal(await page.evaluate(() => FiduciaWork.last.workers), 2);
  assert.deepEqual(h.consoleErrors, []);
  await page.context().close();
});

test("fiducia.optimise and fiducia.sensitivity: bad options are refused with the CLI's reason", async () => {
  const page = await h.newPage();
  await opened(page);
  const refused = (work, o) => page.evaluate(([w, x]) => window.fiducia[w](x).then(() => "ran", (e) => e.message), [work, o]);
  assert.match(await refused("optimise", {}), /optimise needs a budget/);
  assert.match(await refused("optimise", {budget: -1}), /budget must be a number of at least 0 \(got -1\)/);
  assert.match(await refused("optimise", {budget: "lots"}), /budget must be a number of at least 0/);
  assert.match(await refused("optimise", {budget: 1, objective: "joy"}), /objective must be trust or value \(got "joy"\)/);
  assert.match(await refused("optimise", {budget: 1, max_nodes: 0}), /max_nodes must be an integer from 1 to 1000000000 \(got 0\)/);
  assert.match(await refused("optimise", {budget: 1, max_nodes: 2.5}), /max_nodes must be an integer from 1 to 1000000000 \(got 2.5\)/);
  assert.match(await refused("optimise", {budget: 1, scenario: "digital-first"}), /unknown option 'scenario' for 'optimise'/);
  assert.match(await refused("sensitivity", {scenario: "nope"}), /no scenario 'nope' in the plan \(scenarios: /);
  assert.match(await refused("sensitivity", {customers: 5}), /unknown option 'customers' for 'sensitivity'/);
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  await page.context().close();
});

test("a cancelled search or sensitivity stops every worker, and the next run is right", async () => {
  const page = await h.newPage();
  await h.open(page);
  assert.equal((await page.evaluate((t) => window.fiducia.load(t, "bigger.json"), biggerBank(150))).ok, true);
  for (const [work, options] of [["optimise", {budget: 400000}], ["sensitivity", {}]]) {
    await page.evaluate(([w, o]) => { window.run = window.fiducia[w]({...o, workers: 4}).then(() => "finished", (e) => e.message); },
                        [work, options]);
    await page.waitForFunction(() => FiduciaWork.progress > 0);
    assert.equal(await page.evaluate(() => FiduciaWork.busy()), 4, work);
    assert.equal(await page.evaluate(() => window.fiducia.cancelSimulation()), false, "no simulation to cancel");
    assert.equal(await page.evaluate((w) => window.fiducia.cancel(w), work), true);
    assert.equal(await page.evaluate(() => window.run), "cancelled");
    assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0, `${work}: no worker left`);
  }
  // fiducia.cancel() with no work named stops whatever runs.
  await page.evaluate(() => { window.run = window.fiducia.optimise({budget: 400000, workers: 2}).then(() => "finished", (e) => e.message); });
  await page.waitForFunction(() => FiduciaWork.busy() === 2);
  assert.equal(await page.evaluate(() => window.fiducia.cancel()), true);
  assert.equal(await page.evaluate(() => window.run), "cancelled");
  assert.equal(await page.evaluate(() => FiduciaWork.busy()), 0);
  // The page goes on: the next runs give the CLI's bytes.
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "bank.json"), example("retail-bank.json")), {ok: true, errors: []});
  const plan = await page.evaluate(() => window.fiducia.save());
  assert.equal(await page.evaluate(() => window.fiducia.optimise({budget: 90000, workers: 3})), cliOf("optimise")(NATIVE, plan, ["--budget", "90000"]));
  assert.equal(await page.evaluate(() => window.fiducia.sensitivity({workers: 3})), cliOf("sensitivity")(NATIVE, plan, []));
  await page.context().close();
});

test("without Web Workers the page's own thread runs the optimiser's and sensitivity's shares, with the same bytes", async () => {
  const page = await h.newPage();
  await page.addInitScript(() => { delete window.Worker; });
  const plan = await opened(page);
  for (const {work, options, args} of works) {
    const text = await page.evaluate(([w, o]) => window.fiducia[w](o), [work, {...options, workers: 3}]);
    assert.equal(text, cliOf(work)(NATIVE, plan, args), work);
    const last = await page.evaluate(() => FiduciaWork.last);
    assert.equal(last.workers, 0);
    assert.match(last.fell_back, /no Web Workers/);
  }
  await page.context().close();
});
