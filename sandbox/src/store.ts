/**
 * Where the accounts live: one account per API key, each a deep copy of the
 * seed with its own id generator. Accounts are read and changed through one
 * interface, `Store`: `read` for answers, `update` for changes, which run
 * one at a time per key (atomic per account, even when a change waits), and
 * `reset`. An account is named by `accountId(key)` (a SHA-256 prefix of the
 * key), never by the key itself, wherever it is kept.
 *
 *   - memory (tests, e2e): nothing touches the disk; a restart starts over.
 *   - file (default of `npm run sandbox`): one JSON snapshot per key in a
 *     directory (sandbox/data by default), named `<accountId>.json`. Snapshots
 *     are loaded when the store is created (for the keys it is given; other
 *     keys when first used) and written after changes, debounced (`debounceMs`
 *     after the last change, and at least every debounceMs × MAX_WAIT_FACTOR
 *     while changes keep coming), atomically: a temporary file in the same
 *     directory, then a rename over the old one (`flushSync` does the same
 *     synchronously, for a process that exits). Only the `maxCached` most
 *     recently used accounts stay in memory (plus those with a write pending);
 *     the others are read again from their snapshot when used. A snapshot that
 *     cannot be read (bad JSON, unknown format or version, missing
 *     collections) is reported on stderr, kept aside as `<name>.corrupt`, and
 *     the key starts from the seed: never a crash. A failed write is reported
 *     and retried at the next change. Temporary files left by a process that
 *     was killed are removed at start.
 *   - redis (several instances, see ./redis/store.ts): the same interface.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACCOUNT_VERSION, isAccount } from './data/account';
import type { Account } from './data/types';
import { keyHash } from './ids';

export const SNAPSHOT_FORMAT = 'callbell-sandbox-account';
export const DEFAULT_DEBOUNCE_MS = 200;
/** Under constant changes a snapshot is still written at least every debounceMs × this. */
export const MAX_WAIT_FACTOR = 10;
/** Accounts the file store keeps in memory by default (about 150 KB each once parsed). */
export const DEFAULT_MAX_CACHED = 100;

const generations = new WeakMap<Account, number>();
/**
 * How many changes this account object has seen in this process (0 before
 * the first). Stores count every `update` of an account they keep, so a
 * cached answer computed at generation n is current while it is still n
 * (./answers.ts); a store that replaces the object (reset, a newer version
 * from Redis) starts a new count, on a new object.
 */
export function generation(account: Account): number {
  return generations.get(account) ?? 0;
}

/** Records one more change of this account object (called by the stores, after a change ran). */
export function changed(account: Account): void {
  generations.set(account, generation(account) + 1);
}

/** Runs a change on an account and counts it, whether it finished or threw (a change that throws changes nothing, but say so anyway). */
async function counted<T>(account: Account, change: (account: Account) => T | Promise<T>): Promise<T> {
  try {
    return await change(account);
  } finally {
    changed(account);
  }
}

const ids = new Map<string, string>();
/**
 * The name of a key's account wherever it is kept (snapshot files, Redis, the
 * registry of minted keys): 16 hex digits of the key's SHA-256, so the key
 * itself is never written anywhere. Remembered for the most recent keys.
 */
export function accountId(key: string): string {
  let id = ids.get(key);
  if (id === undefined) {
    if (ids.size >= 10_000) ids.clear();
    id = createHash('sha256').update(key).digest('hex').slice(0, 16);
    ids.set(key, id);
  }
  return id;
}

/**
 * A read of a key's account started ahead of its use (`Store.prefetch`), so
 * that it travels with the request's other questions to the store; handed to
 * `Store.read` of the same key, which then asks nothing more.
 */
export interface Prefetch {
  readonly key: string;
  /** Settles once the store has answered (rejects like a read: 503 when Redis is away). Opaque to everyone but its store. */
  readonly found: Promise<unknown>;
}

export interface Store {
  readonly kind: 'memory' | 'file' | 'redis';
  /**
   * The key's account as it is now (a fresh copy of the seed on first use), to read: change it only in
   * `update`. Given a prefetch of the same key, its answer is used instead of asking the store again.
   */
  read(key: string, prefetch?: Prefetch): Promise<Account>;
  /**
   * Starts reading the key's account now (stores that live elsewhere: Redis), for a `read` of it soon
   * after, and so that `update` starts from a current copy. Creates nothing, whatever the answer.
   */
  prefetch?(key: string): Prefetch;
  /**
   * Changes the key's account: `change` gets it and runs alone for that key
   * (the changes of one key run one after another, never interleaved, even
   * when one waits), then the account is saved (the file store: soon). A
   * change that throws must have changed nothing (handlers check first); it
   * is not saved, and the error is passed on. The Redis store may run a
   * change again, on the newer account, when another instance changed the
   * same account meanwhile: a change only changes the account it is given
   * (and collects its side effects afresh each time it runs).
   */
  update<T>(key: string, change: (account: Account) => T | Promise<T>): Promise<T>;
  /** Replaces the key's account by a fresh copy of the seed, after the changes already under way. */
  reset(key: string): Promise<void>;
  /**
   * Deletes the account named `id` (`accountId(key)`): an expired minted key,
   * or a throwaway test key that made room for others. Used again, the key
   * starts from the seed.
   */
  drop(id: string): Promise<void>;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Writes every pending change now, synchronously: for a process about to exit. */
  flushSync(): void;
  /** Writes pending changes and stops the timers (and connections). */
  close(): Promise<void>;
}

