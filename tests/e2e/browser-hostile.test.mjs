// Hostile input in the browser, and proof that nothing leaves the machine. Every hostile file (50 MB,
// 10,000-deep nesting, NUL bytes, a PNG renamed .json) is delivered both through window.fiducia.load
// and by a real drop on the canvas: it is refused with a clear message, the open plan stays exactly
// as it was, and the page keeps working. Then a plan is opened, edited (by the API and by typing),
// simulated and saved while every request is recorded: only the page's own files may be fetched.
// The Content-Security-Policy forbids eval and any connection elsewhere.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, clickItem, dropFile, example, startHarness, waitForItem } from "./harness.mjs";

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h.close(); });

const MB = 1024 * 1024;

// A real PNG: the 8-byte signature, an IHDR chunk for a 1x1 RGBA image (with its CRC), an IDAT
// chunk and IEND.
function pngBytes() {
  const crcTable = Array.from({length: 256}, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);  // width
  ihdr.writeUInt32BE(1, 4);  // height
  ihdr[8] = 8;               // bit depth
  ihdr[9] = 6;               // colour type RGBA
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x60, 0x60, 0xf8, 0x0f, 0x00, 0x01, 0x04, 0x01, 0x00]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

const PNG = pngBytes();
const BIG_BYTES = 50 * MB;
// A plan header padded to exactly n bytes.
const bigText = (n) => {
  const head = '{"fiducia": "plan", "version": 1, "pad": "';
  return head + "x".repeat(n - head.length - 2) + '"}';
};

// Each hostile file: how to make it as text (for fiducia.load and dropFile) or bytes, and the first
// error a person must read. The PNG goes through the API as the text a script gets from
// File.text() (the browser's UTF-8 decoding), and through the drop as its real bytes.
const HOSTILE = [
  {
    kind: "50mb", name: "huge.json",
    text: () => bigText(BIG_BYTES),
    first: [`the file is too large: ${BIG_BYTES} bytes (a plan may have at most 20 MB)`],
  },
  {
    kind: "deep", name: "deep.json",
    text: () => "[".repeat(10000) + "]".repeat(10000),
    first: ["not a Fiducia plan: it nests deeper than 64 levels (at line 1, column 65)"],
  },
  {
    kind: "nul", name: "zeros.json",
    text: () => "\u0000".repeat(4096),
    first: ["not a Fiducia plan: it contains a NUL byte at byte 0 (a binary file?)"],
  },
  {
    kind: "png", name: "photo.json",
    text: () => new TextDecoder().decode(PNG),
    bytes: () => PNG,
    // Through the API the bytes are already decoded text (the signature becomes U+FFFD "PNG" and
    // the header's zero bytes stay): any of these is a clear refusal.
    first: ["not a Fiducia plan: it is a PNG image", /^not valid JSON at line 1, column 1: /,
            /^not a Fiducia plan: it contains a NUL byte at byte \d+ \(a binary file\?\)$/],
    firstDrop: ["not a Fiducia plan: it is a PNG image"],
  },
];
assert.equal(HOSTILE[0].text().length, BIG_BYTES);

function matchesOne(message, expected) {
  return expected.some((e) => (typeof e === "string" ? message === e : e.test(message)));
}

// A page with its own console record, the online-shop plan open, and FiduciaPage.openBytes wrapped so
// the result of a drop (which the page shows only on the canvas) can be read back.
async function pageWithPlan() {
  const page = await h.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await h.open(page);
  const text = example("online-shop.json");
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "online-shop.json"), text), {ok: true, errors: []});
  await page.evaluate(() => {
    const open = window.FiduciaPage.openBytes;  // every way in (load, drop, picker) ends here
    window.__opened = [];
    window.FiduciaPage.openBytes = function (name, t) {
      const result = open(name, t);
      window.__opened.push(result);
      return result;
    };
  });
  return {page, errors, text};
}

async function dropBytes(page, name, bytes) {
  const transfer = await page.evaluateHandle(([b64, n]) => {
    const raw = atob(b64);
    const data = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([data], n, {type: "application/json"}));
    return dt;
  }, [Buffer.from(bytes).toString("base64"), name]);
  await page.dispatchEvent("canvas", "drop", {dataTransfer: transfer});
}

// The page still answers: no abort cover, frames advance after input, a valid plan opens.
async function assertStillWorking(page) {
  const cover = await page.evaluate(() => {
    const c = document.getElementById("cover");
    return c.style.display === "none" ? "" : document.getElementById("cover-message").textContent;
  });
  assert.equal(cover, "", `the page shows: ${cover}`);
  const before = await page.evaluate(() => window.fiducia.stats().frames);
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.waitForFunction((f) => window.fiducia.stats().frames > f, before, {timeout: 5000});
  const valid = example("b2b-software.json");
  assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "b2b-software.json"), valid), {ok: true, errors: []});
  assert.equal(await page.evaluate(() => window.fiducia.save()), valid);
  const later = await page.evaluate(() => window.fiducia.stats().frames);
  await page.mouse.move(400, 420);
  await page.waitForFunction((f) => window.fiducia.stats().frames > f, later, {timeout: 5000});
}

