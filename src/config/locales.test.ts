import { describe, expect, it } from 'vitest';
import { checkLocales, docusaurusI18n, findLocale, localeCodes, localeConfig, translatedLocaleCodes } from './locales';
import { DEFAULT_LOCALE, LOCALES, type LocaleConfig } from './site';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const entry = (code: string, overrides: Partial<LocaleConfig> = {}): LocaleConfig => ({
  code,
  label: `Label ${code}`,
  htmlLang: code,
  language: { name: `Name ${code}`, stopWords: words(20) },
  pluralForms: 2,
  yesNo: { yes: 'y', no: 'n' },
  ...overrides,
});

describe('the site config', () => {
  it('lists the four locales, English (the source) first, and passes its own checks', () => {
    expect(localeCodes()).toEqual(['en', 'it', 'es', 'pt']);
    expect(DEFAULT_LOCALE).toBe('en');
    expect(translatedLocaleCodes()).toEqual(['it', 'es', 'pt']);
    expect(() => checkLocales()).not.toThrow();
  });

  it('gives Docusaurus the i18n block it had when it was written by hand', () => {
    expect(docusaurusI18n()).toEqual({
      defaultLocale: 'en',
      locales: ['en', 'it', 'es', 'pt'],
      localeConfigs: {
        en: { label: 'English', htmlLang: 'en' },
        it: { label: 'Italiano', htmlLang: 'it' },
        es: { label: 'Español', htmlLang: 'es' },
        pt: { label: 'Português', htmlLang: 'pt' },
      },
    });
  });

  it('builds the i18n block from any list, in its order', () => {
    const list = [entry('en'), entry('pt-BR', { htmlLang: 'pt-BR', label: 'Português (Brasil)' }), entry('de')];
    expect(docusaurusI18n(list)).toEqual({
      defaultLocale: 'en',
      locales: ['en', 'pt-BR', 'de'],
      localeConfigs: { en: { label: 'Label en', htmlLang: 'en' }, 'pt-BR': { label: 'Português (Brasil)', htmlLang: 'pt-BR' }, de: { label: 'Label de', htmlLang: 'de' } },
    });
    expect(translatedLocaleCodes(list)).toEqual(['pt-BR', 'de']);
  });

  it('finds an entry by code, and names the file to edit when there is none', () => {
    expect(findLocale('es')?.label).toBe('Español');
    expect(findLocale('fr')).toBeUndefined();
    expect(localeConfig('pt').yesNo).toEqual({ yes: 'sim', no: 'não' });
    expect(() => localeConfig('fr')).toThrow(/No locale "fr" in src\/config\/site\.ts/);
  });

  it('refuses a list the site could not use', () => {
    expect(() => checkLocales([entry('en'), entry('it'), entry('it')])).toThrow(/listed twice/);
    expect(() => checkLocales([entry('it')])).toThrow(/default locale "en"/);
    expect(() => checkLocales([entry('en'), entry('Italian')])).toThrow(/BCP 47/);
    expect(() => checkLocales([entry('en'), entry('it', { label: ' ' })])).toThrow(/needs a label/);
    expect(() => checkLocales([entry('en'), entry('it', { language: { name: 'Italian', stopWords: words(5) } })])).toThrow(/20 stop words/);
    expect(() => checkLocales([entry('en'), entry('it', { pluralForms: 0 })])).toThrow(/pluralForms/);
  });

  it('gives every locale enough distinct stop words to tell the languages apart', () => {
    for (const l of LOCALES) {
      const own = new Set(l.language.stopWords.split(/\s+/).filter(Boolean));
      expect(own.size, l.code).toBeGreaterThanOrEqual(40);
    }
  });
});
