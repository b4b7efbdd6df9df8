/**
 * Every status and `error.code` the sandbox can return for an operation is
 * in that operation's spec responses, and every error status the spec
 * documents for it (except 500, which no request to a correct sandbox can
 * cause) is one the sandbox really returns.
 *
 * For each of the 40 operations the cases below drive every way to an error
 * that sandbox/src has, in the order the pipeline checks them:
 *   - app.ts: a URL over MAX_URL_LENGTH (400 invalid_parameter), another
 *     method on the operation's path (405 method_not_allowed);
 *   - middleware: no key, another scheme, an unknown key (401 unauthorized),
 *     a minted key past its idle time (401 key_expired), the rate limit (429
 *     rate_limited), an announced Content-Length over 1 MiB (413
 *     payload_too_large);
 *   - the store: Redis that does not answer (503 service_unavailable, for
 *     every operation: the rate limit and the accounts live there);
 *   - public mode: the demo key on a write (403 read_only_key; reads answer
 *     as usual);
 *   - validate.ts: a malformed value of each path and query parameter (400
 *     invalid_parameter);
 *   - body.ts: more than 1 MiB actually sent (413), an empty body, another
 *     Content-Type, bytes that are not UTF-8, text that is not JSON, a
 *     forbidden key, a key the schema does not know (400 invalid_body);
 *   - the handlers: a well-formed id that names nothing (404 not_found), the
 *     state-dependent 404 (unsubscribing twice), and the rule checks made
 *     after the schema (400 invalid_body: references the account lacks).
 * What each case gets is recorded per operation and compared with the
 * (status, code) pairs of the spec: a response's single `example`, or its
 * named `examples` (one per code).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { deref } from '../../src/lib/api/model';
import { isObject } from '../../src/lib/isObject';
import type { HttpMethod, OperationModel, Schema } from '../../src/lib/api/types';
import { MAX_URL_LENGTH } from '../src/app';
import { MAX_BODY_BYTES } from '../src/body';
import { bearer, doc, makeSandbox, mintKey, ops, SPEC_CLOCK, validateErrorBody, type ErrorJson } from './helpers';

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ajv = new Ajv2020({ strict: false });

type Raw = Record<string, unknown>;

/** `400 invalid_body`, `405 method_not_allowed`, ...: what the spec documents for an operation. */
function documentedPairs(operation: OperationModel): Set<string> {
  const raw = (doc.paths[operation.path] as Raw)[operation.method.toLowerCase()] as Raw;
  const pairs = new Set<string>();
  for (const [status, value] of Object.entries(raw.responses as Raw)) {
    if (/^2\d\d$/.test(status)) continue;
    const response = deref(doc, value) as Raw;
    const media = isObject(response.content) ? (response.content['application/json'] as Raw | undefined) : undefined;
    const examples = isObject(media?.examples) ? Object.values(media.examples).map((e) => (e as Raw).value) : [media?.example];
    for (const example of examples) pairs.add(`${status} ${(example as ErrorJson | undefined)?.error.code ?? '(no code)'}`);
  }
  return pairs;
}

/** One request of a case: method, URL under /v1, headers, body. */
interface Probe {
  why: string;
  method?: string;
  path?: Record<string, string>;
  query?: string;
  headers?: Record<string, string>;
  body?: string | ArrayBuffer;
  /** Leave out the Authorization header. */
  noKey?: boolean;
}

function url(operation: OperationModel, path: Record<string, string> = {}, query = ''): string {
  const filled = operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(path[name] ?? ''));
  return `/v1${filled}${query ? `?${query}` : ''}`;
}

/** A value of the parameter's own form that names nothing in the seed: the documented one with every hex digit made 0. */
function unknownValue(example: string, schema: Schema): string {
  const value = example.replace(/[0-9a-f]/g, '0');
  expect(ajv.validate(schema, value), `${value} must still be well-formed`).toBe(true);
  return value;
}

/** A query value the parameter's schema refuses. */
function malformedQuery(schema: Schema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer') return 'x';
  if (type === 'boolean') return 'maybe';
  if (type === 'array') return 'a,,b';
  return 'not-a-value';
}

