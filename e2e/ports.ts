/**
 * Where the browser tests run: ports and folders of their own, never those of
 * `npm start` (3000, 4010), so a person's running portal is never the thing
 * under test. Each one moves with a variable, and the sandbox's CORS origins
 * follow the portal ports. Read by playwright.config.ts, scripts/test.ts (which
 * builds the site against this sandbox) and the specs.
 */
const env = process.env;

export const E2E = {
  /** The built site under test (`docusaurus serve`). */
  portalPort: Number(env.E2E_PORT ?? 3001),
  /** The banner-test copy of the site (scripts/e2e-fixture-site.mts). */
  fixturePort: Number(env.FIXTURE_PORT ?? 3002),
  /** The sandbox the tests start (memory store, throwaway test keys). */
  sandboxPort: Number(env.E2E_SANDBOX_PORT ?? 4011),
  /** The build folder `docusaurus serve` serves. */
  buildDir: env.E2E_BUILD_DIR ?? 'build',
  /** Where the fixture copy of the site is made. */
  fixtureDir: env.E2E_FIXTURE_DIR ?? '.e2e-fixture-site',
} as const;

/** The sandbox base URL the tested build must be made with (SANDBOX_URL). */
export const E2E_SANDBOX_URL = `http://localhost:${E2E.sandboxPort}/v1`;

/** Browser origins of the tested sites, for the sandbox's SANDBOX_CORS_ORIGINS. */
export const E2E_ORIGINS = [E2E.portalPort, E2E.fixturePort].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
