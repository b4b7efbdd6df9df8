/**
 * The minted keys that are live (`POST /v1/sandbox/keys`, see ./minted.ts).
 * A key is live for `idleMs` after its last use (24 h by default): every
 * accepted request starts its idle time over. At most `maxLive` are live at
 * once: minting one more retires the least recently used key. A key that
 * expires or is retired loses its account (`drop`), so memory and disk stay
 * bounded by `maxLive` accounts whatever the number of keys ever minted.
 *
 * `check` answers `live`, `expired` (signed by this sandbox, no longer live:
 * 401 key_expired) or `unknown` (not signed by it: 401 unauthorized).
 *
 * This module's registry lives in the process (memory and file stores);
 * with `dir` (file store) it is also kept in `<dir>/minted-keys.json`
 * (account ids and expiry times, never the keys), written atomically and
 * debounced, and the secret in `<dir>/key-secret`, so minted keys survive a
 * restart. The Redis store's registry (./redis/registry.ts) keeps the same
 * facts in Redis for every instance.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mintKeyText, newSecret, signedWith } from './minted';
import { accountId } from './store';

export type KeyState = 'live' | 'expired' | 'unknown';

export interface MintedKey {
  key: string;
  /** Epoch milliseconds: the key expires then unless it is used before. */
  expiresAt: number;
}

export interface KeyPolicy {
  /** A minted key expires this long after its last use. */
  idleMs: number;
  /** Most minted keys live at once; minting one more retires the least recently used. */
  maxLive: number;
}

/** 24 hours idle, 1,000 keys (about 60 MB of freshly written accounts in Redis, more as visitors add data). */
export const DEFAULT_KEY_POLICY: Readonly<KeyPolicy> = Object.freeze({ idleMs: 24 * 60 * 60 * 1000, maxLive: 1000 });

export interface KeyRegistry {
  /** A new key, live from now, with a fresh account on first use. */
  mint(): Promise<MintedKey>;
  /** Whether a key of the minted form is live; a live key's idle time starts over. */
  check(key: string): Promise<KeyState>;
  /**
   * Whether this sandbox signed the key (live or expired), when that is known without asking the store
   * (the secret is at hand); undefined when it is not yet. Lets a request start its other work while
   * `check` runs, for keys that may be accepted only.
   */
  signed(key: string): boolean | undefined;
  /** How many minted keys are live. */
  size(): Promise<number>;
  /** Retires every minted key with its account (`npm run sandbox:reset -- --minted`); returns how many. */
  retireAll(): Promise<number>;
  /** Writes what is pending now, synchronously (file store): for a process about to exit. */
  flushSync(): void;
  close(): Promise<void>;
}

export interface MemoryRegistryOptions {
  policy: KeyPolicy;
  now: () => number;
  /** Deletes the account of a key that expired or was retired. */
  drop: (id: string) => Promise<void>;
  /** The key secret (SANDBOX_KEY_SECRET). Default: random per process, or the one kept in `dir`. */
  secret?: string;
  /** File store: keep the registry and the secret in this directory. */
  dir?: string;
  /** Receives problems (unreadable registry file, failed write). */
  report?: (message: string) => void;
  /** How long a change of the registry may wait before it is written (file store). Default 1000 ms. */
  debounceMs?: number;
}

export const REGISTRY_FILE = 'minted-keys.json';
export const SECRET_FILE = 'key-secret';
const REGISTRY_FORMAT = 'callbell-sandbox-minted-keys';

function writeAtomically(file: string, text: string, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { encoding: 'utf8', ...(mode === undefined ? {} : { mode }) });
  if (mode !== undefined) chmodSync(tmp, mode);
  renameSync(tmp, file);
}

