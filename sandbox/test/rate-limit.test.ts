import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../src/app';
import { DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { bearer, documentedErrorExample, expectError, makeApp } from './helpers';

describe('rate limit', () => {
  it('is the documented 300 requests per second', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ limit: 300, windowMs: 1000 });
  });

  it('allows 300 requests in one second per key, then 429 rate_limited with Retry-After', async () => {
    let time = 1_700_000_000_000; // aligned on a whole second
    const app = makeApp({ now: () => time });
    const get = (key = DOCS_DEMO_API_KEY) => app.request('/v1/contacts', { headers: bearer(key) });

    for (let i = 1; i <= 300; i++) {
      const res = await get();
      expect(res.status).toBe(200);
      expect(res.headers.get('X-RateLimit-Limit')).toBe('300');
      expect(res.headers.get('X-RateLimit-Remaining')).toBe(String(300 - i));
    }
    time += 400;
    const limited = await get();
    const body = await limited.json();
    expectError(limited, body, 429, 'rate_limited');
    expect(body).toEqual(documentedErrorExample('TooManyRequests'));
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBe(1);
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0');

    // The other demo key has its own window.
    expect((await get(SECOND_DEMO_API_KEY)).status).toBe(200);

    // The next window opens a new budget.
    time += 600;
    const again = await get();
    expect(again.status).toBe(200);
    expect(again.headers.get('X-RateLimit-Remaining')).toBe('299');
  }, 30_000);

  it('counts every authenticated request (errors too), but not rejected keys', async () => {
    const time = 5_000;
    const app = makeApp({ now: () => time, rateLimit: { limit: 2, windowMs: 1000 } });
    expect((await app.request('/v1/contacts')).status).toBe(401);
    expect((await app.request('/v1/contacts?page=0', { headers: bearer() })).status).toBe(400);
    expect((await app.request('/v1/nope', { headers: bearer() })).status).toBe(404);
    const res = await app.request('/v1/contacts', { headers: bearer() });
    expect(res.status).toBe(429);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('Retry-After is whole seconds until the window ends, at least 1', async () => {
    let time = 60_000;
    const app = makeApp({ now: () => time, rateLimit: { limit: 1, windowMs: 60_000 } });
    await app.request('/v1/contacts', { headers: bearer() });
    time += 500;
    const res = await app.request('/v1/contacts', { headers: bearer() });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('60');
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Too many requests. Retry after 60 seconds.',
    );
    time = 119_999;
    const late = await app.request('/v1/contacts', { headers: bearer() });
    expect(late.headers.get('Retry-After')).toBe('1');
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => makeApp({ rateLimit: { limit: -1, windowMs: 1000 } })).toThrow();
    expect(() => makeApp({ rateLimit: { limit: 1, windowMs: 0 } })).toThrow();
  });
});
