/**
 * The browser tests never run against a person's `npm start` (portal 3000,
 * sandbox 4010), and the sandbox they start accepts the portal's origin
 * wherever the variables move it (e2e/ports.ts, playwright.config.ts):
 *   - by default their ports are others (3001, 3002, 4011);
 *   - E2E_PORT, FIXTURE_PORT and E2E_SANDBOX_PORT move them, and the
 *     sandbox's CORS origins (SANDBOX_CORS_ORIGINS) follow;
 *   - a server already on one of those ports is reused only with E2E_REUSE=1.
 * The sandbox's own default origins follow PORT (cors.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultCorsOrigins } from '../src/app';

interface WebServer {
  command: string;
  url: string;
  env?: Record<string, string>;
  reuseExistingServer?: boolean;
}

async function load(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const ports = await import('../../e2e/ports');
  const config = (await import('../../playwright.config')).default;
  const servers = config.webServer as WebServer[];
  const sandbox = servers.find((server) => server.command.includes('sandbox/src/server.ts'))!;
  const portal = servers.find((server) => server.command.includes('docusaurus serve'))!;
  return { ...ports, config, sandbox, portal };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const unset = { E2E_PORT: undefined, FIXTURE_PORT: undefined, E2E_SANDBOX_PORT: undefined, E2E_REUSE: undefined, E2E_NO_FIXTURE: undefined };

describe('ports of the browser tests', () => {
  it('default to ports of their own, never those of npm start', async () => {
    const { E2E, sandbox, portal, config } = await load(unset);
    expect(E2E).toMatchObject({ portalPort: 3001, fixturePort: 3002, sandboxPort: 4011 });
    for (const port of [E2E.portalPort, E2E.fixturePort, E2E.sandboxPort]) expect([3000, 4010]).not.toContain(port);
    expect(sandbox.env?.SANDBOX_PORT).toBe('4011');
    expect(portal.command).toContain('--port 3001');
    expect(config.use?.baseURL).toBe('http://localhost:3001');
    expect(sandbox.reuseExistingServer).toBe(false);
    expect(portal.reuseExistingServer).toBe(false);
  });

  it('move with their variables, and the sandbox accepts the moved portals', async () => {
    const { E2E, E2E_ORIGINS, E2E_SANDBOX_URL, sandbox, portal } = await load({ ...unset, E2E_PORT: '3555', FIXTURE_PORT: '3556', E2E_SANDBOX_PORT: '4555' });
    expect(E2E).toMatchObject({ portalPort: 3555, fixturePort: 3556, sandboxPort: 4555 });
    expect(E2E_SANDBOX_URL).toBe('http://localhost:4555/v1');
    expect(sandbox.env).toMatchObject({ SANDBOX_PORT: '4555', SANDBOX_STORE: 'memory' });
    expect(sandbox.url).toBe('http://127.0.0.1:4555/health');
    expect(portal.command).toContain('--port 3555');
    const origins = sandbox.env!.SANDBOX_CORS_ORIGINS!.split(',');
    expect(origins).toEqual(E2E_ORIGINS);
    for (const origin of ['http://localhost:3555', 'http://127.0.0.1:3555', 'http://localhost:3556', 'http://127.0.0.1:3556']) {
      expect(origins).toContain(origin);
      expect(defaultCorsOrigins({ SANDBOX_CORS_ORIGINS: sandbox.env!.SANDBOX_CORS_ORIGINS })).toContain(origin);
    }
  });

  it('reuse a running server only when asked (E2E_REUSE=1)', async () => {
    const { sandbox, portal } = await load({ ...unset, E2E_REUSE: '1' });
    expect(sandbox.reuseExistingServer).toBe(true);
    expect(portal.reuseExistingServer).toBe(true);
  });
});
