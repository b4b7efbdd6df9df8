import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { OperationModel } from '../api/types';
import { API_KEY_PLACEHOLDER, buildRequest, encodeQueryPair, exampleValues, fillPath, splitList } from './build';

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

describe('helpers', () => {
  it('splits lists and fills paths', () => {
    expect(splitList(' a, ,b ,')).toEqual(['a', 'b']);
    expect(fillPath('/x/{id}/y/{other}', { id: 'é' })).toBe('/x/%C3%A9/y/{other}');
  });
});
