/**
 * CORS for the portal's "try it" panel. Only configured origins are allowed:
 * their Origin is echoed back; any other origin gets no CORS header at all, so
 * the browser blocks it. Every response says `Vary: Origin` because it depends
 * on that header. Preflights (every OPTIONS request) are answered 204 here,
 * before authentication, since browsers send them without credentials.
 */
import type { MiddlewareHandler } from 'hono';

export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept'];
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'Content-Length'];
/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** `http://localhost:3000/` -> `http://localhost:3000` (origins never end with a slash). */
export function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '');
}

export function cors(origins: Iterable<string>): MiddlewareHandler {
  const allowed = new Set([...origins].map(normaliseOrigin).filter(Boolean));
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    c.header('Vary', 'Origin');
    if (isAllowed) c.header('Access-Control-Allow-Origin', origin);

    if (c.req.method === 'OPTIONS') {
      if (isAllowed) {
        c.header('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS.join(', '));
        c.header('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '));
        c.header('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS));
      }
      return c.body(null, 204);
    }

    if (isAllowed) c.header('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(', '));
    await next();
  };
}
