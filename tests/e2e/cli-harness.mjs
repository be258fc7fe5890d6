// What the command-line tests share: the tool built natively and for node, the example plans, and
// a runner that returns the exit code and both outputs.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NATIVE = [path.join(ROOT, "build/native/fiducia")];
export const NODE = [process.execPath, path.join(ROOT, "build/web/fiducia-cli.js")];
export const EXAMPLES = fs.readdirSync(path.join(ROOT, "assets/examples")).filter((f) => f.endsWith(".json"))
  .map((f) => path.join(ROOT, "assets/examples", f));

export function run(cli, args) {
  const r = spawnSync(cli[0], [...cli.slice(1), ...args], {encoding: "utf8", cwd: ROOT});
  return {code: r.status, out: r.stdout, err: r.stderr};
}
