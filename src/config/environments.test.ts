import { describe, expect, it } from 'vitest';
import { environmentsFrom } from './environments';

describe('environmentsFrom', () => {
  it('defaults to the local sandbox, with production available', () => {
    expect(environmentsFrom({})).toEqual({
      defaultEnvironment: 'sandbox',
      environments: [
        { id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' },
        { id: 'production', label: 'Production', baseUrl: 'https://api.callbell.eu/v1' },
      ],
    });
  });

  it('follows the environment variables', () => {
    const config = environmentsFrom({ SANDBOX_PORT: '5000', PRODUCTION_API_URL: 'https://staging.example.org/v1/', API_ENVIRONMENT: 'production' });
    expect(config.defaultEnvironment).toBe('production');
    expect(config.environments.map((e) => e.baseUrl)).toEqual(['http://localhost:5000/v1', 'https://staging.example.org/v1']);
  });

  it('routes production through an opt-in CORS proxy', () => {
    const config = environmentsFrom({ PRODUCTION_PROXY_URL: 'http://localhost:4010/proxy/' });
    expect(config.environments[1]).toEqual({
      id: 'production',
      label: 'Production',
      baseUrl: 'https://api.callbell.eu/v1',
      proxyUrl: 'http://localhost:4010/proxy',
    });
  });

  it("takes its defaults from the spec's servers: the production URL, and the prefix the sandbox serves the API under", () => {
    const config = environmentsFrom({ SANDBOX_PORT: '5000' }, { productionUrl: 'https://api.example.org/v2', prefix: '/v2' });
    expect(config.environments.map((e) => e.baseUrl)).toEqual(['http://localhost:5000/v2', 'https://api.example.org/v2']);
  });

  it('refuses unusable values with a clear message', () => {
    expect(() => environmentsFrom({ API_ENVIRONMENT: 'staging' })).toThrow(/API_ENVIRONMENT/);
    expect(() => environmentsFrom({ SANDBOX_URL: 'ftp://x' })).toThrow(/SANDBOX_URL/);
    expect(() => environmentsFrom({ PRODUCTION_API_URL: 'https://a.example/v1?key=1' })).toThrow(/query/);
    expect(() => environmentsFrom({ PRODUCTION_API_URL: 'not a url' })).toThrow(/absolute/);
  });
});
