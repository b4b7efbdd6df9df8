/**
 * Fixed-window rate limits, counted in windows aligned on the clock
 * (`floor(now / windowMs)`), so a window of 1000 ms is one calendar second.
 *
 *   - `rateLimit`: per API key (documented: 300 requests per second, then
 *     429). Every authenticated response carries `X-RateLimit-Limit` and
 *     `X-RateLimit-Remaining`. Runs after authentication, so only accepted keys
 *     ever hold a counter.
 *   - `addressRateLimit`: per client address (the CORS proxy has its own), no
 *     X-RateLimit headers.
 *   - `windowCounter`: the counter both use (and the limit on 401 answers,
 *     see ./auth.ts).
 *
 * A 429 carries `Retry-After`, the whole seconds until the window ends (at
 * least 1). Memory is bounded: a counter only holds the current window's
 * keys (all windows end together), at most `maxKeys` of them; keys beyond
 * that share one overflow counter, which can only make limits stricter.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { apiErrors } from '../errors';
import type { AuthEnv } from './env';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
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
      if (count <= limit) return { remaining: limit - count };
      return { remaining: 0, retryAfter: Math.max(1, Math.ceil((start + windowMs - time) / 1000)) };
    },
  };
}

/** The address of the client (the TCP peer) when served by @hono/node-server; `unknown` in-process. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Per API key, with the X-RateLimit headers (the documented limit of /v1). */
export function rateLimit(options: RateLimitOptions, now: () => number): MiddlewareHandler<AuthEnv> {
  const counter = windowCounter(options, now);
  return async (c, next) => {
    const hit = counter.hit(c.get('apiKey'));
    c.header('X-RateLimit-Limit', String(counter.limit));
    c.header('X-RateLimit-Remaining', String(hit.remaining));
    if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
    await next();
  };
}

/** Per client address, without X-RateLimit headers (the CORS proxy). */
export function addressRateLimit(options: RateLimitOptions, now: () => number): MiddlewareHandler {
  const counter = windowCounter(options, now);
  return async (c, next) => {
    const hit = counter.hit(clientAddress(c));
    if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
    await next();
  };
}
