/**
 * A key per visitor: POST /v1/sandbox/keys mints a key with its own freshly
 * seeded account; it expires after its idle time (401 key_expired, with a
 * message that says how to get a new one); at most `maxLive` are live (the
 * least recently used makes room); minting is limited per client address
 * (429 with Retry-After), where the address comes from X-Forwarded-For only
 * through a trusted proxy. On a public sandbox the demo keys may only read
 * (403 read_only_key, saying how to get a key); locally nothing changes.
 * Also: the registry of the file store survives a restart, keeps no key in
 * clear, and deletes the data of keys that expired meanwhile.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../src/app';
import { DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { mintKeyText, newSecret } from '../src/minted';
import { REGISTRY_FILE, SECRET_FILE } from '../src/registry';
import { snapshotFile } from '../src/store';
import { bearer, documentedErrorExample, expectError, fails, makeSandbox, mintKey, ok, SPEC_CLOCK } from './helpers';

const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
const HOUR = 3600_000;
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-keys-'));
  dirs.push(dir);
  return dir;
}

/** A sandbox on a clock the test moves. */
function clocked(options: AppOptions = {}) {
  const clock = { time: SPEC_CLOCK };
  const sandbox = makeSandbox({ now: () => clock.time, ...options });
  return { ...sandbox, clock };
}

async function status(app: ReturnType<typeof makeSandbox>['app'], key: string, url = '/v1/auth/me'): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await app.request(url, { headers: bearer(key) });
  return { status: res.status, body: await res.json(), res };
}

