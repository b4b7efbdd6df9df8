/** The server's settings from flags and the portal's environment variables. */
import { describe, expect, it } from 'vitest';
import { DOCS_DEMO_API_KEY } from '../../../src/config/site';
import { ConfigError, DEFAULT_HTTP_PORT, readConfig } from '../config';

describe('readConfig', () => {
  it('defaults to stdio, the sandbox with the demo key, writes on, English docs', () => {
    const config = readConfig([], {});
    expect(config.transport).toBe('stdio');
    expect(config.environment.id).toBe('sandbox');
    expect(config.environment.baseUrl).toBe('http://localhost:4010/v1');
    expect(config.apiKey).toBe(DOCS_DEMO_API_KEY);
    expect(config.apiKeySource).toBe('demo key');
    expect(config.writes).toBe(true);
    expect(config.port).toBe(DEFAULT_HTTP_PORT);
    expect(config.locale).toBe('en');
    expect(config.buildDir).toBe('build');
  });

  it('reads the portal variables and the key; production keeps writes off unless asked', () => {
    const env = { API_ENVIRONMENT: 'production', PRODUCTION_API_URL: 'https://staging.example/v1', CALLBELL_API_KEY: ' live_key ' };
    const config = readConfig([], env);
    expect(config.environment).toMatchObject({ id: 'production', baseUrl: 'https://staging.example/v1' });
    expect(config.apiKey).toBe('live_key');
    expect(config.writes).toBe(false);
    expect(readConfig(['--allow-writes'], env).writes).toBe(true);
    expect(readConfig([], { ...env, MCP_ALLOW_WRITES: '1' }).writes).toBe(true);
    expect(readConfig(['--environment', 'sandbox'], env).environment.id).toBe('sandbox');
  });

  it('has no key for production unless CALLBELL_API_KEY is set', () => {
    const config = readConfig(['--environment=production'], {});
    expect(config.apiKey).toBeUndefined();
    expect(config.apiKeySource).toBe('none');
  });

  it('reads the HTTP flags', () => {
    const config = readConfig(['--http', '--port', '0', '--allow-origin', 'http://localhost:5173', '--locale', 'pt', '--build-dir', 'out'], {});
    expect(config).toMatchObject({ transport: 'http', port: 0, allowedOrigins: ['http://localhost:5173'], locale: 'pt', buildDir: 'out' });
  });

  it('refuses bad flags and values with one-line messages', () => {
    expect(() => readConfig(['--nope'], {})).toThrow(ConfigError);
    expect(() => readConfig(['--port', '70000'], {})).toThrow(/port number/);
    expect(() => readConfig(['--port'], {})).toThrow(/needs a value/);
    expect(() => readConfig(['--allow-origin', 'http://x.example/path'], {})).toThrow(/origin/);
    expect(() => readConfig(['--locale', 'fr'], {})).toThrow(/--locale must be one of/);
    expect(() => readConfig([], { API_ENVIRONMENT: 'staging' })).toThrow(/API_ENVIRONMENT/);
    expect(() => readConfig([], { CALLBELL_API_KEY: 'has space' })).toThrow(/not a usable API key/);
  });
});
