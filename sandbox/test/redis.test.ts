/**
 * The Redis store, proven on a real `redis-server` (Debian's, on a loopback
 * port of its own) with two sandbox instances in front of it:
 *   - state written through one instance is read through the other (accounts,
 *     minted keys, resets);
 *   - the rate limits are shared: per key, per address on 401s, on minting;
 *   - 50 concurrent clients creating, renaming and deleting contacts through
 *     both instances, on a few shared keys, for a bounded time, lose no
 *     acknowledged write; neither when one instance is killed (-9) mid-run;
 *   - Redis stopped: 503 service_unavailable with Retry-After, no hang, no
 *     crash (frozen Redis too: 503 after the command timeout); started again:
 *     the instances recover by themselves, with the data;
 *   - the CORS proxy's limit per client address is shared too;
 *   - what one request costs, seen on the wire (a relay between an instance
 *     and Redis): a read one round trip (key check, rate limit and account
 *     together), a change two; an instance keeps at most `maxCached` accounts,
 *     and asks Redis for the whole of any other.
 * Skipped (with a message) when redis-server is missing, except under CI,
 * where it is an error.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppOptions, type Sandbox } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { contactsOf, lostWrites, newLedger, runLoad } from './load';
import { httpCall, redisAvailable, ROOT, startRedis, startSandbox, type RedisProcess, type SandboxProcess } from './processes';

const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
/** Acknowledged writes each concurrency run waits for (whatever the machine's speed). */
const TARGET_WRITES = 400;
const available = redisAvailable();

interface Instance {
  url: string;
  sandbox: Sandbox;
  server: ServerType;
}

let redis: RedisProcess;
let prefixCounter = 0;
const running: Instance[] = [];
const children: SandboxProcess[] = [];

/** Two in-process instances on their own ports, sharing the test's Redis under a fresh prefix. */
async function pair(options: AppOptions = {}): Promise<[Instance, Instance]> {
  const prefix = `t${process.pid}-${++prefixCounter}:`;
  const one = async (): Promise<Instance> => {
    const sandbox = createSandbox({ store: { kind: 'redis', url: redis.url, prefix, timeoutMs: 500 }, reportError: () => {}, reportStore: () => {}, ...options });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: sandbox.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const instance = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, sandbox, server };
    running.push(instance);
    await until(async () => (await health(instance.url, '/health/ready')) === 200);
    return instance;
  };
  return [await one(), await one()];
}

/** Polls (bounded) until the check passes. */
async function until(check: () => Promise<boolean>, tries = 200, everyMs = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error('condition not met in time');
}

async function call(base: string, path: string, init: { method?: string; body?: string; key?: string } = {}): Promise<{ status: number; body: unknown; header: (name: string) => string | undefined }> {
  const { key = DOCS_DEMO_API_KEY, ...rest } = init;
  const res = await httpCall(`${base}${path}`, { ...rest, headers: { Authorization: `Bearer ${key}`, ...(rest.body ? { 'Content-Type': 'application/json' } : {}) } });
  return { status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : undefined, header: (name) => res.headers[name.toLowerCase()] as string | undefined };
}

async function mint(base: string): Promise<string> {
  const res = await httpCall(`${base}/sandbox/keys`, { method: 'POST' });
  expect(res.status, res.text).toBe(201);
  return (JSON.parse(res.text) as { key: string }).key;
}

/** GET of a path outside /v1 (health checks): its status. */
async function health(base: string, path: string): Promise<number> {
  return (await httpCall(`${base.replace(/\/v1$/, '')}${path}`)).status;
}

/**
 * A TCP relay in front of Redis that sees what an instance sends: the round trips (a client turn that
 * follows an answer, or opens the connection) and the bytes Redis sends back.
 */
