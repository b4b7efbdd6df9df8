/**
 * Pure part of the translation-status plugin: file contents in, the plugin's
 * global data and status-page data out. The plugin (index.ts) reads the files;
 * the statuses come from the translation status core (src/lib/i18n), shared with the i18n CLIs.
 */
import { manifestFile } from '../../src/lib/i18n/paths';
import { computeStatus, type LocaleStatus } from '../../src/lib/i18n/status';
import { parseManifest } from '../../src/lib/i18n/sync';
import { docSource, localeUrl, type StatusPageData, type StatusPageRow, type TranslationGlobalData } from './shared';

export interface LocaleFiles {
  locale: string;
  /** Doc paths (relative to docs/) of the files under i18n/<locale>/docusaurus-plugin-content-docs/current/. */
  translatedPaths: readonly string[];
  /** Text of i18n/<locale>/translation-sync.json, null when absent. */
  manifestText: string | null;
}

export interface SiteFiles {
  /** Doc path (relative to docs/) -> English text. */
  sourcePages: ReadonlyMap<string, string>;
  locales: readonly LocaleFiles[];
}

export interface SiteStatus {
  locales: LocaleStatus[];
  /** Invalid manifest entries, as `file:line: message` (the entries are ignored). */
  problems: string[];
}

export function siteStatus(files: SiteFiles): SiteStatus {
  const problems: string[] = [];
  const locales = computeStatus({
    sourcePages: files.sourcePages,
    locales: files.locales.map((l) => {
      const parsed = parseManifest(l.manifestText);
      for (const p of parsed.problems) problems.push(`${manifestFile(l.locale)}:${p.line}: ${p.message}`);
      return { locale: l.locale, translatedPaths: l.translatedPaths, manifest: parsed.manifest };
    }),
  });
  return { locales, problems };
}

/** The pages of `locale` that are not up to date (stale or missing); empty for a locale without status (the default one). */
export function pendingPages(status: SiteStatus, locale: string): TranslationGlobalData {
  const out: TranslationGlobalData = {};
  const l = status.locales.find((s) => s.locale === locale);
  for (const p of l?.pages ?? []) {
    if (p.status !== 'translated') out[p.docPath] = { status: p.status, syncedAt: p.syncedAt };
  }
  return out;
}

/** What the status page needs from the docs plugin's metadata of one doc. */
export interface DocRoute {
  /** `metadata.source`, e.g. `@site/docs/api/introduction.mdx` */
  source: string;
  title: string;
  permalink: string;
}

export interface LocaleInfo {
  label: string;
  htmlLang: string;
  baseUrl: string;
}

export interface StatusPageInput {
  status: SiteStatus;
  /** The docs of the locale being built (English files or its translations). */
  docs: readonly DocRoute[];
  /** Base URL of the locale being built, e.g. `/it/`. */
  baseUrl: string;
  /** `siteConfig.trailingSlash` */
  trailingSlash: boolean | undefined;
  defaultLocale: string;
  localeConfigs: Readonly<Record<string, LocaleInfo>>;
}

export function statusPageData(input: StatusPageInput): StatusPageData {
  const byPath = new Map<string, DocRoute>();
  for (const d of input.docs) {
    const src = docSource(d.source);
    if (src) byPath.set(src.docPath, d);
  }
  const defaultBaseUrl = input.localeConfigs[input.defaultLocale]?.baseUrl ?? '/';
  return {
    locales: input.status.locales.map((l) => {
      const config = input.localeConfigs[l.locale];
      const rows: StatusPageRow[] = l.pages.map((p) => {
        const doc = byPath.get(p.docPath);
        const englishHref = doc ? localeUrl(doc.permalink, input.baseUrl, defaultBaseUrl, input.trailingSlash) : null;
        const translationHref =
          doc && config && p.status !== 'missing' ? localeUrl(doc.permalink, input.baseUrl, config.baseUrl, input.trailingSlash) : null;
        return { docPath: p.docPath, title: doc?.title ?? p.docPath, status: p.status, syncedAt: p.syncedAt, englishHref, translationHref };
      });
      return {
        locale: l.locale,
        label: config?.label ?? l.locale,
        htmlLang: config?.htmlLang ?? l.locale,
        counts: { ...l.counts },
        rows,
        orphans: [...l.orphans],
      };
    }),
  };
}
