/**
 * The Redis store answers exactly as the memory store, and holds exactly the
 * same data: every documented example request of the 40 operations, twice
 * over (the second round meets what the first changed: deleted contacts,
 * closed conversations, a webhook already there), is sent to a sandbox on
 * the memory store and to one on Redis (a real redis-server); each answer
 * must be the same, and after each request (and its webhook deliveries,
 * logged through the store) the account a second Redis instance reads from
 * Redis must equal the memory store's. Every handler thus runs behind the
 * Redis store's change tracking (src/redis/fields.ts), and what it wrote is
 * checked field by field against the account it changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { ops, specClock, requestFor } from './helpers';
import { redisAvailable, startRedis, type RedisProcess } from './processes';

const available = redisAvailable();

describe.skipIf(!available)('the Redis store against the memory store, request by request', () => {
  let redis: RedisProcess;
  const sandboxes: Sandbox[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);

  afterAll(async () => {
    for (const sandbox of sandboxes) await sandbox.close();
    await redis?.dispose();
  });

  it('same answers, same data, for every documented request, twice over', async () => {
    const options = { reportError: () => {}, reportStore: () => {}, now: specClock };
    const prefix = `equal${process.pid}:`;
    const memory = createSandbox(options);
    const onRedis = createSandbox({ ...options, store: { kind: 'redis', url: redis.url, prefix } });
    const reader = createSandbox({ ...options, store: { kind: 'redis', url: redis.url, prefix } });
    sandboxes.push(memory, onRedis, reader);
    for (let i = 0; i < 100 && (await onRedis.app.request('/health/ready')).status !== 200; i++) await new Promise((resolve) => setTimeout(resolve, 50));

    const requests = ops.flatMap((operation) => [operation.exampleRequest, ...operation.examples.map((e) => e.request)].map((values) => ({ operation, values })));
    let compared = 0;
    for (const round of [1, 2]) {
      for (const { operation, values } of requests) {
        const label = `round ${round}: ${operation.request} ${JSON.stringify(values).slice(0, 120)}`;
        const { url, init } = requestFor(operation, values, DOCS_DEMO_API_KEY);
        const [a, b] = await Promise.all([memory.app.request(url, init), onRedis.app.request(url, init)]);
        expect(b.status, label).toBe(a.status);
        expect(await b.text(), label).toBe(await a.text());
        await Promise.all([memory.idle(), onRedis.idle()]);
        // Same data (Redis gives the top-level properties back in its own order).
        const expected = JSON.parse(JSON.stringify(await memory.store.read(DOCS_DEMO_API_KEY))) as unknown;
        expect(JSON.parse(JSON.stringify(await reader.store.read(DOCS_DEMO_API_KEY))), label).toStrictEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(2 * 40);
  }, 120_000);
});
