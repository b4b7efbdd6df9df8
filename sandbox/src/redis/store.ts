/**
 * The Redis store: the `Store` interface (../store.ts) over one Redis that
 * any number of sandbox instances share.
 *
 * An account is one Redis hash, `<prefix>account:<accountId>`: field `v`
 * (its version, 1 and up) and one field per top-level property of the
 * account (`contacts`, `messages`, ...), each JSON. Every write is a Lua
 * script that checks the version the change started from and, only if it is
 * still the current one, writes the changed properties and the next version
 * (optimistic concurrency): a change made meanwhile through another instance
 * makes this one run again on the newer account, so no acknowledged write is
 * ever lost. The changes of one key run one after another in each instance,
 * so only changes through different instances ever run again.
 *
 * Reads send the version the instance already has; Redis answers "same" (a
 * few bytes) or the whole account. Only the `maxCached` most recently used
 * accounts are kept in the instance, so its memory is bounded whatever the
 * number of keys. A change writes only the properties it read or set
 * (tracked with a Proxy), and the whole account when it is new.
 *
 * Minted keys' accounts expire in Redis with their key (`ttlMs`); the demo
 * keys' accounts never expire. Redis away or too slow: 503 (./link.ts).
 */
import type { Account } from '../data/types';
import { isAccount } from '../data/account';
import { apiErrors } from '../errors';
import { accountId, changed, freshAccount, serialByKey, type Store } from '../store';
import { script, UNAVAILABLE_RETRY_AFTER_S, type RedisLink } from './link';

/** Rounds of one change before it gives up with 503 (only when other instances keep changing the same account). */
export const MAX_CHANGE_ATTEMPTS = 50;

/** The account hash's version field ('0' when absent); same version as the caller's: `{v}`; else every field. */
const READ = script(`
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return false end
if v == ARGV[1] then return {v} end
return redis.call('HGETALL', KEYS[1])
`);

/** Writes fields only if the version is still ARGV[1]; returns the new version, or -1 (changed meanwhile). */
const WRITE = script(`
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if v ~= ARGV[1] then return -1 end
local n = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'v', n, unpack(ARGV, 3))
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return n
`);

/** Replaces the whole account (reset); returns the new version. */
const REPLACE = script(`
local n = tonumber(redis.call('HGET', KEYS[1], 'v') or '0') + 1
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', n, unpack(ARGV, 2))
if tonumber(ARGV[1]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`);

const DROP = script(`return redis.call('DEL', KEYS[1])`);

export const DEFAULT_REDIS_MAX_CACHED = 100;

export interface RedisStoreOptions {
  link: RedisLink;
  seed: Account;
  /** Accounts kept in this instance (most recently used). Default DEFAULT_REDIS_MAX_CACHED. */
  maxCached?: number;
  /** How long a key's account lives in Redis after its last write (0: for ever). Default: for ever. */
  ttlMs?: (key: string) => number;
  /** Receives problems (an account in Redis that is not one). */
  report?: (message: string) => void;
}

interface Entry {
  /** 0: not in Redis yet (fresh from the seed). */
  version: number;
  account: Account;
}

/** The key of an account's hash. */
export function accountKey(prefix: string, id: string): string {
  return `${prefix}account:${id}`;
}

/** Field/value pairs of these properties of the account. */
function pairs(account: Account, names: Iterable<string>): string[] {
  const out: string[] = [];
  const record = account as unknown as Record<string, unknown>;
  for (const name of names) {
    if (name === 'v' || !Object.prototype.hasOwnProperty.call(record, name)) continue;
    out.push(name, JSON.stringify(record[name]));
  }
  return out;
}

