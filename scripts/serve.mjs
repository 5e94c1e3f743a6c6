#!/usr/bin/env node
// A tiny static server for the demo: serves the repository's demo/, dist/ and docs/ folders
// (nothing else; the widget's messages link to docs/ next to dist/) on http://localhost:${PORT:-8080}/, with the MIME types browsers insist on
// (.mjs, .wasm). No dependencies, no network beyond localhost. Files carry Last-Modified and
// a revisit gets 304, as from any web server, so a browser reuses its cached copy (and the
// code it compiled from it: the split widget's wasm, dist/split/).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const allowed = ['demo', 'dist', 'docs'];
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/plain; charset=utf-8', // shown by browsers, not downloaded
  '.ts': 'text/plain; charset=utf-8',
};

/** The file a URL path names, or null when it leaves demo/ or dist/. */
export function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/demo/index.html';
  const full = normalize(join(root, path));
  const top = full.slice(root.length + 1).split(sep)[0];
  if (!full.startsWith(root + sep) || !allowed.includes(top)) return null;
  try {
    const st = statSync(full);
    if (st.isDirectory()) return fileFor(join(path, 'index.html'));
    return st.isFile() ? full : null;
  } catch {
    return null;
  }
}

/** The file `rest` names inside `dir` (a mounted folder), or null when it leaves it. */
function fileIn(dir, rest) {
  let path;
  try {
    path = decodeURIComponent(rest.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(dir, path));
  if (!full.startsWith(resolve(dir) + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * options.mounts: more folders, { '/bench/': '/abs/dir' } (the benchmark's pages);
 * options.wasmType: the Content-Type sent for .wasm files, for tests of hosts that send
 * another one (wiki attachment stores send application/octet-stream).
 */
export function startServer(listenPort = port, listenHost = host, options = {}) {
  const mounts = Object.entries(options.mounts ?? {});
  const typeOf = (file) => (extname(file) === '.wasm' && options.wasmType) || types[extname(file)] || 'application/octet-stream';
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end(); // no icon, and no 404 noise in the browser console
      return;
    }
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { Location: '/demo/' }).end();
      return;
    }
    const mount = mounts.find(([prefix]) => (req.url ?? '').startsWith(prefix));
    const file = mount ? fileIn(mount[1], (req.url ?? '').slice(mount[0].length)) : fileFor(req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const modified = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    const headers = {
      'Content-Type': typeOf(file),
      'Cache-Control': 'no-cache',
      'Last-Modified': modified.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    };
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (since >= modified.getTime()) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(listenPort, listenHost, () => resolveListen(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  const { port: p } = server.address();
  console.log(`gapscore demo: http://localhost:${p}/demo/  (minimal embed: http://localhost:${p}/demo/minimal.html)`);
  console.log('Ctrl+C to stop');
}
