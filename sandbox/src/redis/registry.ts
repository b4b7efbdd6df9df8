/**
 * The registry of minted keys (../registry.ts) in Redis, shared by every
 * instance: a sorted set `<prefix>minted` of account ids scored by expiry
 * time, and the key secret `<prefix>key-secret` (made once by whichever
 * instance needs it first, unless SANDBOX_KEY_SECRET is set). Minting and
 * checking are Lua scripts, so two instances never retire the same key twice
 * or let the set grow past `maxLive`. A retired or expired key's account is
 * deleted in the same script; accounts of minted keys also carry a Redis
 * expiry (./store.ts), so nothing outlives its key for long.
 */
import { mintKeyText, newSecret, signedWith } from '../minted';
import type { KeyPolicy, KeyRegistry, KeyState } from '../registry';
import { accountId } from '../store';
import { script, type RedisLink } from './link';
import { accountKey } from './store';

/** Expired keys retired per mint at most (the rest at the next ones). */
const SWEEP_BATCH = 100;

/**
 * KEYS[1] the set; ARGV: id, now, idle ms, max live, account key prefix.
 * Retires expired keys (at most SWEEP_BATCH), then the least recently used
 * while the set is full, then adds the new key. Returns how many were retired.
 */
const MINT = script(`
local retired = 0
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, ${SWEEP_BATCH})
for _, id in ipairs(gone) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('DEL', ARGV[5] .. id)
  retired = retired + 1
end
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4]) + 1
if over > 0 then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, over - 1)
  for _, id in ipairs(oldest) do
    redis.call('ZREM', KEYS[1], id)
    redis.call('DEL', ARGV[5] .. id)
    retired = retired + 1
  end
end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
return retired
`);

/**
 * KEYS[1] the set, KEYS[2] the key's account; ARGV: id, now, idle ms, account ttl ms.
 * 1 and a new idle time when live; 0 when not (an expired key is retired with its account).
 */
const CHECK = script(`
local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expires then return 0 end
if tonumber(expires) <= tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2])
  return 0
end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 1
`);

/** KEYS[1] the set; ARGV[1] account key prefix. Retires every key with its account; returns how many. */
const RETIRE_ALL = script(`
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
for _, id in ipairs(ids) do redis.call('DEL', ARGV[1] .. id) end
redis.call('DEL', KEYS[1])
return #ids
`);

const COUNT = script(`return redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[1], '+inf')`);

/** The secret: set once by whoever comes first, then read by all. */
const SECRET = script(`
redis.call('SET', KEYS[1], ARGV[1], 'NX')
return redis.call('GET', KEYS[1])
`);

export interface RedisRegistryOptions {
  link: RedisLink;
  policy: KeyPolicy;
  now: () => number;
  /** SANDBOX_KEY_SECRET; default: the one kept in Redis. */
  secret?: string;
  /** How long a minted key's account outlives its last use in Redis (its idle time plus a margin). */
  accountTtlMs: number;
}

export function createRedisRegistry(options: RedisRegistryOptions): KeyRegistry {
  const { link, policy, now } = options;
  const set = `${link.prefix}minted`;
  let secret = options.secret;

  async function sharedSecret(): Promise<string> {
    secret ??= String(await link.run(SECRET, [`${link.prefix}key-secret`], [newSecret()]));
    return secret;
  }

  async function checkWith(known: string, key: string): Promise<KeyState> {
    // A key this sandbox never signed costs no lookup.
    if (!signedWith(known, key)) return 'unknown';
    const id = accountId(key);
    const live = Number(await link.run(CHECK, [set, accountKey(link.prefix, id)], [id, now(), policy.idleMs, options.accountTtlMs]));
    return live === 1 ? 'live' : 'expired';
  }

  return {
    async mint() {
      const key = mintKeyText(await sharedSecret());
      const time = now();
      await link.run(MINT, [set], [accountId(key), time, policy.idleMs, policy.maxLive, accountKey(link.prefix, '')]);
      return { key, expiresAt: time + policy.idleMs };
    },
    // Once the secret is known, the check is sent at once: first in the pipeline of its request (../middleware/admission.ts).
    check: (key) => (secret !== undefined ? checkWith(secret, key) : sharedSecret().then((known) => checkWith(known, key))),
    signed: (key) => (secret === undefined ? undefined : signedWith(secret, key)),
    async size() {
      return Number(await link.run(COUNT, [set], [now()]));
    },
    async retireAll() {
      return Number(await link.run(RETIRE_ALL, [set], [accountKey(link.prefix, '')]));
    },
    flushSync() {},
    close: async () => {},
  };
}
