// A static file server for the built page, on the loopback address only. Used by `make run` and by
// the browser tests. Usage: node scripts/serve.mjs DIR [PORT]   (PORT 0 = any free port)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
               ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png",
               ".css": "text/css", ".ttf": "font/ttf", ".data": "application/octet-stream"};

export function serve(root, port = 0) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, {"content-type": "text/plain"}).end("not found"); return; }
      res.writeHead(200, {"content-type": TYPES[path.extname(file)] || "application/octet-stream",
                          "cache-control": "no-cache"});
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] || "build/web";
  const wanted = Number(process.argv[3] || process.env.PORT || 8321);
  let server;
  try { server = await serve(root, wanted); }
  catch { server = await serve(root, 0); }  // the usual port is taken: any free one
  console.log(`Fiducia is running at http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
