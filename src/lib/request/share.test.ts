import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { Environment } from '../api/types';
import { decodeShare, encodeShare, stripShare } from './share';

const op = findOperation(loadSpec(), 'contacts_api', 'get_contacts');
const environments: Environment[] = [
  { id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' },
  { id: 'production', label: 'Production', baseUrl: 'https://api.callbell.eu/v1' },
];

describe('share links', () => {
  it('round-trips environment and parameters, and never holds a key', () => {
    const query = encodeShare(op, 'production', { query: { tags: 'a,b', page: 2, source: '' } });
    expect(query).toBe('try.request=get_contacts&try.env=production&try.query.page=2&try.query.tags=a%2Cb');
    expect(decodeShare(op, `?${query}`, environments)).toEqual({ environment: 'production', values: { path: {}, query: { page: '2', tags: 'a,b' } } });
  });

  it('ignores links for other requests, unknown environments and unknown fields', () => {
    expect(decodeShare(op, '?try.request=other', environments)).toBeUndefined();
    const decoded = decodeShare(op, '?try.request=get_contacts&try.env=https://evil.example&try.key=secret&try.query.nope=1', environments);
    expect(decoded).toEqual({ values: { path: {}, query: {} } });
  });

  it('strips its own parameters only', () => {
    expect(stripShare('?a=1&try.env=sandbox&try.query.page=2')).toBe('?a=1');
    expect(stripShare('?try.env=sandbox')).toBe('');
  });
});
