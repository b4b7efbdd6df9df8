/**
 * Where the accounts live: one account per API key, each a deep copy of the
 * seed with its own id generator.
 *
 *   - memory (tests, e2e): nothing touches the disk; a restart starts over.
 *   - file (default of `npm run sandbox`): one JSON snapshot per key in a
 *     directory (sandbox/data by default), named after a hash of the key, never
 *     the key itself. Snapshots are loaded when the store is created (for the
 *     keys it is given; other keys when first used) and written after changes,
 *     debounced (`debounceMs` after the last change, and at least every
 *     debounceMs × MAX_WAIT_FACTOR while changes keep coming), atomically: a
 *     temporary file in the same directory, then a rename over the old one
 *     (`flushSync` does the same synchronously, for a process that exits). A
 *     snapshot that cannot be read (bad JSON, unknown format or version,
 *     missing collections) is reported on stderr, kept aside as
 *     `<name>.corrupt`, and the key starts from the seed: never a crash. A
 *     failed write is reported and retried at the next change.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACCOUNT_VERSION, isAccount, type Account } from './data/account';
import { keyHash } from './ids';

export const SNAPSHOT_FORMAT = 'callbell-sandbox-account';
export const DEFAULT_DEBOUNCE_MS = 200;
/** Under constant changes a snapshot is still written at least every debounceMs × this. */
export const MAX_WAIT_FACTOR = 10;

export interface Store {
  readonly kind: 'memory' | 'file';
  /** The account of this key, created from the seed on first use. */
  account(key: string): Account;
  /** Replaces the key's account by a fresh copy of the seed. */
  reset(key: string): Account;
  /** Says the key's account changed; the file store saves it soon. */
  changed(key: string): void;
  /**
   * Drops the key's account from memory (throwaway test keys that made room
   * for others); it starts from the seed if used again. The memory store
   * only: the file store keeps every account it loaded.
   */
  forget(key: string): void;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Writes every pending change now, synchronously: for a process about to exit. */
  flushSync(): void;
  /** Writes pending changes and stops the timers. */
  close(): Promise<void>;
}

/** A fresh account for a key: a deep copy of the seed with the key's own id sequence. */
export function freshAccount(seed: Account, key: string): Account {
  const account = structuredClone(seed);
  account.idState = keyHash(key);
  return account;
}

export function createMemoryStore(seed: Account): Store {
  const accounts = new Map<string, Account>();
  return {
    kind: 'memory',
    account(key) {
      let account = accounts.get(key);
      if (!account) {
        account = freshAccount(seed, key);
        accounts.set(key, account);
      }
      return account;
    },
    reset(key) {
      const account = freshAccount(seed, key);
      accounts.set(key, account);
      return account;
    },
    changed() {},
    forget(key) {
      accounts.delete(key);
    },
    flush: async () => {},
    flushSync() {},
    close: async () => {},
  };
}

/** The snapshot file of a key: a hash of the key, so the key never appears on disk. */
export function snapshotFile(dir: string, key: string): string {
  return path.join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);
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
  /** Receives problems (corrupt snapshot, failed write). Default: console.error. */
  report?: (message: string) => void;
}

export function createFileStore(options: FileStoreOptions): Store {
  const { dir, seed } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = debounceMs * MAX_WAIT_FACTOR;
  const firstChange = new Map<string, number>();
  const report = options.report ?? ((message: string) => console.error(message));
  const accounts = new Map<string, Account>();
  const timers = new Map<string, NodeJS.Timeout>();
  const writes = new Map<string, Promise<void>>();
  /** Keys changed since their last write began. */
  const dirty = new Set<string>();
  let tmpCounter = 0;
  const tmpName = (file: string) => `${file}.${process.pid}.${++tmpCounter}.tmp`;

  function load(key: string): Account {
    const file = snapshotFile(dir, key);
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
    accounts.set(key, account);
    markChanged(key);
    return account;
  }

  async function write(key: string): Promise<void> {
    const account = accounts.get(key);
    if (!account || !dirty.has(key)) return;
    dirty.delete(key);
    const file = snapshotFile(dir, key);
    const tmp = tmpName(file);
    try {
      const text = serializeSnapshot(account);
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, file);
    } catch (err) {
      dirty.add(key); // written again at the next change, or on exit
      throw err;
    }
  }

  function save(key: string): Promise<void> {
    const previous = writes.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => write(key))
      .catch((err: unknown) => report(`Sandbox API: could not save ${snapshotFile(dir, key)} (${err instanceof Error ? err.message : String(err)}).`));
    writes.set(key, next);
    void next.then(() => {
      if (writes.get(key) === next) writes.delete(key);
    });
    return next;
  }

  /** Debounce: each change restarts the wait, but a key is never left unsaved longer than maxWaitMs. */
  function markChanged(key: string): void {
    dirty.add(key);
    const now = Date.now();
    if (!firstChange.has(key)) firstChange.set(key, now);
    clearTimeout(timers.get(key));
    const wait = Math.max(0, Math.min(debounceMs, firstChange.get(key)! + maxWaitMs - now));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        firstChange.delete(key);
        void save(key);
      }, wait),
    );
  }

  const store: Store = {
    kind: 'file',
    account(key) {
      let account = accounts.get(key);
      if (!account) {
        account = load(key);
        accounts.set(key, account);
      }
      return account;
    },
    reset(key) {
      const account = freshAccount(seed, key);
      accounts.set(key, account);
      markChanged(key);
      return account;
    },
    changed: markChanged,
    forget() {},
    async flush() {
      for (const [key, timer] of [...timers]) {
        clearTimeout(timer);
        timers.delete(key);
        firstChange.delete(key);
        void save(key);
      }
      await Promise.all([...writes.values()]);
    },
    flushSync() {
      for (const [key, timer] of [...timers]) {
        clearTimeout(timer);
        timers.delete(key);
        firstChange.delete(key);
      }
      for (const key of [...dirty]) {
        const account = accounts.get(key);
        if (!account) continue;
        const file = snapshotFile(dir, key);
        try {
          mkdirSync(dir, { recursive: true });
          const tmp = tmpName(file);
          writeFileSync(tmp, serializeSnapshot(account), 'utf8');
          renameSync(tmp, file);
          dirty.delete(key);
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
  } catch (err) {
    report(`Sandbox API: cannot create ${dir} (${(err as Error).message}); changes will not be saved.`);
  }
  for (const key of options.keys ?? []) store.account(key);
  return store;
}