/** A path value the parameter's schema refuses. */
function malformedPath(schema: Schema): string {
  const value = ['not-an-id', 'x'.repeat(200)].find((candidate) => !ajv.validate(schema, candidate));
  if (value === undefined) throw new Error(`no malformed value for ${JSON.stringify(schema)}`);
  return value;
}

/** Bodies the handlers refuse after the schema: references the account lacks, rules in words. */
const RULE_BREAKERS: Record<string, unknown> = {
  post_contacts: { source: 'whatsapp', identifier: '123456789', name: 'Zoë', tags: ['no-such-tag'] },
  patch_contacts: { custom_fields: { noSuchField: 'x' } },
  post_messages: { to: '+31612345678', from: 'whatsapp', type: 'text', content: { text: 'Hi' }, template_uuid: '0'.repeat(32), optin_contact: true },
  put_contact_conversation_update_funnel: { funnel_id: '00000000-0000-0000-0000-000000000000' },
  put_user_status: { custom_status_uuid: '00000000-0000-0000-0000-000000000000' },
  post_webhooks_subscribe: { url: 'http://10.1.2.3/hook', subscriptions: ['message_created'] },
};

function probes(operation: OperationModel): Probe[] {
  const example = operation.exampleRequest;
  const path = example.path ?? {};
  const list: Probe[] = [
    { why: 'no Authorization header', path, noKey: true },
    { why: 'another scheme', path, headers: { Authorization: 'Basic dXNlcjpwYXNz' } },
    { why: 'an unknown key', path, headers: { Authorization: 'Bearer test_notAKeyOfTheSandbox000' } },
    { why: 'a URL over the limit', path, query: `pad=${'a'.repeat(MAX_URL_LENGTH)}` },
    { why: 'an announced body over 1 MiB', path, headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) } },
  ];
  for (const param of operation.params) {
    if (param.in === 'path') {
      list.push({ why: `malformed path ${param.name}`, path: { ...path, [param.name]: malformedPath(param.schema) } });
      const unknown = { ...path, [param.name]: unknownValue(path[param.name]!, param.schema) };
      list.push({ why: `unknown ${param.name}`, path: unknown, headers: { 'Content-Type': 'application/json' }, body: example.body });
    } else if (param.in === 'query') {
      list.push({ why: `malformed query ${param.name}`, path, query: `${param.name}=${encodeURIComponent(malformedQuery(param.schema))}` });
    }
  }
  if (operation.body) {
    const json = { 'Content-Type': 'application/json' };
    list.push(
      { why: 'more than 1 MiB sent', path, headers: json, body: `{"pad": "${'a'.repeat(MAX_BODY_BYTES)}"}` },
      { why: 'an empty body', path, headers: json, body: '' },
      { why: 'another Content-Type', path, headers: { 'Content-Type': 'text/plain' }, body: example.body ?? '{}' },
      { why: 'bytes that are not UTF-8', path, headers: json, body: new Uint8Array([0x7b, 0xff, 0x7d]).buffer },
      { why: 'text that is not JSON', path, headers: json, body: '{' },
      { why: 'a forbidden key', path, headers: json, body: '{"__proto__": {"x": 1}}' },
      { why: 'an unknown key', path, headers: json, body: '{"no_such_key": 1}' },
    );
    const breaker = RULE_BREAKERS[operation.request];
    if (breaker !== undefined) list.push({ why: 'a rule after the schema', path, headers: json, body: JSON.stringify(breaker) });
  }
  return list;
}

/** Sends a probe to a fresh sandbox (or the given one) and returns `status code` of its answer. */
async function answer(operation: OperationModel, probe: Probe, app = makeSandbox().app): Promise<string> {
  const headers: Record<string, string> = { ...(probe.noKey ? {} : bearer()), ...probe.headers };
  const body = probe.body === undefined || probe.body === '' ? undefined : probe.body;
  const res = await app.request(url(operation, probe.path, probe.query), { method: probe.method ?? operation.method, headers, body });
  const text = await res.text();
  if (res.status < 400) return `${res.status}`;
  const json = JSON.parse(text) as ErrorJson;
  expect(validateErrorBody(json), `${probe.why}: ${text.slice(0, 300)}`).toBe(true);
  expect(json.error.status).toBe(res.status);
  return `${res.status} ${json.error.code}`;
}

