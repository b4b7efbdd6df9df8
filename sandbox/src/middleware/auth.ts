/**
 * Who is asking: `Authorization: Bearer <API key>` on everything under /v1
 * (`keyGate`; ./admission.ts applies it with the rate limit). A missing
 * header, another scheme or an unknown key is 401 unauthorized with
 * `WWW-Authenticate: Bearer`. The scheme name is case-insensitive (RFC 9110);
 * the key is compared exactly. Keys are never logged.
 *
 * Accepted: the configured keys (the demo keys), minted keys while the
 * registry says they are live (`minted`; every use starts their idle time
 * over), and throwaway test keys (below). A minted key that is no longer
 * live is 401 key_expired, so the visitor knows to get a new one. The
 * configured and test keys are accepted at once; a minted key waits for the
 * registry, and the gate says whether it is worth starting the request's
 * other work alongside (`ahead`: only keys this sandbox signed, so a made-up
 * key costs nothing more than its refusal).
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
import type { Context } from 'hono';
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

/** A request's key and what the gate makes of it. */
export interface KeyVerdict {
  /** The key of the Authorization header (undefined: none, or not a Bearer token). */
  key: string | undefined;
  /** Why the key is refused; undefined once it is accepted. Known at once, except for minted keys (the registry is asked). */
  refusal: ApiError | undefined | Promise<ApiError | undefined>;
  /** Accepted at once, or signed by this sandbox: the request's other work may start while the registry answers. */
  ahead: boolean;
}

export interface KeyGate {
  /** Reads the request's key and starts checking it. */
  open(c: Context): KeyVerdict;
  /** Throws the refusal, or 429 rate_limited in its place once this client address has had too many. */
  refuse(c: Context, refusal: ApiError): Promise<never>;
}

export function keyGate(keys: Iterable<string>, options: AuthOptions = {}): KeyGate {
  const known = new Set(keys);
  const ring = options.testKeys ? testKeyRing(options.testKeys === true ? {} : options.testKeys) : undefined;
  const limit: NamedLimit = { ...(options.unauthorizedLimit ?? DEFAULT_UNAUTHORIZED_LIMIT), name: 'unauthorized' };
  const counters = options.counters ?? memoryCounters(options.now ?? Date.now);
  const address = options.address ?? clientAddress;
  const { minted } = options;

  /** Why a minted key is refused, or undefined when it is live. */
  async function mintedRefusal(registry: KeyRegistry, key: string): Promise<ApiError | undefined> {
    const state = await registry.check(key);
    if (state === 'live') return undefined;
    return state === 'expired' ? apiErrors.keyExpired() : apiErrors.unauthorized();
  }

  return {
    open(c) {
      const key = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
      if (key === undefined) return { key, refusal: apiErrors.unauthorized(), ahead: false };
      if (known.has(key) || ring?.accepts(key)) return { key, refusal: undefined, ahead: true };
      if (!minted || !looksMinted(key)) return { key, refusal: apiErrors.unauthorized(), ahead: false };
      return { key, refusal: mintedRefusal(minted, key), ahead: minted.signed(key) === true };
    },
    async refuse(c, refusal) {
      const hit = await counters.hit(limit, address(c));
      if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
      throw refusal;
    },
  };
}
