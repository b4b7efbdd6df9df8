/**
 * A bounded fuzz run over every route, in-process: 2000 requests from a fixed
 * seed (reproducible), starting from the documented requests and mutating
 * methods, paths, query strings, headers and bodies (missing/unknown/mistyped
 * keys, __proto__/constructor/prototype, deep nesting, non-objects, truncated
 * JSON, invalid UTF-8, wrong Content-Type, bodies over 1 MiB, long URLs).
 *
 * Every answer must be below 500; every error must be JSON of the spec's Error
 * shape with the HTTP status repeated inside; a documented success must
 * validate against its schema. Afterwards nothing is polluted and the
 * account still holds together (every list and object validates, every
 * reference resolves).
 */
import type { ValidateFunction } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../../src/lib/api/types';
import { fillPath } from '../../src/lib/request/build';
import { mulberry32 } from '../src/data/seed';
import { DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { MAX_BODY_BYTES } from '../src/body';
import { allContacts, makeSandbox, ok, ops, SPEC_CLOCK, successValidator, validateErrorBody } from './helpers';

/** Fixed, so a failure reproduces; SANDBOX_FUZZ_SEED / SANDBOX_FUZZ_REQUESTS explore further by hand. */
const SEED = Number(process.env.SANDBOX_FUZZ_SEED ?? 0x0f022026);
const REQUESTS = Number(process.env.SANDBOX_FUZZ_REQUESTS ?? 2000);

const r = mulberry32(SEED);
const chance = (p: number) => r() < p;
const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** Ids that exist in the seed (taken from the documented requests), well-formed unknown ids, and junk. */
const KNOWN_IDS = [...new Set(ops.flatMap((o) => [o.exampleRequest, ...o.examples.map((e) => e.request)].flatMap((req) => Object.values(req.path ?? {}))))];
const WELL_FORMED_UNKNOWN = ['0'.repeat(32), 'f'.repeat(32), '00000000-0000-4000-8000-000000000000', '123456789012', 'bsuid_nobody'];
const JUNK = ['', ' ', 'x', '-1', '0', '😀', '%00', '..', '%2e%2e', '%2F', 'a/b', "' OR 1=1 --", '<script>alert(1)</script>', '__proto__', 'constructor', 'A'.repeat(300), '%', '%zz', '\u0000', '1e3', 'null', 'undefined', '{"a":1}'];
const HUGE_STRING = 'z'.repeat(20_000);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'FOO', 'patch', 'get'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  '',
  ';;;',
  'APPLICATION/JSON',
  undefined,
];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

function randomJson(depth = 0): unknown {
  switch (int(0, depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return chance(0.5);
    case 2:
      return pick([0, -1, 1.5, 1e308, -0, 2 ** 53, 42]);
    case 3:
      return pick(['', 'x', '😀', 'whatsapp', 'bot_start', '2026-02-30', 'a@b.c', '123456789', '\u0000', HUGE_STRING]);
    case 4:
      return pick(KNOWN_IDS);
    case 5:
      return pick(JUNK);
    case 6:
      return Array.from({ length: int(0, 3) }, () => randomJson(depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = int(0, 3); i > 0; i--) out[pick(['a', 'name', 'text', 'url', pick(FORBIDDEN), 'status'])] = randomJson(depth + 1);
      return out;
    }
  }
}

function deepNest(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** A mutated copy of a JSON body. */
function mutateBody(base: unknown): unknown {
  let body: unknown = structuredClone(base ?? {});
  for (let n = int(1, 3); n > 0; n--) {
    const target = body as Record<string, unknown>;
    const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    const keys = isObject ? Object.keys(target) : [];
    switch (int(0, 7)) {
      case 0:
        if (keys.length) delete target[pick(keys)];
        break;
      case 1:
        if (isObject) target[pick(['unknown', 'extra_key', 'Name', ' name'])] = randomJson();
        break;
      case 2:
        if (keys.length) target[pick(keys)] = randomJson();
        break;
      case 3:
        if (isObject) {
          // JSON.parse creates own "__proto__" keys; that is what a client can send.
          body = JSON.parse(JSON.stringify(target).replace(/^\{/, `{"${pick(FORBIDDEN)}": {"polluted": true},`).replace(/,}$/, '}'));
        }
        break;
      case 4:
        if (keys.length) {
          const key = pick(keys);
          const inner = target[key];
          if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
            (inner as Record<string, unknown>)[pick([...FORBIDDEN, 'toString', 'hasOwnProperty'])] = { polluted: true };
          }
        }
        break;
      case 5:
        body = randomJson();
        break;
      case 6:
        if (keys.length) target[pick(keys)] = HUGE_STRING;
        break;
      default:
        if (isObject) target.metadata = Object.fromEntries(Array.from({ length: int(0, 12) }, (_, i) => [`k${i}`, pick(['v', 5, null])]));
    }
  }
  return body;
}

/** Turns a body into bytes, sometimes broken on purpose. */
function encodeBody(value: unknown): Uint8Array<ArrayBuffer> | string {
  const text = JSON.stringify(value) ?? 'undefined';
  switch (int(0, 19)) {
    case 0:
      return text.slice(0, int(0, text.length - 1));
    case 1: {
      const bytes = new TextEncoder().encode(text);
      const out = new Uint8Array(bytes.length + 2);
      out.set(bytes.slice(0, 1));
      out.set([0xc3, 0x28], 1);
      out.set(bytes.slice(1), 3);
      return out.slice(0, bytes.length + 2);
    }
    case 2:
      return `\ufeff${text}`;
    case 3:
      return '';
    case 4:
      return `{"name": ${deepNest(int(10, 50_000))}}`;
    case 5:
      return chance(0.3) ? `{"name": "${'a'.repeat(MAX_BODY_BYTES)}"}` : `${text}${' '.repeat(int(0, 1000))}`;
    default:
      return text;
  }
}

function documentedBody(op: OperationModel): unknown {
  const bodies = [op.body?.example, ...op.examples.map((e) => (e.request.body ? JSON.parse(e.request.body) : undefined))].filter((b) => b !== undefined);
  return bodies.length ? structuredClone(pick(bodies)) : undefined;
}

function pathFor(op: OperationModel): { path: string; validIds: boolean } {
  const params = op.params.filter((p) => p.in === 'path');
  const documented = op.examples[0]?.request.path ?? op.exampleRequest.path ?? {};
  let validIds = true;
  const values: Record<string, string> = {};
  for (const param of params) {
    const roll = r();
    if (roll < 0.6) values[param.name] = documented[param.name] ?? pick(KNOWN_IDS);
    else if (roll < 0.75) values[param.name] = pick(KNOWN_IDS);
    else if (roll < 0.85) values[param.name] = pick(WELL_FORMED_UNKNOWN);
    else {
      values[param.name] = pick(JUNK);
      validIds = false;
    }
  }
  let path = fillPath(op.path, values);
  if (chance(0.03)) {
    // raw, unencoded junk straight into the path
    path = op.path.replace(/\{[^}]+\}/g, () => pick(JUNK));
    validIds = false;
  }
  return { path: `/v1${path}`, validIds };
}

