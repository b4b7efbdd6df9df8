/**
 * The Redis store: the `Store` interface (../store.ts) over one Redis that
 * any number of sandbox instances share.
 *
 * An account is one Redis hash, `<prefix>account:<accountId>`: field `v`
 * (its version, 1 and up) and the account's properties, lists item by item
 * (`contacts[]`, `contacts[0]`, ...; ./fields.ts). Every write is a Lua
 * script that checks the version the change started from and, only if it is
 * still the current one, writes the changed fields and the next version
 * (optimistic concurrency); otherwise it answers with the account as it is
 * now, and the change runs again on that, so no acknowledged write is ever
 * lost. The changes of one key run one after another in each instance, so
 * only changes through different instances ever run again.
 *
 * Reads send the version the instance already has; Redis answers "same" (a
 * few bytes) or the whole account. A change starts from the instance's copy
 * when it has one, without asking first (the request's prefetch, sent with
 * its key check and rate limit, has just brought that copy up to date), so a
 * change costs one round trip of its own: the conditional write. Only the
 * `maxCached` most recently used accounts are kept in the instance, so its
 * memory is bounded whatever the number of keys. A change writes only what
 * it set, or may have changed, as a Proxy saw it (./fields.ts: a new contact
 * is one item and the list's length, not the whole list), and the whole
 * account when it is new.
 *
 * Minted keys' accounts expire in Redis with their key (`ttlMs`); the demo
 * keys' accounts never expire. Redis away or too slow: 503 (./link.ts).
 */
import type { Account } from '../data/types';
import { isAccount } from '../data/account';
import { apiErrors } from '../errors';
import { accountId, changed, freshAccount, serialByKey, type Prefetch, type Store } from '../store';
import { decodeAccount, encodeAccount, shapeOf, track, type Shape, type Writes } from './fields';
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

/** Lua: HSET (or HDEL) of ARGV[from..to] in batches (Lua's unpack has a limit; an account may have thousands of fields). */
const BATCHED = `
local function batched(command, from, to, step)
  local i = from
  while i <= to do
    local j = math.min(i + step - 1, to)
    redis.call(command, KEYS[1], unpack(ARGV, i, j))
    i = j + 1
  end
end
`;

/**
 * ARGV: version, ttl ms (0: none), number of fields to delete, those fields, then name/value pairs.
 * Writes only if the version is still ARGV[1] and returns the new version; changed meanwhile (or gone:
 * an empty list), returns the account as it is now, every field.
 */
const WRITE = script(`${BATCHED}
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if v ~= ARGV[1] then return redis.call('HGETALL', KEYS[1]) end
local n = tonumber(v) + 1
local dels = tonumber(ARGV[3])
batched('HDEL', 4, 3 + dels, 1000)
redis.call('HSET', KEYS[1], 'v', n)
batched('HSET', 4 + dels, #ARGV, 1000)
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return n
`);

/** Replaces the whole account (reset); ARGV: ttl ms, then name/value pairs. Returns the new version. */
const REPLACE = script(`${BATCHED}
local n = tonumber(redis.call('HGET', KEYS[1], 'v') or '0') + 1
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', n)
batched('HSET', 2, #ARGV, 1000)
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
  /** What the hash holds (./fields.ts); undefined: the next change writes the whole account. */
  shape?: Shape;
}

/** The key of an account's hash. */
export function accountKey(prefix: string, id: string): string {
  return `${prefix}account:${id}`;
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

  /** The entry of an account's fields as Redis sent them (`HGETALL`: name, value, ...), or a fresh one when it has none. */
  function entryOf(key: string, reply: readonly string[]): Entry {
    if (reply.length === 0) return { version: 0, account: freshAccount(seed, key) };
    let version = 0;
    for (let i = 0; i + 1 < reply.length; i += 2) if (reply[i] === 'v') version = Number(reply[i + 1]);
    const decoded = decodeAccount(reply);
    if (!decoded || !isAccount(decoded.fields)) {
      report(`Sandbox API: the account ${accountId(key)} in Redis is incomplete; it starts from the seed data at its next change.`);
      return { version, account: freshAccount(seed, key) };
    }
    return { version, account: decoded.fields, shape: decoded.shape };
  }

  /**
   * Asks Redis for the account, sending the version this instance has, and brings the instance's copy up
   * to date. Undefined when Redis has no such account (never written, expired or dropped): nothing is
   * created here.
   */
  async function fetch(key: string): Promise<Entry | undefined> {
    const id = accountId(key);
    const cached = cache.get(id);
    const reply = (await link.run(READ, [accountKey(link.prefix, id)], [cached?.version ?? -1])) as string[] | null;
    if (reply === null) {
      if (cached?.version === 0) return cached; // fresh from the seed, not written yet
      if (cached && cache.get(id) === cached) cache.delete(id); // dropped or expired meanwhile
      return undefined;
    }
    if (reply.length === 1 && cached) return remember(id, cached);
    return remember(id, entryOf(key, reply));
  }

  /** The account as Redis has it now (a fresh copy of the seed when it has none). */
  function settle(key: string, found: Entry | undefined): Entry {
    return found ?? remember(accountId(key), { version: 0, account: freshAccount(seed, key) });
  }

  return {
    kind: 'redis',
    read: async (key, prefetch) => {
      const found = prefetch?.key === key ? ((await prefetch.found) as Entry | undefined) : await fetch(key);
      return settle(key, found).account;
    },
    prefetch: (key): Prefetch => ({ key, found: fetch(key) }),
    update: (key, change) =>
      serial(key, async () => {
        const id = accountId(key);
        // The instance's copy when it has one (written back only if it is still current), else Redis's.
        let entry = cache.get(id) ?? settle(key, await fetch(key));
        for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
          const watched = track(entry.account, entry.shape ?? shapeOf(entry.account));
          let result: Awaited<ReturnType<typeof change>>;
          try {
            result = await change(watched.proxy);
          } finally {
            changed(entry.account);
          }
          // A new account (or one that replaces what Redis held) is written whole; else what the change wrote.
          const { writes, shape }: { writes: Writes; shape: Shape } = entry.shape
            ? watched.writes()
            : { writes: { set: encodeAccount(entry.account), del: [] }, shape: shapeOf(entry.account) };
          if (writes.set.length === 0 && writes.del.length === 0) return result;
          const args = [entry.version, ttlMs(key), writes.del.length, ...writes.del, ...writes.set];
          const reply = (await link.run(WRITE, [accountKey(link.prefix, id)], args)) as number | string[];
          if (typeof reply === 'number') {
            remember(id, { version: reply, account: entry.account, shape });
            return result;
          }
          // Changed meanwhile through another instance: this copy is stale (and changed); run again on Redis's.
          if (cache.get(id) === entry) cache.delete(id);
          entry = remember(id, entryOf(key, reply));
        }
        throw apiErrors.unavailable(UNAVAILABLE_RETRY_AFTER_S);
      }),
    reset: (key) =>
      serial(key, async () => {
        const account = freshAccount(seed, key);
        const id = accountId(key);
        const version = Number(await link.run(REPLACE, [accountKey(link.prefix, id)], [ttlMs(key), ...encodeAccount(account)]));
        cache.delete(id);
        remember(id, { version, account, shape: shapeOf(account) });
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
