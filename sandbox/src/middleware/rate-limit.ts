/**
 * Fixed-window rate limit per API key (documented: 300 requests per second,
 * then 429). Windows are aligned on the clock (`floor(now / windowMs)`), so a
 * window of 1000 ms is one calendar second. Every authenticated response
 * carries `X-RateLimit-Limit` and `X-RateLimit-Remaining`; a 429 also carries
 * `Retry-After`, the whole seconds until the window ends (at least 1).
 * Runs after authentication, so only known keys ever hold a counter.
 */
import type { MiddlewareHandler } from 'hono';
import { apiErrors } from '../errors';
import type { AuthEnv } from './auth';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export function rateLimit(options: RateLimitOptions, now: () => number): MiddlewareHandler<AuthEnv> {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new Error('rateLimit.limit must be a whole number >= 0');
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new Error('rateLimit.windowMs must be > 0');
  const windows = new Map<string, { start: number; count: number }>();

  return async (c, next) => {
    const key = c.get('apiKey');
    const time = now();
    const start = Math.floor(time / windowMs) * windowMs;
    let window = windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    c.header('X-RateLimit-Limit', String(limit));
    c.header('X-RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count > limit) {
      throw apiErrors.rateLimited(Math.max(1, Math.ceil((start + windowMs - time) / 1000)));
    }
    await next();
  };
}
