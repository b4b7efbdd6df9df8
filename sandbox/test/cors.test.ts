import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CORS_ORIGINS, defaultCorsOrigins } from '../src/app';
import { bearer, makeApp } from './helpers';

const ALLOWED = 'http://localhost:3000';
const FOREIGN = 'https://evil.example';

function corsHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));
}

function preflight(origin: string, url = '/v1/contacts') {
  return makeApp().request(url, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
}

describe('CORS', () => {
  const saved = process.env.SANDBOX_CORS_ORIGINS;
  afterEach(() => {
    if (saved === undefined) delete process.env.SANDBOX_CORS_ORIGINS;
    else process.env.SANDBOX_CORS_ORIGINS = saved;
  });

  it.each([...DEFAULT_CORS_ORIGINS])('echoes the allowed origin %s and exposes the rate-limit headers', async (origin) => {
    const res = await makeApp().request('/v1/contacts', { headers: { ...bearer(), Origin: origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(res.headers.get('Vary')).toContain('Origin');
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe(
      'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, Content-Length',
    );
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('gives a foreign origin no CORS headers', async () => {
    for (const origin of [FOREIGN, 'http://localhost:3002', 'http://localhost:3000.evil.example', 'null']) {
      const res = await makeApp().request('/v1/contacts', { headers: { ...bearer(), Origin: origin } });
      expect(res.status).toBe(200);
      expect(corsHeaders(res)).toEqual({});
      expect(res.headers.get('Vary')).toContain('Origin');
    }
  });

  it('adds CORS headers to error responses too, so the browser can read them', async () => {
    const app = makeApp();
    const unauthorized = await app.request('/v1/contacts', { headers: { Origin: ALLOWED } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    const bad = await app.request('/v1/contacts?page=0', { headers: { ...bearer(), Origin: ALLOWED } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    const missing = await app.request('/nope', { headers: { Origin: ALLOWED } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
  });

  it('answers a preflight from an allowed origin with 204, without authentication', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type, Accept');
    expect(res.headers.get('Access-Control-Max-Age')).toBe('600');
    expect(res.headers.get('Vary')).toContain('Origin');
  });

  it('answers a preflight from a foreign origin without any CORS header', async () => {
    const res = await preflight(FOREIGN);
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({});
  });

  it('adds the origins of SANDBOX_CORS_ORIGINS to the defaults', async () => {
    process.env.SANDBOX_CORS_ORIGINS = ' https://portal.example.com/ , http://localhost:8080,,';
    expect(defaultCorsOrigins({ SANDBOX_CORS_ORIGINS: process.env.SANDBOX_CORS_ORIGINS })).toEqual([
      ...DEFAULT_CORS_ORIGINS,
      'https://portal.example.com',
      'http://localhost:8080',
    ]);
    const res = await makeApp().request('/health', { headers: { Origin: 'https://portal.example.com' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://portal.example.com');
  });

  it('follows the portal when PORT moves it', () => {
    expect(defaultCorsOrigins({ PORT: '3105' })).toEqual([...DEFAULT_CORS_ORIGINS, 'http://localhost:3105', 'http://127.0.0.1:3105']);
    expect(defaultCorsOrigins({ PORT: 'not-a-port' })).toEqual([...DEFAULT_CORS_ORIGINS]);
  });

  it('replaces the defaults with the corsOrigins option', async () => {
    const app = makeApp({ corsOrigins: ['https://only.example'] });
    const only = await app.request('/health', { headers: { Origin: 'https://only.example' } });
    expect(only.headers.get('Access-Control-Allow-Origin')).toBe('https://only.example');
    const local = await app.request('/health', { headers: { Origin: ALLOWED } });
    expect(corsHeaders(local)).toEqual({});
  });
});