async function wireWatch(redisPort: number): Promise<{ url: string; roundTrips: number; bytesIn: number; reset(): void; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const watch = {
    url: '',
    roundTrips: 0,
    bytesIn: 0,
    reset() {
      watch.roundTrips = 0;
      watch.bytesIn = 0;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
  const relay = createTcpServer((client) => {
    const server = connect(redisPort, '127.0.0.1');
    sockets.push(client, server);
    let clientSpokeLast = false;
    client.on('data', (chunk: Buffer) => {
      if (!clientSpokeLast) watch.roundTrips++;
      clientSpokeLast = true;
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      clientSpokeLast = false;
      watch.bytesIn += chunk.length;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  watch.url = `redis://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  return watch;
}

describe.skipIf(!available)('the Redis store, two instances, one redis-server', () => {
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);

  afterEach(async () => {
    for (const child of children.splice(0)) await child.kill();
    for (const { sandbox, server } of running.splice(0)) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sandbox.close();
    }
  });

  afterAll(async () => {
    await redis?.dispose();
  });

  it('state written through one instance is read through the other', async () => {
    const [a, b] = await pair();
    expect((await call(a.url, `/contacts/${JOHN}`, { method: 'PATCH', body: JSON.stringify({ name: 'John via A' }) })).status).toBe(200);
    expect(((await call(b.url, `/contacts/${JOHN}`)).body as { contact: { name: string } }).contact.name).toBe('John via A');
    const created = await call(b.url, '/contacts', { method: 'POST', body: JSON.stringify({ source: 'whatsapp', identifier: '4915112345678', name: 'Zoë via B' }) });
    const uuid = (created.body as { contact: { uuid: string } }).contact.uuid;
    expect(((await call(a.url, `/contacts/${uuid}`)).body as { contact: { name: string } }).contact.name).toBe('Zoë via B');
    // A key minted through A works through B, with an account of its own.
    const key = await mint(a.url);
    expect((await call(b.url, `/contacts/${JOHN}`, { method: 'DELETE', key })).status).toBe(200);
    expect((await call(a.url, `/contacts/${JOHN}`, { key })).status).toBe(404);
    expect((await call(a.url, `/contacts/${JOHN}`)).status).toBe(200);
    // A reset through B is seen through A.
    expect((await call(b.url, '/sandbox/reset', { method: 'POST' })).status).toBe(200);
    expect(((await call(a.url, `/contacts/${JOHN}`)).body as { contact: { name: string } }).contact.name).toBe('John Doe');
    expect((await call(a.url, `/contacts/${uuid}`)).status).toBe(404);
  });

  it('webhook deliveries are logged through the store: the log written by one instance is read through the other', async () => {
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      received.push(String(req.headers['x-callbell-event']));
      req.resume();
      res.writeHead(200).end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const [a, b] = await pair({ webhookHosts: ['127.0.0.1'] });
      const subscribe = await call(a.url, '/webhooks/subscribe', { method: 'POST', body: JSON.stringify({ url: hook, subscriptions: ['conversation_closed'] }) });
      expect(subscribe.status).toBe(200);
      expect((await call(b.url, `/contacts/${JOHN}/conversation/close`, { method: 'POST' })).status).toBe(200);
      await b.sandbox.idle();
      expect(received).toEqual(['health_check', 'conversation_closed']);
      const log = (await call(a.url, '/webhooks/events')).body as { webhook_events: Array<{ event: string; success: boolean; response: { code: number } }> };
      expect(log.webhook_events[0]).toMatchObject({ event: 'conversation_closed', success: true, response: { code: 200 } });
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('the rate limits are shared: per key, on refused keys per address, on minting', async () => {
    const [a, b] = await pair({ rateLimit: { limit: 6, windowMs: 60_000 }, unauthorizedLimit: { limit: 4, windowMs: 60_000 }, mintLimit: { limit: 3, windowMs: 60_000 } });
    const remaining: string[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await call(i % 2 ? b.url : a.url, '/auth/me');
      const { status } = answer;
      statuses.push(status);
      remaining.push(answer.header('X-RateLimit-Remaining')!);
    }
    // One window counted across both instances (unless the minute turned meanwhile: then fewer 429s, never more).
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(6);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(remaining.slice(0, 6)).toEqual(['5', '4', '3', '2', '1', '0']);
    const refused: number[] = [];
    for (let i = 0; i < 6; i++) refused.push((await call(i % 2 ? b.url : a.url, '/auth/me', { key: 'test_nope' })).status);
    expect(refused.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(refused.slice(4)).toContain(429);
    const minted: number[] = [];
    for (let i = 0; i < 5; i++) minted.push((await httpCall(`${i % 2 ? b.url : a.url}/sandbox/keys`, { method: 'POST' })).status);
    expect(minted.slice(0, 3)).toEqual([201, 201, 201]);
    expect(minted.slice(3)).toContain(429);
  });

  it('an expired minted key is 401 key_expired on every instance; its account is gone from Redis', async () => {
    const clock = { time: Date.now() };
    const [a, b] = await pair({ now: () => clock.time, keyPolicy: { idleMs: 60_000 } });
    const key = await mint(a.url);
    expect((await call(b.url, `/contacts/${JOHN}`, { method: 'DELETE', key })).status).toBe(200);
    clock.time += 61_000;
    const expired = await call(b.url, '/auth/me', { key });
    expect(expired.status).toBe(401);
    expect((expired.body as { error: { code: string } }).error.code).toBe('key_expired');
    expect((await call(a.url, '/auth/me', { key })).status).toBe(401);
    expect(await a.sandbox.keys.size()).toBe(0);
  });

  it('npm run sandbox:reset resets the demo keys in Redis for every instance, and --minted retires the minted keys', async () => {
    const prefix = `reset${process.pid}-${++prefixCounter}:`;
    const [a, b] = await Promise.all([1, 2].map(async () => {
      const sandbox = createSandbox({ store: { kind: 'redis', url: redis.url, prefix }, reportError: () => {}, reportStore: () => {} });
      const server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: sandbox.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
      });
      const instance = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, sandbox, server };
      running.push(instance);
      return instance;
    })) as [Instance, Instance];
    await until(async () => (await call(a.url, '/contacts')).status === 200 && (await call(b.url, '/contacts')).status === 200);
    const key = await mint(a.url);
    expect((await call(a.url, `/contacts/${JOHN}`, { method: 'DELETE' })).status).toBe(200);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sandbox/src/cli/reset.ts', '--minted'], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_STORE: 'redis', SANDBOX_REDIS_URL: redis.url, SANDBOX_REDIS_PREFIX: prefix },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Retired 1 minted key(s)');
    expect(result.stdout).not.toContain(DOCS_DEMO_API_KEY);
    expect((await call(b.url, `/contacts/${JOHN}`)).status).toBe(200);
    expect(((await call(b.url, '/auth/me', { key })).body as { error: { code: string } }).error.code).toBe('key_expired');
  }, 60_000);

  it("the CORS proxy's limit per client address is shared by the instances", async () => {
    const upstream = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
      const [a, b] = await pair({ proxyUpstream: base, proxyRateLimit: { limit: 3, windowMs: 60_000 } });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await httpCall(`${(i % 2 ? b : a).url.replace(/\/v1$/, '')}/proxy/contacts`)).status);
      // One window counted across both instances (unless the minute turned meanwhile: then fewer 429s, never more).
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.slice(3)).toContain(429);
    } finally {
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });

  it('a read costs one round trip to Redis (key check, rate limit and account together), a change two', async () => {
    const watch = await wireWatch(redis.port);
    try {
      const [a] = await pair({ store: { kind: 'redis', url: watch.url, prefix: `wire${process.pid}-${++prefixCounter}:`, timeoutMs: 500 } });
      const key = await mint(a.url);
      const create = JSON.stringify({ source: 'whatsapp', identifier: '4915112345678', name: 'On the wire' });
      // Warm-up: the scripts are loaded and the key secret read once per instance.
      for (const apiKey of [key, DOCS_DEMO_API_KEY]) {
        expect((await call(a.url, '/contacts', { key: apiKey })).status).toBe(200);
        expect((await call(a.url, '/contacts', { method: 'POST', body: create, key: apiKey })).status).toBe(200);
      }
      const cost = async (path: string, init: { method?: string; body?: string; key?: string }, status: number): Promise<number> => {
        await a.sandbox.idle();
        watch.reset();
        expect((await call(a.url, path, init)).status).toBe(status);
        await a.sandbox.idle();
        return watch.roundTrips;
      };
      expect(await cost('/contacts', { key }, 200)).toBe(1);
      expect(await cost(`/contacts/${JOHN}`, { key }, 200)).toBe(1);
      expect(await cost('/contacts?page=2', {}, 200)).toBe(1); // the demo key
      expect(await cost('/contacts', { method: 'POST', body: create, key }, 200)).toBe(2);
      expect(await cost(`/contacts/${JOHN}`, { method: 'PATCH', body: JSON.stringify({ name: 'Renamed' }), key }, 200)).toBe(2);
      expect(await cost(`/contacts/${'0'.repeat(32)}`, { key }, 404)).toBe(1);
      // A refused key: its check and the count of refusals, nothing else.
      expect(await cost('/contacts', { key: 'test_nope' }, 401)).toBe(1);
      // The same answers as without the relay: the change is there.
      expect(((await call(a.url, `/contacts/${JOHN}`, { key })).body as { contact: { name: string } }).contact.name).toBe('Renamed');
    } finally {
      await watch.close();
    }
  });

  it('an instance keeps at most maxCached accounts; for any other it gets the whole account from Redis', async () => {
    const watch = await wireWatch(redis.port);
    try {
      const prefix = `cache${process.pid}-${++prefixCounter}:`;
      const [a] = await pair({ store: { kind: 'redis', url: watch.url, prefix, timeoutMs: 500, maxCached: 2 }, mintLimit: { limit: 100, windowMs: 60_000 } });
      const keys = [await mint(a.url), await mint(a.url), await mint(a.url), await mint(a.url)];
      for (const [i, key] of keys.entries()) {
        expect((await call(a.url, `/contacts/${JOHN}`, { method: 'PATCH', body: JSON.stringify({ name: `John ${i}` }), key })).status).toBe(200);
      }
      await a.sandbox.idle();
      const received = async (key: string): Promise<number> => {
        watch.reset();
        expect((await call(a.url, `/contacts/${JOHN}`, { key })).status).toBe(200);
        return watch.bytesIn;
      };
      // The last two keys' accounts are in the instance: Redis answers "same" in a few bytes.
      expect(await received(keys[3]!)).toBeLessThan(1000);
      expect(await received(keys[2]!)).toBeLessThan(1000);
      // The first key's account left it: Redis sends all of it (tens of kilobytes), and the answer is still right.
      expect(await received(keys[0]!)).toBeGreaterThan(20_000);
      expect(((await call(a.url, `/contacts/${JOHN}`, { key: keys[0] })).body as { contact: { name: string } }).contact.name).toBe('John 0');
      // Now it is back in, and the least recently used of the others (keys[3]) is out.
      expect(await received(keys[0]!)).toBeLessThan(1000);
      expect(await received(keys[3]!)).toBeGreaterThan(20_000);
    } finally {
      await watch.close();
    }
  });

  async function churn(kill: boolean): Promise<void> {
    const env = { SANDBOX_STORE: 'redis', SANDBOX_REDIS_URL: redis.url, SANDBOX_REDIS_PREFIX: `churn${process.pid}-${++prefixCounter}:`, SANDBOX_RATE_LIMIT: '100000', SANDBOX_MINT_LIMIT: '100' };
    const [a, b] = await Promise.all([startSandbox(env), startSandbox(env)]);
    children.push(a, b);
    const keys = [await mint(a.url), await mint(b.url), await mint(a.url), await mint(b.url), await mint(a.url)];
    const targets = [a.url, b.url];
    const started = Date.now();
    const ledger = newLedger(keys);
    // Killed once a third of the writes are in, while they keep coming.
    const killing = kill
      ? (async () => {
          while (ledger.acknowledged < TARGET_WRITES / 3 && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
          await b.kill();
          targets.splice(targets.indexOf(b.url), 1);
        })()
      : Promise.resolve();
    // Bounded: at least 3 s and TARGET_WRITES acknowledged writes, at most 60 s or 400 requests per client.
    await runLoad({ clients: 50, keys, ledger, targets: () => targets, until: (acked) => (Date.now() - started > 3000 && acked >= TARGET_WRITES) || Date.now() - started > 60_000, maxOps: 400, seed: kill ? 2 : 1 });
    await killing;
    const holdings = new Map(await Promise.all(keys.map(async (key) => [key, await contactsOf(a.url, key)] as const)));
    const summary = JSON.stringify(Object.fromEntries(ledger.statuses));
    expect(ledger.acknowledged, summary).toBeGreaterThanOrEqual(TARGET_WRITES);
    expect(lostWrites(ledger, holdings), summary).toEqual([]);
    if (kill) expect(ledger.statuses.get(200)).toBeGreaterThan(0);
    else expect([...ledger.statuses.keys()], summary).toEqual([200]);
  }

  it('50 concurrent clients through both instances lose no acknowledged write', () => churn(false), 120_000);

  it('killing one instance (-9) mid-run loses no acknowledged write', () => churn(true), 120_000);

  it('Redis stopped: 503 with Retry-After, no hang, no crash; started again: both instances recover, data kept', async () => {
    const [a, b] = await pair();
    expect((await call(a.url, `/contacts/${JOHN}`, { method: 'PATCH', body: JSON.stringify({ name: 'Before the outage' }) })).status).toBe(200);
    await redis.stop();
    try {
      for (const [base, path, init] of [
        [a.url, '/contacts', {}],
        [b.url, `/contacts/${JOHN}`, { method: 'PATCH', body: JSON.stringify({ name: 'During' }) }],
        [a.url, '/auth/me', { key: 'test_nope' }],
      ] as const) {
        const answer = await call(base, path, init);
        expect(answer.status, JSON.stringify(answer.body)).toBe(503);
        expect((answer.body as { error: { code: string } }).error.code).toBe('service_unavailable');
        expect(answer.header('Retry-After')).toBe('1');
      }
      expect(await health(a.url, '/health/ready')).toBe(503);
      expect(await health(a.url, '/health')).toBe(200);
      expect((await httpCall(`${b.url}/sandbox/keys`, { method: 'POST' })).status).toBe(503);
    } finally {
      await redis.start();
    }
    for (const instance of [a, b]) {
      await until(async () => (await call(instance.url, `/contacts/${JOHN}`)).status === 200);
      expect(((await call(instance.url, `/contacts/${JOHN}`)).body as { contact: { name: string } }).contact.name).toBe('Before the outage');
    }
    expect((await call(b.url, `/contacts/${JOHN}`, { method: 'PATCH', body: JSON.stringify({ name: 'After' }) })).status).toBe(200);
    expect(((await call(a.url, `/contacts/${JOHN}`)).body as { contact: { name: string } }).contact.name).toBe('After');
  }, 60_000);

  it('Redis frozen (connected, silent): 503 once the command timeout passes, then recovery', async () => {
    const [a] = await pair();
    expect((await call(a.url, '/contacts')).status).toBe(200);
    redis.freeze();
    try {
      const answer = await call(a.url, '/contacts');
      expect(answer.status).toBe(503);
      expect((answer.body as { error: { code: string } }).error.code).toBe('service_unavailable');
    } finally {
      redis.thaw();
    }
    await until(async () => (await call(a.url, '/contacts')).status === 200);
  }, 60_000);
});
