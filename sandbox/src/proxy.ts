/**
 * Optional CORS proxy for an API that refuses browser calls (off by default;
 * on when SANDBOX_PROXY_UPSTREAM is set). `/proxy/<path>` is forwarded to
 * `<upstream>/<path>` and nowhere else: the target is built from the configured
 * base URL and checked to stay under it. Only Authorization, Accept and
 * Content-Type go upstream (never cookies); only the response headers a client
 * needs come back (never Set-Cookie). Nothing is logged, so neither is a key.
 *
 * Limits, checked before anything goes upstream:
 *   - its own rate limit per client address (SANDBOX_PROXY_RATE_LIMIT, default
 *     20 requests per second): 429 rate_limited with Retry-After;
 *   - bodies of at most 1 MiB: an announced Content-Length over it is 413 at
 *     once; otherwise the body is read as it streams in, and reading stops
 *     (413) as soon as more than 1 MiB arrived, so memory stays bounded and
 *     the upstream receives nothing of an oversized body. A body that stops
 *     arriving for `bodyIdleMs` is cut off (400, connection closed).
 * The upstream has 30 s to answer (else 502 upstream_unavailable); its answer
 * is streamed back, never buffered whole.
 */
import type { Context, Hono } from 'hono';
import { readLimited } from './body';
import { apiErrors } from './errors';
import type { AddressOf } from './middleware/client';
import { addressRateLimit, memoryCounters, type Counters, type RateLimitOptions } from './middleware/rate-limit';

export const PROXY_PREFIX = '/proxy';
const FORWARDED_REQUEST_HEADERS = ['authorization', 'accept', 'content-type'];
const RETURNED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'www-authenticate', 'allow'];
const UPSTREAM_TIMEOUT_MS = 30_000;
export const PROXY_MAX_BODY_BYTES = 1024 * 1024;
/** The proxy's own limit: 20 requests per second and client address. */
export const DEFAULT_PROXY_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ limit: 20, windowMs: 1000 });

export interface ProxyOptions {
  /** Base URL every request is forwarded under, e.g. https://api.callbell.eu/v1 */
  upstream: string;
  fetchImpl?: typeof fetch;
  /** Default DEFAULT_PROXY_RATE_LIMIT. */
  rateLimit?: RateLimitOptions;
  /** Clock of the rate limit. Default Date.now. */
  now?: () => number;
  /** Where the rate limit is counted. Default: in this process. */
  counters?: Counters;
  /** The client address it counts by. Default: the TCP peer. */
  address?: AddressOf;
  /** Cut off a body that sends nothing for this long (0: never). */
  bodyIdleMs?: number;
}

/** The upstream URL for a proxied path, or undefined when it would leave the upstream base. */
export function upstreamUrl(upstream: string, pathAndQuery: string): URL | undefined {
  const base = new URL(upstream.replace(/\/+$/, '') + '/');
  const [rawPath = '', query = ''] = pathAndQuery.split(/\?(.*)/s, 2);
  const segments = rawPath.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /%2e%2e|%2f|%5c|\\/i.test(s))) return undefined;
  const target = new URL(segments.join('/'), base);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return undefined;
  if (query) target.search = `?${query}`;
  return target;
}

async function forward(c: Context, options: ProxyOptions): Promise<Response> {
  const url = new URL(c.req.url);
  const rest = url.pathname.slice(PROXY_PREFIX.length) + url.search;
  const target = upstreamUrl(options.upstream, rest);
  if (!target) throw apiErrors.notFound(c.req.method, c.req.path);
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers.set(name, value);
  }
  const method = c.req.method;
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    body = await readLimited(c.req.raw, PROXY_MAX_BODY_BYTES, options.bodyIdleMs ?? 0);
  }
  let upstreamResponse: Response;
  try {
    upstreamResponse = await (options.fetchImpl ?? fetch)(target, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    throw apiErrors.upstreamUnavailable();
  }
  const out: Record<string, string> = {};
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstreamResponse.headers.get(name);
    if (value !== null) out[name] = value;
  }
  // Streamed back (never buffered whole); c.body keeps the CORS and nosniff headers the middleware set.
  const status = upstreamResponse.status as 200;
  return upstreamResponse.body === null ? c.body(null, status, out) : c.body(upstreamResponse.body, status, out);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works with any app env
export function mountProxy(app: Hono<any>, options: ProxyOptions): void {
  const counters = options.counters ?? memoryCounters(options.now ?? Date.now);
  const limit = addressRateLimit({ ...(options.rateLimit ?? DEFAULT_PROXY_RATE_LIMIT), name: 'proxy' }, counters, options.address);
  app.all(`${PROXY_PREFIX}/*`, limit, (c) => forward(c, options));
}
