/**
 * `Authorization: Bearer <API key>` on everything under /v1. A missing header,
 * another scheme or an unknown key is 401 unauthorized with
 * `WWW-Authenticate: Bearer`. The scheme name is case-insensitive (RFC 9110);
 * the key is compared exactly. Keys are never logged.
 *
 * Accepted: the configured keys (the demo keys), minted keys while the
 * registry says they are live (`minted`; every use starts their idle time
 * over), and throwaway test keys (below). A minted key that is no longer
 * live is 401 key_expired, so the visitor knows to get a new one.
 *
 * Refusals are rate-limited per client address (`unauthorizedLimit`, counted
 * in `counters`, shared by every instance with Redis): past the limit, a
 * request that would get a 401 gets 429 rate_limited with `Retry-After`
 * instead. Accepted keys are never affected by it.
 *
 * Throwaway keys for browser tests (`testKeys`, off by default): each
 * `test_e2e<16 hex>` key gets its own freshly seeded data, so parallel tests
 * never share state. At most `maxLive` of them are live at once: using one
 * more forgets the least recently used one (`onEvict` drops its data; if it
 * comes back, it starts from fresh data).
 */
import type { MiddlewareHandler } from 'hono';
import { apiErrors, type ApiError } from '../errors';
import { looksMinted } from '../minted';
import type { KeyRegistry } from '../registry';
import { clientAddress, type AddressOf } from './client';
import type { AuthEnv } from './env';
import { memoryCounters, type Counters, type NamedLimit, type RateLimitOptions } from './rate-limit';

export type { AuthEnv };

const BEARER = /^Bearer +(\S+) *$/i;

export const TEST_KEY = /^test_e2e[0-9a-f]{16}$/;
/** Default number of live throwaway test keys (about 85 KB of data each). */
export const DEFAULT_MAX_TEST_KEYS = 200;
/** Default limit on 401 answers: 20 per second and client address. */
export const DEFAULT_UNAUTHORIZED_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ limit: 20, windowMs: 1000 });

export interface TestKeyOptions {
  /** Most throwaway keys live at once. Default DEFAULT_MAX_TEST_KEYS. */
  maxLive?: number;
  /** Called with a key that was forgotten to make room. */
  onEvict?: (key: string) => void;
}

export interface AuthOptions {
  /** Accept throwaway test keys (browser tests only). */
  testKeys?: boolean | TestKeyOptions;
  /** Refused requests allowed per client address and window. Default DEFAULT_UNAUTHORIZED_LIMIT. */
  unauthorizedLimit?: RateLimitOptions;
  now?: () => number;
  /** Minted keys (POST /v1/sandbox/keys), accepted while live. */
  minted?: KeyRegistry;
  /** Where refusals are counted. Default: in this process. */
  counters?: Counters;
  /** The client address refusals are counted by. Default: the TCP peer. */
  address?: AddressOf;
}

/** The live throwaway keys, least recently used first (a Map keeps insertion order). */
export function testKeyRing(options: TestKeyOptions = {}): { accepts(key: string): boolean; readonly size: number } {
  const maxLive = options.maxLive ?? DEFAULT_MAX_TEST_KEYS;
  if (!Number.isInteger(maxLive) || maxLive < 1) throw new Error('testKeys.maxLive must be a whole number >= 1');
  const live = new Map<string, true>();
  return {
    get size() {
      return live.size;
    },
    accepts(key) {
      if (!TEST_KEY.test(key)) return false;
      if (live.has(key)) live.delete(key); // moved to the most recent end below
      else if (live.size >= maxLive) {
        const oldest = live.keys().next().value as string;
        live.delete(oldest);
        options.onEvict?.(oldest);
      }
      live.set(key, true);
      return true;
    },
  };
}

export function bearerAuth(keys: Iterable<string>, options: AuthOptions = {}): MiddlewareHandler<AuthEnv> {
  const known = new Set(keys);
  const ring = options.testKeys ? testKeyRing(options.testKeys === true ? {} : options.testKeys) : undefined;
  const limit: NamedLimit = { ...(options.unauthorizedLimit ?? DEFAULT_UNAUTHORIZED_LIMIT), name: 'unauthorized' };
  const counters = options.counters ?? memoryCounters(options.now ?? Date.now);
  const address = options.address ?? clientAddress;
  const { minted } = options;

  /** Why a key that is neither configured nor a test key is refused, or undefined when it is a live minted key. */
  async function refusal(key: string | undefined): Promise<ApiError | undefined> {
    if (key === undefined) return apiErrors.unauthorized();
    if (minted && looksMinted(key)) {
      const state = await minted.check(key);
      if (state === 'live') return undefined;
      if (state === 'expired') return apiErrors.keyExpired();
    }
    return apiErrors.unauthorized();
  }

  return async (c, next) => {
    const key = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (key !== undefined && (known.has(key) || ring?.accepts(key))) {
      c.set('apiKey', key);
      return next();
    }
    const refused = await refusal(key);
    if (refused) {
      const hit = await counters.hit(limit, address(c));
      if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
      throw refused;
    }
    c.set('apiKey', key!);
    await next();
  };
}
