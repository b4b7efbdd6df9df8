/**
 * The file store under the same load as the Redis test (50 concurrent
 * clients creating, renaming and deleting contacts on the two demo keys, in a
 * real server process), then `kill -9` mid-run:
 *   - every snapshot on disk is whole and usable (written to a temporary
 *     file, then renamed): none is corrupt, and a new server loads them
 *     without a complaint, removing the temporary files the dead one left;
 *   - what is lost is only what came after the last snapshot: every write
 *     acknowledged before the snapshot's `savedAt` is in it;
 *   - that snapshot is at most the debounce window old (under constant
 *     changes a key is written at least every debounceMs × MAX_WAIT_FACTOR),
 *     with room for one write on a busy machine.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEYS } from '../src/keys';
import { DEFAULT_DEBOUNCE_MS, MAX_WAIT_FACTOR, parseSnapshot, snapshotFile } from '../src/store';
import { lostWrites, newLedger, runLoad } from './load';
import { httpCall, startSandbox, type SandboxProcess } from './processes';

const dirs: string[] = [];
const children: SandboxProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Room for one snapshot write on a loaded two-core machine, on top of the debounce window. */
const WRITE_ROOM_MS = 1500;

describe('the file store under concurrent writes and kill -9', () => {
  it('never corrupts a snapshot and loses at most the writes of its debounce window', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-crash-'));
    dirs.push(dir);
    const env = { SANDBOX_STORE: 'file', SANDBOX_DATA_DIR: dir, SANDBOX_RATE_LIMIT: '100000' };
    const server = await startSandbox(env);
    children.push(server);
    const keys = [...DEMO_API_KEYS];
    const started = Date.now();
    let killedAt = Number.POSITIVE_INFINITY;
    const ledger = newLedger(keys);
    // Killed after 3 s of writes (a snapshot is written at least every 2 s under constant changes), 300 acknowledged ones,
    // and a first snapshot of each key (on a machine busy with other work, the first one can come later than 2 s).
    const snapshotted = () => keys.every((key) => existsSync(snapshotFile(dir, key)));
    const killing = (async () => {
      while ((Date.now() - started < 3000 || ledger.acknowledged < 300 || !snapshotted()) && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
      await server.kill();
      killedAt = Date.now();
    })();
    await runLoad({ clients: 50, keys, ledger, targets: () => (killedAt === Number.POSITIVE_INFINITY ? [server.url] : []), until: () => Date.now() - started > 60_000, maxOps: 100_000, seed: 3 });
    await killing;
    expect(ledger.acknowledged).toBeGreaterThanOrEqual(300);

    const holdings = new Map<string, Map<string, string>>();
    for (const key of keys) {
      const saved = parseSnapshot(readFileSync(snapshotFile(dir, key), 'utf8'));
      if (!('account' in saved)) throw new Error(`corrupt snapshot: ${saved.problem}`);
      const savedAt = Date.parse((JSON.parse(readFileSync(snapshotFile(dir, key), 'utf8')) as { savedAt: string }).savedAt);
      expect(killedAt - savedAt, 'age of the last snapshot at the kill').toBeLessThanOrEqual(DEFAULT_DEBOUNCE_MS * MAX_WAIT_FACTOR + WRITE_ROOM_MS);
      holdings.set(key, new Map(saved.account.contacts.map((c) => [c.uuid, c.name])));
      const only = new Map([[key, ledger.contacts.get(key)!]]);
      expect(lostWrites({ ...ledger, contacts: only }, holdings, savedAt)).toEqual([]);
    }

    // A new server starts from those snapshots without a complaint, and removes what the dead one left half-written.
    const restarted = await startSandbox(env);
    children.push(restarted);
    for (const key of keys) {
      const res = await httpCall(`${restarted.url}/contacts?page=1`, { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      const total = (JSON.parse(res.text) as { meta: { total: number } }).meta.total;
      expect(total).toBe(holdings.get(key)!.size);
    }
    expect(restarted.output()).not.toMatch(/unusable|cannot read|could not save/);
    expect(restarted.output()).toContain(`Data saved in ${dir}`);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.endsWith('.corrupt'))).toEqual([]);
  }, 120_000);
});
