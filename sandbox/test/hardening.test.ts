/**
 * The unbounded corners, bounded: 401 answers rate-limited per client
 * address; throwaway test keys capped (least recently used forgotten, their
 * data dropped); `X-Content-Type-Options: nosniff` on every answer; the
 * server settings read from the environment (./src/config.ts); and the
 * server's timeouts on real sockets on a loopback port: a request head that
 * never ends and a body that stops arriving are cut off.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/app';
import {
  ConfigError,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  httpServerOptions,
  readConfig,
  type Timeouts,
} from '../src/config';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { DEFAULT_MAX_TEST_KEYS, DEFAULT_UNAUTHORIZED_LIMIT, testKeyRing } from '../src/middleware/auth';
import { accountId } from '../src/store';
import { bearer, documentedErrorExample, expectError, makeApp, makeSandbox } from './helpers';

const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('401 answers are rate-limited per client address', () => {
  it('past the limit a refused key gets 429 with Retry-After; other addresses and accepted keys are unaffected', async () => {
    expect(DEFAULT_UNAUTHORIZED_LIMIT).toEqual({ limit: 20, windowMs: 1000 });
    let time = 1_700_000_000_000;
    const app = makeApp({ now: () => time, unauthorizedLimit: { limit: 3, windowMs: 1000 } });
    const bad = (address: string) => app.request('/v1/contacts', { headers: { Authorization: 'Bearer guess' } }, from(address));
    for (let i = 0; i < 3; i++) {
      const res = await bad('192.0.2.7');
      expectError(res, await res.json(), 401, 'unauthorized');
    }
    time += 300;
    const limited = await bad('192.0.2.7');
    const body = await limited.json();
    expectError(limited, body, 429, 'rate_limited');
    expect(body).toEqual(documentedErrorExample('TooManyRequests'));
    expect(limited.headers.get('Retry-After')).toBe('1');
    expect(limited.headers.get('WWW-Authenticate')).toBeNull();
    // Another address still gets its 401; a valid key from the limited address still works.
    expect((await bad('192.0.2.8')).status).toBe(401);
    expect((await app.request('/v1/contacts', { headers: bearer() }, from('192.0.2.7'))).status).toBe(200);
    time += 1000;
    expect((await bad('192.0.2.7')).status).toBe(401);
  });
});

describe('throwaway test keys are bounded', () => {
  it('the ring keeps at most maxLive keys, forgetting the least recently used', () => {
    expect(DEFAULT_MAX_TEST_KEYS).toBe(200);
    const evicted: string[] = [];
    const ring = testKeyRing({ maxLive: 3, onEvict: (key) => evicted.push(key) });
    const key = (n: number) => `test_e2e${n.toString(16).padStart(16, '0')}`;
    for (const n of [1, 2, 3]) expect(ring.accepts(key(n))).toBe(true);
    expect(ring.accepts(key(1))).toBe(true); // used again: now the most recent
    expect(ring.accepts(key(4))).toBe(true); // makes room: 2 is the least recently used
    expect(evicted).toEqual([key(2)]);
    expect(ring.size).toBe(3);
    expect(ring.accepts('test_e2eNOTHEX0000000000')).toBe(false);
    expect(() => testKeyRing({ maxLive: 0 })).toThrow();
  });

  it('2,000 keys leave at most maxLive accounts in the store; a forgotten key comes back with fresh data', async () => {
    const sandbox = createSandbox({ testKeys: { maxLive: 5 }, reportError: () => {}, unauthorizedLimit: { limit: 10_000, windowMs: 1000 } });
    const forgotten: string[] = [];
    const drop = sandbox.store.drop.bind(sandbox.store);
    sandbox.store.drop = (id) => {
      forgotten.push(id);
      return drop(id);
    };
    const key = (n: number) => `test_e2e${n.toString(16).padStart(16, '0')}`;
    const del = await sandbox.app.request(`/v1/contacts/${JOHN}`, { method: 'DELETE', headers: bearer(key(0)) });
    expect(del.status).toBe(200);
    for (let n = 1; n <= 2000; n++) {
      const res = await sandbox.app.request('/v1/auth/me', { headers: bearer(key(n)) });
      expect(res.status).toBe(200);
    }
    // 2,001 keys used, 5 live: every other account was dropped, the oldest first.
    expect(forgotten).toHaveLength(2001 - 5);
    expect(forgotten.slice(0, 3)).toEqual([key(0), key(1), key(2)].map(accountId));
    expect(new Set(forgotten).size).toBe(forgotten.length);
    // Key 0 was forgotten long ago: its deletion went with its data.
    const john = await sandbox.app.request(`/v1/contacts/${JOHN}`, { headers: bearer(key(0)) });
    expect(john.status).toBe(200);
  }, 60_000);

  it('need the memory store', () => {
    expect(() => createSandbox({ testKeys: true, store: { kind: 'file', dir: '/nonexistent-sandbox-test-dir' } })).toThrow(/memory store/);
  });
});

describe('X-Content-Type-Options: nosniff on every answer', () => {
  it('success, every kind of error, preflight and /health', async () => {
    const { app } = makeSandbox({ rateLimit: { limit: 1, windowMs: 60_000 } });
    const cases: Array<[string, RequestInit]> = [
      ['/health', {}],
      ['/v1/contacts', { headers: bearer() }], // 200
      ['/v1/contacts', { headers: bearer() }], // 429
      ['/v1/contacts', {}], // 401
      ['/nope', {}], // 404
      ['/v1/contacts', { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000' } }], // 204
      [`/v1/${'x'.repeat(9000)}`, {}], // 400 long URL
    ];
    const statuses: number[] = [];
    for (const [url, init] of cases) {
      const res = await app.request(url, init);
      statuses.push(res.status);
      expect(res.headers.get('X-Content-Type-Options'), `${url.slice(0, 40)} ${res.status}`).toBe('nosniff');
    }
    expect(statuses).toEqual([200, 200, 429, 401, 404, 204, 400]);
    const other = makeApp();
    for (const [url, init] of [
      ['/v1/contacts', { method: 'PUT', headers: bearer() }], // 405
      ['/v1/contacts', { method: 'POST', headers: { ...bearer(), 'Content-Type': 'application/json', 'Content-Length': String(2 * 1024 * 1024) } }], // 413
      ['/v1/contacts', { method: 'POST', headers: { ...bearer(), 'Content-Type': 'application/json' }, body: '{' }], // 400
    ] as const) {
      const res = await other.request(url, init);
      expect(res.headers.get('X-Content-Type-Options'), `${res.status}`).toBe('nosniff');
    }
  });
});

describe('settings from the environment', () => {
  it('defaults', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4010,
      store: { kind: 'file' },
      testKeys: false,
      publicMode: false,
      webhookHosts: [],
      unauthorizedLimit: { limit: 20, windowMs: 1000 },
      proxyRateLimit: { limit: 20, windowMs: 1000 },
      timeouts: { requestMs: DEFAULT_REQUEST_TIMEOUT_MS, headersMs: DEFAULT_HEADERS_TIMEOUT_MS, bodyIdleMs: DEFAULT_BODY_TIMEOUT_MS },
    });
    expect(config.proxyUpstream).toBeUndefined();
  });

  it('every variable', () => {
    const config = readConfig({
      SANDBOX_HOST: '::1',
      SANDBOX_PORT: '0',
      SANDBOX_STORE: 'memory',
      SANDBOX_TEST_KEYS: '1',
      SANDBOX_TEST_KEYS_MAX: '50',
      SANDBOX_PUBLIC: '1',
      SANDBOX_WEBHOOK_HOSTS: 'hooks.example.org',
      SANDBOX_UNAUTHORIZED_LIMIT: '5',
      SANDBOX_PROXY_RATE_LIMIT: '7',
      SANDBOX_REQUEST_TIMEOUT_MS: '20000',
      SANDBOX_HEADERS_TIMEOUT_MS: '5000',
      SANDBOX_BODY_TIMEOUT_MS: '3000',
    });
    expect(config).toMatchObject({
      host: '::1',
      port: 0,
      store: { kind: 'memory' },
      testKeys: { maxLive: 50 },
      publicMode: true,
      webhookHosts: ['hooks.example.org'],
      unauthorizedLimit: { limit: 5, windowMs: 1000 },
      proxyRateLimit: { limit: 7, windowMs: 1000 },
      timeouts: { requestMs: 20_000, headersMs: 5000, bodyIdleMs: 3000 },
    });
    // Test keys never with the file store.
    expect(readConfig({ SANDBOX_TEST_KEYS: '1' }).testKeys).toBe(false);
  });

  it('minted keys, the Redis store, trusted proxies', () => {
    expect(readConfig({})).toMatchObject({
      keyPolicy: { idleMs: 24 * 3600 * 1000, maxLive: 1000 },
      mintLimit: { limit: 10, windowMs: 3600 * 1000 },
      rateLimit: { limit: 300, windowMs: 1000 },
      trustedProxies: [],
    });
    expect(readConfig({}).keySecret).toBeUndefined();
    const config = readConfig({
      SANDBOX_STORE: 'redis',
      SANDBOX_REDIS_URL: 'redis://cache.internal:6380/2',
      SANDBOX_REDIS_TIMEOUT_MS: '250',
      SANDBOX_REDIS_PREFIX: 'portal:',
      SANDBOX_CACHE_ACCOUNTS: '20',
      SANDBOX_KEY_IDLE_SECONDS: '600',
      SANDBOX_KEYS_MAX: '50',
      SANDBOX_MINT_LIMIT: '3',
      SANDBOX_MINT_WINDOW_SECONDS: '60',
      SANDBOX_KEY_SECRET: 'x'.repeat(40),
      SANDBOX_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1',
      SANDBOX_RATE_LIMIT: '5000',
      SANDBOX_TEST_KEYS: '1',
    });
    expect(config).toMatchObject({
      store: { kind: 'redis', url: 'redis://cache.internal:6380/2', timeoutMs: 250, prefix: 'portal:', maxCached: 20 },
      keyPolicy: { idleMs: 600_000, maxLive: 50 },
      mintLimit: { limit: 3, windowMs: 60_000 },
      keySecret: 'x'.repeat(40),
      trustedProxies: ['127.0.0.1', '10.0.0.0/8', '::1'],
      rateLimit: { limit: 5000, windowMs: 1000 },
      testKeys: false, // memory store only
    });
    expect(readConfig({ SANDBOX_CACHE_ACCOUNTS: '7' }).store).toMatchObject({ kind: 'file', maxCached: 7 });
  });

  it('refuses bad values and the CORS proxy in public mode, naming the variable', () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ SANDBOX_PORT: '70000' }, /SANDBOX_PORT/],
      [{ SANDBOX_PORT: 'abc' }, /SANDBOX_PORT/],
      [{ SANDBOX_STORE: 'disk' }, /SANDBOX_STORE/],
      [{ SANDBOX_PUBLIC: 'yes' }, /SANDBOX_PUBLIC/],
      [{ SANDBOX_UNAUTHORIZED_LIMIT: '0' }, /SANDBOX_UNAUTHORIZED_LIMIT/],
      [{ SANDBOX_PROXY_RATE_LIMIT: '-1' }, /SANDBOX_PROXY_RATE_LIMIT/],
      [{ SANDBOX_BODY_TIMEOUT_MS: '1.5' }, /SANDBOX_BODY_TIMEOUT_MS/],
      [{ SANDBOX_REQUEST_TIMEOUT_MS: '1000', SANDBOX_HEADERS_TIMEOUT_MS: '2000' }, /SANDBOX_HEADERS_TIMEOUT_MS/],
      [{ SANDBOX_PUBLIC: '1', SANDBOX_PROXY_UPSTREAM: 'https://api.callbell.eu/v1' }, /SANDBOX_PROXY_UPSTREAM/],
      [{ SANDBOX_STORE: 'redis' }, /SANDBOX_REDIS_URL/],
      [{ SANDBOX_STORE: 'redis', SANDBOX_REDIS_URL: 'http://cache:6379' }, /SANDBOX_REDIS_URL/],
      [{ SANDBOX_STORE: 'redis', SANDBOX_REDIS_URL: 'redis://cache', SANDBOX_REDIS_TIMEOUT_MS: '10' }, /SANDBOX_REDIS_TIMEOUT_MS/],
      [{ SANDBOX_KEY_IDLE_SECONDS: '0' }, /SANDBOX_KEY_IDLE_SECONDS/],
      [{ SANDBOX_KEYS_MAX: 'many' }, /SANDBOX_KEYS_MAX/],
      [{ SANDBOX_MINT_LIMIT: '0' }, /SANDBOX_MINT_LIMIT/],
      [{ SANDBOX_KEY_SECRET: 'short' }, /SANDBOX_KEY_SECRET/],
      [{ SANDBOX_TRUSTED_PROXIES: '10.0.0.0/33' }, /SANDBOX_TRUSTED_PROXIES/],
      [{ SANDBOX_TRUSTED_PROXIES: 'proxy.internal' }, /SANDBOX_TRUSTED_PROXIES/],
      [{ SANDBOX_CACHE_ACCOUNTS: '0' }, /SANDBOX_CACHE_ACCOUNTS/],
    ];
    for (const [env, message] of bad) {
      expect(() => readConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => readConfig(env), JSON.stringify(env)).toThrow(message);
    }
  });

  it('timeouts become node:http server options', () => {
    expect(httpServerOptions({ requestMs: 30_000, headersMs: 10_000, bodyIdleMs: 10_000 })).toMatchObject({
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      connectionsCheckingInterval: 1000,
      maxHeaderSize: 256 * 1024,
    });
  });
});

describe('slow senders are cut off (real sockets)', () => {
  const servers: ServerType[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  async function start(timeouts: Timeouts): Promise<number> {
    const { app } = makeSandbox({ bodyIdleMs: timeouts.bodyIdleMs });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, serverOptions: httpServerOptions(timeouts) }, () => resolve(s));
    });
    servers.push(server);
    return (server.address() as AddressInfo).port;
  }

  /** Sends `text` and never more; resolves with everything the server sent once it closes the connection. */
  function hold(port: number, text: string): Promise<string> {
    return new Promise((resolve) => {
      const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('close', () => resolve(answer));
      socket.on('error', () => undefined);
    });
  }

  it('a request head that never ends: the server closes the connection', async () => {
    const port = await start({ requestMs: 400, headersMs: 200, bodyIdleMs: 200 });
    const answer = await hold(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a');
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('a body that stops arriving: 400 invalid_body, then the connection is closed', async () => {
    const port = await start({ requestMs: 30_000, headersMs: 10_000, bodyIdleMs: 150 });
    const head = [
      'POST /v1/contacts HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${DOCS_DEMO_API_KEY}`,
      'Content-Type: application/json',
      'Content-Length: 100',
      '',
      '',
    ].join('\r\n');
    const answer = await hold(port, `${head}{"name":`);
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"code":"invalid_body"');
    expect(answer).toContain('stopped arriving');
  });
});
