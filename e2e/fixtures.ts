/**
 * Shared fixtures: one project per locale (`siteLocale` option), the locale's
 * UI messages read from i18n/<locale>/code.json, a page object, and a guard
 * that fails any test on an unexpected console error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { EndpointPage } from './pages/EndpointPage';

/** Playwright runs from the repository root (playwright.config.ts). */
export const ROOT = process.cwd();

export type SiteLocale = 'en' | 'it' | 'es' | 'pt';

export interface LocaleOptions {
  siteLocale: SiteLocale;
}

export type Translator = (id: string, values?: Record<string, string | number>) => string;

export function messagesFor(locale: SiteLocale): Translator {
  const file = path.join(ROOT, 'i18n', locale, 'code.json');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  return (id, values = {}) => {
    const entry = entries[id];
    if (!entry) throw new Error(`No message "${id}" in i18n/${locale}/code.json`);
    return entry.message.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

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
  siteLocale: ['en', { option: true }],
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

export function localePrefix(locale: SiteLocale): string {
  return locale === 'en' ? '' : `/${locale}`;
}
