/**
 * Checking stays linear and answers stay small, whatever a body holds (up to
 * the 1 MiB limit): a 400 names at most MAX_ERROR_FIELDS problems and its
 * message says how many more there are, in the spec's Error shape. The
 * 64k-unknown-tags body (which once blocked the server for 17 s and answered
 * 8.7 MB) and other full-size bodies are sent concurrently to a real server
 * on a loopback port while GET /health is asked again and again: every
 * request is answered, and bounded. The vitest timeout is the only clock.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/body';
import { MAX_ERROR_FIELDS, MAX_FIELD_TEXT } from '../src/errors';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { Problems } from '../src/rules';
import { expectError, makeSandbox, type ErrorJson } from './helpers';

/** The largest JSON document `prefix item,item,... suffix` that fits in `limit` bytes (ASCII items). */
function fill(prefix: string, item: (i: number) => string, suffix: string, limit = MAX_BODY_BYTES): { body: string; items: number } {
  const parts: string[] = [];
  let size = prefix.length + suffix.length;
  for (let i = 0; ; i++) {
    const next = item(i);
    const cost = next.length + (i > 0 ? 1 : 0);
    if (size + cost > limit) return { body: prefix + parts.join(',') + suffix, items: i };
    parts.push(next);
    size += cost;
  }
}

const CONTACT = '{"source":"whatsapp","identifier":"4915112345678","name":"Load test",';

/** 64k unknown tags: the body of the report (about 0.6 MB). */
const TAGS_64K = { body: `${CONTACT}"tags":[${Array.from({ length: 65_536 }, (_, i) => `"t${i}"`).join(',')}]}`, items: 65_536 };

interface BigCase {
  name: string;
  path: string;
  body: string;
  /** How many problems the body holds (each one a distinct field). */
  problems: number;
}

function bigCases(): BigCase[] {
  const unknownTags = fill(`${CONTACT}"tags":[`, (i) => `"t${i}"`, ']}');
  const numberTags = fill(`${CONTACT}"tags":[`, () => '1', ']}');
  const badFields = fill(`${CONTACT}"custom_fields":{`, (i) => `"f${i}":1`, '}}');
  const unknownFields = fill(`${CONTACT}"custom_fields":{`, (i) => `"f${i}":"x"`, '}}');
  const unknownKeys = fill('{"source":"whatsapp","identifier":"4915112345678","name":"x",', (i) => `"k${i}":1`, '}');
  const values = fill('{"to":"4915112345678","from":"whatsapp","type":"text","content":{"text":"x"},"template_values":[', () => '1', ']}');
  return [
    { name: '64k unknown tags', path: '/v1/contacts', body: TAGS_64K.body, problems: TAGS_64K.items },
    { name: '1 MiB of unknown tags', path: '/v1/contacts', body: unknownTags.body, problems: unknownTags.items },
    { name: '1 MiB of mistyped tags', path: '/v1/contacts', body: numberTags.body, problems: numberTags.items },
    { name: '1 MiB of mistyped custom fields', path: '/v1/contacts', body: badFields.body, problems: badFields.items },
    { name: '1 MiB of unknown custom fields', path: '/v1/contacts', body: unknownFields.body, problems: unknownFields.items },
    { name: '1 MiB of unknown keys', path: '/v1/contacts', body: unknownKeys.body, problems: unknownKeys.items },
    { name: '1 MiB of mistyped template values', path: '/v1/messages/send', body: values.body, problems: values.items },
  ];
}

/** Answers are this small at most, whatever the body (100 fields of at most 300 + 300 characters, written twice). */
const MAX_ANSWER_BYTES = 256 * 1024;

function expectBounded(error: ErrorJson, problems: number): void {
  const fields = error.error.fields ?? [];
  expect(fields).toHaveLength(MAX_ERROR_FIELDS);
  expect(new Set(fields.map((f) => f.name)).size).toBe(MAX_ERROR_FIELDS);
  expect(error.error.message).toContain(`(and ${problems - MAX_ERROR_FIELDS} more problems, not listed).`);
}