describe('POST /v1/sandbox/keys', () => {
  it('answers 201 with a key and its expiry, needs no key, is never cached; other methods are 405', async () => {
    const { app, clock } = clocked();
    const res = await app.request('/v1/sandbox/keys', { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as { key: string; expiresAt: string };
    expect(body.key).toMatch(/^test_sbx[0-9a-f]{44}$/);
    expect(body.expiresAt).toBe(new Date(clock.time + 24 * HOUR).toISOString().replace('.000Z', 'Z'));
    const get = await app.request('/v1/sandbox/keys');
    expectError(get, await get.json(), 405, 'method_not_allowed');
    expect(get.headers.get('Allow')).toBe('POST, OPTIONS');
    const huge = await app.request('/v1/sandbox/keys', { method: 'POST', headers: { 'Content-Length': String(2 * 1024 * 1024) } });
    expectError(huge, await huge.json(), 413, 'payload_too_large');
  });

  it('gives each key its own freshly seeded account; the demo keys keep theirs', async () => {
    const { app } = makeSandbox();
    const a = await mintKey(app);
    const b = await mintKey(app);
    expect(a).not.toBe(b);
    await ok(app, 'delete_contact', { path: { uuid: JOHN } }, a);
    await fails(app, 'get_contact', { path: { uuid: JOHN } }, 404, 'not_found', a);
    expect((await ok<{ contact: { name: string } }>(app, 'get_contact', { path: { uuid: JOHN } }, b)).contact.name).toBe('John Doe');
    expect((await ok<{ contact: { name: string } }>(app, 'get_contact', { path: { uuid: JOHN } })).contact.name).toBe('John Doe');
    const created = await ok<{ contact: { uuid: string } }>(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '4915112345678', name: 'Zoë' } }, b);
    await fails(app, 'get_contact', { path: { uuid: created.contact.uuid } }, 404, 'not_found', a);
    expect((await ok<{ meta: { total: number } }>(app, 'get_contacts', {}, a)).meta.total).toBe(63);
    expect((await ok<{ meta: { total: number } }>(app, 'get_contacts', {}, b)).meta.total).toBe(65);
    // A reset with a minted key resets that key's account only.
    await ok(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '4915112345678', name: 'Zoë' } }, a);
    const reset = await app.request('/v1/sandbox/reset', { method: 'POST', headers: bearer(a) });
    expect(reset.status).toBe(200);
    expect((await ok<{ meta: { total: number } }>(app, 'get_contacts', {}, a)).meta.total).toBe(64);
    expect((await ok<{ meta: { total: number } }>(app, 'get_contacts', {}, b)).meta.total).toBe(65);
  });

  it('a key unused for its idle time expires with its data: 401 key_expired saying how to get a new one; each use starts the idle time over', async () => {
    const { app, clock } = clocked({ keyPolicy: { idleMs: 10 * 60_000 } });
    const key = await mintKey(app);
    await ok(app, 'delete_contact', { path: { uuid: JOHN } }, key);
    clock.time += 9 * 60_000;
    expect((await status(app, key)).status).toBe(200); // used: ten more minutes
    clock.time += 9 * 60_000;
    expect((await status(app, key)).status).toBe(200);
    clock.time += 10 * 60_000 + 1;
    const expired = await status(app, key, '/v1/contacts');
    expectError(expired.res, expired.body, 401, 'key_expired');
    expect(expired.body).toEqual(documentedErrorExample('Unauthorized', 'key_expired'));
    expect((expired.body as { error: { message: string } }).error.message).toContain('POST /v1/sandbox/keys');
    expect(expired.res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    // Still expired (its data is gone); a new key starts from the seed.
    expect((await status(app, key)).status).toBe(401);
    const fresh = await mintKey(app);
    expect((await ok<{ contact: { name: string } }>(app, 'get_contact', { path: { uuid: JOHN } }, fresh)).contact.name).toBe('John Doe');
    expect(await makeSandbox().keys.size()).toBe(0);
  });

  it('keeps at most maxLive keys: one more retires the least recently used', async () => {
    const { app, keys } = clocked({ keyPolicy: { maxLive: 3 }, mintLimit: { limit: 100, windowMs: HOUR } });
    const [k1, k2, k3] = [await mintKey(app), await mintKey(app), await mintKey(app)];
    expect((await status(app, k1)).status).toBe(200); // k2 is now the least recently used
    const k4 = await mintKey(app);
    expect(await keys.size()).toBe(3);
    const retired = await status(app, k2);
    expectError(retired.res, retired.body, 401, 'key_expired');
    for (const key of [k1, k3, k4]) expect((await status(app, key)).status).toBe(200);
  });

  it('a malformed, unknown or forged key is 401 unauthorized (only keys this sandbox signed are "expired")', async () => {
    const { app } = makeSandbox();
    await mintKey(app); // the sandbox has a secret now
    const forged = mintKeyText(newSecret()); // the right form, another sandbox's signature
    for (const key of [forged, 'test_sbx' + '0'.repeat(44), 'test_sbxNOTHEX', 'garbage', `${forged}x`]) {
      const answer = await status(app, key);
      expectError(answer.res, answer.body, 401, 'unauthorized');
    }
  });

  it('limits minting per client address: 429 with Retry-After past the limit; other addresses unaffected', async () => {
    const { app, clock } = clocked({ mintLimit: { limit: 2, windowMs: HOUR } });
    await mintKey(app, {}, from('203.0.113.7'));
    await mintKey(app, {}, from('203.0.113.7'));
    const over = await app.request('/v1/sandbox/keys', { method: 'POST' }, from('203.0.113.7'));
    expectError(over, await over.json(), 429, 'rate_limited');
    expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('Retry-After'))).toBeLessThanOrEqual(3600);
    await mintKey(app, {}, from('198.51.100.9'));
    clock.time += HOUR; // the next window
    await mintKey(app, {}, from('203.0.113.7'));
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const limit = { mintLimit: { limit: 1, windowMs: HOUR } };
    // Untrusted peer: the header is ignored, so a client cannot pick a new address per request.
    const direct = makeSandbox(limit).app;
    await mintKey(direct, { headers: { 'X-Forwarded-For': '192.0.2.1' } }, from('203.0.113.7'));
    const spoofed = await direct.request('/v1/sandbox/keys', { method: 'POST', headers: { 'X-Forwarded-For': '192.0.2.2' } }, from('203.0.113.7'));
    expect(spoofed.status).toBe(429);
    // Behind a trusted proxy: each visitor counts on their own; hops the client added in front are not believed.
    const proxied = makeSandbox({ ...limit, trustedProxies: ['10.0.0.0/8'] }).app;
    await mintKey(proxied, { headers: { 'X-Forwarded-For': '192.0.2.1' } }, from('10.1.2.3'));
    await mintKey(proxied, { headers: { 'X-Forwarded-For': '192.0.2.2' } }, from('10.1.2.3'));
    await mintKey(proxied, { headers: { 'X-Forwarded-For': '192.0.2.9, 192.0.2.3, 10.4.4.4' } }, from('::ffff:10.1.2.3'));
    const again = await proxied.request('/v1/sandbox/keys', { method: 'POST', headers: { 'X-Forwarded-For': '1.1.1.1, 192.0.2.1' } }, from('10.1.2.3'));
    expect(again.status).toBe(429); // 192.0.2.1 again, whatever it put before
  });
});

