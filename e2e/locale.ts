/**
 * The locale side of the browser tests, without Playwright's test runner: the
 * locale of a project (one per locale of src/config/site.ts), its URL prefix and
 * its UI messages read from i18n/<locale>/code.json. fixtures.ts re-exports it;
 * page objects and playwright.config.ts import it here, so nothing imports back
 * into fixtures.ts (no cycle).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, type LocaleCode } from '../src/config/site';

/** Playwright runs from the repository root (playwright.config.ts). */
export const ROOT = process.cwd();

export type SiteLocale = LocaleCode;

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

/** The URL prefix of a locale: none for the default one, `/<code>` for the others. */
export function localePrefix(locale: SiteLocale): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}
