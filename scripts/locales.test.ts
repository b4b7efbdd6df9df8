/**
 * Adding a locale is one entry in src/config/site.ts (plus its i18n/<code>/ files): this
 * test adds a fake locale, `xx`, to the config (a module mock, so every importer sees
 * it) and checks that each consumer of the locale list picks it up with nothing else
 * changed: Docusaurus's i18n block (locale dropdown, builds, hreflang), the Playwright
 * projects, the translation checker's locale list, its language detection and plural
 * rule, and the translation-status plugin (status page and banners).
 */
import path from 'node:path';
import type { LoadContext } from '@docusaurus/types';
import { describe, expect, it, vi } from 'vitest';
import type { LocaleConfig } from '../src/config/site';

const XX = {
  code: 'xx',
  label: 'Xxish',
  htmlLang: 'xx-XX',
  language: {
    name: 'Xxish',
    stopWords: 'zog zig zag blo bla bli kro kra kri vu va vi dro dra dri mek mok mik sul sal sil tep tap tip',
  },
  pluralForms: 3,
  yesNo: { yes: 'ja', no: 'nej' },
} as const satisfies LocaleConfig;

vi.mock('../src/config/site', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/config/site')>();
  return { ...real, LOCALES: [...real.LOCALES, XX] };
});

const ROOT = path.resolve(__dirname, '..');
/** Xxish prose: nine of its words are stop words. */
const XXISH = 'Zog kra dokument vu bla zig mek tap sul wobble frimble tip.';

describe('a locale added to the site config reaches', () => {
  it("Docusaurus's i18n block", async () => {
    const { default: config } = await import('../docusaurus.config');
    expect(config.i18n?.locales).toEqual(['en', 'it', 'es', 'pt', 'xx']);
    expect(config.i18n?.localeConfigs?.xx).toEqual({ label: 'Xxish', htmlLang: 'xx-XX' });
  });

  it('the Playwright projects', async () => {
    const { default: config } = await import('../playwright.config');
    expect(config.projects?.map((p) => [p.name, (p.use as { siteLocale?: string } | undefined)?.siteLocale])).toContainEqual(['xx', 'xx']);
  });

  it("the translation checker's locale list, for this repository", async () => {
    const { defaultRoot, resolveLocales } = await import('../tools/i18n/cli/site');
    expect(resolveLocales(defaultRoot(), undefined)).toEqual(['it', 'es', 'pt', 'xx']);
    expect(resolveLocales(defaultRoot(), ['xx'])).toEqual(['xx']);
  });

  it("the checker's language detection and its language rule", async () => {
    const { LANGUAGE_NAMES } = await import('../tools/i18n/core/language');
    expect(LANGUAGE_NAMES.xx).toBe('Xxish');
    const { checkSite } = await import('../tools/i18n/core/site');
    const english = '# Contacts\n\nThe list of the contacts of your account, with the tags and the team of each one of them.\n';
    const check = (text: string) =>
      checkSite({ sourcePages: new Map([['a.md', english]]), locales: [{ locale: 'xx', pages: new Map([['a.md', text]]) }], uiStrings: false }).filter((f) => f.rule === 'language');
    // A page left in English is flagged against the new language, and a page in it is not.
    expect(check(english).map((f) => f.message)).toEqual([expect.stringMatching(/expected Xxish/)]);
    expect(check(`# Contacts\n\n${XXISH}\n`)).toEqual([]);
  });

  it("the checker's plural rule", async () => {
    const { pluralFormCount } = await import('../tools/i18n/core/codeJson');
    expect(pluralFormCount('xx')).toBe(3);
  });

  it('the translation-status plugin (status page, banners)', async () => {
    const { default: config } = await import('../docusaurus.config');
    const { default: plugin } = await import('../plugins/translation-status/index');
    const i18n = config.i18n!;
    const context = {
      siteDir: ROOT,
      baseUrl: '/',
      siteConfig: config,
      i18n: {
        ...i18n,
        currentLocale: 'xx',
        localeConfigs: Object.fromEntries(
          Object.entries(i18n.localeConfigs ?? {}).map(([code, c]) => [code, { ...c, baseUrl: code === i18n.defaultLocale ? '/' : `/${code}/` }]),
        ),
      },
    } as unknown as LoadContext;
    const instance = plugin(context);
    expect(instance.getPathsToWatch?.()).toContain(path.join(ROOT, 'i18n/xx/translation-sync.json'));
    const status = await instance.loadContent!();
    expect(status.locales.map((l) => l.locale)).toEqual(['it', 'es', 'pt', 'xx']);
    const xx = status.locales.find((l) => l.locale === 'xx')!;
    // No i18n/xx/ files yet: every English page is listed as missing.
    expect(xx.counts.translated).toBe(0);
    expect(xx.counts.missing).toBeGreaterThan(50);
  });
});