describe('the demo keys on a public sandbox (SANDBOX_PUBLIC=1)', () => {
  it('may read, not write: 403 read_only_key saying how to get a key; a minted key may write', async () => {
    const { app } = makeSandbox({ publicMode: true });
    for (const key of [DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY]) {
      await ok(app, 'get_contacts', {}, key);
      const refused = await fails(app, 'delete_contact', { path: { uuid: JOHN } }, 403, 'read_only_key', key);
      expect(refused).toEqual(documentedErrorExample('ReadOnlyKey'));
      expect(refused.error.message).toContain('POST /v1/sandbox/keys');
      await fails(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '4915112345678', name: 'Zoë' } }, 403, 'read_only_key', key);
      const reset = await app.request('/v1/sandbox/reset', { method: 'POST', headers: bearer(key) });
      expectError(reset, await reset.json(), 403, 'read_only_key');
    }
    // Nothing changed, whatever was sent.
    expect((await ok<{ contact: { name: string } }>(app, 'get_contact', { path: { uuid: JOHN } })).contact.name).toBe('John Doe');
    const mine = await mintKey(app);
    await ok(app, 'delete_contact', { path: { uuid: JOHN } }, mine);
    // Other methods on a path stay 405, not 403.
    const put = await app.request('/v1/contacts', { method: 'PUT', headers: bearer() });
    expectError(put, await put.json(), 405, 'method_not_allowed');
  });

  it('locally nothing changes: the demo key writes', async () => {
    const { app } = makeSandbox();
    await ok(app, 'delete_contact', { path: { uuid: JOHN } });
    expect((await app.request('/v1/sandbox/reset', { method: 'POST', headers: bearer() })).status).toBe(200);
  });
});

describe('the file store keeps minted keys across restarts', () => {
  it('the registry and the secret live beside the snapshots, without any key; expired keys lose their snapshot at start', async () => {
    const dir = tempDir();
    const clock = { time: SPEC_CLOCK };
    const options: AppOptions = { store: { kind: 'file', dir, debounceMs: 10 }, now: () => clock.time, keyPolicy: { idleMs: HOUR } };
    const first = makeSandbox(options);
    const kept = await mintKey(first.app);
    const lapsing = await mintKey(first.app);
    await ok(first.app, 'delete_contact', { path: { uuid: JOHN } }, kept);
    await ok(first.app, 'delete_contact', { path: { uuid: JOHN } }, lapsing);
    clock.time += HOUR / 2;
    await ok(first.app, 'get_contacts', {}, kept); // kept is used again: another hour
    await first.close();

    expect(existsSync(snapshotFile(dir, lapsing))).toBe(true);
    expect((statSync(path.join(dir, SECRET_FILE)).mode & 0o777).toString(8)).toBe('600');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const key of [kept, lapsing]) expect(text, name).not.toContain(key);
    }
    expect(JSON.parse(readFileSync(path.join(dir, REGISTRY_FILE), 'utf8'))).toMatchObject({ format: 'callbell-sandbox-minted-keys' });

    clock.time += HOUR / 2 + 1; // lapsing is past its hour, kept is not
    const second = makeSandbox(options);
    await second.keys.size(); // let the start-up sweep finish
    await fails(second.app, 'get_contact', { path: { uuid: JOHN } }, 404, 'not_found', kept);
    const gone = await status(second.app, lapsing);
    expectError(gone.res, gone.body, 401, 'key_expired');
    expect(existsSync(snapshotFile(dir, lapsing))).toBe(false);
    await second.close();
  });

  it('keeps only the most recently used accounts in memory (maxCached); the others are read again from disk', async () => {
    const dir = tempDir();
    const options: AppOptions = { store: { kind: 'file', dir, debounceMs: 5, maxCached: 2 }, mintLimit: { limit: 100, windowMs: HOUR } };
    const sandbox = makeSandbox(options);
    const keys = [await mintKey(sandbox.app), await mintKey(sandbox.app), await mintKey(sandbox.app), await mintKey(sandbox.app)];
    for (const [i, key] of keys.entries()) {
      await ok(sandbox.app, 'patch_contacts', { path: { uuid: JOHN }, body: { name: `John ${i}` } }, key);
    }
    await sandbox.idle(); // the webhook log entries the renames caused are written too
    await sandbox.store.flush();
    // The three others were used last: the first key's account is the one that left memory.
    for (const [i, key] of keys.slice(1).entries()) {
      expect((await ok<{ contact: { name: string } }>(sandbox.app, 'get_contact', { path: { uuid: JOHN } }, key)).contact.name).toBe(`John ${i + 1}`);
    }
    // Change its snapshot behind the store's back: only an account that left memory sees it.
    const file = snapshotFile(dir, keys[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"John 0"', '"John from disk"'));
    const john = await ok<{ contact: { name: string } }>(sandbox.app, 'get_contact', { path: { uuid: JOHN } }, keys[0]);
    expect(john.contact.name).toBe('John from disk');
    // And the account that was in memory all along does not see such a change.
    const last = snapshotFile(dir, keys[3]!);
    writeFileSync(last, readFileSync(last, 'utf8').replace('"John 3"', '"John from disk"'));
    expect((await ok<{ contact: { name: string } }>(sandbox.app, 'get_contact', { path: { uuid: JOHN } }, keys[3])).contact.name).toBe('John 3');
    await sandbox.close();
  });
});
