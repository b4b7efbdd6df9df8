/**
 * A static server for a built site that answers the way a static host does:
 * clean URLs (`/a/b` serves `a/b.html` or `a/b/index.html`), content types,
 * long-lived caching for hashed assets, gzip for text when the client accepts it
 * (`Accept-Encoding`, q-values honoured), and the nearest `404.html` (a locale's
 * own) with status 404 for a path that has no file. Never serves a file outside
 * `dir`. GET and HEAD only. A gzipped body is kept while its file is unchanged
 * (same size and modification time), so a rebuild is served at once. With
 * `precompress`, every text file is gzipped before the server listens, as a
 * host's cache would have it: then answering a request neither reads nor
 * compresses a file while a browser measures. Used by `npm run bench`
 * (Lighthouse and bundle figures) and runnable on its own:
 * `tsx scripts/static-server.mts <dir> [port]`
 * (port 0 or STATIC_PORT picks; it listens on 127.0.0.1 only).
 * Tests: scripts/static-server.test.ts.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.md', '.txt', '.svg', '.xml']);

/**
 * Whether an `Accept-Encoding` header accepts gzip: `gzip` (or `x-gzip`) with a q-value
 * above 0, or else `*` above 0. `gzip;q=0` refuses it, even beside `*`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => /^q\s*=/.test(p));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
    const value = Number.isFinite(weight) ? weight : 0;
    if (name === 'gzip' || name === 'x-gzip') gzip = Math.max(gzip ?? 0, value);
    else if (name === '*') any = value;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** Resolves a request path to a file inside `dir`, or null. */
export function resolveFile(dir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  for (const candidate of [file, `${file}.html`, path.join(file, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The `404.html` nearest to a request path (`/it/x/y` -> `it/404.html`, else the root's), or null. */
export function notFoundFile(dir: string, pathname: string): string | null {
  const parts = pathname.split('/').filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const found = resolveFile(dir, `/${parts.slice(0, i).join('/')}/404.html`.replace(/^\/\//, '/'));
    if (found) return found;
  }
  return resolveFile(dir, '/404.html');
}

export interface StaticServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
  /** How many bodies were gzipped while answering a request (0 when precompressed and unchanged). */
  compressedOnRequest(): number;
}

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Gzip text for clients that accept it (default true). */
  gzip?: boolean;
  /** Gzip every text file before listening (default false). */
  precompress?: boolean;
}

interface Compressed {
  size: number;
  mtimeMs: number;
  body: Buffer;
}

/** Every file under `dir` whose extension is compressible. */
function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Serves `dir` on 127.0.0.1 (`port` 0 picks a free port). Gzip is on unless `gzip: false`. */
export async function serveStatic(dir: string, { port = 0, gzip = true, precompress = false }: ServeOptions = {}): Promise<StaticServer> {
  const cache = new Map<string, Compressed>();
  let compressedOnRequest = 0;
  if (gzip && precompress) {
    // Four at a time: zlib's thread pool does the work, this loop only keeps it fed.
    const files = compressibleFiles(dir);
    for (let i = 0; i < files.length; i += 4) {
      await Promise.all(
        files.slice(i, i + 4).map(async (file) => {
          const { size, mtimeMs } = statSync(file);
          cache.set(file, { size, mtimeMs, body: await gzipAsync(readFileSync(file), { level: 6 }) });
        }),
      );
    }
  }
  /** The gzipped body of `file`: the cached one, or compressed now (and cached) when the file is new or changed. */
  const gzipped = (file: string): Buffer => {
    const { size, mtimeMs } = statSync(file);
    const entry = cache.get(file);
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs) return entry.body;
    compressedOnRequest++;
    const body = gzipSync(readFileSync(file), { level: 6 });
    cache.set(file, { size, mtimeMs, body });
    return body;
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = resolveFile(dir, url.pathname);
    const target = file ?? notFoundFile(dir, url.pathname);
    if (!target) return void res.writeHead(404).end();
    const ext = path.extname(target);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': /\.[0-9a-f]{8,}\.(js|css)$/.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    let body: Buffer;
    try {
      if (gzip && COMPRESSIBLE.has(ext) && acceptsGzip(req.headers['accept-encoding'])) {
        body = gzipped(target);
        headers['Content-Encoding'] = 'gzip';
      } else {
        body = readFileSync(target);
      }
    } catch {
      return void res.writeHead(500).end();
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(file ? 200 : 404, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // close() ends open keep-alive connections too, so it never waits on a browser.
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve({ server, origin, close, compressedOnRequest: () => compressedOnRequest });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'build';
  const port = Number(process.argv[3] ?? process.env.STATIC_PORT ?? 0);
  const { origin } = await serveStatic(dir, { port });
  console.log(`Serving ${dir} with gzip at ${origin}/`);
}
