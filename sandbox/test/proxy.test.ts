/**
 * The optional CORS proxy, against a local upstream on 127.0.0.1 that sends no
 * CORS headers (like an API that refuses browser calls) and sets a cookie;
 * then its limits: the 1 MiB body limit enforced while the body streams in
 * (a chunked body of several MiB is cut off early, and the upstream gets
 * nothing of it), its own rate limit per client address, the body timeout,
 * and `X-Content-Type-Options: nosniff` on whatever it answers.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type AppOptions } from '../src/app';
import { DEFAULT_PROXY_RATE_LIMIT, PROXY_MAX_BODY_BYTES, upstreamUrl } from '../src/proxy';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let upstream: Server;
let base = '';
const seen: Seen[] = [];
/** Every byte of request body the upstream ever received, across all requests. */
let upstreamBytes = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      upstreamBytes += chunk.length;
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(req.url?.startsWith('/v1/limited') ? 429 : 200, {
        'Content-Type': 'application/json',
        'Set-Cookie': 'session=secret; HttpOnly',
        'Retry-After': '2',
        'X-Internal': 'hidden',
      });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

const ORIGIN = 'http://localhost:3000';

describe('CORS proxy', () => {
  it('is off unless configured', async () => {
    const res = await createApp().request('/proxy/contacts', { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(404);
  });

  it('forwards to the configured upstream with CORS added, cookies stripped, key passed on', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const app = createApp({ proxyUpstream: base });
    seen.length = 0;
    const res = await app.request('/proxy/contacts?tags=a,b&page=2', {
      method: 'POST',
      headers: { Origin: ORIGIN, Authorization: 'Bearer secret_key_123', Cookie: 'sid=1', 'Content-Type': 'application/json', 'X-Other': 'x' },
      body: '{"name":"Zoë"}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-internal')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/contacts?tags=a,b&page=2', body: '{"name":"Zoë"}' });
    expect(seen[0]!.headers.authorization).toBe('Bearer secret_key_123');
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers['x-other']).toBeUndefined();
    const printed = [...log.mock.calls, ...error.mock.calls].flat().join(' ');
    expect(printed).not.toContain('secret_key_123');
    log.mockRestore();
    error.mockRestore();
  });

  it('passes status and Retry-After through', async () => {
    const res = await createApp({ proxyUpstream: base }).request('/proxy/limited', { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('answers preflights for the portal only', async () => {
    const app = createApp({ proxyUpstream: base });
    const ok = await app.request('/proxy/contacts', { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const foreign = await app.request('/proxy/contacts', { headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never leaves the upstream base', async () => {
    const app = createApp({ proxyUpstream: base });
    seen.length = 0;
    for (const path of ['/proxy/../admin', '/proxy/%2e%2e/admin', '/proxy/a%2Fb', '/proxy/..%5cadmin']) {
      const res = await app.request(path, { headers: { Origin: ORIGIN } });
      expect(res.status, path).toBe(404);
    }
    expect(seen).toHaveLength(0);
    expect(upstreamUrl('https://api.example.org/v1', '//evil.example/x')?.href).toBe('https://api.example.org/v1/evil.example/x');
    expect(upstreamUrl('https://api.example.org/v1', '/contacts?x=1')?.href).toBe('https://api.example.org/v1/contacts?x=1');
  });

  it('answers 502 in the error shape when the upstream is down', async () => {
    const res = await createApp({ proxyUpstream: 'http://127.0.0.1:9/v1' }).request('/proxy/contacts', { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { status: 502, code: 'upstream_unavailable' } });
  });
});

/** A request body of `total` bytes in `chunk`-byte pieces, produced only when read; `pulled` counts what was read. */
function countedStream(total: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let produced = 0;
  const piece = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (produced >= total) return controller.close();
        produced += chunk;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => produced };
}

function proxyApp(options: AppOptions = {}) {
  return createApp({ proxyUpstream: base, reportError: () => {}, ...options });
}

describe('CORS proxy limits', () => {
  it('cuts a streamed (chunked) body off as soon as it passes 1 MiB: 413, reading stops, the upstream gets nothing', async () => {
    const before = { requests: seen.length, bytes: upstreamBytes };
    const { stream, pulled } = countedStream(8 * 1024 * 1024);
    const res = await proxyApp().request('/proxy/contacts', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { status: 413, code: 'payload_too_large' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('connection')).toBe('close');
    // Read up to the limit plus the chunk that crossed it, never the 8 MiB.
    expect(pulled()).toBeLessThanOrEqual(PROXY_MAX_BODY_BYTES + 2 * 64 * 1024);
    expect(seen.length).toBe(before.requests);
    expect(upstreamBytes - before.bytes).toBe(0);
  });

  it('forwards a body of exactly 1 MiB whole', async () => {
    const before = upstreamBytes;
    const body = 'a'.repeat(PROXY_MAX_BODY_BYTES);
    const res = await proxyApp().request('/proxy/contacts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(200);
    expect(upstreamBytes - before).toBe(PROXY_MAX_BODY_BYTES);
  });

  it('over a real socket: a chunked body of several MiB gets 413 before it is all sent, and never more than 1 MiB goes upstream', async () => {
    const app = proxyApp();
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const before = { requests: seen.length, bytes: upstreamBytes };
    const TOTAL = 16 * 1024 * 1024;
    const piece = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    const status = await new Promise<number>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/proxy/contacts', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      // The server closes the connection after its 413: writes may fail then; the answer still arrives.
      req.on('error', () => undefined);
      const pump = () => {
        while (written < TOTAL && !req.destroyed) {
          written += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(status).toBe(413);
    expect(written).toBeLessThan(TOTAL);
    expect(seen.length).toBe(before.requests);
    expect(upstreamBytes - before.bytes).toBeLessThanOrEqual(PROXY_MAX_BODY_BYTES);
  }, 30_000);

  it('has its own rate limit per client address: 429 rate_limited with Retry-After, other addresses unaffected', async () => {
    expect(DEFAULT_PROXY_RATE_LIMIT).toEqual({ limit: 20, windowMs: 1000 });
    let time = 1_700_000_000_000;
    const app = proxyApp({ now: () => time, proxyRateLimit: { limit: 3, windowMs: 1000 } });
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const get = (address: string) => app.request('/proxy/contacts', { headers: { Origin: ORIGIN } }, from(address));
    const before = seen.length;
    for (let i = 0; i < 3; i++) expect((await get('10.0.0.1')).status).toBe(200);
    time += 250;
    const limited = await get('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await limited.json()).toMatchObject({ error: { status: 429, code: 'rate_limited' } });
    expect(seen.length - before).toBe(3); // the refused one never went upstream
    expect((await get('10.0.0.2')).status).toBe(200);
    time += 1000;
    expect((await get('10.0.0.1')).status).toBe(200);
  });

  it('cuts off a body that stops arriving: 400 invalid_body, connection closed, nothing upstream', async () => {
    const before = seen.length;
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const res = await proxyApp({ bodyIdleMs: 50 }).request('/proxy/contacts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stalled,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_body', fields: [{ name: 'body', in: 'body' }] } });
    expect(cancelled).toBe(true);
    expect(seen.length).toBe(before);
  });

  it('serves everything with X-Content-Type-Options: nosniff', async () => {
    const app = proxyApp();
    for (const [path, init] of [
      ['/proxy/contacts', { headers: { Origin: ORIGIN } }],
      ['/proxy/limited', {}],
      ['/proxy/../x', {}],
      ['/proxy/contacts', { method: 'OPTIONS', headers: { Origin: ORIGIN } }],
    ] as const) {
      const res = await app.request(path, init);
      expect(res.headers.get('x-content-type-options'), `${path} ${res.status}`).toBe('nosniff');
    }
  });
});
