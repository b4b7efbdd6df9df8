/**
 * Shared fixtures: one project per locale (`siteLocale` option; the locales are
 * those of src/config/site.ts), the locale's UI messages (./locale.ts), a page
 * object, and a guard that fails any test on an unexpected console error.
 */
import { test as base, expect } from '@playwright/test';
import { DEFAULT_LOCALE } from '../src/config/site';
import { messagesFor, type LocaleOptions, type Translator } from './locale';
import { EndpointPage } from './pages/EndpointPage';

export { localePrefix, messagesFor, ROOT, type LocaleOptions, type SiteLocale, type Translator } from './locale';

export interface ConsoleGuard {
  /** Console errors matching this pattern are expected in the current test. */
  allow(pattern: RegExp): void;
}

interface Fixtures {
  t: Translator;
  consoleGuard: ConsoleGuard;
  endpoint: EndpointPage;
}

export const test = base.extend<LocaleOptions & Fixtures>({
  siteLocale: [DEFAULT_LOCALE, { option: true }],
  t: async ({ siteLocale }, use) => {
    await use(messagesFor(siteLocale));
  },
  consoleGuard: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(errors.filter((e) => !allowed.some((p) => p.test(e)))).toEqual([]);
    },
    { auto: true },
  ],
  endpoint: async ({ page, siteLocale, t }, use) => {
    await use(new EndpointPage(page, siteLocale, t));
  },
});

export { expect };
