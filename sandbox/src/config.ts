/**
 * The sandbox server's settings, read from environment variables in one
 * place (sandbox/README.md lists them). `readConfig` never exits: it throws
 * a ConfigError naming the variable, and ./server.ts prints it and exits 1.
 * `httpServerOptions` turns the timeouts into node:http server options.
 *
 * Defaults suit `npm run sandbox` on a developer's machine; SANDBOX_PUBLIC=1
 * is for a sandbox other people reach (webhooks only to listed hosts with
 * public addresses; the demo keys may only read; the CORS proxy cannot be
 * turned on). SANDBOX_STORE=redis with SANDBOX_REDIS_URL lets any number of
 * instances share one Redis (docs-maintainers/DEPLOY.md).
 */
import type { ServerOptions } from 'node:http';
import type { RateLimitOptions } from './middleware/rate-limit';
import { DEFAULT_MINT_LIMIT, DEFAULT_RATE_LIMIT } from './app';
import type { StoreOptions } from './backend';
import { DEFAULT_MAX_TEST_KEYS, DEFAULT_UNAUTHORIZED_LIMIT } from './middleware/auth';
import { proxyList } from './middleware/client';
import { DEFAULT_DATA_DIR } from './paths';
import { DEFAULT_PROXY_RATE_LIMIT } from './proxy';
import { DEFAULT_REDIS_PREFIX, DEFAULT_REDIS_TIMEOUT_MS } from './redis/link';
import { DEFAULT_KEY_POLICY, type KeyPolicy } from './registry';
import { DEFAULT_MAX_CACHED } from './store';
import { allowedHostsFromEnv } from './webhooks';

export type Env = Record<string, string | undefined>;

/** Room for long query strings, so that they get the sandbox's JSON 400 rather than Node's bare 431. */
export const MAX_HEADER_BYTES = 256 * 1024;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
/** Whole request (head and body) must arrive within this. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The request head must arrive within this. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** A body that sends nothing for this long is cut off (400 invalid_body, connection closed). */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface Timeouts {
  requestMs: number;
  headersMs: number;
  bodyIdleMs: number;
}

