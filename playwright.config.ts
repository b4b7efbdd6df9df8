import { defineConfig } from '@playwright/test';
import type { LocaleOptions, SiteLocale } from './e2e/locale';
import { localeCodes } from './src/config/locales';

import { E2E, E2E_ORIGINS, E2E_SANDBOX_URL } from './e2e/ports';
import { CHROMIUM_FLAGS } from './scripts/bench/chromium';

const PORTAL_PORT = E2E.portalPort;
const SANDBOX_PORT = E2E.sandboxPort;
const FIXTURE_PORT = E2E.fixturePort;
// Servers are started fresh unless E2E_REUSE=1: a server already on a port is never taken for the one under test.
const REUSE = process.env.E2E_REUSE === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One project per locale of the site config (src/config/site.ts), named by its code. */
export function localeProjects(codes: readonly string[] = localeCodes()): Array<{ name: string; use: LocaleOptions }> {
  return codes.map((code) => ({ name: code, use: { siteLocale: code as SiteLocale } }));
}

export default defineConfig<LocaleOptions>({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The json reporter writes where PLAYWRIGHT_JSON_OUTPUT_NAME says (npm test sums the counts); stdout otherwise.
  reporter: [['list'], ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as ['json']] : []), ...(process.env.CI ? [] : [['html', { open: 'never' }] as ['html', { open: 'never' }]])],
  use: {
    baseURL: `http://localhost:${PORTAL_PORT}`,
    // Traces only on a retry: recording every test costs CPU the suite needs.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: chromium,
      args: [...CHROMIUM_FLAGS],
    },
  },
  projects: localeProjects(),
  webServer: [
    {
      command: `npx tsx sandbox/src/server.ts`,
      url: `http://127.0.0.1:${SANDBOX_PORT}/health`,
      env: { SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_STORE: 'memory', SANDBOX_TEST_KEYS: '1', SANDBOX_CORS_ORIGINS: E2E_ORIGINS.join(',') },
      reuseExistingServer: REUSE,
      timeout: 60_000,
    },
    {
      command: `npx docusaurus serve --dir ${E2E.buildDir} --port ${PORTAL_PORT} --host localhost --no-open`,
      url: `http://localhost:${PORTAL_PORT}/`,
      reuseExistingServer: REUSE,
      timeout: 60_000,
    },
    // A copy of the site with one stale and one untranslated page, for the banner and fixture-site tests.
    // E2E_NO_FIXTURE=1 skips it when running only specs that do not use it (it costs a second build).
    ...(process.env.E2E_NO_FIXTURE === '1' ? [] : [{
      command: `npx tsx scripts/e2e-fixture-site.mts`,
      url: `http://localhost:${FIXTURE_PORT}/it/`,
      env: { FIXTURE_PORT: String(FIXTURE_PORT), E2E_FIXTURE_DIR: E2E.fixtureDir, SANDBOX_URL: E2E_SANDBOX_URL },
      reuseExistingServer: REUSE,
      timeout: 240_000,
    }]),
  ],
});
