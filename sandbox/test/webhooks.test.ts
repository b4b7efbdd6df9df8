/**
 * Webhook deliveries for real: a node:http receiver on 127.0.0.1 (listed as
 * an allowed host, as SANDBOX_WEBHOOK_HOSTS=127.0.0.1 does) subscribes, the
 * sandbox causes events, and the receiver must get them with the documented
 * headers and payloads (validated against the spec's event schemas, and
 * equal to the documented example deliveries when the documented requests
 * cause them). The delivery log (status codes only) and its filters follow.
 * The URL rule in every spelling, public mode and the loopback canary are in
 * webhook-urls.test.ts and webhook-canary.test.ts.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../src/app';
import { WEBHOOK_TIMEOUT_MS, normaliseHost, allowedHostsFromEnv } from '../src/webhooks';
import { webhookEvents } from '../src/spec';
import { ajv, doc, fails, makeSandbox as makeAnySandbox, ok, op, send, SPEC_CLOCK } from './helpers';

/** The receivers below listen on 127.0.0.1: the sandbox sends there because the host is listed. */
const makeSandbox = (options: AppOptions = {}) => makeAnySandbox({ webhookHosts: ['127.0.0.1'], ...options });

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: { event: string; payload: Record<string, unknown> };
}

interface Receiver {
  url: string;
  received: Received[];
  /** How to answer the next deliveries (default 200 {"status":"ok"}). */
  answer: (res: ServerResponse, delivery: Received) => void;
  close(): Promise<void>;
}

const receivers: Receiver[] = [];

