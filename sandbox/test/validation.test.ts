import { describe, expect, it } from 'vitest';
import { call, documentedErrorExample, expectError, listContacts, makeApp } from './helpers';

const PAGE_MESSAGE = 'must be an integer greater than or equal to 1';

async function badRequest(query: string) {
  const { res, body } = await call(makeApp(), `/v1/contacts?${query}`);
  return expectError(res, body, 400, 'invalid_parameter');
}

describe('parameter validation against the spec', () => {
  it.each(['0', '-1', 'abc', '1.5', '1.0', '1e1', '0x1', '', ' 1', '+1', '99999999999999999999'])(
    'page=%j is 400 invalid_parameter naming page',
    async (value) => {
      const body = await badRequest(`page=${encodeURIComponent(value)}`);
      expect(body).toEqual({
        error: {
          status: 400,
          code: 'invalid_parameter',
          message: `Invalid query parameter "page": ${PAGE_MESSAGE}.`,
          fields: [{ name: 'page', in: 'query', message: PAGE_MESSAGE }],
        },
      });
    },
  );

  it('page=0 answers exactly the documented BadRequest example', async () => {
    expect(await badRequest('page=0')).toEqual(documentedErrorExample('BadRequest'));
  });

  it.each(['sms', 'WhatsApp', ' whatsapp', ''])('source=%j is rejected with the allowed values', async (value) => {
    const body = await badRequest(`source=${encodeURIComponent(value)}`);
    expect(body.error.fields).toEqual([
      { name: 'source', in: 'query', message: 'must be one of: whatsapp, facebook, instagram, telegram' },
    ]);
    expect(body.error.message).toBe(
      'Invalid query parameter "source": must be one of: whatsapp, facebook, instagram, telegram.',
    );
  });

  it.each(['xyz', '414A6D692BD645ED803F2E7CE360D4C8', '414a6d692bd645ed803f2e7ce360d4c', '414a6d69-2bd6-45ed-803f-2e7ce360d4c8'])(
    'team_uuid=%j is rejected',
    async (value) => {
      const body = await badRequest(`team_uuid=${encodeURIComponent(value)}`);
      expect(body.error.fields).toEqual([
        { name: 'team_uuid', in: 'query', message: 'must match the pattern ^[0-9a-f]{32}$' },
      ]);
    },
  );

  it.each(['yes', '1', '0', 'TRUE', 'False', ''])('include_field_types=%j is rejected', async (value) => {
    const body = await badRequest(`include_field_types=${encodeURIComponent(value)}`);
    expect(body.error.fields).toEqual([{ name: 'include_field_types', in: 'query', message: 'must be true or false' }]);
  });

  it.each(['9007199254740992', '-9007199254740992', '1_000', '１', 'Infinity'])('page=%j (not a safe decimal integer) is rejected', async (value) => {
    const body = await badRequest(`page=${encodeURIComponent(value)}`);
    expect(body.error.fields).toEqual([{ name: 'page', in: 'query', message: PAGE_MESSAGE }]);
  });

  it('checks every item of a comma list, trimmed, against the item schema', async () => {
    const app = makeApp();
    const bad = await call(app, '/v1/webhooks/events?subscriptions=message_created,%20nope%20');
    expect(expectError(bad.res, bad.body, 400, 'invalid_parameter').error.fields?.map((f) => f.name)).toEqual(['subscriptions']);
    expect((await call(app, '/v1/webhooks/events?subscriptions=%20message_created%20,contact_created')).res.status).toBe(200);
  });

  it.each(['', ',', 'sales,,lead', 'sales, '])('tags=%j (an empty tag) is rejected', async (value) => {
    const body = await badRequest(`tags=${encodeURIComponent(value)}`);
    expect(body.error.fields?.map((f) => f.name)).toEqual(['tags']);
  });

  it('names every bad parameter at once, in documented order', async () => {
    const body = await badRequest('include_field_types=yes&team_uuid=xyz&source=sms&page=0');
    expect(body.error.fields?.map((f) => f.name)).toEqual(['page', 'source', 'team_uuid', 'include_field_types']);
    expect(body.error.message).toMatch(/^Invalid parameters: query parameter "page" must be/);
    for (const field of body.error.fields ?? []) expect(body.error.message).toContain(`"${field.name}" ${field.message}`);
  });

  it('ignores unknown query parameters, as documented', async () => {
    const app = makeApp();
    const plain = await listContacts(app);
    const withUnknown = await listContacts(app, 'foo=bar&limit=5&per_page=1&Page=9&sort=desc&page_size=abc');
    expect(withUnknown).toEqual(plain);
  });

  it('uses the last occurrence of a repeated parameter', async () => {
    const app = makeApp();
    expect((await listContacts(app, 'page=3&page=2')).meta.page).toBe(2);
    const { res, body } = await call(app, '/v1/contacts?page=2&page=0');
    expectError(res, body, 400, 'invalid_parameter');
    expect((await listContacts(app, 'page=abc&page=1')).meta.page).toBe(1);
  });

  it('accepts the boundary values', async () => {
    const app = makeApp();
    expect((await listContacts(app, 'page=1')).meta.page).toBe(1);
    expect((await listContacts(app, 'page=9007199254740991')).contacts).toEqual([]);
    expect((await listContacts(app, 'page=01')).meta.page).toBe(1);
    expect((await listContacts(app, 'include_field_types=false')).contacts[0]).not.toHaveProperty('customFieldsMetadata');
    expect((await listContacts(app, 'team_uuid=' + '0'.repeat(32))).meta.total).toBe(0);
  });
});