/** Runs the tasks given for one key one after another (each starts when the previous one settled). */
export function serialByKey(): <T>(key: string, task: () => T | Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return run;
  };
}

/** A fresh account for a key: a deep copy of the seed with the key's own id sequence. */
export function freshAccount(seed: Account, key: string): Account {
  const account = structuredClone(seed);
  account.idState = keyHash(key);
  return account;
}

export function createMemoryStore(seed: Account): Store {
  const accounts = new Map<string, Account>();
  const serial = serialByKey();
  const account = (key: string): Account => {
    const id = accountId(key);
    let found = accounts.get(id);
    if (!found) {
      found = freshAccount(seed, key);
      accounts.set(id, found);
    }
    return found;
  };
  return {
    kind: 'memory',
    read: async (key) => account(key),
    update: (key, change) => serial(key, () => counted(account(key), change)),
    reset: (key) =>
      serial(key, () => {
        accounts.set(accountId(key), freshAccount(seed, key));
      }),
    drop: async (id) => {
      accounts.delete(id);
    },
    flush: async () => {},
    flushSync() {},
    close: async () => {},
  };
}

/** The snapshot file of a key: a hash of the key, so the key never appears on disk. */
export function snapshotFile(dir: string, key: string): string {
  return snapshotPath(dir, accountId(key));
}

/** The snapshot file of an account id. */
export function snapshotPath(dir: string, id: string): string {
  return path.join(dir, `${id}.json`);
}

interface Snapshot {
  format: string;
  version: number;
  savedAt: string;
  account: Account;
}

export function serializeSnapshot(account: Account, savedAt: Date = new Date()): string {
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, version: ACCOUNT_VERSION, savedAt: savedAt.toISOString(), account };
  return JSON.stringify(snapshot);
}

/** The account in a snapshot's text, or the reason it cannot be used. */
export function parseSnapshot(text: string): { account: Account } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const snapshot = value as Partial<Snapshot> | null;
  if (typeof snapshot !== 'object' || snapshot === null || snapshot.format !== SNAPSHOT_FORMAT) return { problem: 'not a sandbox snapshot' };
  if (snapshot.version !== ACCOUNT_VERSION) return { problem: `version ${String(snapshot.version)}, expected ${ACCOUNT_VERSION}` };
  if (!isAccount(snapshot.account)) return { problem: 'the account data is incomplete' };
  return { account: snapshot.account };
}

export interface FileStoreOptions {
  dir: string;
  seed: Account;
  /** Keys whose snapshots are loaded at once (others when first used). */
  keys?: readonly string[];
  debounceMs?: number;
  /** Most accounts kept in memory (the least recently used others are read again when needed). Default DEFAULT_MAX_CACHED. */
  maxCached?: number;
  /** Receives problems (corrupt snapshot, failed write). Default: console.error. */
  report?: (message: string) => void;
}

