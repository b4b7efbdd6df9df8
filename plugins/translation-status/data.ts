/**
 * Pure part of the translation-status plugin: file contents in, the plugin's
 * global data, status-page data and the data of each view of English changes out.
 * The plugin (index.ts) reads the files; the statuses and changes come from the
 * translation cores (src/lib/i18n), shared with the i18n CLIs.
 */
import { englishChanges, type EnglishChanges } from '../../src/lib/i18n/changes';
import { manifestFile, translatedFile } from '../../src/lib/i18n/paths';
import { computeStatus, type LocaleStatus } from '../../src/lib/i18n/status';
import { parseManifest } from '../../src/lib/i18n/sync';
import type { ApiStringCounts } from '../../src/lib/api/stringsFile';
import {
  changesRoute,
  docSource,
  localeUrl,
  ROUTE_PATH,
  type ChangesPageData,
  type ApiStringSummary,
  type StatusPageData,
  type StatusPageRow,
  type TranslationGlobalData,
} from './shared';

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
  /** Text of `i18n/.source-snapshots/<hash>.md` (the English text at a sync), null when not stored. */
  snapshot?: (hash: string) => string | null;
  /** locale -> the counts of its `i18n/<locale>/openapi.json` (src/lib/api/stringsFile.ts `apiStringCounts`). */
  apiStrings?: Readonly<Record<string, ApiStringCounts>>;
}

export interface SiteStatus {
  locales: LocaleStatus[];
  /** Invalid manifest entries, as `file:line: message` (the entries are ignored). */
  problems: string[];
  /** locale -> doc path -> what changed in English since the sync, for the stale pages synced once. */
  changes: Record<string, Record<string, EnglishChanges>>;
  /** locale -> its API strings, spec and page phrases together. */
  apiStrings?: Record<string, ApiStringSummary>;
}

/** The spec's strings and the page phrases of a locale, counted together (for the status page). */
export function apiStringSummary(counts: ApiStringCounts): ApiStringSummary {
  const { spec, pages } = counts;
  return {
    total: spec.total + pages.total,
    translated: spec.translated + pages.translated,
    stale: spec.stale + pages.stale,
    missing: spec.missing + pages.missing,
  };
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
  const changes: SiteStatus['changes'] = {};
  for (const l of locales) {
    const byPage: Record<string, EnglishChanges> = {};
    for (const p of l.pages) {
      if (p.status !== 'stale' || p.syncedHash === null || p.syncedAt === null) continue;
      const c = englishChanges(files.sourcePages.get(p.docPath) ?? '', { sourceHash: p.syncedHash, syncedAt: p.syncedAt }, files.snapshot?.(p.syncedHash));
      if (c) byPage[p.docPath] = c;
    }
    changes[l.locale] = byPage;
  }
  const apiStrings = files.apiStrings
    ? Object.fromEntries(Object.entries(files.apiStrings).map(([locale, counts]) => [locale, apiStringSummary(counts)]))
    : undefined;
  return { locales, problems, changes, ...(apiStrings ? { apiStrings } : {}) };
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

function docsByPath(docs: readonly DocRoute[]): Map<string, DocRoute> {
  const byPath = new Map<string, DocRoute>();
  for (const d of docs) {
    const src = docSource(d.source);
    if (src) byPath.set(src.docPath, d);
  }
  return byPath;
}

export function statusPageData(input: StatusPageInput): StatusPageData {
  const byPath = docsByPath(input.docs);
  const defaultBaseUrl = input.localeConfigs[input.defaultLocale]?.baseUrl ?? '/';
  return {
    locales: input.status.locales.map((l) => {
      const config = input.localeConfigs[l.locale];
      const rows: StatusPageRow[] = l.pages.map((p) => {
        const doc = byPath.get(p.docPath);
        const englishHref = doc ? localeUrl(doc.permalink, input.baseUrl, defaultBaseUrl, input.trailingSlash) : null;
        const translationHref =
          doc && config && p.status !== 'missing' ? localeUrl(doc.permalink, input.baseUrl, config.baseUrl, input.trailingSlash) : null;
        const changesHref = input.status.changes[l.locale]?.[p.docPath] ? changesRoute(input.baseUrl, l.locale, p.docPath) : null;
        return { docPath: p.docPath, title: doc?.title ?? p.docPath, status: p.status, syncedAt: p.syncedAt, englishHref, translationHref, changesHref };
      });
      return {
        locale: l.locale,
        label: config?.label ?? l.locale,
        htmlLang: config?.htmlLang ?? l.locale,
        counts: { ...l.counts },
        rows,
        orphans: [...l.orphans],
        ...(input.status.apiStrings?.[l.locale] ? { apiStrings: { ...input.status.apiStrings[l.locale]! } } : {}),
      };
    }),
  };
}

/** One view of English changes: its route path and its props. */
export interface ChangesPage {
  path: string;
  data: ChangesPageData;
}

/** The views of English changes of every stale page synced once, in every locale, for the locale being built. */
export function changesPages(input: StatusPageInput): ChangesPage[] {
  const page = statusPageData(input);
  const out: ChangesPage[] = [];
  for (const l of page.locales) {
    for (const row of l.rows) {
      const changes = input.status.changes[l.locale]?.[row.docPath];
      if (!changes || !row.changesHref) continue;
      out.push({
        path: row.changesHref,
        data: {
          locale: l.locale,
          label: l.label,
          htmlLang: l.htmlLang,
          docPath: row.docPath,
          title: row.title,
          translatedFile: translatedFile(l.locale, row.docPath),
          englishHref: row.englishHref,
          translationHref: row.translationHref,
          statusHref: `${input.baseUrl}${ROUTE_PATH}`,
          changes,
        },
      });
    }
  }
  return out;
}
