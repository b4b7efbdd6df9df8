import { defineConfig } from '@playwright/test';
import type { LocaleOptions } from './e2e/fixtures';

const PORTAL_PORT = Number(process.env.E2E_PORT ?? 3001);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const FIXTURE_PORT = Number(process.env.FIXTURE_PORT ?? 3002);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const locales = ['en', 'it', 'es', 'pt'] as const;

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: locales.map((siteLocale) => ({ name: siteLocale, use: { siteLocale } })),
  webServer: [
    {
      command: `npx tsx sandbox/src/server.ts`,
      url: `http://127.0.0.1:${SANDBOX_PORT}/health`,
      env: { SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_STORE: 'memory', SANDBOX_TEST_KEYS: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx docusaurus serve --port ${PORTAL_PORT} --host localhost --no-open`,
      url: `http://localhost:${PORTAL_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A copy of the site with one stale and one untranslated page, for the banner tests.
      command: `npx tsx scripts/e2e-fixture-site.mts`,
      url: `http://localhost:${FIXTURE_PORT}/it/`,
      env: { FIXTURE_PORT: String(FIXTURE_PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
    },
  ],
});
