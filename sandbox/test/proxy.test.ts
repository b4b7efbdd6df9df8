/**
 * The optional CORS proxy, against a local upstream on 127.0.0.1 that sends no
 * CORS headers (like an API that refuses browser calls) and sets a cookie.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app';
import { upstreamUrl } from '../src/proxy';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let upstream: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
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
