// A small static file server for dist/ and the test pages, with the byte
// range support that media seeking needs, and optionally gzip as a real host
// would serve text and wasm (`serve(roots, port, headers, { gzip: true })`).
//
//   node scripts/serve.mjs <dir> [port] [more dirs...]
//
// Paths are looked up in each directory in turn. Only serves on 127.0.0.1.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { createGzip } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".vtt": "text/vtt; charset=utf-8",
  ".srt": "application/x-subrip",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};
// What `{ gzip: true }` compresses (media and images are sent as they are).
const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".vtt", ".srt", ".svg"]);

function findFile(roots, urlPath) {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, "");
  if (relative.startsWith("..")) return null;
  for (const root of roots) {
    let path = join(root, relative);
    try {
      let stats = statSync(path);
      if (stats.isDirectory()) {
        path = join(path, "index.html");
        stats = statSync(path);
      }
      if (stats.isFile()) return { path, size: stats.size };
    } catch {
      // not in this root; try the next one
    }
  }
  return null;
}

/** Starts serving `roots` on 127.0.0.1:`port` (0 picks a free port), with
 * `extraHeaders` on every file. `options.gzip`: send text and wasm files
 * gzip-compressed (zlib level 6, on the fly, chunked) to a client that
 * accepts it; range requests are always answered uncompressed. */
export function serve(roots, port = 0, extraHeaders = {}, options = {}) {
  const absoluteRoots = roots.map((root) => resolve(root));
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const file = findFile(absoluteRoots, url.pathname);
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    const headers = {
      "content-type": TYPES[extname(file.path)] ?? "application/octet-stream",
      "accept-ranges": "bytes",
      "cache-control": "no-cache",
      ...extraHeaders,
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, file.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), file.size - 1) : file.size - 1;
      if (start > end || start >= file.size) {
        response.writeHead(416, { "content-range": `bytes */${file.size}` }).end();
        return;
      }
      response.writeHead(206, {
        ...headers,
        "content-range": `bytes ${start}-${end}/${file.size}`,
        "content-length": end - start + 1,
      });
      if (request.method === "HEAD") return response.end();
      createReadStream(file.path, { start, end }).pipe(response);
      return;
    }
    const gzip =
      options.gzip && COMPRESSED.has(extname(file.path)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    if (gzip) {
      // No accept-ranges: ranges would count bytes of the compressed stream.
      const { "accept-ranges": _, ...plain } = headers;
      response.writeHead(200, { ...plain, "content-encoding": "gzip", vary: "accept-encoding" });
      if (request.method === "HEAD") return response.end();
      createReadStream(file.path).pipe(createGzip({ level: 6 })).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, "content-length": file.size });
    if (request.method === "HEAD") return response.end();
    createReadStream(file.path).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(port, "127.0.0.1", () => resolvePromise(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", ...more] = process.argv.slice(2);
  const server = await serve([dir, ...more], Number(port));
  console.log(`serving ${dir} on http://localhost:${server.address().port}/ (Ctrl-C stops)`);
}