for (const bad of HOSTILE) {
  for (const via of ["load", "drop"]) {
    test(`hostile file (${bad.kind}) via ${via}: refused with a clear message, plan kept, page alive`, async () => {
      const {page, errors, text} = await pageWithPlan();
      try {
        let result = null, thrown = null;
        if (via === "load") {
          // Built inside the page when large: the API gets a string, as a script would pass it.
          try {
            result = bad.kind === "50mb"
              ? await page.evaluate((n) => {
                const head = '{"fiducia": "plan", "version": 1, "pad": "';  // as bigText(n)
                return window.fiducia.load(head + "x".repeat(n - head.length - 2) + '"}', "huge.json");
              }, BIG_BYTES)
              : await page.evaluate(([t, n]) => window.fiducia.load(t, n), [bad.text(), bad.name]);
          } catch (e) {
            thrown = String(e).split("\n")[0];
          }
        } else {
          if (bad.bytes) await dropBytes(page, bad.name, bad.bytes());
          else await dropFile(page, bad.name, bad.text());
          await page.waitForFunction(() => window.__opened.length > 0 || document.getElementById("cover").style.display !== "none",
            null, {timeout: 20000});
          result = await page.evaluate(() => window.__opened[0] || null);
        }
        // What the person sees: the refusal dialog (or whatever came instead), saved for review.
        const shown = () => window.fiducia.locate("Copy the list") !== null || document.getElementById("cover").style.display !== "none";
        await page.mouse.move(640, 400);
        await page.waitForFunction(shown, null, {timeout: 10000}).catch(() => {});
        await page.screenshot({path: path.join(SCREENSHOTS, `hostile-${bad.kind}-${via}.png`)});

        const cover = await page.evaluate(() => document.getElementById("cover").style.display === "none" ? "" : document.getElementById("cover-message").textContent);
        assert.ok(result, `the loader did not return (${thrown || "no result"}); the page shows "${cover}"; console: ${JSON.stringify(errors)}`);
        assert.equal(result.ok, false);
        assert.ok(result.errors.length >= 1);
        const expected = via === "drop" && bad.firstDrop ? bad.firstDrop : bad.first;
        assert.ok(matchesOne(result.errors[0], expected),
          `first error: ${JSON.stringify(result.errors[0])}\nexpected one of: ${expected.map(String).join(" | ")}`);
        assert.equal(await page.evaluate(() => window.fiducia.save()), text, "the open plan changed");

        // The refusal is shown to the person: the dialog with its Close button.
        await waitForItem(page, "Copy the list");
        await clickItem(page, "Close");
        await page.waitForFunction(() => window.fiducia.locate("Copy the list") === null, null, {timeout: 5000});
        assert.equal(await page.evaluate(() => window.fiducia.save()), text, "the open plan changed");

        await assertStillWorking(page);
        assert.deepEqual(errors, []);
      } finally {
        await page.context().close();
      }
    });
  }
}

// Only the page's own files on 127.0.0.1 (and data:/blob:) may be requested.
function watchRequests(page, origin) {
  const seen = [], foreign = [];
  const allowed = (url) => url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:");
  page.on("request", (r) => {
    seen.push(r.url());
    if (!allowed(r.url())) foreign.push(r.url());
  });
  return {seen, foreign, allowed};
}