/** The other methods of an operation's path: each one answers 405 for it. */
function otherMethods(operation: OperationModel): HttpMethod[] {
  const taken = ops.filter((o) => o.path === operation.path).map((o) => o.method);
  return METHODS.filter((m) => !taken.includes(m));
}

/** A loopback port where nothing listens: a Redis that is down. */
let closedPort = 0;
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

describe('every status and error.code the sandbox returns for an operation is documented for it', () => {
  it('covers the 40 operations', () => {
    expect(ops).toHaveLength(40);
  });

  for (const operation of ops) {
    it(`${operation.request} (${operation.method} ${operation.path})`, async () => {
      const seen = new Map<string, string[]>();
      const record = (pair: string, why: string) => seen.set(pair, [...(seen.get(pair) ?? []), why]);

      for (const probe of probes(operation)) record(await answer(operation, probe), probe.why);
      for (const method of otherMethods(operation)) {
        record(await answer(operation, { why: `${method} on the path`, method, path: operation.exampleRequest.path }), `${method} on the path`);
      }
      const limited = makeSandbox({ rateLimit: { limit: 0, windowMs: 1000 } }).app;
      record(await answer(operation, { why: 'over the rate limit', path: operation.exampleRequest.path }, limited), 'over the rate limit');

      const example = operation.exampleRequest;
      const documentedRequest = { path: example.path, headers: { 'Content-Type': 'application/json' }, body: example.body };
      // A minted key that was not used for longer than its idle time.
      let time = SPEC_CLOCK;
      const expiring = makeSandbox({ now: () => time, keyPolicy: { idleMs: 60_000 } });
      const minted = await mintKey(expiring.app);
      time += 61_000;
      const expired: Probe = { why: 'an expired minted key', ...documentedRequest, headers: { ...documentedRequest.headers, ...bearer(minted) } };
      record(await answer(operation, expired, expiring.app), expired.why);
      // The demo key on a public sandbox: writes are refused, reads answer.
      const onPublic: Probe = { why: 'the demo key on a public sandbox', ...documentedRequest };
      record(await answer(operation, onPublic, makeSandbox({ publicMode: true }).app), onPublic.why);
      // The store does not answer: Redis on a port where nothing listens.
      const down = makeSandbox({ store: { kind: 'redis', url: `redis://127.0.0.1:${closedPort}`, timeoutMs: 200 }, reportStore: () => {} });
      try {
        record(await answer(operation, { why: 'the store is down', ...documentedRequest }, down.app), 'the store is down');
      } finally {
        await down.close();
      }
      if (operation.request === 'delete_webhooks_unsubscribe') {
        const { app } = makeSandbox();
        const once: Probe = { why: 'unsubscribing twice' };
        expect(await answer(operation, once, app)).toBe(String(operation.successStatus));
        record(await answer(operation, once, app), once.why);
      }

      // 500 is documented for every operation, but no request may cause one.
      expect([...seen.keys()].filter((pair) => pair.startsWith('500 ')).map((pair) => `${pair} (${seen.get(pair)!.join(', ')})`)).toEqual([]);
      const errors = [...seen.keys()].filter((pair) => !/^[23]\d\d$/.test(pair));
      const documented = documentedPairs(operation);
      const undocumented = errors.filter((pair) => !documented.has(pair)).map((pair) => `${pair} (${seen.get(pair)!.join(', ')})`);
      expect(undocumented, 'returned by the sandbox, missing from the spec').toEqual([]);
      const neverReturned = [...documented].filter((pair) => !pair.startsWith('500 ') && !seen.has(pair));
      expect(neverReturned, 'documented, never returned by the sandbox').toEqual([]);
      // Nothing but documented errors and the operation's own success.
      expect([...seen.keys()].filter((pair) => /^[23]\d\d$/.test(pair)).every((pair) => pair === String(operation.successStatus))).toBe(true);
    }, 30_000);
  }
});
