/**
 * Persistence: the file store keeps each key's data across restarts in
 * atomically written, batched JSON snapshots; a corrupt snapshot is reported
 * and replaced by the seed; the memory store never touches the disk. Also the
 * `sandbox:reset` command and a real server process that saves on SIGTERM.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountSeed } from '../src/app';
import { ACCOUNT_VERSION } from '../src/data/account';
import { DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { freshAccount, parseSnapshot, serializeSnapshot, snapshotFile } from '../src/store';
import { fails, makeSandbox, ok } from './helpers';

const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const fileSandbox = (dir: string, report: (m: string) => void = () => {}) =>
  makeSandbox({ store: { kind: 'file', dir, debounceMs: 20 }, reportStore: report });

describe('file store', () => {
  it('keeps each key’s data across restarts, in one snapshot per key named after a hash of the key', async () => {
    const dir = tempDir();
    const first = fileSandbox(dir);
    await ok(first.app, 'patch_contacts', { path: { uuid: JOHN }, body: { name: 'Persisted John' } });
    await ok(first.app, 'delete_contact', { path: { uuid: 'ff8bec9363bc4c29b8b044eabf2afebd' } }, SECOND_DEMO_API_KEY);
    const created = await ok<{ customStatus: { id: string } }>(first.app, 'post_custom_statuses', { body: { name: 'Saved' } });
    await first.close();

    const files = readdirSync(dir).sort();
    expect(files).toEqual([path.basename(snapshotFile(dir, DOCS_DEMO_API_KEY)), path.basename(snapshotFile(dir, SECOND_DEMO_API_KEY))].sort());
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f]{16}\.json$/);
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text).not.toContain(DOCS_DEMO_API_KEY);
      expect(text).not.toContain(SECOND_DEMO_API_KEY);
      expect('account' in parseSnapshot(text)).toBe(true);
    }

    const second = fileSandbox(dir);
    expect((await ok<{ contact: { name: string } }>(second.app, 'get_contact', { path: { uuid: JOHN } })).contact.name).toBe('Persisted John');
    expect((await ok<{ customStatus: { name: string } }>(second.app, 'get_custom_status', { path: { id: created.customStatus.id } })).customStatus.name).toBe('Saved');
    await fails(second.app, 'get_contact', { path: { uuid: 'ff8bec9363bc4c29b8b044eabf2afebd' } }, 404, 'not_found', SECOND_DEMO_API_KEY);
    expect((await ok<{ contact: { name: string } }>(second.app, 'get_contact', { path: { uuid: JOHN } }, SECOND_DEMO_API_KEY)).contact.name).toBe('John Doe');
    // The id sequence is saved too: no id is handed out twice across restarts.
    const next = await ok<{ customStatus: { id: string } }>(second.app, 'post_custom_statuses', { body: { name: 'Next' } });
    expect(next.customStatus.id).not.toBe(created.customStatus.id);
    await second.close();
  });

  it('writes debounced and atomically: nothing before the delay, one complete file after, no temporary files left', async () => {
    const dir = tempDir();
    const { app, close } = makeSandbox({ store: { kind: 'file', dir, debounceMs: 150 } });
    const file = snapshotFile(dir, DOCS_DEMO_API_KEY);
    const before = existsSync(file);
    for (let i = 0; i < 20; i++) await ok(app, 'patch_team', { path: { uuid: 'fe5c8cabb543d51de6b1f67cb8ca665f' }, body: { name: `Sales ${i}` } });
    expect(existsSync(file)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const saved = parseSnapshot(readFileSync(file, 'utf8'));
    expect('account' in saved && saved.account.teams[0]!.name).toBe('Sales 19');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await close();
  });

  it('a corrupt snapshot is reported, kept aside, and the key starts from the seed: never a crash', async () => {
    const dir = tempDir();
    const file = snapshotFile(dir, DOCS_DEMO_API_KEY);
    const other = snapshotFile(dir, SECOND_DEMO_API_KEY);
    writeFileSync(file, '{"format": "callbell-sandbox-account", "version": 1, "account": {"contacts": 5}');
    const stale = JSON.parse(serializeSnapshot(freshAccount(accountSeed(), SECOND_DEMO_API_KEY))) as { version: number };
    stale.version = ACCOUNT_VERSION + 1;
    writeFileSync(other, JSON.stringify(stale));
    const reports: string[] = [];
    const sandbox = fileSandbox(dir, (m) => reports.push(m));
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatch(/unusable \(not JSON .*\); this key starts from the seed data/);
    expect(reports[1]).toMatch(/unusable \(version 2, expected 1\)/);
    expect(existsSync(`${file}.corrupt`)).toBe(true);
    expect((await ok<{ contact: { name: string } }>(sandbox.app, 'get_contact', { path: { uuid: JOHN } })).contact.name).toBe('John Doe');
    await sandbox.close();
    expect('account' in parseSnapshot(readFileSync(file, 'utf8'))).toBe(true);

    for (const text of ['', 'null', '[]', '{"format":"other"}', JSON.stringify({ format: 'callbell-sandbox-account', version: 1, account: { version: 1, idState: 1 } })]) {
      expect('problem' in parseSnapshot(text), text).toBe(true);
    }
  });

  it('keeps writing under constant changes (the debounce has a maximum wait)', async () => {
    const dir = tempDir();
    const { app, close } = makeSandbox({ store: { kind: 'file', dir, debounceMs: 40 } });
    const file = snapshotFile(dir, DOCS_DEMO_API_KEY);
    const until = Date.now() + 1000;
    let i = 0;
    while (Date.now() < until && !existsSync(file)) {
      await ok(app, 'patch_team', { path: { uuid: 'fe5c8cabb543d51de6b1f67cb8ca665f' }, body: { name: `Sales ${i++}` } });
      await new Promise((resolve) => setTimeout(resolve, 10)); // a change every 10 ms: never 40 ms of quiet
    }
    expect(existsSync(file)).toBe(true);
    await close();
  });

  it('flushSync writes pending changes at once (for a process that exits)', async () => {
    const dir = tempDir();
    const { app, store } = makeSandbox({ store: { kind: 'file', dir, debounceMs: 60_000 } });
    await ok(app, 'patch_contacts', { path: { uuid: JOHN }, body: { name: 'Sync' } });
    expect(existsSync(snapshotFile(dir, DOCS_DEMO_API_KEY))).toBe(false);
    store.flushSync();
    const saved = parseSnapshot(readFileSync(snapshotFile(dir, DOCS_DEMO_API_KEY), 'utf8'));
    expect('account' in saved && saved.account.contacts.find((c) => c.uuid === JOHN)!.name).toBe('Sync');
    expect(existsSync(snapshotFile(dir, SECOND_DEMO_API_KEY))).toBe(false); // unchanged keys are not written
    await store.close();
  });

  it('POST /v1/sandbox/reset is saved too', async () => {
    const dir = tempDir();
    const first = fileSandbox(dir);
    await ok(first.app, 'delete_contact', { path: { uuid: JOHN } });
    await first.app.request('/v1/sandbox/reset', { method: 'POST', headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}` } });
    await first.close();
    const second = fileSandbox(dir);
    await ok(second.app, 'get_contact', { path: { uuid: JOHN } });
    await second.close();
  });
});

describe('memory store', () => {
  it('is the default of createApp and never writes', async () => {
    const sandbox = makeSandbox();
    expect(sandbox.store.kind).toBe('memory');
    await ok(sandbox.app, 'delete_contact', { path: { uuid: JOHN } });
    await sandbox.close();
    expect(makeSandbox().store.kind).toBe('memory');
  });
});

function run(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('npm run sandbox:reset (sandbox/src/cli/reset.ts)', () => {
  it('writes fresh seed snapshots for the demo keys, or for --key', async () => {
    const dir = tempDir();
    const first = fileSandbox(dir);
    await ok(first.app, 'delete_contact', { path: { uuid: JOHN } });
    await ok(first.app, 'delete_contact', { path: { uuid: JOHN } }, SECOND_DEMO_API_KEY);
    await first.close();

    const only = await run(TSX, ['sandbox/src/cli/reset.ts', '--key', SECOND_DEMO_API_KEY], { SANDBOX_DATA_DIR: dir });
    expect(only.code).toBe(0);
    expect(only.stdout).not.toContain(SECOND_DEMO_API_KEY);
    let check = fileSandbox(dir);
    await fails(check.app, 'get_contact', { path: { uuid: JOHN } }, 404, 'not_found');
    await ok(check.app, 'get_contact', { path: { uuid: JOHN } }, SECOND_DEMO_API_KEY);
    await check.close();

    const all = await run(TSX, ['sandbox/src/cli/reset.ts'], { SANDBOX_DATA_DIR: dir });
    expect(all.code).toBe(0);
    expect(all.stdout.match(/^Reset /gm)).toHaveLength(2);
    check = fileSandbox(dir);
    await ok(check.app, 'get_contact', { path: { uuid: JOHN } });
    await check.close();
  }, 60_000);
});

describe('the server process', () => {
  it('uses the file store by default, saves on SIGTERM and exits 0', async () => {
    const dir = tempDir();
    // node itself (not the tsx wrapper): one process, which the finally below always stops.
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/src/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_DATA_DIR: dir, SANDBOX_STORE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+\/v1)/.exec(out);
          if (match && out.includes('Data ')) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(`server exited: ${out}`)));
      });
      expect(out).toContain(`Data saved in ${dir}`);
      const res = await fetch(`${url}/contacts/${JOHN}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Saved on exit' }),
      });
      expect(res.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const saved = parseSnapshot(readFileSync(snapshotFile(dir, DOCS_DEMO_API_KEY), 'utf8'));
      expect('account' in saved && saved.account.contacts.find((c) => c.uuid === JOHN)!.name).toBe('Saved on exit');
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  }, 60_000);

  it('refuses an unknown SANDBOX_STORE', async () => {
    const result = await run(TSX, ['sandbox/src/server.ts'], { SANDBOX_PORT: '0', SANDBOX_STORE: 'mongo' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SANDBOX_STORE must be "file", "memory" or "redis"');
  }, 60_000);
});