async function receiver(): Promise<Receiver> {
  const received: Received[] = [];
  const state: Receiver = {
    url: '',
    received,
    answer: (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok"}');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const delivery = { url: req.url ?? '', headers: req.headers, body: JSON.parse(text) as Received['body'] };
      received.push(delivery);
      state.answer(res, delivery);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receivers.push(state);
  return state;
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const EVENTS = webhookEvents(doc);
const ALL_EVENTS = EVENTS.map((e) => e.name);
const envelopeCheck = new Map(EVENTS.map((e) => [e.name, ajv.compile(e.envelope)]));
const payloadCheck = new Map(EVENTS.map((e) => [e.name, ajv.compile(e.payload)]));
const documented = (name: string) => EVENTS.find((e) => e.name === name)!.example;

const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
const ANNA = '0c081a1ac4b1ba2af8c1b3521ac8a7f3';

type Log = { webhook_events: Array<{ event: string; payload: Record<string, unknown>; response: { code: number | null; body: string | null; headers: Record<string, string> }; success: boolean; createdAt: string }>; meta: { page: number; pages: number; total: number } };

/** A sandbox whose webhook points at a fresh receiver, health check already received. */
async function subscribed(subscriptions: string[] = ALL_EVENTS) {
  const sandbox = makeSandbox();
  const hook = await receiver();
  await ok(sandbox.app, 'post_webhooks_subscribe', { body: { url: hook.url, subscriptions } });
  await sandbox.idle();
  expect(hook.received.map((d) => d.body)).toEqual([{ event: 'health_check', payload: {} }]);
  hook.received.length = 0;
  return { ...sandbox, hook };
}

function expectValidDelivery(delivery: Received): void {
  const { event } = delivery.body;
  expect(delivery.headers['content-type']).toBe('application/json');
  expect(delivery.headers['user-agent']).toBe('Callbell-Webhooks/1.0');
  expect(delivery.headers['x-callbell-event']).toBe(event);
  expect(delivery.headers['x-callbell-delivery']).toMatch(/^[0-9a-f]{32}$/);
  const envelope = envelopeCheck.get(event)!;
  expect(envelope(delivery.body), `${event}: ${JSON.stringify(envelope.errors)}`).toBe(true);
  const payload = payloadCheck.get(event)!;
  expect(payload(delivery.body.payload), `${event}: ${JSON.stringify(payload.errors)}`).toBe(true);
}

describe('deliveries', () => {
  it('the health check on subscribe has the documented body and headers', async () => {
    const { app, idle } = makeSandbox();
    const hook = await receiver();
    await ok(app, 'post_webhooks_subscribe', { body: { url: hook.url, subscriptions: ['message_created'] } });
    await idle();
    expect(hook.received).toHaveLength(1);
    const [check] = hook.received;
    expect(check!.body).toEqual({ event: 'health_check', payload: {} });
    expect(check!.url).toBe('/hook');
    expect(check!.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Callbell-Webhooks/1.0', 'x-callbell-event': 'health_check' });
    expect(check!.headers['x-callbell-delivery']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('every event the sandbox causes arrives, in order, with the documented headers and a payload valid against its schema', async () => {
    const { app, idle, hook } = await subscribed();
    const created = await ok<{ contact: { uuid: string } }>(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '4917012345678', name: 'Hook test' } });
    const uuid = created.contact.uuid;
    await ok(app, 'patch_contacts', { path: { uuid }, body: { tags: ['vip'] } });
    await ok(app, 'post_contact_conversation_close', { path: { uuid } });
    await ok(app, 'post_contact_conversation_open', { path: { uuid } });
    await ok(app, 'put_contact_conversation_update_funnel', { path: { uuid }, body: { funnel_id: 'b293dcca-941f-4ce0-9480-6589ba349021' } });
    await ok(app, 'post_contact_conversation_create_note', { path: { uuid }, body: { text: 'Internal' } });
    await ok(app, 'post_messages', { body: { to: '4917012345678', from: 'whatsapp', type: 'text', content: { text: 'Hi' }, metadata: { ref: 'A1' } } });
    await ok(app, 'put_user_status', { path: { uuid: ANNA }, body: { available: true } });
    await ok(app, 'delete_user_status', { path: { uuid: ANNA } });
    await ok(app, 'delete_contact', { path: { uuid } });
    await idle();

    expect(hook.received.map((d) => d.body.event)).toEqual([
      'contact_created',
      'conversation_opened',
      'contact_updated', // tags
      'contact_updated', // closedAt
      'conversation_closed',
      'contact_updated', // closedAt: null
      'conversation_opened',
      'contact_updated', // funnelId
      'message_created', // the note
      'message_created', // the message
      'agent_status_updated', // available
      'agent_status_updated', // custom status cleared
      'contact_deleted',
    ]);
    for (const delivery of hook.received) expectValidDelivery(delivery);
    expect(new Set(hook.received.map((d) => d.headers['x-callbell-delivery'])).size).toBe(hook.received.length);
    const [note, message] = hook.received.filter((d) => d.body.event === 'message_created').map((d) => d.body.payload);
    expect(note).toMatchObject({ status: 'note', text: 'Internal', contact: { uuid } });
    expect(message).toMatchObject({ status: 'sent', text: 'Hi', metadata: { ref: 'A1' }, contact: { uuid, tags: ['vip'] } });
    expect(hook.received.at(-1)!.body.payload).toEqual({ uuid, deleted: '2026-07-02T09:30:00Z' });
  });

  it('the documented requests cause exactly the documented example deliveries', async () => {
    // Each documented request on fresh data; the delivery must equal the spec's example for that event.
    const cases: Array<[string, string, string[]?]> = [
      ['post_contacts', 'contact_created', ['uuid', 'href', 'conversationHref']],
      ['patch_contacts', 'contact_updated'],
      ['delete_contact', 'contact_deleted'],
      ['post_contact_conversation_open', 'conversation_opened'],
      ['post_contact_conversation_close', 'conversation_closed'],
      ['put_user_status', 'agent_status_updated'],
    ];
    for (const [operationId, event, generated = []] of cases) {
      const { app, idle, hook } = await subscribed([event]);
      const { res } = await send(app, op(operationId));
      expect(res.status).toBe(200);
      await idle();
      expect(hook.received, `${operationId} -> ${event}`).toHaveLength(1);
      expectValidDelivery(hook.received[0]!);
      const actual = structuredClone(hook.received[0]!.body);
      const expected = structuredClone(documented(event));
      // New ids cannot be the documented ones (see contract.test.ts).
      for (const key of generated) actual.payload[key] = expected.payload[key];
      // The sandbox's close endpoint takes no reason, so its deliveries carry none.
      if (event === 'conversation_closed') delete expected.payload.closingReason;
      expect(actual, `${operationId} -> ${event}`).toEqual(expected);
    }
  });

  it('events the webhook is not subscribed to are not sent; a new subscribe replaces the webhook', async () => {
    const { app, idle, hook } = await subscribed(['contact_deleted']);
    await ok(app, 'post_contact_conversation_close', { path: { uuid: JOHN } });
    await idle();
    expect(hook.received).toHaveLength(0);

    const second = await receiver();
    const replaced = await ok<{ webhook: { url: string; createdAt: string; enabled: boolean } }>(app, 'post_webhooks_subscribe', {
      body: { url: second.url, subscriptions: ['conversation_opened'] },
    });
    expect(replaced.webhook).toMatchObject({ url: second.url, enabled: true, createdAt: '2022-10-18T15:01:20Z' });
    await ok(app, 'post_contact_conversation_open', { path: { uuid: JOHN } });
    await ok(app, 'delete_contact', { path: { uuid: JOHN } });
    await idle();
    expect(hook.received).toHaveLength(0);
    expect(second.received.map((d) => d.body.event)).toEqual(['health_check', 'conversation_opened']);

    expect(await ok(app, 'delete_webhooks_unsubscribe')).toEqual({ status: 'webhook was destroyed' });
    await fails(app, 'delete_webhooks_unsubscribe', {}, 404, 'not_found');
    await ok(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '123456789', name: 'After' } });
    await idle();
    expect(second.received).toHaveLength(2);
    const fresh = await ok<{ webhook: { createdAt: string } }>(app, 'post_webhooks_subscribe', { body: { url: second.url, subscriptions: ['contact_created'] } });
    expect(fresh.webhook.createdAt).toBe(new Date(SPEC_CLOCK).toISOString().replace('.000Z', 'Z'));
  });

  it('are asynchronous: the API answers before the receiver does', async () => {
    const { app, idle, hook } = await subscribed(['conversation_closed']);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    hook.answer = (res) => void held.then(() => res.end('ok'));
    const started = Date.now();
    await ok(app, 'post_contact_conversation_close', { path: { uuid: JOHN } });
    expect(Date.now() - started).toBeLessThan(1000);
    const log = await ok<Log>(app, 'get_webhooks_events', { query: { subscriptions: ['conversation_closed'] } });
    expect(log.meta.total).toBe(0); // not answered yet, so not logged yet
    release();
    await idle();
    expect(hook.received).toHaveLength(1);
  });
});

describe('the delivery log', () => {
  it('records the code (never the body or headers) and success (any 2xx), newest first, with filters', async () => {
    const { app, idle, hook } = await subscribed(['conversation_closed', 'conversation_opened', 'contact_updated']);
    const answers = [
      [200, 'application/json', '{"status":"ok"}'],
      [503, 'text/plain', 'Service Unavailable'],
      [204, undefined, ''],
      [302, 'text/plain', 'elsewhere'],
    ] as const;
    let n = 0;
    hook.answer = (res) => {
      const [code, type, body] = answers[n++ % answers.length]!;
      res.writeHead(code, { ...(type ? { 'Content-Type': type } : {}), 'X-Extra': 'Yes', ...(code === 302 ? { Location: 'http://127.0.0.1:9/' } : {}) });
      res.end(body);
    };
    await ok(app, 'post_contact_conversation_close', { path: { uuid: JOHN } }); // contact_updated, conversation_closed
    await ok(app, 'post_contact_conversation_open', { path: { uuid: JOHN } }); // contact_updated, conversation_opened
    await idle();

    const log = await ok<Log>(app, 'get_webhooks_events', { query: { items: 100 } });
    expect(log.meta).toEqual({ page: 1, pages: 1, total: 7 }); // 4 new + 3 seeded
    const newest = log.webhook_events.slice(0, 4);
    // Newest first: the last delivery made comes first (all four share the same second).
    expect(newest.map((e) => [e.event, e.response.code, e.success])).toEqual([
      ['conversation_opened', 302, false], // a redirect is not followed, and is not a 2xx
      ['contact_updated', 204, true], // any 2xx is a success
      ['conversation_closed', 503, false],
      ['contact_updated', 200, true],
    ]);
    for (const entry of newest) {
      expect(entry.createdAt).toBe('2026-07-02T09:30:00Z');
      // The spec's shape, but what the receiver said beyond its status is never kept.
      expect(entry.response.body).toBeNull();
      expect(entry.response.headers).toEqual({});
    }
    expect(JSON.stringify(newest)).not.toMatch(/Service Unavailable|elsewhere|X-Extra/i);
    const byCode = new Map(newest.map((e) => [e.response.code, e]));
    expect(byCode.get(204)!.success).toBe(true);

    const failed = await ok<Log>(app, 'get_webhooks_events', { query: { status: 'failed', items: 100 } });
    expect(failed.webhook_events.every((e) => !e.success)).toBe(true);
    expect(failed.meta.total).toBe(3); // 503, 302 and the seeded 503
    const opened = await ok<Log>(app, 'get_webhooks_events', { query: { subscriptions: ['conversation_opened', 'conversation_closed'], status: 'success' } });
    expect(opened.meta.total).toBe(0);
    const paged = await ok<Log>(app, 'get_webhooks_events', { query: { items: 2, page: 4 } });
    expect(paged).toMatchObject({ meta: { page: 4, pages: 4, total: 7 } });
    expect(paged.webhook_events).toHaveLength(1);
    await fails(app, 'get_webhooks_events', { query: { items: 101 } }, 400, 'invalid_parameter');
    await fails(app, 'get_webhooks_events', { query: { subscriptions: ['health_check'] } }, 400, 'invalid_parameter');
  });

  it('no answer within the timeout (or at all) is a failure with code and body null; the timeout is the documented 10 s', async () => {
    expect(WEBHOOK_TIMEOUT_MS).toBe(10_000);
    const sandbox = makeSandbox({ webhookTimeoutMs: 200 });
    const hook = await receiver();
    hook.answer = () => undefined; // never answers
    await ok(sandbox.app, 'post_webhooks_subscribe', { body: { url: hook.url, subscriptions: ['conversation_closed'] } });
    await ok(sandbox.app, 'post_contact_conversation_close', { path: { uuid: JOHN } });
    await sandbox.idle();
    const log = await ok<Log>(sandbox.app, 'get_webhooks_events');
    expect(log.webhook_events[0]).toMatchObject({ event: 'conversation_closed', success: false, response: { code: null, body: null, headers: {} } });

    const closedPort = makeSandbox();
    await ok(closedPort.app, 'post_webhooks_subscribe', { body: { url: 'http://127.0.0.1:9/nothing-here', subscriptions: ['conversation_closed'] } });
    await ok(closedPort.app, 'post_contact_conversation_close', { path: { uuid: JOHN } });
    await closedPort.idle();
    expect((await ok<Log>(closedPort.app, 'get_webhooks_events')).webhook_events[0]).toMatchObject({ success: false, response: { code: null } });
  });

  it('the deliver function is injectable', async () => {
    const seen: string[] = [];
    const sandbox = makeSandbox({
      webhookHosts: ['127.0.0.2'],
      deliver: async (request) => {
        seen.push(`${request.headers['X-Callbell-Event']} ${request.url} ${request.timeoutMs} ${request.lookup ? 'pinned' : 'direct'}`);
        return { status: 201 };
      },
    });
    await ok(sandbox.app, 'post_webhooks_subscribe', { body: { url: 'http://127.0.0.2:8080/x', subscriptions: ['contact_deleted'] } });
    await ok(sandbox.app, 'delete_contact', { path: { uuid: JOHN } });
    await sandbox.idle();
    expect(seen).toEqual(['health_check http://127.0.0.2:8080/x 10000 direct', 'contact_deleted http://127.0.0.2:8080/x 10000 direct']);
    expect((await ok<Log>(sandbox.app, 'get_webhooks_events')).webhook_events[0]).toMatchObject({ success: true, response: { code: 201, body: null, headers: {} } });
  });
});

describe('where the sandbox may send', () => {
  it('refuses loopback however it is written, with 400 invalid_body naming url, unless the host is listed', async () => {
    const unlisted = makeSandbox({ webhookHosts: [] });
    for (const url of ['http://127.0.0.1:1/x', 'http://127.1/x', 'http://LOCALHOST:8080/x', 'http://localhost./x', 'http://[::1]:8080/x', 'http://[::ffff:127.0.0.1]/x', 'http://user@127.0.0.1/x', 'http://0.0.0.0/x']) {
      const body = await fails(unlisted.app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['message_created'] } }, 400, 'invalid_body');
      expect(body.error.fields?.map((f) => f.name), url).toEqual(['url']);
      expect(body.error.fields?.[0]?.message, url).toMatch(/not this machine.*SANDBOX_WEBHOOK_HOSTS are exempt/);
    }
    // Listed hosts are the exception, in any spelling of the listed host.
    const listed = makeSandbox({ webhookHosts: allowedHostsFromEnv({ SANDBOX_WEBHOOK_HOSTS: '127.0.0.1,localhost,::1' }) });
    for (const url of ['http://127.0.0.1:1/x', 'http://127.1:1/x', 'http://0x7f000001:1/x', 'http://LOCALHOST:8080/x', 'http://localhost.:8080/x', 'http://[::1]:8080/x']) {
      await ok(listed.app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['message_created'] } });
    }
  });

  it('accepts what production accepts, but sends only to listed hosts', async () => {
    const sent: string[] = [];
    const { app, idle } = makeSandbox({ webhookHosts: ['hooks.example.test'], deliver: async (r) => (sent.push(r.url), { status: 200 }) });
    for (const url of ['https://example.org/hook', 'http://10.0.0.1/hook', 'http://169.254.169.254/latest', 'https://my-app.com/my-webhook-endpoint']) {
      await ok(app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['contact_deleted'] } });
    }
    await ok(app, 'post_webhooks_subscribe', { body: { url: 'https://HOOKS.example.test/in', subscriptions: ['contact_deleted'] } });
    await idle();
    expect(sent).toEqual(['https://HOOKS.example.test/in']); // the health check of the listed host only
  });

  it('reads the hosts from SANDBOX_WEBHOOK_HOSTS, normalised as URLs write them', () => {
    expect(allowedHostsFromEnv({ SANDBOX_WEBHOOK_HOSTS: ' Hooks.Example.test , ,10.1.2.3:8080,::2,127.1' })).toEqual(['hooks.example.test', '10.1.2.3', '[::2]', '127.0.0.1']);
    expect(normaliseHost('not a host')).toBeUndefined();
  });

  it("the spec's example host is accepted but never sent to: its deliveries are logged as failed, with no answer", async () => {
    const sent: string[] = [];
    const sandbox = makeSandbox({ deliver: async (r) => (sent.push(r.url), { status: 200 }) });
    // The seeded webhook already points there (it receives message_created).
    await send(sandbox.app, op('post_messages'));
    await sandbox.idle();
    expect(sent).toEqual([]);
    const log = await ok<Log>(sandbox.app, 'get_webhooks_events');
    expect(log.meta.total).toBe(4);
    expect(log.webhook_events[0]).toMatchObject({ event: 'message_created', success: false, response: { code: null, body: null, headers: {} } });
    expectValidDelivery({ url: '', headers: { 'content-type': 'application/json', 'user-agent': 'Callbell-Webhooks/1.0', 'x-callbell-event': 'message_created', 'x-callbell-delivery': '0'.repeat(32) }, body: { event: 'message_created', payload: log.webhook_events[0]!.payload } });
  });
});

beforeEach(() => {
  expect(receivers).toHaveLength(0);
});