/** The account and the properties a change read or set. */
function tracked(account: Account): { proxy: Account; touched: Set<string> } {
  const touched = new Set<string>();
  const proxy = new Proxy(account, {
    get(target, property, receiver) {
      if (typeof property === 'string') touched.add(property);
      return Reflect.get(target, property, receiver) as unknown;
    },
    set(target, property, value, receiver) {
      if (typeof property === 'string') touched.add(property);
      return Reflect.set(target, property, value, receiver);
    },
    deleteProperty(target, property) {
      if (typeof property === 'string') touched.add(property);
      return Reflect.deleteProperty(target, property);
    },
  });
  return { proxy, touched };
}

export function createRedisStore(options: RedisStoreOptions): Store {
  const { link, seed } = options;
  const maxCached = Math.max(1, options.maxCached ?? DEFAULT_REDIS_MAX_CACHED);
  const ttlMs = options.ttlMs ?? (() => 0);
  const report = options.report ?? ((message: string) => console.error(message));
  /** Accounts of this instance by id, least recently used first. */
  const cache = new Map<string, Entry>();
  const serial = serialByKey();

  function remember(id: string, entry: Entry): Entry {
    const current = cache.get(id);
    // Answers arrive in the order Redis ran the commands; never go back to an older version.
    if (current && current.version > entry.version) return current;
    cache.delete(id);
    cache.set(id, entry);
    if (cache.size > maxCached) cache.delete(cache.keys().next().value as string);
    return entry;
  }

  /** The account as Redis has it now (the cached copy when its version is current). */
  async function load(key: string): Promise<Entry> {
    const id = accountId(key);
    const cached = cache.get(id);
    const reply = (await link.run(READ, [accountKey(link.prefix, id)], [cached?.version ?? -1])) as string[] | null;
    if (reply === null) {
      if (cached && cached.version === 0) return remember(id, cached);
      if (cached) cache.delete(id); // dropped or expired meanwhile
      return remember(id, { version: 0, account: freshAccount(seed, key) });
    }
    if (reply.length === 1 && cached) return remember(id, cached);
    const fields: Record<string, unknown> = {};
    let version = 0;
    for (let i = 0; i + 1 < reply.length; i += 2) {
      const name = reply[i]!;
      if (name === 'v') version = Number(reply[i + 1]);
      else fields[name] = JSON.parse(reply[i + 1]!) as unknown;
    }
    if (!isAccount(fields)) {
      report(`Sandbox API: the account ${id} in Redis is incomplete; it starts from the seed data at its next change.`);
      return remember(id, { version, account: freshAccount(seed, key) });
    }
    return remember(id, { version, account: fields });
  }

  return {
    kind: 'redis',
    read: async (key) => (await load(key)).account,
    update: (key, change) =>
      serial(key, async () => {
        const id = accountId(key);
        for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
          const entry = await load(key);
          const { proxy, touched } = tracked(entry.account);
          let result: Awaited<ReturnType<typeof change>>;
          try {
            result = await change(proxy);
          } finally {
            changed(entry.account);
          }
          const names = entry.version === 0 ? Object.keys(entry.account) : touched;
          const written = pairs(entry.account, names);
          if (written.length === 0) return result;
          const version = Number(await link.run(WRITE, [accountKey(link.prefix, id)], [entry.version, ttlMs(key), ...written]));
          if (version > 0) {
            remember(id, { version, account: entry.account });
            return result;
          }
          // Changed meanwhile through another instance: this copy is stale (and changed); start again from Redis.
          if (cache.get(id) === entry) cache.delete(id);
        }
        throw apiErrors.unavailable(UNAVAILABLE_RETRY_AFTER_S);
      }),
    reset: (key) =>
      serial(key, async () => {
        const account = freshAccount(seed, key);
        const id = accountId(key);
        const version = Number(await link.run(REPLACE, [accountKey(link.prefix, id)], [ttlMs(key), ...pairs(account, Object.keys(account))]));
        cache.delete(id);
        remember(id, { version, account });
      }),
    async drop(id) {
      cache.delete(id);
      await link.run(DROP, [accountKey(link.prefix, id)], []);
    },
    flush: async () => {},
    flushSync() {},
    close: () => link.close(),
  };
}
