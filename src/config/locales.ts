/**
 * Reading the locales of the site config (./site.ts). Pure. Every function takes the
 * locale list as a parameter that defaults to the config's, so a consumer follows the
 * config and a test can hand it another list (scripts/locales.test.ts adds a fake one).
 */
import { DEFAULT_LOCALE, LOCALES, type LocaleConfig } from './site';

/** Every locale code, the default one first as the config lists it. */
export function localeCodes(locales: readonly LocaleConfig[] = LOCALES): string[] {
  return locales.map((l) => l.code);
}

/** The locales that are translations of the default one. */
export function translatedLocales(locales: readonly LocaleConfig[] = LOCALES, defaultLocale: string = DEFAULT_LOCALE): LocaleConfig[] {
  return locales.filter((l) => l.code !== defaultLocale);
}

/** The codes of the translated locales (`it`, `es`, `pt`), in config order. */
export function translatedLocaleCodes(locales: readonly LocaleConfig[] = LOCALES, defaultLocale: string = DEFAULT_LOCALE): string[] {
  return localeCodes(translatedLocales(locales, defaultLocale));
}

/** The entry of a locale code; undefined when the config has none. */
export function findLocale(code: string, locales: readonly LocaleConfig[] = LOCALES): LocaleConfig | undefined {
  return locales.find((l) => l.code === code);
}

/** The entry of a locale code; throws, naming the file to edit, when the config has none. */
export function localeConfig(code: string, locales: readonly LocaleConfig[] = LOCALES): LocaleConfig {
  const found = findLocale(code, locales);
  if (!found) throw new Error(`No locale "${code}" in src/config/site.ts (LOCALES has ${localeCodes(locales).join(', ')})`);
  return found;
}

/** Refuses a list Docusaurus and the tools could not use: no locale, a code twice, an empty field, no default locale. */
export function checkLocales(locales: readonly LocaleConfig[] = LOCALES, defaultLocale: string = DEFAULT_LOCALE): void {
  const seen = new Set<string>();
  for (const l of locales) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l.code)) throw new Error(`Locale code "${l.code}" is not a BCP 47 tag such as "fr" or "pt-BR"`);
    if (seen.has(l.code)) throw new Error(`Locale "${l.code}" is listed twice in src/config/site.ts`);
    seen.add(l.code);
    if (!l.label.trim() || !l.htmlLang.trim() || !l.language.name.trim()) throw new Error(`Locale "${l.code}" needs a label, an htmlLang and a language name`);
    if (l.language.stopWords.split(/\s+/).filter(Boolean).length < 20) throw new Error(`Locale "${l.code}" needs at least 20 stop words for language detection`);
    if (!Number.isInteger(l.pluralForms) || l.pluralForms < 1) throw new Error(`Locale "${l.code}": pluralForms must be a whole number, 1 or more`);
  }
  if (!seen.has(defaultLocale)) throw new Error(`The default locale "${defaultLocale}" is not in LOCALES`);
}

/** The `i18n` block of docusaurus.config.ts. */
export interface DocusaurusI18n {
  defaultLocale: string;
  locales: string[];
  localeConfigs: Record<string, { label: string; htmlLang: string }>;
}

export function docusaurusI18n(locales: readonly LocaleConfig[] = LOCALES, defaultLocale: string = DEFAULT_LOCALE): DocusaurusI18n {
  checkLocales(locales, defaultLocale);
  return {
    defaultLocale,
    locales: localeCodes(locales),
    localeConfigs: Object.fromEntries(locales.map((l) => [l.code, { label: l.label, htmlLang: l.htmlLang }])),
  };
}
