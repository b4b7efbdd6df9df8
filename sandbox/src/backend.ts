/**
 * Where a sandbox keeps what it must remember, chosen by SANDBOX_STORE:
 * the accounts (`Store`, ./store.ts), the live minted keys (`KeyRegistry`,
 * ./registry.ts) and the rate-limit windows (`Counters`,
 * ./middleware/rate-limit.ts).
 *
 *   - memory: all three in the process (tests, e2e);
 *   - file (`npm start`): accounts as snapshots on disk, the minted keys in
 *     `minted-keys.json` beside them, windows in the process;
 *   - redis: all three in one Redis that every instance shares (./redis/),
 *     so any number of instances behind a load balancer behave as one.
 *
 * In every mode an instance's memory is bounded: at most `maxCached`
 * accounts (file, redis) or the live keys' (memory), windows of the current
 * second only, no queue while Redis is away.
 */
import type { Account } from './data/types';
import { looksMinted } from './minted';
import { memoryCounters, type Counters } from './middleware/rate-limit';
import { createRedisCounters } from './redis/counters';
import { createRedisLink } from './redis/link';
import { createRedisRegistry } from './redis/registry';
import { createRedisStore } from './redis/store';
import { createMemoryRegistry, type KeyPolicy, type KeyRegistry } from './registry';
import { createFileStore, createMemoryStore, type Store } from './store';

export type StoreOptions =
  | { kind: 'memory' }
  | { kind: 'file'; dir: string; debounceMs?: number; maxCached?: number }
  | { kind: 'redis'; url: string; timeoutMs?: number; prefix?: string; maxCached?: number };

export interface Backend {
  store: Store;
  keys: KeyRegistry;
  counters: Counters;
  /** Whether the store can serve requests now (Redis answers); GET /health/ready. */
  ready(): Promise<boolean>;
  /** Writes what is pending (file store), synchronously: for a process about to exit. */
  flushSync(): void;
  /** Writes what is pending and closes connections. */
  close(): Promise<void>;
}

export interface BackendOptions {
  store: StoreOptions;
  seed: Account;
  /** Keys whose accounts the file store loads at once. */
  apiKeys: readonly string[];
  policy: KeyPolicy;
  /** SANDBOX_KEY_SECRET. */
  secret?: string;
  now: () => number;
  report?: (message: string) => void;
}

/** A minted key's account outlives the key's idle time by this much in Redis, then Redis removes it by itself. */
export const ACCOUNT_TTL_MARGIN_MS = 60 * 60 * 1000;

export function createBackend(options: BackendOptions): Backend {
  const { seed, policy, now, report } = options;
  const storeOptions = options.store;
  if (storeOptions.kind === 'redis') {
    const link = createRedisLink({ url: storeOptions.url, timeoutMs: storeOptions.timeoutMs, prefix: storeOptions.prefix, report });
    const accountTtlMs = policy.idleMs + ACCOUNT_TTL_MARGIN_MS;
    const store = createRedisStore({ link, seed, maxCached: storeOptions.maxCached, ttlMs: (key) => (looksMinted(key) ? accountTtlMs : 0), report });
    const keys = createRedisRegistry({ link, policy, now, secret: options.secret, accountTtlMs });
    return {
      store,
      keys,
      counters: createRedisCounters(link, now),
      ready: () => link.ping(),
      flushSync() {},
      close: () => store.close(),
    };
  }
  const store =
    storeOptions.kind === 'file'
      ? createFileStore({ dir: storeOptions.dir, seed, keys: options.apiKeys, debounceMs: storeOptions.debounceMs, maxCached: storeOptions.maxCached, report })
      : createMemoryStore(seed);
  const keys = createMemoryRegistry({
    policy,
    now,
    drop: (id) => store.drop(id),
    secret: options.secret,
    dir: storeOptions.kind === 'file' ? storeOptions.dir : undefined,
    report,
  });
  return {
    store,
    keys,
    counters: memoryCounters(now),
    ready: async () => true,
    flushSync() {
      keys.flushSync();
      store.flushSync();
    },
    async close() {
      await keys.close();
      await store.close();
    },
  };
}