export function createMemoryRegistry(options: MemoryRegistryOptions): KeyRegistry {
  const { policy, now, dir } = options;
  const report = options.report ?? ((message: string) => console.error(message));
  const debounceMs = options.debounceMs ?? 1000;
  /** Live keys by account id -> expiry, least recently used first. */
  const live = new Map<string, number>();
  let secret = options.secret;
  let timer: NodeJS.Timeout | undefined;
  const registryFile = dir === undefined ? undefined : path.join(dir, REGISTRY_FILE);
  const secretFile = dir === undefined ? undefined : path.join(dir, SECRET_FILE);

  /** The secret, read or (when `create`) made and kept; undefined when none exists yet. */
  function currentSecret(create: boolean): string | undefined {
    if (secret !== undefined) return secret;
    if (secretFile === undefined) {
      if (create) secret = newSecret();
      return secret;
    }
    if (existsSync(secretFile)) {
      const text = readFileSync(secretFile, 'utf8').trim();
      if (/^[0-9a-f]{64}$/.test(text)) return (secret = text);
      report(`Sandbox API: ${secretFile} does not hold a key secret; a new one replaces it (keys minted before are unknown now).`);
    }
    if (!create) return undefined;
    secret = newSecret();
    writeAtomically(secretFile, `${secret}\n`, 0o600);
    return secret;
  }

  function save(): void {
    if (registryFile === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    try {
      writeAtomically(registryFile, JSON.stringify({ format: REGISTRY_FORMAT, version: 1, keys: [...live] }));
    } catch (err) {
      report(`Sandbox API: could not save ${registryFile} (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  function changed(): void {
    if (registryFile === undefined || timer !== undefined) return;
    timer = setTimeout(save, debounceMs);
    timer.unref();
  }

  function retire(id: string): Promise<void> {
    live.delete(id);
    changed();
    return options.drop(id).catch((err: unknown) => report(`Sandbox API: could not delete the data of an expired key (${String(err)}).`));
  }

  /** Retires every expired key (the least recently used come first, so they sit at the front). */
  async function sweep(time: number): Promise<void> {
    for (const [id, expiresAt] of live) {
      if (expiresAt > time) break;
      await retire(id);
    }
  }

  if (registryFile !== undefined && existsSync(registryFile)) {
    try {
      const saved = JSON.parse(readFileSync(registryFile, 'utf8')) as { format?: string; keys?: unknown };
      if (saved.format !== REGISTRY_FORMAT || !Array.isArray(saved.keys)) throw new Error('not a registry of minted keys');
      const entries = saved.keys.filter(
        (entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && /^[0-9a-f]{16}$/.test(entry[0]) && typeof entry[1] === 'number',
      );
      for (const [id, expiresAt] of entries.sort((a, b) => a[1] - b[1])) live.set(id, expiresAt);
    } catch (err) {
      report(`Sandbox API: ${registryFile} is unusable (${err instanceof Error ? err.message : String(err)}); minted keys start over.`);
    }
  }

  void sweep(now()); // keys that expired while the sandbox was stopped (file store)

  return {
    async mint() {
      const time = now();
      await sweep(time);
      while (live.size >= policy.maxLive) {
        const oldest = live.keys().next().value as string;
        await retire(oldest);
      }
      const key = mintKeyText(currentSecret(true)!);
      const expiresAt = time + policy.idleMs;
      live.set(accountId(key), expiresAt);
      changed();
      return { key, expiresAt };
    },
    async check(key) {
      const known = currentSecret(false);
      if (known === undefined || !signedWith(known, key)) return 'unknown';
      const id = accountId(key);
      const expiresAt = live.get(id);
      const time = now();
      if (expiresAt !== undefined && expiresAt > time) {
        live.delete(id); // moved to the most recently used end
        live.set(id, time + policy.idleMs);
        changed();
        return 'live';
      }
      if (expiresAt !== undefined) await retire(id);
      return 'expired';
    },
    signed(key) {
      const known = currentSecret(false);
      return known !== undefined && signedWith(known, key);
    },
    async size() {
      await sweep(now());
      return live.size;
    },
    async retireAll() {
      const ids = [...live.keys()];
      for (const id of ids) await retire(id);
      return ids.length;
    },
    flushSync() {
      if (timer !== undefined) save();
    },
    async close() {
      if (timer !== undefined) save();
    },
  };
}