export function createFileStore(options: FileStoreOptions): Store {
  const { dir, seed } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = debounceMs * MAX_WAIT_FACTOR;
  const maxCached = Math.max(1, options.maxCached ?? DEFAULT_MAX_CACHED);
  const report = options.report ?? ((message: string) => console.error(message));
  /** The accounts in memory by id, least recently used first (a Map keeps insertion order). */
  const accounts = new Map<string, Account>();
  const firstChange = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  const writes = new Map<string, Promise<void>>();
  /** Ids changed since their last write began. */
  const dirty = new Set<string>();
  /** Ids with a change or reset under way (never evicted meanwhile). */
  const busy = new Map<string, number>();
  let tmpCounter = 0;
  const tmpName = (file: string) => `${file}.${process.pid}.${++tmpCounter}.tmp`;

  function load(id: string, key: string): Account {
    const file = snapshotPath(dir, id);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        report(`Sandbox API: cannot read ${file} (${(err as Error).message}); this key starts from the seed data.`);
      }
      return freshAccount(seed, key);
    }
    const parsed = parseSnapshot(text);
    if ('account' in parsed) return parsed.account;
    let kept = '';
    try {
      renameSync(file, `${file}.corrupt`);
      kept = ` The file was kept as ${path.basename(file)}.corrupt.`;
    } catch {
      // keeping a copy is a courtesy; the seed replaces the data either way
    }
    report(`Sandbox API: snapshot ${file} is unusable (${parsed.problem}); this key starts from the seed data.${kept}`);
    const account = freshAccount(seed, key);
    accounts.set(id, account);
    markChanged(id);
    return account;
  }

  /** Forgets the least recently used accounts that have nothing pending, down to maxCached. */
  function trim(): void {
    if (accounts.size <= maxCached) return;
    for (const id of accounts.keys()) {
      if (accounts.size <= maxCached) break;
      if (dirty.has(id) || timers.has(id) || writes.has(id) || busy.has(id)) continue;
      accounts.delete(id);
    }
  }

  async function write(id: string): Promise<void> {
    const account = accounts.get(id);
    if (!account || !dirty.has(id)) return;
    dirty.delete(id);
    const file = snapshotPath(dir, id);
    const tmp = tmpName(file);
    try {
      const text = serializeSnapshot(account);
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, file);
    } catch (err) {
      dirty.add(id); // written again at the next change, or on exit
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  function save(id: string): Promise<void> {
    const previous = writes.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => write(id))
      .catch((err: unknown) => report(`Sandbox API: could not save ${snapshotPath(dir, id)} (${err instanceof Error ? err.message : String(err)}).`));
    writes.set(id, next);
    void next.then(() => {
      if (writes.get(id) === next) writes.delete(id);
      trim();
    });
    return next;
  }

  /** Debounce: each change restarts the wait, but a key is never left unsaved longer than maxWaitMs. */
  function markChanged(id: string): void {
    dirty.add(id);
    const now = Date.now();
    if (!firstChange.has(id)) firstChange.set(id, now);
    clearTimeout(timers.get(id));
    const wait = Math.max(0, Math.min(debounceMs, firstChange.get(id)! + maxWaitMs - now));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        firstChange.delete(id);
        void save(id);
      }, wait),
    );
  }

  function account(key: string): Account {
    const id = accountId(key);
    let found = accounts.get(id);
    if (found) {
      accounts.delete(id); // now the most recently used
      accounts.set(id, found);
      return found;
    }
    found = load(id, key);
    accounts.set(id, found);
    trim();
    return found;
  }

  /** Runs a change of `key` with its account held in memory. */
  const serialRaw = serialByKey();
  const serial = <T>(key: string, task: (id: string) => T | Promise<T>): Promise<T> =>
    serialRaw(key, async () => {
      const id = accountId(key);
      busy.set(id, (busy.get(id) ?? 0) + 1);
      try {
        return await task(id);
      } finally {
        const left = busy.get(id)! - 1;
        if (left > 0) busy.set(id, left);
        else busy.delete(id);
      }
    });

  function cancelTimers(): void {
    for (const [id, timer] of [...timers]) {
      clearTimeout(timer);
      timers.delete(id);
      firstChange.delete(id);
    }
  }

  const store: Store = {
    kind: 'file',
    read: async (key) => account(key),
    update: (key, change) =>
      serial(key, async (id) => {
        const result = await counted(account(key), change);
        markChanged(id);
        return result;
      }),
    reset: (key) =>
      serial(key, (id) => {
        accounts.set(id, freshAccount(seed, key));
        markChanged(id);
      }),
    async drop(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
      firstChange.delete(id);
      dirty.delete(id);
      accounts.delete(id);
      await writes.get(id);
      await unlink(snapshotPath(dir, id)).catch(() => undefined);
    },
    async flush() {
      const pending = [...timers.keys()];
      cancelTimers();
      for (const id of pending) void save(id);
      const awaited = new Set(writes.values());
      await Promise.all(awaited);
      for (const [id, write] of [...writes]) if (awaited.has(write)) writes.delete(id);
      trim();
    },
    flushSync() {
      cancelTimers();
      for (const id of [...dirty]) {
        const account = accounts.get(id);
        if (!account) continue;
        const file = snapshotPath(dir, id);
        try {
          mkdirSync(dir, { recursive: true });
          const tmp = tmpName(file);
          writeFileSync(tmp, serializeSnapshot(account), 'utf8');
          renameSync(tmp, file);
          dirty.delete(id);
        } catch (err) {
          report(`Sandbox API: could not save ${file} (${err instanceof Error ? err.message : String(err)}).`);
        }
      }
    },
    async close() {
      await store.flush();
    },
  };

  try {
    mkdirSync(dir, { recursive: true });
    // Temporary files of a process that was killed before its rename: never a snapshot, always safe to remove.
    for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) rmSync(path.join(dir, name), { force: true });
  } catch (err) {
    report(`Sandbox API: cannot create ${dir} (${(err as Error).message}); changes will not be saved.`);
  }
  for (const key of options.keys ?? []) account(key);
  return store;
}
