import { describe, expect, it } from 'vitest';
import { DEMO_API_KEYS, DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { documentedErrorExample, expectError, listContacts, makeApp } from './helpers';

async function raw(headers: Record<string, string>, url = '/v1/contacts') {
  const res = await makeApp().request(url, { headers });
  return { res, body: (await res.json()) as unknown };
}

describe('Bearer authentication under /v1', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['no Authorization header', {}],
    ['an empty header', { Authorization: '' }],
    ['Basic scheme', { Authorization: `Basic ${Buffer.from(`user:${DOCS_DEMO_API_KEY}`).toString('base64')}` }],
    ['Token scheme with a valid key', { Authorization: `Token ${DOCS_DEMO_API_KEY}` }],
    ['the bare key without a scheme', { Authorization: DOCS_DEMO_API_KEY }],
    ['Bearer without a key', { Authorization: 'Bearer ' }],
    ['an unknown key', { Authorization: 'Bearer test_notAKey000000000000000' }],
    ['a key with a different case', { Authorization: `Bearer ${DOCS_DEMO_API_KEY.toUpperCase()}` }],
    ['two keys', { Authorization: `Bearer ${DOCS_DEMO_API_KEY} ${SECOND_DEMO_API_KEY}` }],
  ];
  it.each(cases)('%s: 401 unauthorized with WWW-Authenticate: Bearer and the documented body', async (_label, headers) => {
    const { res, body } = await raw(headers);
    expectError(res, body, 401, 'unauthorized');
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(body).toEqual(documentedErrorExample('Unauthorized', 'unauthorized'));
  });

  it('applies before routing: an unknown /v1 path without a key is 401, not 404', async () => {
    const { res, body } = await raw({}, '/v1/unknown');
    expectError(res, body, 401, 'unauthorized');
  });

  it('exports exactly the two demo keys', () => {
    expect(DEMO_API_KEYS).toEqual(['test_gshuPaZoeEG6ovbc8M79w0QyM', 'test_sandboxSecondKey7Qm2Xr9Lp4Vt']);
  });

  it.each(DEMO_API_KEYS.map((key) => [key]))('accepts demo key %s', async (key) => {
    const res = await makeApp().request('/v1/contacts', { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
  });

  it('treats the scheme name case-insensitively', async () => {
    const res = await makeApp().request('/v1/contacts', { headers: { Authorization: `bearer ${DOCS_DEMO_API_KEY}` } });
    expect(res.status).toBe(200);
  });

  it('honours the apiKeys option', async () => {
    const app = makeApp({ apiKeys: ['custom_key'] });
    expect((await app.request('/v1/contacts', { headers: { Authorization: 'Bearer custom_key' } })).status).toBe(200);
    expect((await app.request('/v1/contacts', { headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}` } })).status).toBe(401);
  });

  it('still serves data for a valid key (sanity)', async () => {
    const body = await listContacts(makeApp());
    expect(body.meta.total).toBe(64);
  });
});

describe('GET /health', () => {
  it('needs no authentication and answers {"status":"ok"}', async () => {
    const res = await makeApp().request('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('X-RateLimit-Limit')).toBeNull();
  });
});

describe('throwaway test keys', () => {
  it('are refused unless enabled, and each gets its own fresh data', async () => {
    const { createApp } = await import('../src/app');
    const key = 'test_e2e0123456789abcdef';
    const off = createApp();
    expect((await off.request('/v1/auth/me', { headers: { Authorization: `Bearer ${key}` } })).status).toBe(401);
    const on = createApp({ testKeys: true });
    const other = 'test_e2efedcba9876543210';
    const del = await on.request('/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8', { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
    expect(del.status).toBe(200);
    const gone = await on.request('/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8', { headers: { Authorization: `Bearer ${key}` } });
    expect(gone.status).toBe(404);
    const still = await on.request('/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8', { headers: { Authorization: `Bearer ${other}` } });
    expect(still.status).toBe(200);
    for (const bad of ['test_e2e0123', 'test_e2e0123456789ABCDEF', 'prod_e2e0123456789abcdef']) {
      expect((await on.request('/v1/auth/me', { headers: { Authorization: `Bearer ${bad}` } })).status, bad).toBe(401);
    }
  });
});
