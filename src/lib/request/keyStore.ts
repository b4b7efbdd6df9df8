/**
 * Where the API key lives in the browser. By default only in this tab
 * (sessionStorage); in localStorage only after the user opts in with
 * "remember on this device". One key per environment, so a sandbox key is
 * never sent to production by accident. Storage failures are ignored.
 */
export interface StoredKey {
  key: string;
  remember: boolean;
}

export interface KeyStorage {
  session?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  local?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const storageKey = (environment: string) => `callbell.apiKey.${environment}`;

function browserStorage(): KeyStorage {
  if (typeof window === 'undefined') return {};
  try {
    return { session: window.sessionStorage, local: window.localStorage };
  } catch {
    return {};
  }
}

function attempt<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function loadKey(environment: string, storage: KeyStorage = browserStorage()): StoredKey {
  const name = storageKey(environment);
  const remembered = attempt(() => storage.local?.getItem(name) ?? null, null);
  if (remembered) return { key: remembered, remember: true };
  const session = attempt(() => storage.session?.getItem(name) ?? null, null);
  return { key: session ?? '', remember: false };
}

export function saveKey(environment: string, value: StoredKey, storage: KeyStorage = browserStorage()): void {
  const name = storageKey(environment);
  attempt(() => {
    if (!value.key) {
      storage.session?.removeItem(name);
      storage.local?.removeItem(name);
    } else if (value.remember) {
      storage.local?.setItem(name, value.key);
      storage.session?.removeItem(name);
    } else {
      storage.session?.setItem(name, value.key);
      storage.local?.removeItem(name);
    }
  }, undefined);
}

export function forgetKey(environment: string, storage: KeyStorage = browserStorage()): void {
  saveKey(environment, { key: '', remember: false }, storage);
}

/** What the page shows instead of a key: its last four characters. */
export function maskKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length <= 4) return '••••';
  return `••••••••${trimmed.slice(-4)}`;
}