test("nothing leaves the machine while a plan is opened, edited, simulated and saved", async () => {
  const page = await h.newPage();
  const context = page.context();
  const routed = [], blocked = [];
  const {seen, foreign, allowed} = watchRequests(page, h.origin);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    routed.push(url);
    if (allowed(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await h.open(page);

    // Open.
    const text = example("retail-bank.json");
    assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "retail-bank.json"), text), {ok: true, errors: []});

    // Edit through the API: the same plan with another title.
    const plan = JSON.parse(text);
    plan.meta.title = "Edited by script";
    const edited = JSON.stringify(plan, null, 2) + "\n";
    assert.deepEqual(await page.evaluate((t) => window.fiducia.load(t, "retail-bank.json"), edited), {ok: true, errors: []});
    assert.match(await page.evaluate(() => window.fiducia.save()), /"title": "Edited by script"/);

    // Edit by hand: Plan settings, click the Title field, replace its text, Enter.
    await page.mouse.move(640, 400);
    await waitForItem(page, "Plan settings");
    await clickItem(page, "Plan settings");
    await waitForItem(page, "Title");
    await clickItem(page, "Title");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Typed in the browser");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.fiducia.save().includes("\"title\": \"Typed in the browser\""), null, {timeout: 5000});

    // Simulate: the Run button gives way to Cancel while it runs, and comes back when done.
    await clickItem(page, "Simulation");
    await waitForItem(page, "Run simulation");
    const framesBefore = await page.evaluate(() => window.fiducia.stats().frames);
    await clickItem(page, "Run simulation");
    await page.waitForFunction((f) => window.fiducia.stats().frames > f + 2, framesBefore, {timeout: 10000});
    await page.waitForFunction(() => window.fiducia.locate("Cancel") === null && window.fiducia.locate("Run simulation") !== null,
      null, {timeout: 120000, polling: 200});
    await page.mouse.move(600, 500);  // one more frame with the result drawn
    await page.screenshot({path: path.join(SCREENSHOTS, "hostile-after-simulation.png")});
    assert.equal(await page.evaluate(() => window.fiducia.summary().plan), "Typed in the browser");

    // Save: Ctrl+S downloads the plan with the typed title.
    await page.mouse.click(900, 60);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+S")]);
    const saved = fs.readFileSync(await download.path(), "utf8");
    assert.match(saved, /"title": "Typed in the browser"/);
    assert.equal(saved, await page.evaluate(() => window.fiducia.save()));

    assert.ok(seen.some((u) => u.startsWith(h.origin + "/")), "the page's own files were seen");
    assert.deepEqual(foreign, [], "requests that left 127.0.0.1");
    assert.deepEqual(blocked, [], "requests the route caught going elsewhere");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the Content-Security-Policy is present and forbids eval and the network", async () => {
  const page = await h.newPage();
  const context = page.context();
  const {seen, foreign} = watchRequests(page, h.origin);
  const refusedByCsp = [];
  page.on("requestfailed", (r) => { if (r.failure() && r.failure().errorText === "csp") refusedByCsp.push(r.url()); });
  const routedForeign = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(h.origin + "/")) return route.continue();
    routedForeign.push(url);
    return route.abort("blockedbyclient");
  });
  try {
    await h.open(page);
    const csp = await page.evaluate(() => {
      const m = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return m ? m.getAttribute("content") : null;
    });
    assert.ok(csp, "no CSP meta tag");
    const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives["default-src"], ["'none'"]);
    assert.ok(!directives["script-src"].includes("'unsafe-eval'"), "script-src allows eval");
    for (const source of directives["connect-src"] || []) assert.ok(["'self'", "data:"].includes(source), `connect-src allows ${source}`);

    // The probes run in a task of the page's own (a timer): code evaluated by DevTools itself, as
    // page.evaluate is, may eval whatever the policy says.
    const probes = await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve((async () => {
      const out = {};
      try { eval("1"); out.eval = "ran"; } catch (e) { out.eval = e.name; }
      try { new Function("return 1")(); out.func = "ran"; } catch (e) { out.func = e.name; }
      try { await fetch("http://example.com/"); out.fetch = "resolved"; } catch (e) { out.fetch = e.name; }
      try { await fetch("https://example.com/collect", {method: "POST", body: "plan", mode: "no-cors"}); out.post = "resolved"; } catch (e) { out.post = e.name; }
      out.image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve("loaded");
        img.onerror = () => resolve("error");
        img.src = "http://example.com/pixel.png";
      });
      try { out.beacon = navigator.sendBeacon("http://example.com/beacon", "plan"); } catch (e) { out.beacon = e.name; }
      out.socket = await new Promise((resolve) => {
        try {
          const ws = new WebSocket("ws://example.com/");
          ws.onopen = () => resolve("open");
          ws.onerror = () => resolve("error");
        } catch (e) { resolve(e.name); }
      });
      return out;
    })()), 0)));
    assert.equal(probes.eval, "EvalError");
    assert.equal(probes.func, "EvalError");
    assert.equal(probes.fetch, "TypeError");
    assert.equal(probes.post, "TypeError");
    assert.equal(probes.image, "error");
    // sendBeacon may report "queued" (Chromium checks the policy later): what counts is that no
    // request goes out, checked below.
    assert.notEqual(probes.socket, "open");
    await page.waitForTimeout(500);
    assert.ok(seen.length > 0);
    // fetch, sendBeacon and WebSocket are refused before a request exists. Chromium reports the
    // image as a request that then fails with "csp": refused in the page, never sent (the route,
    // which sees everything that would reach the network, saw nothing).
    const sent = foreign.filter((u) => !refusedByCsp.includes(u));
    assert.deepEqual(sent, [], "requests that left 127.0.0.1");
    assert.deepEqual(foreign.filter((u) => !u.startsWith("http://example.com/pixel.png")), [], "requests other than the refused image");
    assert.deepEqual(routedForeign, [], "requests the route caught going elsewhere");
  } finally {
    await context.close();
  }
});