export interface SandboxConfig {
  host: string;
  port: number;
  store: StoreOptions;
  /** Throwaway test keys (memory store only), and how many may be live. */
  testKeys: false | { maxLive: number };
  proxyUpstream?: string;
  publicMode: boolean;
  webhookHosts: string[];
  unauthorizedLimit: RateLimitOptions;
  proxyRateLimit: RateLimitOptions;
  /** Per API key (the documented 300 per second). */
  rateLimit: RateLimitOptions;
  /** Minted keys: idle time, most live at once. */
  keyPolicy: KeyPolicy;
  /** Keys minted per client address and window. */
  mintLimit: RateLimitOptions;
  keySecret?: string;
  /** Proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  timeouts: Timeouts;
}

function whole(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${env[name]}"`);
  }
  return value;
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim() ?? '';
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${env[name]}"`);
}

function store(env: Env): StoreOptions {
  const kind = env.SANDBOX_STORE?.trim() || 'file';
  const maxCached = whole(env, 'SANDBOX_CACHE_ACCOUNTS', DEFAULT_MAX_CACHED, 1);
  if (kind === 'memory') return { kind: 'memory' };
  if (kind === 'file') return { kind: 'file', dir: env.SANDBOX_DATA_DIR?.trim() || DEFAULT_DATA_DIR, maxCached };
  if (kind === 'redis') {
    const url = env.SANDBOX_REDIS_URL?.trim() ?? '';
    if (!/^rediss?:\/\/[^\s]+$/.test(url)) {
      throw new ConfigError('SANDBOX_STORE=redis needs SANDBOX_REDIS_URL=redis://host:port (or rediss:// for TLS)');
    }
    return {
      kind: 'redis',
      url,
      timeoutMs: whole(env, 'SANDBOX_REDIS_TIMEOUT_MS', DEFAULT_REDIS_TIMEOUT_MS, 50, 60_000),
      prefix: env.SANDBOX_REDIS_PREFIX?.trim() || DEFAULT_REDIS_PREFIX,
      maxCached,
    };
  }
  throw new ConfigError(`SANDBOX_STORE must be "file", "memory" or "redis", got "${env.SANDBOX_STORE}"`);
}

function keySecret(env: Env): string | undefined {
  const secret = env.SANDBOX_KEY_SECRET?.trim();
  if (!secret) return undefined;
  if (secret.length < 32) throw new ConfigError('SANDBOX_KEY_SECRET must be at least 32 characters long');
  return secret;
}

function trustedProxies(env: Env): string[] {
  const entries = (env.SANDBOX_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    proxyList(entries);
  } catch (err) {
    throw new ConfigError(`SANDBOX_TRUSTED_PROXIES: ${(err as Error).message}`);
  }
  return entries;
}

export function readConfig(env: Env = process.env): SandboxConfig {
  const publicMode = flag(env, 'SANDBOX_PUBLIC');
  const proxyUpstream = env.SANDBOX_PROXY_UPSTREAM?.trim() || undefined;
  if (publicMode && proxyUpstream) {
    throw new ConfigError(
      'SANDBOX_PROXY_UPSTREAM cannot be set with SANDBOX_PUBLIC=1: the CORS proxy carries production keys and must only run on your own machine',
    );
  }
  const chosenStore = store(env);
  // Throwaway per-test keys are for the browser tests only, and never with the file store.
  const testKeys = flag(env, 'SANDBOX_TEST_KEYS') && chosenStore.kind === 'memory';
  const timeouts: Timeouts = {
    requestMs: whole(env, 'SANDBOX_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 100),
    headersMs: whole(env, 'SANDBOX_HEADERS_TIMEOUT_MS', DEFAULT_HEADERS_TIMEOUT_MS, 100),
    bodyIdleMs: whole(env, 'SANDBOX_BODY_TIMEOUT_MS', DEFAULT_BODY_TIMEOUT_MS, 100),
  };
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new ConfigError('SANDBOX_HEADERS_TIMEOUT_MS must not be longer than SANDBOX_REQUEST_TIMEOUT_MS');
  }
  return {
    host: env.SANDBOX_HOST?.trim() || DEFAULT_HOST,
    port: whole(env, 'SANDBOX_PORT', DEFAULT_PORT, 0, 65535),
    store: chosenStore,
    testKeys: testKeys ? { maxLive: whole(env, 'SANDBOX_TEST_KEYS_MAX', DEFAULT_MAX_TEST_KEYS, 1) } : false,
    proxyUpstream,
    publicMode,
    webhookHosts: allowedHostsFromEnv(env),
    unauthorizedLimit: { limit: whole(env, 'SANDBOX_UNAUTHORIZED_LIMIT', DEFAULT_UNAUTHORIZED_LIMIT.limit, 1), windowMs: 1000 },
    proxyRateLimit: { limit: whole(env, 'SANDBOX_PROXY_RATE_LIMIT', DEFAULT_PROXY_RATE_LIMIT.limit, 1), windowMs: 1000 },
    rateLimit: { limit: whole(env, 'SANDBOX_RATE_LIMIT', DEFAULT_RATE_LIMIT.limit, 1), windowMs: 1000 },
    keyPolicy: {
      idleMs: whole(env, 'SANDBOX_KEY_IDLE_SECONDS', DEFAULT_KEY_POLICY.idleMs / 1000, 1, 365 * 24 * 3600) * 1000,
      maxLive: whole(env, 'SANDBOX_KEYS_MAX', DEFAULT_KEY_POLICY.maxLive, 1),
    },
    mintLimit: {
      limit: whole(env, 'SANDBOX_MINT_LIMIT', DEFAULT_MINT_LIMIT.limit, 1),
      windowMs: whole(env, 'SANDBOX_MINT_WINDOW_SECONDS', DEFAULT_MINT_LIMIT.windowMs / 1000, 1, 7 * 24 * 3600) * 1000,
    },
    keySecret: keySecret(env),
    trustedProxies: trustedProxies(env),
    timeouts,
  };
}

/**
 * node:http server options for these timeouts. Node checks the request and
 * head timeouts every `connectionsCheckingInterval`, so it is kept well below
 * them (at most 1 s).
 */
export function httpServerOptions(timeouts: Timeouts): ServerOptions {
  const shortest = Math.min(timeouts.requestMs, timeouts.headersMs);
  return {
    maxHeaderSize: MAX_HEADER_BYTES,
    requestTimeout: timeouts.requestMs,
    headersTimeout: timeouts.headersMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(shortest / 4))),
  };
}