describe('Problems', () => {
  it('keeps the first message of each field, in the order found, without scanning earlier ones', () => {
    const problems = new Problems();
    problems.add('a', 'first');
    problems.add('b', 'second');
    problems.add('a', 'again');
    expect(problems.fields).toEqual([
      { name: 'a', in: 'body', message: 'first' },
      { name: 'b', in: 'body', message: 'second' },
    ]);
    // 200k distinct problems: with a scan per add this is 2e10 comparisons; linear, it is 200k map operations.
    const many = new Problems();
    for (let i = 0; i < 200_000; i++) many.add(`tags[${i}]`, 'is not a tag');
    expect(many.fields).toHaveLength(200_000);
  });
});

describe('error answers are bounded', () => {
  it('the 64k-unknown-tags body: 100 problems named, the message counts the rest, the spec Error shape', async () => {
    const { app } = makeSandbox();
    const res = await app.request('/v1/contacts', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}`, 'Content-Type': 'application/json' },
      body: TAGS_64K.body,
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(MAX_ANSWER_BYTES);
    const error = expectError(res, JSON.parse(text), 400, 'invalid_body');
    expectBounded(error, TAGS_64K.items);
    expect(error.error.fields?.[0]).toEqual({ name: 'tags[0]', in: 'body', message: 'is not a tag of the account ("t0")' });
    expect(error.error.message.startsWith('Invalid body: "tags[0]" is not a tag of the account ("t0"); "tags[1]"')).toBe(true);
  });

  it('names and messages are clipped, so a few huge names cannot make the answer large', async () => {
    const { app } = makeSandbox();
    const long = 'x'.repeat(200_000);
    const body = JSON.stringify({ source: 'whatsapp', identifier: '4915112345678', name: 'x', tags: [long, `${long}y`], custom_fields: { [long]: 'a' } });
    const res = await app.request('/v1/contacts', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}`, 'Content-Type': 'application/json' },
      body,
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(8 * MAX_FIELD_TEXT * 3);
    const error = expectError(res, JSON.parse(text), 400, 'invalid_body');
    expect(error.error.fields).toHaveLength(3);
    for (const field of error.error.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(MAX_FIELD_TEXT);
      expect(field.message.length).toBeLessThanOrEqual(MAX_FIELD_TEXT);
    }
    expect(error.error.fields?.[0]?.message.endsWith('…')).toBe(true);
  });
});

describe('a real server stays responsive under full-size hostile bodies', () => {
  let server: ServerType;
  let base = '';

  beforeAll(async () => {
    const { app } = makeSandbox({ rateLimit: { limit: 10_000, windowMs: 1000 } });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers every body (bounded) and /health throughout, with requests in flight together', async () => {
    const cases = bigCases();
    for (const c of cases) expect(Buffer.byteLength(c.body), c.name).toBeLessThanOrEqual(MAX_BODY_BYTES);
    let posts = 0;
    let healthy = 0;
    let healthWhileBusy = 0;
    const big = cases.map(async (c) => {
      const res = await fetch(`${base}${c.path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}`, 'Content-Type': 'application/json' },
        body: c.body,
      });
      const text = await res.text();
      posts += 1;
      expect(text.length, c.name).toBeLessThan(MAX_ANSWER_BYTES);
      const error = expectError(res, JSON.parse(text), 400, 'invalid_body');
      expectBounded(error, c.problems);
      return c.name;
    });
    // Health checks keep coming while the big requests are in flight (bounded: 200 at most).
    const health = (async () => {
      for (let i = 0; i < 200 && posts < cases.length; i++) {
        const res = await fetch(`${base}/health`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ status: 'ok' });
        healthy += 1;
        if (posts < cases.length) healthWhileBusy += 1;
      }
    })();
    expect(await Promise.all(big)).toEqual(cases.map((c) => c.name));
    await health;
    expect(healthy).toBeGreaterThan(0);
    expect(healthWhileBusy).toBeGreaterThan(0);
  }, 60_000);
});
