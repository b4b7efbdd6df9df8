/**
 * JSON request bodies against the spec: parse errors, schema errors (missing,
 * unknown and mistyped keys), Content-Type, UTF-8, the 1 MiB limit, forbidden
 * keys, long URLs. Every answer is the Error shape; nothing is a 5xx.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/body';
import { bearer, documentedErrorExample, expectError, makeSandbox, ok, type ErrorJson } from './helpers';

const TEAM = '/v1/teams/fe5c8cabb543d51de6b1f67cb8ca665f';
const JSON_HEADERS = { ...bearer(), 'Content-Type': 'application/json' };

async function raw(url: string, init: RequestInit): Promise<{ res: Response; body: ErrorJson }> {
  const res = await makeSandbox().app.request(url, init);
  const text = await res.text();
  return { res, body: JSON.parse(text) as ErrorJson };
}

async function invalidBody(url: string, method: string, body: BodyInit, headers: Record<string, string> = JSON_HEADERS): Promise<ErrorJson> {
  const { res, body: answer } = await raw(url, { method, body, headers });
  return expectError(res, answer, 400, 'invalid_body');
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('schema errors name every offending key', () => {
  it('answers the documented InvalidBody example for an empty name', async () => {
    const body = await invalidBody('/v1/contacts', 'POST', JSON.stringify({ source: 'whatsapp', identifier: '123456789', name: '' }));
    expect(body).toEqual(documentedErrorExample('InvalidBody', 'invalid_body'));
  });

  it('missing, unknown and mistyped keys together, each with what the schema expects', async () => {
    const body = await invalidBody(
      '/v1/contacts',
      'POST',
      JSON.stringify({ identifier: 5, source: 'sms', tags: 'sales,lead', custom_fields: { Plan: 3 }, nickname: 'x', team_uuid: 'ABC' }),
    );
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { name: 'name', in: 'body', message: 'is required' },
        { name: 'nickname', in: 'body', message: 'is not a known key' },
        { name: 'identifier', in: 'body', message: 'must be a non-empty string' },
        { name: 'source', in: 'body', message: 'must be one of: whatsapp, facebook, instagram, telegram' },
        { name: 'tags', in: 'body', message: 'must be an array (each a non-empty string)' },
        { name: 'custom_fields.Plan', in: 'body', message: 'must be a string or an array (each a string)' },
        { name: 'team_uuid', in: 'body', message: 'must be a uuid of 32 lowercase hexadecimal digits' },
      ]),
    );
    expect(body.error.fields).toHaveLength(7);
    expect(body.error.message).toMatch(/^Invalid body: "/);
    for (const f of body.error.fields ?? []) expect(body.error.message).toContain(`"${f.name}" ${f.message}`);
  });

  it('nested keys and array items are named by path', async () => {
    const body = await invalidBody(
      '/v1/messages/send',
      'POST',
      JSON.stringify({ to: '1', from: 'whatsapp', type: 'text', content: { text: '', extra: 1 }, template_values: [1], metadata: { a: 5 } }),
    );
    expect(body.error.fields?.map((f) => f.name).sort()).toEqual(['content.extra', 'content.text', 'metadata.a', 'template_values[0]']);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"name"'],
    ['a number', '42'],
  ])('a JSON document that is %s is refused as a whole', async (_label, text) => {
    const body = await invalidBody(TEAM, 'PATCH', text);
    expect(body.error.fields).toEqual([{ name: 'body', in: 'body', message: 'must be an object with at least 1 key' }]);
  });

  it('an empty object where at least one key is needed', async () => {
    const body = await invalidBody(TEAM, 'PATCH', '{}');
    expect(body.error.fields).toEqual([{ name: 'body', in: 'body', message: 'must be an object with at least 1 key' }]);
  });
});

describe('what is not JSON', () => {
  it.each(['{', '{"name": "x",}', "{'name': 'x'}", 'name=x', '{"name": "x"} trailing', '\u0000'])('malformed JSON %j', async (text) => {
    const body = await invalidBody(TEAM, 'PATCH', text);
    expect(body.error.fields).toHaveLength(1);
    expect(body.error.fields![0]).toMatchObject({ name: 'body', in: 'body', message: expect.stringMatching(/^must be valid JSON/) });
  });

  it('invalid UTF-8 is 400', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]); // {"name":"\xc3("}
    const body = await invalidBody(TEAM, 'PATCH', bytes);
    expect(body.error.fields).toEqual([{ name: 'body', in: 'body', message: 'must be UTF-8 encoded' }]);
  });

  it('one byte order mark is fine, two are not JSON', async () => {
    const body = await invalidBody(TEAM, 'PATCH', '\ufeff\ufeff{"name": "x"}');
    expect(body.error.fields![0]).toMatchObject({ name: 'body', message: expect.stringMatching(/^must be valid JSON/) });
  });

  it('UTF-8 with non-ASCII text and a byte order mark is fine', async () => {
    const { app } = makeSandbox();
    const res = await app.request(TEAM, { method: 'PATCH', headers: JSON_HEADERS, body: '\ufeff{"name": "Ventas 🇪🇸 Zoë"}' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { team: { name: string } }).team.name).toBe('Ventas 🇪🇸 Zoë');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['another charset', 'application/json; charset=iso-8859-1'],
    ['JSON look-alike', 'application/jsonp'],
  ])('Content-Type %s is 400 naming the header', async (_label, type) => {
    const body = await invalidBody(TEAM, 'PATCH', '{"name": "x"}', { ...bearer(), 'Content-Type': type });
    expect(body.error.fields).toEqual([{ name: 'Content-Type', in: 'header', message: 'must be application/json' }]);
  });

  it('a missing Content-Type is 400 too; application/json with a utf-8 charset, any case, is fine', async () => {
    const { app } = makeSandbox();
    const missing = await app.request(TEAM, { method: 'PATCH', headers: bearer(), body: new Blob(['{"name": "x"}']) });
    expectError(missing, await missing.json(), 400, 'invalid_body');
    const fine = await app.request(TEAM, { method: 'PATCH', headers: { ...bearer(), 'Content-Type': 'Application/JSON; Charset=UTF-8' }, body: '{"name": "x"}' });
    expect(fine.status).toBe(200);
  });

  it('an empty body where one is required', async () => {
    const body = await invalidBody(TEAM, 'PATCH', '');
    expect(body.error.fields).toEqual([{ name: 'body', in: 'body', message: 'is required (a JSON document)' }]);
  });

  it('operations without a request body ignore one', async () => {
    const { app } = makeSandbox();
    const res = await app.request('/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8/conversation/close', { method: 'POST', headers: JSON_HEADERS, body: '{not json' });
    expect(res.status).toBe(200);
  });
});

describe('the 1 MiB limit', () => {
  const big = (bytes: number) => `{"name": "${'a'.repeat(bytes - 12)}"}`;

  it('is the documented 1 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(1_048_576);
  });

  it('a body of exactly 1 MiB is read (then judged by the schema)', async () => {
    const text = big(MAX_BODY_BYTES);
    expect(Buffer.byteLength(text)).toBe(MAX_BODY_BYTES);
    const body = await invalidBody(TEAM, 'PATCH', text);
    expect(body.error.fields?.[0]?.name).toBe('name');
  });

  it('one byte more is 413 payload_too_large with the documented message', async () => {
    const { res, body } = await raw(TEAM, { method: 'PATCH', headers: JSON_HEADERS, body: big(MAX_BODY_BYTES + 1) });
    expectError(res, body, 413, 'payload_too_large');
    expect(body).toEqual(documentedErrorExample('PayloadTooLarge'));
  });

  it('counts the bytes actually sent when no length is announced (a stream)', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 4 * MAX_BODY_BYTES) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const { res, body } = await raw(TEAM, { method: 'PATCH', headers: JSON_HEADERS, body: stream, duplex: 'half' } as RequestInit);
    expectError(res, body, 413, 'payload_too_large');
    expect(sent).toBeLessThan(2 * MAX_BODY_BYTES); // reading stopped soon after the limit
  });

  it('an announced Content-Length over the limit is refused before reading, on any /v1 route', async () => {
    for (const [url, method] of [[TEAM, 'PATCH'], ['/v1/contacts', 'GET'], ['/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8/conversation/close', 'POST']] as const) {
      const { res, body } = await raw(url, {
        method,
        headers: { ...JSON_HEADERS, 'Content-Length': String(2 * MAX_BODY_BYTES) },
        ...(method === 'GET' ? {} : { body: '{"name": "x"}' }),
      });
      expectError(res, body, 413, 'payload_too_large');
    }
  });
});

describe('forbidden keys: no prototype pollution', () => {
  it.each([
    ['__proto__ at the top', '{"__proto__": {"polluted": true}, "name": "x"}', '__proto__'],
    ['constructor nested', '{"name": "x", "custom_fields": {"constructor": {"prototype": {"polluted": true}}}}', 'custom_fields.constructor'],
    ['prototype in metadata', '{"to":"1","from":"whatsapp","type":"text","content":{"text":"x"},"metadata":{"prototype":"x"}}', 'metadata.prototype'],
  ])('%s is 400 naming the key', async (_label, text, name) => {
    const url = name.startsWith('metadata') ? '/v1/messages/send' : name.startsWith('custom') ? '/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8' : TEAM;
    const body = await invalidBody(url, name.startsWith('metadata') ? 'POST' : 'PATCH', text);
    expect(body.error.fields).toEqual([{ name, in: 'body', message: 'is not an allowed key' }]);
  });

  it('a custom field called like an Object.prototype member is just unknown', async () => {
    const { app } = makeSandbox();
    for (const field of ['toString', 'hasOwnProperty', 'valueOf']) {
      const res = await app.request('/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8', {
        method: 'PATCH',
        headers: JSON_HEADERS,
        body: JSON.stringify({ custom_fields: { [field]: 'x' } }),
      });
      const body = expectError(res, await res.json(), 400, 'invalid_body');
      expect(body.error.fields).toEqual([{ name: `custom_fields.${field}`, in: 'body', message: 'is not a custom field of the account' }]);
    }
  });

  it('a forbidden key at the bottom of deep nesting is found at once, and named (clipped)', async () => {
    const depth = 100_000;
    const body = await invalidBody(TEAM, 'PATCH', `{"name": ${'['.repeat(depth)}{"__proto__": 1}${']'.repeat(depth)}}`);
    expect(body.error.fields).toHaveLength(1);
    expect(body.error.fields![0]).toMatchObject({ in: 'body', message: 'is not an allowed key' });
    expect(body.error.fields![0]!.name.startsWith('name[0][0]')).toBe(true);
  });

  it('very deep nesting is refused without a crash', async () => {
    const depth = 100_000;
    const body = await invalidBody(TEAM, 'PATCH', `{"name": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(body.error.fields?.[0]?.name).toBe('name');
  });
});

describe('long URLs', () => {
  it('a 100 KB query string is 400 invalid_parameter', async () => {
    const { res, body } = await raw(`/v1/contacts?tags=${'a'.repeat(100_000)}`, { headers: bearer() });
    expectError(res, body, 400, 'invalid_parameter');
    expect(body.error.fields).toEqual([{ name: 'query', in: 'query', message: 'makes the URL longer than 8192 characters' }]);
  });

  it('a long path is 400 too, and a URL just under the limit is served', async () => {
    const { res, body } = await raw(`/v1/contacts/${'a'.repeat(10_000)}`, { headers: bearer() });
    expectError(res, body, 400, 'invalid_parameter');
    const { app } = makeSandbox();
    const fine = await app.request(`/v1/contacts?foo=${'a'.repeat(8000)}`, { headers: bearer() });
    expect(fine.status).toBe(200);
  });
});

describe('documented answers still come through the same checks', () => {
  it('PATCH with a valid body after all this', async () => {
    const { app } = makeSandbox();
    expect((await ok<{ team: { name: string } }>(app, 'patch_team', { path: { uuid: 'fe5c8cabb543d51de6b1f67cb8ca665f' }, body: { name: 'OK' } })).team.name).toBe('OK');
  });
});
