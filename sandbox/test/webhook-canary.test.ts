/**
 * The loopback canary (regression test of the security report): a local
 * service on 127.0.0.1 answers every request with a secret body and an
 * `x-internal-token` header. With a key anyone can have (the public demo key;
 * in public mode, where it may only read, a minted one), nobody may learn
 * either through the delivery log (GET /webhooks/events), in any mode:
 *   - local mode, canary not listed: the subscribe is refused, nothing is sent;
 *   - local mode, canary listed (a developer's own receiver): deliveries are
 *     made, and the log keeps the status code only;
 *   - public mode, canary listed by address or by a name that resolves to it:
 *     the subscribe is refused;
 *   - public mode, a name that resolves to a public address when checked and
 *     to the canary when connecting (DNS rebinding): nothing reaches it.
 * Where the subscribe is refused, a closed port is refused in exactly the same
 * words, so the sandbox cannot be used to scan ports either.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOptions } from '../src/app';
import type { LookupFunction } from 'node:net';
import { guardedLookup, type Resolver } from '../src/destinations';
import { httpDeliver } from '../src/webhooks';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { bearer, makeSandbox, mintKey, ok } from './helpers';

const SECRET = 'canary-secret-body-7c1e9b';
const TOKEN = 'canary-internal-token-4d2f';
const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';

let canary: Server;
let canaryPort = 0;
let closedPort = 0;
let hits = 0;

beforeAll(async () => {
  canary = createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Internal-Token': TOKEN });
    res.end(SECRET);
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryPort = (canary.address() as AddressInfo).port;
  // A port that was free a moment ago and is closed now.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(() => new Promise<void>((resolve) => canary.close(() => resolve())));

/** Subscribes, causes events, and returns the subscribe answer and the whole delivery log as text. */
async function attempt(options: AppOptions, url: string): Promise<{ status: number; answer: string; log: string }> {
  const sandbox = makeSandbox({ webhookTimeoutMs: 2000, ...options });
  const key = options.publicMode ? await mintKey(sandbox.app) : DOCS_DEMO_API_KEY;
  const res = await sandbox.app.request('/v1/webhooks/subscribe', {
    method: 'POST',
    headers: { ...bearer(key), 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, subscriptions: ['conversation_closed', 'conversation_opened', 'contact_updated'] }),
  });
  const answer = await res.text();
  await ok(sandbox.app, 'post_contact_conversation_close', { path: { uuid: JOHN } }, key);
  await ok(sandbox.app, 'post_contact_conversation_open', { path: { uuid: JOHN } }, key);
  await sandbox.idle();
  const log = await sandbox.app.request('/v1/webhooks/events?items=100', { headers: bearer(key) });
  return { status: res.status, answer, log: await log.text() };
}

function expectNoLeak(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
  expect(text.toLowerCase()).not.toContain('x-internal-token');
}

/** A resolver that answers `addresses` for every name. */
const resolvingTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: 4 as const }));

describe('the loopback canary', () => {
  it('local mode, not listed: refused, nothing sent, a closed port refused in the same words', async () => {
    hits = 0;
    const open = await attempt({ webhookHosts: [] }, `http://127.0.0.1:${canaryPort}/`);
    const closed = await attempt({ webhookHosts: [] }, `http://127.0.0.1:${closedPort}/`);
    expect(open.status).toBe(400);
    expect(open.answer).toBe(closed.answer);
    expect(open.log).toBe(closed.log);
    expect(hits).toBe(0);
    expectNoLeak(open.log);
  });

  it('local mode, listed (your own receiver): delivered, and the log keeps the status code only', async () => {
    hits = 0;
    const listed = await attempt({ webhookHosts: ['127.0.0.1'] }, `http://127.0.0.1:${canaryPort}/`);
    expect(listed.status).toBe(200);
    expect(hits).toBe(1 + 4); // the health check, then close (2 events) and open (2 events)
    const log = JSON.parse(listed.log) as { webhook_events: Array<{ response: { code: number | null; body: unknown; headers: unknown } }> };
    expect(log.webhook_events.slice(0, 4).map((e) => e.response)).toEqual(Array(4).fill({ code: 200, body: null, headers: {} }));
    expectNoLeak(listed.log);
  });

  it('public mode, listed by address: refused like a closed port, nothing sent', async () => {
    hits = 0;
    const options: AppOptions = { publicMode: true, webhookHosts: ['127.0.0.1'], resolve: resolvingTo('127.0.0.1') };
    const open = await attempt(options, `http://127.0.0.1:${canaryPort}/`);
    const closed = await attempt(options, `http://127.0.0.1:${closedPort}/`);
    expect(open.status).toBe(400);
    expect(open.answer).toBe(closed.answer);
    expect(open.log).toBe(closed.log);
    expect(hits).toBe(0);
    expectNoLeak(open.log);
  });

  it('public mode, listed by a name that resolves to it: refused like a closed port, nothing sent', async () => {
    hits = 0;
    const options: AppOptions = { publicMode: true, webhookHosts: ['canary.callbell.test'], resolve: resolvingTo('93.184.216.34', '127.0.0.1') };
    const open = await attempt(options, `http://canary.callbell.test:${canaryPort}/`);
    const closed = await attempt(options, `http://canary.callbell.test:${closedPort}/`);
    expect(open.status).toBe(400);
    expect(open.answer).toBe(closed.answer);
    expect(hits).toBe(0);
    expectNoLeak(open.log);
  });

  it('public mode, DNS rebinding: public when checked, the canary when connecting: nothing reaches it', async () => {
    hits = 0;
    let calls = 0;
    // The subscribe and the check before the health check see a public address; the connection itself would see the canary.
    const rebinding: Resolver = async () => [{ address: ++calls <= 2 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    const result = await attempt({ publicMode: true, webhookHosts: ['rebind.callbell.test'], resolve: rebinding }, `http://rebind.callbell.test:${canaryPort}/`);
    expect(result.status).toBe(200); // accepted: it looked public when checked
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(hits).toBe(0);
    const log = JSON.parse(result.log) as { webhook_events: Array<{ response: unknown; success: boolean }> };
    expect(log.webhook_events.slice(0, 4).map((e) => [e.response, e.success])).toEqual(Array(4).fill([{ code: null, body: null, headers: {} }, false]));
    expectNoLeak(result.log);
  });

  it('the connection itself only goes to checked addresses: a name that rebinds to the canary at connect time is refused', async () => {
    const request = { url: `http://rebind.callbell.test:${canaryPort}/`, headers: {}, body: '{}', timeoutMs: 2000 };
    const toCanary: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    // Control: an unchecked lookup that says "127.0.0.1" does reach the canary by name.
    const unchecked: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    };
    hits = 0;
    expect(await httpDeliver({ ...request, lookup: unchecked })).toEqual({ status: 200 });
    expect(hits).toBe(1);
    // The guarded lookup public mode uses refuses it: no connection is made.
    await expect(httpDeliver({ ...request, lookup: guardedLookup(toCanary) })).rejects.toThrow(/public addresses only/);
    expect(hits).toBe(1);
  });
});
