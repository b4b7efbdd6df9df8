/**
 * The store's one interface (src/store.ts): `read`, `update` and `reset`.
 * Changes of one key run one after another even when one waits; other keys
 * are not held up; a change that throws is passed on, is not saved, and does
 * not block the next; a reset comes after the changes under way. Both stores.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountSeed } from '../src/app';
import { DOCS_DEMO_API_KEY as KEY, SECOND_DEMO_API_KEY as OTHER } from '../src/keys';
import { createFileStore, createMemoryStore, serialByKey, snapshotFile, type Store } from '../src/store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-store-'));
  dirs.push(dir);
  return dir;
}

/** A promise and its resolve function. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const stores: Array<[string, () => Store]> = [
  ['memory', () => createMemoryStore(accountSeed())],
  ['file', () => createFileStore({ dir: tempDir(), seed: accountSeed(), debounceMs: 60_000, report: () => {} })],
];

describe.each(stores)('%s store', (_kind, make) => {
  it('runs the changes of one key one after another, even when one waits; other keys meanwhile', async () => {
    const store = make();
    const log: string[] = [];
    const { opened, open } = gate();
    const first = store.update(KEY, async (account) => {
      log.push('first starts');
      await opened;
      account.tags.push('first');
      log.push('first ends');
    });
    const second = store.update(KEY, (account) => {
      log.push(`second sees ${account.tags.at(-1)}`);
    });
    await store.update(OTHER, () => log.push('other key'));
    expect(log).toEqual(['first starts', 'other key']);
    open();
    await Promise.all([first, second]);
    expect(log).toEqual(['first starts', 'other key', 'first ends', 'second sees first']);
    expect((await store.read(KEY)).tags.at(-1)).toBe('first');
    await store.close();
  });

  it('passes on what a change returns or throws; a failed change does not block the next', async () => {
    const store = make();
    await expect(store.update(KEY, (account) => account.contacts.length)).resolves.toBe(64);
    await expect(store.update(KEY, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(store.update(KEY, () => 'next')).resolves.toBe('next');
    await store.close();
  });

  it('a reset comes after the change under way and gives the seed back', async () => {
    const store = make();
    const { opened, open } = gate();
    const change = store.update(KEY, async (account) => {
      await opened;
      account.contacts = [];
    });
    const reset = store.reset(KEY);
    open();
    await Promise.all([change, reset]);
    expect((await store.read(KEY)).contacts).toHaveLength(64);
    await store.close();
  });
});

describe('serialByKey', () => {
  it('starts a task only when the previous one of its key settled', async () => {
    const serial = serialByKey();
    const log: number[] = [];
    const { opened, open } = gate();
    const a = serial('k', async () => {
      await opened;
      log.push(1);
      throw new Error('a');
    });
    const b = serial('k', () => log.push(2));
    await Promise.resolve();
    expect(log).toEqual([]);
    open();
    await expect(a).rejects.toThrow('a');
    await b;
    expect(log).toEqual([1, 2]);
  });
});

describe('file store: what is saved', () => {
  it('saves a change, and not a change that threw', async () => {
    const dir = tempDir();
    const store = createFileStore({ dir, seed: accountSeed(), debounceMs: 60_000, report: () => {} });
    await expect(store.update(KEY, () => Promise.reject(new Error('refused')))).rejects.toThrow();
    await store.flush();
    expect(existsSync(snapshotFile(dir, KEY))).toBe(false);
    await store.update(KEY, (account) => {
      account.tags.push('saved');
    });
    await store.flush();
    expect(existsSync(snapshotFile(dir, KEY))).toBe(true);
    await store.close();
  });
});
