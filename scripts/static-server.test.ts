import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, notFoundFile, resolveFile, serveStatic, type StaticServer } from './static-server.mjs';

let base: string;
let site: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
  site = path.join(base, 'site');
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    '404.html': 'not found',
    'it/404.html': 'non trovato',
    'it/index.html': 'ciao',
    'api/pagination.html': '<p>pages</p>'.repeat(200),
    'api/reference/index.html': 'reference',
    'assets/js/main.0123abcd.js': 'console.log(1);'.repeat(100),
    'img/logo.png': 'PNG',
    'a b/ü.html': 'encoded',
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), content);
  }
  // Beside the site, with a name that starts like it: must never be served.
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  mkdirSync(path.join(base, 'site-other'));
  writeFileSync(path.join(base, 'site-other', 'x.html'), 'other');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveFile', () => {
  it('serves clean URLs as a static host does', () => {
    expect(resolveFile(site, '/')).toBe(path.join(site, 'index.html'));
    expect(resolveFile(site, '/api/pagination')).toBe(path.join(site, 'api/pagination.html'));
    expect(resolveFile(site, '/api/reference')).toBe(path.join(site, 'api/reference/index.html'));
    expect(resolveFile(site, '/api/reference/')).toBe(path.join(site, 'api/reference/index.html'));
    expect(resolveFile(site, '/assets/js/main.0123abcd.js')).toBe(path.join(site, 'assets/js/main.0123abcd.js'));
    expect(resolveFile(site, '/a%20b/%C3%BC')).toBe(path.join(site, 'a b/ü.html'));
  });
  it('finds nothing for a missing file or a folder without index.html', () => {
    expect(resolveFile(site, '/nope')).toBeNull();
    expect(resolveFile(site, '/assets/js')).toBeNull();
  });
  it('never leaves the site folder, however the path is written', () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2Fsecret.txt', '/api/../../secret.txt', '/../site-other/x', '/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..\\secret.txt']) {
      expect(resolveFile(site, attempt), attempt).toBeNull();
    }
  });
  it('refuses a path that does not decode and one with a NUL byte', () => {
    expect(resolveFile(site, '/%E0%A4%A')).toBeNull();
    expect(resolveFile(site, '/index.html%00.png')).toBeNull();
  });
});

describe('acceptsGzip', () => {
  it('accepts gzip listed with no q-value or one above 0, and * when gzip is not named', () => {
    for (const header of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.5', 'GZIP', 'x-gzip', '*', 'br, *;q=0.1', 'gzip;q=0, gzip;q=0.3']) {
      expect(acceptsGzip(header), header).toBe(true);
    }
  });
  it('refuses gzip with q=0, even beside *, and a header without it', () => {
    for (const header of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000', '*;q=0', 'gzip;q=0, *', 'notgzip']) {
      expect(acceptsGzip(header), String(header)).toBe(false);
    }
  });
});

describe('notFoundFile', () => {
  it('takes the locale’s own 404 page, else the root’s', () => {
    expect(notFoundFile(site, '/it/api/missing')).toBe(path.join(site, 'it/404.html'));
    expect(notFoundFile(site, '/api/missing')).toBe(path.join(site, '404.html'));
    expect(notFoundFile(site, '/')).toBe(path.join(site, '404.html'));
  });
});

/** A raw request: `fetch` would normalise `..` away and decompress the body. */
function rawGet(
  server: StaticServer,
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${pathname}`, { method, headers, path: pathname }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const GZIP = { 'Accept-Encoding': 'gzip' };
const unzipped = async (res: Promise<{ body: Buffer }>) => gunzipSync((await res).body).toString();

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site);
  });
  afterAll(() => server.close());

  const get = (pathname: string, headers: Record<string, string> = {}, method = 'GET') => rawGet(server, pathname, headers, method);

  it('listens on 127.0.0.1 on a port it picked', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.origin).not.toMatch(/:0$/);
  });
  it('gzips text for a client that accepts it, with the length of what it sends', async () => {
    const res = await get('/api/pagination', { 'Accept-Encoding': 'gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(gunzipSync(res.body).toString()).toBe('<p>pages</p>'.repeat(200));
    expect(res.body.length).toBeLessThan(2400);
  });
  it('sends text as it is to a client that does not accept gzip', async () => {
    const cases: Array<Record<string, string>> = [{}, { 'Accept-Encoding': 'gzip;q=0, br' }];
    for (const headers of cases) {
      const res = await get('/api/pagination', headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).toBe('<p>pages</p>'.repeat(200));
    }
  });
  it('does not gzip images, and caches hashed assets for a year', async () => {
    const png = await get('/img/logo.png', { 'Accept-Encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    const js = await get('/assets/js/main.0123abcd.js', { 'Accept-Encoding': 'gzip' });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });
  it('answers a missing page with the nearest 404 page and status 404', async () => {
    const it = await get('/it/missing');
    expect(it.status).toBe(404);
    expect(it.body.toString()).toBe('non trovato');
    expect((await get('/missing')).body.toString()).toBe('not found');
  });
  it('answers a path out of the folder as not found, never with the file', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await get(attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.body.toString()).not.toContain('secret');
    }
  });
  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe('<h1>home</h1>'.length);
    const post = await get('/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('gzipped bodies', () => {
  it('follow a file that changed, even to the same size', async () => {
    const file = path.join(site, 'api', 'changing.html');
    writeFileSync(file, 'first version');
    const server = await serveStatic(site);
    try {
      expect(await unzipped(rawGet(server, '/api/changing', GZIP))).toBe('first version');
      writeFileSync(file, 'the second version');
      expect(await unzipped(rawGet(server, '/api/changing', GZIP))).toBe('the second version');
      writeFileSync(file, 'the third  version');
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      expect(await unzipped(rawGet(server, '/api/changing', GZIP))).toBe('the third  version');
      expect(server.compressedOnRequest()).toBe(3);
    } finally {
      await server.close();
      rmSync(file);
    }
  });
  it('are made before listening with precompress, so answering compresses nothing', async () => {
    const plain = await serveStatic(site);
    const ready = await serveStatic(site, { precompress: true });
    try {
      for (const server of [plain, ready]) {
        expect(await unzipped(rawGet(server, '/api/pagination', GZIP))).toBe('<p>pages</p>'.repeat(200));
        expect(await unzipped(rawGet(server, '/assets/js/main.0123abcd.js', GZIP))).toBe('console.log(1);'.repeat(100));
        expect(await unzipped(rawGet(server, '/it/missing', GZIP))).toBe('non trovato');
      }
      expect(plain.compressedOnRequest()).toBe(3);
      expect(ready.compressedOnRequest()).toBe(0);
    } finally {
      await Promise.all([plain.close(), ready.close()]);
    }
  });
});

describe('close', () => {
  it('ends even with a keep-alive connection open', async () => {
    const server = await serveStatic(site);
    const agentRequest = new Promise<void>((resolve) => {
      request(`${server.origin}/`, { headers: { Connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).end();
    });
    await agentRequest;
    await server.close();
    expect(server.server.listening).toBe(false);
  });
});
