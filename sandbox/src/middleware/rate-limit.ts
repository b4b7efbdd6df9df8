/**
 * Fixed-window rate limits, counted in windows aligned on the clock
 * (`floor(now / windowMs)`), so a window of 1000 ms is one calendar second.
 *
 *   - `keyLimit`: per API key (documented: 300 requests per second, then
 *     429). Every authenticated response carries `X-RateLimit-Limit` and
 *     `X-RateLimit-Remaining`. Applied by ./admission.ts, which counts only
 *     keys that can be accepted, named by `accountId` (never the key itself).
 *   - `addressRateLimit`: per client address (the CORS proxy, minting), no
 *     X-RateLimit headers.
 *   - `Counters`: where the windows are counted. `memoryCounters` in this
 *     process (`windowCounter` per limit); the Redis store's counters
 *     (../redis/counters.ts) in Redis, so that every instance shares them.
 *     The limit on 401 answers (./auth.ts) and on minting use them too.
 *
 * A 429 carries `Retry-After`, the whole seconds until the window ends (at
 * least 1). Memory is bounded: a counter only holds the current window's
 * keys (all windows end together), at most `maxKeys` of them; keys beyond
 * that share one overflow counter, which can only make limits stricter.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { apiErrors } from '../errors';
import { accountId } from '../store';
import { clientAddress, type AddressOf } from './client';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** A limit with the name its windows are counted under (`key`, `unauthorized`, `proxy`, `mint`). */
export interface NamedLimit extends RateLimitOptions {
  name: string;
}

/** Where windows are counted: in this process, or shared by every instance (Redis). */
export interface Counters {
  /** Counts one request of `id` against `limit` in the current window (a store that is down: 503). */
  hit(limit: NamedLimit, id: string): Hit | Promise<Hit>;
}

/** What a count means in the window that starts at `start`. */
export function hitFor(limit: RateLimitOptions, count: number, start: number, time: number): Hit {
  if (count <= limit.limit) return { remaining: limit.limit - count };
  return { remaining: 0, retryAfter: Math.max(1, Math.ceil((start + limit.windowMs - time) / 1000)) };
}

/** Distinct keys one window may count separately. */
export const MAX_COUNTED_KEYS = 10_000;
const OVERFLOW_KEY = '\u0000overflow';

export interface Hit {
  /** Requests left in this window after this one (0 when limited). */
  remaining: number;
  /** Set when this request is over the limit: whole seconds until the window ends. */
  retryAfter?: number;
}

export interface WindowCounter {
  readonly limit: number;
  /** Counts one request for `key`. */
  hit(key: string): Hit;
  /** Keys counted in the current window (for tests). */
  readonly size: number;
}

export function checkRateLimitOptions(options: RateLimitOptions, name = 'rateLimit'): void {
  if (!Number.isInteger(options.limit) || options.limit < 0) throw new Error(`${name}.limit must be a whole number >= 0`);
  if (!Number.isFinite(options.windowMs) || options.windowMs <= 0) throw new Error(`${name}.windowMs must be > 0`);
}

export function windowCounter(options: RateLimitOptions, now: () => number, maxKeys = MAX_COUNTED_KEYS): WindowCounter {
  checkRateLimitOptions(options);
  const { limit, windowMs } = options;
  let windowStart = Number.NaN;
  let counts = new Map<string, number>();
  return {
    limit,
    get size() {
      return counts.size;
    },
    hit(key) {
      const time = now();
      const start = Math.floor(time / windowMs) * windowMs;
      if (start !== windowStart) {
        windowStart = start;
        counts = new Map();
      }
      const slot = counts.has(key) || counts.size < maxKeys ? key : OVERFLOW_KEY;
      const count = (counts.get(slot) ?? 0) + 1;
      counts.set(slot, count);
      return hitFor(options, count, start, time);
    },
  };
}

/** Counters of this process: one windowCounter per limit name. */
export function memoryCounters(now: () => number, maxKeys = MAX_COUNTED_KEYS): Counters {
  const counters = new Map<string, WindowCounter>();
  return {
    hit(limit, id) {
      let counter = counters.get(limit.name);
      if (!counter) {
        counter = windowCounter(limit, now, maxKeys);
        counters.set(limit.name, counter);
      }
      return counter.hit(id);
    },
  };
}

export { clientAddress };

/** The per-key limit (the documented limit of /v1): what ./admission.ts counts each request against. */
export interface KeyLimit {
  /** Counts one request of this key (its account id names the window). */
  count(key: string): Hit | Promise<Hit>;
  /** Sets the X-RateLimit headers of this count; throws 429 rate_limited past the limit. */
  apply(c: Context, hit: Hit): void;
}

export function keyLimit(options: RateLimitOptions, counters: Counters): KeyLimit {
  checkRateLimitOptions(options);
  const limit: NamedLimit = { ...options, name: 'key' };
  return {
    count: (key) => counters.hit(limit, accountId(key)),
    apply(c, hit) {
      c.header('X-RateLimit-Limit', String(limit.limit));
      c.header('X-RateLimit-Remaining', String(hit.remaining));
      if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
    },
  };
}

/** Per client address, without X-RateLimit headers (the CORS proxy, minting). */
export function addressRateLimit(limit: NamedLimit, counters: Counters, address: AddressOf = clientAddress): MiddlewareHandler {
  checkRateLimitOptions(limit);
  return async (c, next) => {
    const hit = await counters.hit(limit, address(c));
    if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
    await next();
  };
}
