// Fuzzing the share-link decoder (web/share_link.js). It is JavaScript, out of libFuzzer's reach
// (tests/fuzz holds the C++ parsers' targets), so this feeds it random and mutated links under node
// with the page's glue stubbed: every link must end in exactly one clear answer, the plan's bytes
// (never more than the 20 MB limit) or a refusal with a known reason, and never throw or reject.
// FUZZ_LINKS sets how many links (make fuzz runs 200,000; the test suite a quick 5,000).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import vm from "node:vm";
import { EXAMPLES, ROOT } from "./cli-harness.mjs";

const COUNT = Number(process.env.FUZZ_LINKS || 5000);
const PAGE = "https://fiducia.example/app/index.html";
const REASONS = new Set([1, 2, 3]);  // ShareLinkBroken: malformed, newer version, unsupported

function loadDecoder() {
  const answers = [];
  const context = {
    Module: {
      HEAPU8: new Uint8Array(0),
      _malloc(n) { context.Module.HEAPU8 = new Uint8Array(n); return 0; },
      _free() {},
      _fiducia_open_shared(ptr, length) { answers.push({opened: context.Module.HEAPU8.slice(ptr, ptr + length)}); },
      _fiducia_share_link_broken(reason) { answers.push({broken: reason}); },
    },
    location: {href: PAGE, hash: ""},
    history: {replaceState() {}},
    window: {addEventListener() {}},
    atob, btoa, TextEncoder, Uint8Array, Error, Promise, Math,
    CompressionStream, DecompressionStream,
  };
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(ROOT, "web/share_link.js"), "utf8") + "\nthis.FiduciaShare = FiduciaShare;", context);
  // One link through the decoder: its one answer, or a description of what went wrong.
  const open = async (link) => {
    answers.length = 0;
    const hashAt = link.indexOf("#");
    context.location.hash = hashAt < 0 ? "" : link.slice(hashAt);
    let returned;
    try { returned = await context.FiduciaShare.openFromLocation(); }
    catch (e) { return {threw: String(e && e.stack || e)}; }
    if (!link.slice(Math.max(0, hashAt)).startsWith("#plan=")) return returned === false && answers.length === 0 ? {ignored: true} : {wrong: "answered a link that is not a share link"};
    if (returned !== true || answers.length !== 1) return {wrong: `${answers.length} answers, returned ${returned}`};
    return answers[0];
  };
  return {share: context.FiduciaShare, open};
}

// A small seeded generator (xorshift32): a failing link can be found again from its number.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const ODD = ["", ".", "..", "=", "%", "%00", "#", "#plan=", " ", "+", "/", "é", "\u0000", "\ud800", "0", "2", "1.", "99999999999999999999"];

function mutate(link, next) {
  const pick = (s) => s[Math.floor(next() * s.length)];
  let s = link;
  const steps = 1 + Math.floor(next() * 4);
  for (let i = 0; i < steps; ++i) {
    const at = Math.floor(next() * (s.length + 1));
    switch (Math.floor(next() * 7)) {
      case 0: s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 8)); break;   // delete
      case 1: s = s.slice(0, at) + pick(BASE64URL) + s.slice(at); break;                // insert
      case 2: s = s.slice(0, at) + pick(BASE64URL) + s.slice(at + 1); break;            // replace
      case 3: s = s.slice(0, at) + pick(ODD) + s.slice(at); break;                      // odd text
      case 4: s = s.slice(0, at); break;                                                // cut short
      case 5: s = s + s.slice(at); break;                                               // repeat a tail
      default: s = s.replace(/#plan=[^.]*/, "#plan=" + pick(["0", "1", "2", "10", "x", "", "1.1"])); // version
    }
  }
  return s;
}

function randomLink(next) {
  const length = Math.floor(next() * 200);
  let body = "";
  for (let i = 0; i < length; ++i) body += next() < 0.97 ? BASE64URL[Math.floor(next() * 64)] : ODD[Math.floor(next() * ODD.length)];
  return PAGE + (next() < 0.9 ? "#plan=1." : "#plan=") + body;
}

test("share-link decoding: a plan's link opens to its exact bytes, a bomb is refused", async () => {
  const {share, open} = loadDecoder();
  const text = fs.readFileSync(EXAMPLES[0], "utf8");
  const made = await share.make(text, 1e9);
  assert.ok(made.ok);
  const answer = await open(made.link);
  assert.equal(new TextDecoder().decode(answer.opened), text);
  // 30 MB of spaces deflate to a few kB: the decoder stops at the plan limit and says the link is broken.
  const bomb = await share.make(" ".repeat(30 * 1024 * 1024), 1e9);
  assert.ok(bomb.ok && bomb.length < 100000);
  assert.deepEqual(await open(bomb.link), {broken: 1});
  assert.deepEqual(await open(PAGE + "#plan=2.AAAA"), {broken: 2});  // a newer page's link
  assert.deepEqual(await open(PAGE + "#other"), {ignored: true});
});

test(`share-link decoding: ${COUNT} random and mutated links each get one clear answer`, async () => {
  const {share, open} = loadDecoder();
  const links = [];
  for (const file of EXAMPLES) links.push((await share.make(fs.readFileSync(file, "utf8"), 1e9)).link);
  links.push((await share.make("{}", 1e9)).link, (await share.make("", 1e9)).link);
  const counts = {opened: 0, broken: 0};
  for (let i = 0; i < COUNT; ++i) {
    const next = rng(i + 1);
    const link = i % 3 === 0 ? randomLink(next) : mutate(links[i % links.length], next);
    const answer = await open(link);
    const ok = answer.ignored || (answer.opened && answer.opened.length <= share.maxPlanBytes) || REASONS.has(answer.broken);
    assert.ok(ok, `link #${i} (rng seed ${i + 1}) ${JSON.stringify(link.slice(0, 200))}: ${JSON.stringify(answer).slice(0, 500)}`);
    if (answer.opened) counts.opened++;
    if (answer.broken) counts.broken++;
  }
  console.log(`share-link fuzz: ${COUNT} links, ${counts.opened} decoded to bytes, ${counts.broken} refused`);
  assert.ok(counts.broken > 0 && counts.opened > 0);  // both answers were reached
});