function queryFor(op: OperationModel): string {
  const pairs: Array<[string, string]> = [];
  const documented = op.examples.length ? pick(op.examples).request.query ?? {} : {};
  for (const [k, v] of Object.entries(documented)) if (chance(0.8)) pairs.push([k, Array.isArray(v) ? v.join(',') : String(v)]);
  for (let n = chance(0.5) ? int(1, 4) : 0; n > 0; n--) {
    const declared = op.params.filter((p) => p.in === 'query').map((p) => p.name);
    const name = chance(0.6) && declared.length ? pick(declared) : pick(['foo', '__proto__', 'constructor', 'page', 'items', 'a[b]', '']);
    const value = pick(['-1', '0', '1', '2', '1.5', '1e3', 'abc', 'true', 'yes', '', ',', 'sales,,lead', 'whatsapp', 'failed', '101', '99999999999999999999', HUGE_STRING.slice(0, int(1, 2000))]);
    pairs.push([name, value]);
  }
  if (chance(0.01)) pairs.push(['long', 'q'.repeat(100_000)]);
  const text = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${chance(0.9) ? encodeURIComponent(v) : v}`).join('&');
  return text ? `?${text}` : '';
}

interface Stats {
  byClass: Record<string, number>;
  byOp: Map<string, Set<number>>;
  skipped: number;
}

describe('fuzz', () => {
  it(`${REQUESTS} mutated requests over every route: never a 5xx, always the Error shape, state stays sane`, async () => {
    const started = Date.now();
    let time = SPEC_CLOCK;
    let deliveries = 0;
    const reported: unknown[] = [];
    const sandbox = makeSandbox({
      now: () => (time += 3),
      reportError: (err) => reported.push(err),
      deliver: async () => {
        deliveries++;
        return { status: 200 };
      },
    });
    const { app } = sandbox;
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const stats: Stats = { byClass: {}, byOp: new Map(), skipped: 0 };
    const extraPaths = ['/health', '/v1', '/v1/', '/v1/unknown', '/v1/sandbox/reset', '/v2/contacts', '/', '/v1/contacts/', '//v1//contacts', '/v1/%'];

    for (let i = 0; i < REQUESTS; i++) {
      const op = pick(ops);
      const documented = chance(0.2);
      let method: string = chance(0.9) ? op.method : pick(METHODS);
      let { path: url, validIds } = documented ? { path: `/v1${fillPath(op.path, op.exampleRequest.path)}`, validIds: true } : pathFor(op);
      if (!documented && chance(0.03)) {
        url = pick(extraPaths);
        validIds = false;
        if (url === '/v1/sandbox/reset') method = 'POST';
      }
      url += documented ? '' : queryFor(op);

      const headers: Record<string, string> = {};
      const auth = r();
      if (auth < 0.9) headers.Authorization = `Bearer ${chance(0.8) ? DOCS_DEMO_API_KEY : SECOND_DEMO_API_KEY}`;
      else if (auth < 0.95) headers.Authorization = pick(['', 'Bearer', 'Basic abc', `Bearer ${DOCS_DEMO_API_KEY}x`, `bearer   ${DOCS_DEMO_API_KEY}`]);
      if (chance(0.05)) headers.Origin = pick(['http://localhost:3000', 'https://evil.example', 'null']);
      if (chance(0.05)) headers.Accept = pick(['text/html', '*/*', 'application/xml']);

      let body: Uint8Array<ArrayBuffer> | string | undefined;
      const canHaveBody = !['GET', 'HEAD', 'get'].includes(method);
      if (canHaveBody && (op.body || chance(0.1))) {
        const base = documentedBody(op);
        body = documented ? JSON.stringify(base ?? {}) : encodeBody(chance(0.2) ? base : mutateBody(base));
        const type = documented ? 'application/json' : chance(0.8) ? 'application/json' : pick(CONTENT_TYPES);
        if (type !== undefined) headers['Content-Type'] = type;
        if (!documented && chance(0.03)) headers['Content-Length'] = pick(['0', '5', String(MAX_BODY_BYTES + 1), 'abc', '-1', '99999999999']);
      }

      let request: Request;
      try {
        request = new Request(`http://sandbox.test${url}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      } catch {
        stats.skipped++; // a request the fetch API itself refuses to build (forbidden method, bad header): nothing to send
        continue;
      }
      const res = await app.request(request);
      const text = await res.text();
      const label = `#${i} ${method} ${url.slice(0, 200)} -> ${res.status}: ${text.slice(0, 300)}`;

      expect(res.status, label).toBeLessThan(500);
      stats.byClass[`${Math.floor(res.status / 100)}xx`] = (stats.byClass[`${Math.floor(res.status / 100)}xx`] ?? 0) + 1;
      if (!stats.byOp.has(op.request)) stats.byOp.set(op.request, new Set());
      stats.byOp.get(op.request)!.add(res.status);

      if (res.status >= 400 && method !== 'HEAD') {
        expect(res.headers.get('Content-Type'), label).toBe('application/json; charset=utf-8');
        const error = JSON.parse(text) as { error: { status: number } };
        expect(validateErrorBody(error), `${label} ${JSON.stringify(validateErrorBody.errors)}`).toBe(true);
        expect(error.error.status, label).toBe(res.status);
      }
      if (res.status === op.successStatus && method === op.method && validIds && url.startsWith('/v1/') && !url.startsWith('/v1/sandbox')) {
        if (op.successStatus === 204) expect(text, label).toBe('');
        else {
          const check: ValidateFunction = successValidator(op);
          expect(check(JSON.parse(text)), `${label} ${JSON.stringify(check.errors)}`).toBe(true);
        }
      }
    }
    await sandbox.idle();
    if (process.env.SANDBOX_FUZZ_STATS) console.log(JSON.stringify({ ...stats, byOp: Object.fromEntries([...stats.byOp].map(([k, v]) => [k, [...v].sort()])) }));

    // No pollution, anywhere.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(reported).toEqual([]);

    // The fuzz did reach every operation, with both successes and refusals.
    expect(stats.byOp.size).toBe(ops.length);
    expect(stats.byClass['2xx'] ?? 0).toBeGreaterThan(REQUESTS * 0.1);
    expect(stats.byClass['4xx'] ?? 0).toBeGreaterThan(REQUESTS * 0.3);
    expect(stats.skipped).toBeLessThan(REQUESTS * 0.05);
    expect(deliveries).toBeGreaterThanOrEqual(0);

    // The state still holds together, for both keys.
    for (const key of [DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY]) {
      const account = await sandbox.store.read(key);
      const contactIds = new Set(account.contacts.map((c) => c.uuid));
      expect(contactIds.size).toBe(account.contacts.length);
      expect(account.messages.every((m) => contactIds.has(m.contactUuid))).toBe(true);
      expect(new Set(account.messages.map((m) => m.uuid)).size).toBe(account.messages.length);
      expect(account.contacts.every((c) => !c.teamUuid || account.teams.some((t) => t.uuid === c.teamUuid))).toBe(true);
      expect(account.users.every((u) => !u.customStatus || account.customStatuses.some((s) => s.id === u.customStatus!.id))).toBe(true);
      expect(account.contacts.every((c) => Object.getPrototypeOf(c.customFields) === Object.prototype)).toBe(true);
      for (const o of ops.filter((x) => x.method === 'GET' && !x.params.some((p) => p.in === 'path'))) await ok(app, o.request, {}, key);
      const contacts = await allContacts(app);
      for (const c of contacts.slice(0, 10)) await ok(app, 'get_contact', { path: { uuid: c.uuid } });
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
