import { describe, expect, it } from 'vitest';
import { loadSpec } from '../lib/api/load';
import { apiFromServers, apiLocation } from './api';

describe('apiLocation', () => {
  it("reads the production URL and the prefix from the spec's servers", () => {
    expect(apiLocation()).toEqual({ productionUrl: 'https://api.callbell.eu/v1', prefix: '/v1' });
    expect(apiLocation().productionUrl).toBe(loadSpec().servers?.[0]?.url);
  });

  it('takes the server marked production, else the first, without a trailing slash', () => {
    expect(apiFromServers([{ url: 'http://localhost:4010/v1' }, { url: 'https://api.example.org/v2/', 'x-environment': 'production' }])).toEqual({
      productionUrl: 'https://api.example.org/v2',
      prefix: '/v2',
    });
    expect(apiFromServers([{ url: 'https://api.example.org/' }])).toEqual({ productionUrl: 'https://api.example.org', prefix: '' });
  });

  it('refuses a spec without a usable server', () => {
    expect(() => apiFromServers(undefined)).toThrow(/no `servers` entry/);
    expect(() => apiFromServers([])).toThrow(/no `servers` entry/);
    expect(() => apiFromServers([{ url: '/v1' }])).toThrow(/absolute URL/);
    expect(() => apiFromServers([{ url: 'ftp://api.example.org/v1' }])).toThrow(/http or https/);
    expect(() => apiFromServers([{ url: 'https://api.example.org/v1?key=1' }])).toThrow(/query/);
  });
});
