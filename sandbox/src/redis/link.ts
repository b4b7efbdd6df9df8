/**
 * The sandbox's one connection to Redis (ioredis), for the store, the
 * registry of minted keys and the rate-limit counters of every instance.
 *
 * Never a hang, never a crash: commands are not queued while Redis is away
 * (`enableOfflineQueue: false`, `maxRetriesPerRequest: 0`) and each has
 * `timeoutMs` to answer; any failure to reach Redis becomes 503
 * `service_unavailable` with `Retry-After` (`run`). The client reconnects by
 * itself (every 100 ms to 1 s), so the instance recovers as soon as Redis is
 * back. An outage is reported once when it starts and once when it ends.
 * Commands issued together are pipelined (`enableAutoPipelining`).
 *
 * Scripts are Lua, run with EVALSHA (loaded with EVAL the first time Redis
 * answers NOSCRIPT): each runs atomically in Redis. Keys are
 * `<prefix><name>`; a standalone Redis (or one behind Sentinel), not a
 * Redis Cluster, since scripts touch keys they compute.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { ApiError, apiErrors } from '../errors';

/** Retry-After of a 503 while Redis is away, in seconds. */
export const UNAVAILABLE_RETRY_AFTER_S = 1;
export const DEFAULT_REDIS_TIMEOUT_MS = 1000;
export const DEFAULT_REDIS_PREFIX = 'sandbox:';

export interface Script {
  lua: string;
  sha: string;
}

export function script(lua: string): Script {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

export interface RedisLinkOptions {
  url: string;
  /** How long one command may take before the request gets 503. Default DEFAULT_REDIS_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Put before every key, so several sandboxes can share one Redis. Default DEFAULT_REDIS_PREFIX. */
  prefix?: string;
  /** Receives the start and end of an outage. Default console.error. */
  report?: (message: string) => void;
}

export interface RedisLink {
  readonly prefix: string;
  /** Runs a script atomically; Redis away or too slow: throws 503 service_unavailable. */
  run(script: Script, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown>;
  /** Whether Redis answers a PING within the timeout (GET /health/ready). */
  ping(): Promise<boolean>;
  /** Closes the connection (pending commands are answered first). */
  close(): Promise<void>;
}

/** Errors that mean "Redis cannot be reached or cannot serve now", rather than a bug of a script. */
function unreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return true;
  if (err.name !== 'ReplyError') return true; // connection closed, timed out, not writeable, ...
  return /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|OOM)\b/.test(err.message);
}

export function createRedisLink(options: RedisLinkOptions): RedisLink {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const report = options.report ?? ((message: string) => console.error(message));
  const where = (() => {
    try {
      const url = new URL(options.url);
      return `${url.hostname}:${url.port || '6379'}`; // never the password
    } catch {
      return 'Redis';
    }
  })();
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: timeoutMs,
    connectTimeout: Math.max(timeoutMs, 1000),
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    lazyConnect: false,
  });
  let down = false;
  let closing = false;
  const wentDown = (why: string) => {
    if (down || closing) return;
    down = true;
    report(`Sandbox API: Redis at ${where} is not answering (${why}); requests get 503 until it is back.`);
  };
  client.on('error', (err: Error) => wentDown(err.message));
  client.on('close', () => wentDown('connection closed'));
  client.on('ready', () => {
    if (!down) return;
    down = false;
    report(`Sandbox API: Redis at ${where} is back.`);
  });

  async function evaluate(s: Script, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await client.evalsha(s.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return client.eval(s.lua, keys.length, ...keys, ...args);
      throw err;
    }
  }

  return {
    prefix,
    async run(s, keys, args) {
      try {
        return await evaluate(s, keys, args);
      } catch (err) {
        if (err instanceof ApiError || !unreachable(err)) throw err;
        wentDown(err instanceof Error ? err.message : String(err));
        throw apiErrors.unavailable(UNAVAILABLE_RETRY_AFTER_S);
      }
    },
    async ping() {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      closing = true;
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
