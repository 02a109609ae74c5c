/**
 * A tiny static server for dist/, as a static host serves it: directory → index.html, a missing
 * path → 404.html with status 404, an optional base path, and with `gzip` text compressed for
 * clients that accept it. With `precompressed` too, the build's own `.br` and `.gz` copies are
 * sent when the client takes them, as server/nginx.conf does (the benchmark's Lighthouse runs).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

const compressible = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

export function serveStatic(
  dir: string,
  base = '/',
  { gzip = false, precompressed = false } = {},
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return send404();
    path = normalize(`/${path.slice(base.length)}`);
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return send404();
    const type = types[extname(file)] ?? 'application/octet-stream';
    const accepts = String(req.headers['accept-encoding']);
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!precompressed || !compressible.test(type) || !new RegExp(`\\b${encoding}\\b`).test(accepts))
        continue;
      if (!existsSync(`${file}${suffix}`)) continue;
      res.writeHead(200, { 'content-type': type, 'content-encoding': encoding, vary: 'accept-encoding' });
      createReadStream(`${file}${suffix}`).pipe(res);
      return;
    }
    if (gzip && compressible.test(type) && /\bgzip\b/.test(accepts)) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);

    function send404() {
      res.writeHead(404, { 'content-type': types['.html']! });
      const page = join(dir, '404.html');
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}
