import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { OperationModel } from '../api/types';
import { API_KEY_PLACEHOLDER, bearer, buildRequest, encodeQueryPair, exampleValues, fillPath, queryValue, splitList } from './build';

const op = findOperation(loadSpec(), 'contacts_api', 'get_contacts');
const base = 'http://localhost:4010/v1';

describe('buildRequest', () => {
  it('builds the documented example with the key placeholder', () => {
    const req = buildRequest(op, exampleValues(op), { baseUrl: base });
    expect(req).toEqual({
      method: 'GET',
      url: `${base}/contacts`,
      baseUrl: `${base}/contacts`,
      query: [],
      headers: [
        ['Accept', 'application/json'],
        ['Authorization', `Bearer ${API_KEY_PLACEHOLDER}`],
      ],
    });
  });

  it('keeps tags as one comma list and encodes hostile values', () => {
    const req = buildRequest(
      op,
      { query: { tags: ' sales , lead,, ', source: 'whatsapp', page: '2', team_uuid: "a&b=c#d e'f" } },
      { baseUrl: `${base}/`, apiKey: 'k' },
    );
    expect(req.url).toBe(`${base}/contacts?page=2&source=whatsapp&tags=sales,lead&team_uuid=a%26b%3Dc%23d%20e'f`);
    expect(req.query).toEqual([
      ['page', '2'],
      ['source', 'whatsapp'],
      ['tags', 'sales,lead'],
      ['team_uuid', "a&b=c#d e'f"],
    ]);
    expect(req.headers).toContainEqual(['Authorization', 'Bearer k']);
  });

  it('encodes commas inside one tag so they cannot split it', () => {
    expect(encodeQueryPair(op.params[2], 'tags', 'a%b,c d')).toBe('tags=a%25b,c%20d');
  });

  it('drops empty query values and keeps booleans', () => {
    const req = buildRequest(op, { query: { page: '', include_field_types: true } }, { baseUrl: base });
    expect(req.url).toBe(`${base}/contacts?include_field_types=true`);
  });

  it('adds a JSON body and Content-Type only when the operation has a body', () => {
    const withBody: OperationModel = {
      ...op,
      method: 'POST',
      path: '/contacts/{uuid}',
      params: [{ name: 'uuid', in: 'path', required: true, description: '', schema: { type: 'string' }, explode: true }],
      body: { required: true, schema: { type: 'object' }, example: { name: 'Zoë' } },
    };
    const values = exampleValues(withBody);
    expect(values.body).toBe('{\n  "name": "Zoë"\n}');
    const req = buildRequest(withBody, { ...values, path: { uuid: 'a/b' } }, { baseUrl: base });
    expect(req.url).toBe(`${base}/contacts/a%2Fb`);
    expect(req.body).toBe(values.body);
    expect(req.headers).toContainEqual(['Content-Type', 'application/json']);
    expect(buildRequest(op, { body: '{}' }, { baseUrl: base }).body).toBeUndefined();
  });
});

describe('the API key', () => {
  it('prints a usable key trimmed, or masked for the shown snippet', () => {
    expect(bearer({ apiKey: '  test_gshuPaZoeEG6ovbc8M79w0QyM ' })).toBe('Bearer test_gshuPaZoeEG6ovbc8M79w0QyM');
    expect(bearer({ apiKey: 'test_gshuPaZoeEG6ovbc8M79w0QyM', maskKey: true })).toBe('Bearer ••••••••0QyM');
    expect(bearer({ apiKey: '$(id);\'"\\`' })).toBe('Bearer $(id);\'"\\`');
    expect(bearer({})).toBe(`Bearer ${API_KEY_PLACEHOLDER}`);
    expect(bearer({ apiKey: '   ' })).toBe(`Bearer ${API_KEY_PLACEHOLDER}`);
  });

  it('prints the placeholder instead of a key with CR/LF, spaces, controls or non-ASCII', () => {
    const hostile = ['k\r\nX-Injected: 1', 'k\nX: y', 'two words', 'tab\tkey', 'nul\0', 'esc\x1b[201~', 'del\x7f', 'ключ', 'sep\u2028x', 'rlo\u202e', 'lone\ud800'];
    for (const apiKey of hostile) {
      for (const maskKey of [false, true]) {
        const req = buildRequest(op, {}, { baseUrl: base, apiKey, maskKey });
        expect(req.headers, JSON.stringify(apiKey)).toContainEqual(['Authorization', `Bearer ${API_KEY_PLACEHOLDER}`]);
        expect(JSON.stringify(req.headers)).not.toMatch(/X-Injected|\\r|\\n/);
      }
    }
  });
});

describe('lone UTF-16 surrogates', () => {
  const withPath: OperationModel = {
    ...op,
    method: 'PATCH',
    path: '/contacts/{uuid}',
    params: [{ name: 'uuid', in: 'path', required: true, description: '', schema: { type: 'string' }, explode: true }, ...op.params],
    body: { required: true, schema: { type: 'object' }, example: {} },
  };

  it('never throw URIError: they are sent as U+FFFD, percent-encoded, like a browser does', () => {
    const lone = 'a\ud800b\udc00';
    expect(() => encodeURIComponent(lone)).toThrow(URIError);
    const req = buildRequest(
      withPath,
      { path: { uuid: lone }, query: { team_uuid: lone, tags: [lone, '\udbff'] }, body: `{"n": "${lone}"}` },
      { baseUrl: base },
    );
    expect(req.baseUrl).toBe(`${base}/contacts/a%EF%BF%BDb%EF%BF%BD`);
    expect(req.url).toBe(`${base}/contacts/a%EF%BF%BDb%EF%BF%BD?tags=a%EF%BF%BDb%EF%BF%BD,%EF%BF%BD&team_uuid=a%EF%BF%BDb%EF%BF%BD`);
    expect(req.query).toEqual([
      ['tags', 'a\ufffdb\ufffd,\ufffd'],
      ['team_uuid', 'a\ufffdb\ufffd'],
    ]);
    expect(req.body).toBe('{"n": "a\ufffdb\ufffd"}');
  });

  it('keep well-formed pairs (emoji) intact, and the helpers are safe on their own', () => {
    expect(fillPath('/x/{id}', { id: '🚀\ud800' })).toBe('/x/%F0%9F%9A%80%EF%BF%BD');
    expect(encodeQueryPair(undefined, 'q\udc00', '\ud83d')).toBe('q%EF%BF%BD=%EF%BF%BD');
    expect(queryValue(op.params[0]!, '\ud800')).toBe('\ufffd');
  });
});

describe('helpers', () => {
  it('splits lists and fills paths', () => {
    expect(splitList(' a, ,b ,')).toEqual(['a', 'b']);
    expect(fillPath('/x/{id}/y/{other}', { id: 'é' })).toBe('/x/%C3%A9/y/{other}');
  });
});
