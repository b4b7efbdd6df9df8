/**
 * The sandbox server's settings, read from environment variables in one
 * place (sandbox/README.md lists them). `readConfig` never exits: it throws
 * a ConfigError naming the variable, and ./server.ts prints it and exits 1.
 * `httpServerOptions` turns the timeouts into node:http server options.
 *
 * Defaults suit `npm run sandbox` on a developer's machine; SANDBOX_PUBLIC=1
 * is for a sandbox other people reach (webhooks only to listed hosts with
 * public addresses; the CORS proxy cannot be turned on).
 */
import type { ServerOptions } from 'node:http';
import type { RateLimitOptions } from './middleware/rate-limit';
import { DEFAULT_MAX_TEST_KEYS, DEFAULT_UNAUTHORIZED_LIMIT } from './middleware/auth';
import { DEFAULT_DATA_DIR } from './paths';
import { DEFAULT_PROXY_RATE_LIMIT } from './proxy';
import { allowedHostsFromEnv } from './webhooks';
import type { StoreOptions } from './app';

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
  if (kind === 'memory') return { kind: 'memory' };
  if (kind === 'file') return { kind: 'file', dir: env.SANDBOX_DATA_DIR?.trim() || DEFAULT_DATA_DIR };
  throw new ConfigError(`SANDBOX_STORE must be "file" or "memory", got "${env.SANDBOX_STORE}"`);
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
