/**
 * Types and browser-safe helpers shared by the translation-status plugin and
 * the theme components that read its data (the status page, the banner).
 * No Node import here: this module ends up in the client bundle, while
 * `data.ts` (which hashes pages with node:crypto) stays on the build side.
 */

import type { EnglishChanges } from '../../src/lib/i18n/changes';

export type { EnglishChanges, ChangeHunk, ChangeLine } from '../../src/lib/i18n/changes';

export const PLUGIN_NAME = 'translation-status';
export const ROUTE_PATH = 'translation-status';
/** Under the status page: `<base URL>translation-status/changes/<locale>/<doc path without extension>`. */
export const CHANGES_ROUTE_PATH = `${ROUTE_PATH}/changes`;

export type PageStatus = 'translated' | 'stale' | 'missing';

/** A page of the current locale that is not up to date. */
export interface PendingPage {
  status: 'stale' | 'missing';
  /** `YYYY-MM-DD` of the last sync, null when never synced. */
  syncedAt: string | null;
}

/** Global data of the current locale: doc path (relative to docs/) -> pending page. Translated pages are omitted. */
export type TranslationGlobalData = Record<string, PendingPage>;

export interface StatusPageRow {
  docPath: string;
  /** Title of the page in the locale being built, or the doc path when the docs plugin has no such page. */
  title: string;
  status: PageStatus;
  syncedAt: string | null;
  /** URL of the English page, null when the docs plugin has no route for it (e.g. a `_partial.mdx`). */
  englishHref: string | null;
  /** URL of the page in this locale when a translated file exists (translated or stale), else null. */
  translationHref: string | null;
  /** URL of the view of the English changes since the sync (stale pages that were synced once), else null. */
  changesHref: string | null;
}

export interface StatusPageLocale {
  locale: string;
  label: string;
  htmlLang: string;
  counts: Record<PageStatus, number>;
  rows: StatusPageRow[];
  /** Translated files with no English page. */
  orphans: string[];
  /**
   * The API's own strings of the locale (`i18n/<locale>/openapi.json`: the spec's descriptions and
   * summaries, the reference pages' phrases), counted together; absent on a site without a spec.
   */
  apiStrings?: ApiStringSummary;
}

/** How many of a locale's API strings are translated, out of date (the English changed) or not translated. */
export interface ApiStringSummary {
  total: number;
  translated: number;
  stale: number;
  missing: number;
}

/** Props module of the generated `/translation-status` page. */
export interface StatusPageData {
  locales: StatusPageLocale[];
}

/** Props module of a page showing what changed in English since a translation's sync. */
export interface ChangesPageData {
  /** The translation's locale, its label and html lang. */
  locale: string;
  label: string;
  htmlLang: string;
  docPath: string;
  /** Title of the page in the locale being built. */
  title: string;
  /** The translated file to update, relative to the site root. */
  translatedFile: string;
  englishHref: string | null;
  translationHref: string | null;
  /** The status page of the locale being built. */
  statusHref: string;
  changes: EnglishChanges;
}

/** URL path of the changes view of `docPath` in `locale`, under the base URL of the locale being built. */
export function changesRoute(baseUrl: string, locale: string, docPath: string): string {
  return `${baseUrl}${CHANGES_ROUTE_PATH}/${locale}/${docPath.replace(/\.mdx?$/i, '')}`;
}

/** Which pages the status page lists: those that need work (out of date or not translated, the default), one status, or all. */
export type StatusFilter = 'needs-work' | 'stale' | 'missing' | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['needs-work', 'stale', 'missing', 'all'];
export const DEFAULT_STATUS_FILTER: StatusFilter = 'needs-work';

/** What the status page shows: a status filter and one locale or all (`null`). */
export interface StatusView {
  show: StatusFilter;
  locale: string | null;
}

export const DEFAULT_STATUS_VIEW: StatusView = { show: DEFAULT_STATUS_FILTER, locale: null };

export function rowMatches(row: Pick<StatusPageRow, 'status'>, filter: StatusFilter): boolean {
  switch (filter) {
    case 'needs-work':
      return row.status !== 'translated';
    case 'all':
      return true;
    default:
      return row.status === filter;
  }
}

/** The view in a query string (`?show=all&locale=it`); unknown values fall back to the defaults. */
export function parseStatusView(search: string, locales: readonly string[]): StatusView {
  const params = new URLSearchParams(search);
  const show = params.get('show');
  const locale = params.get('locale');
  return {
    show: (STATUS_FILTERS as readonly string[]).includes(show ?? '') ? (show as StatusFilter) : DEFAULT_STATUS_FILTER,
    locale: locale !== null && locales.includes(locale) ? locale : null,
  };
}

/** The query string of a view, without the defaults (`''` for the default view). */
export function statusViewSearch(view: StatusView): string {
  const params = new URLSearchParams();
  if (view.show !== DEFAULT_STATUS_FILTER) params.set('show', view.show);
  if (view.locale !== null) params.set('locale', view.locale);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const SOURCE_DOC = /^@site\/docs\/(.+)$/;
const TRANSLATED_DOC = /^@site\/i18n\/([^/]+)\/docusaurus-plugin-content-docs\/current\/(.+)$/;

/**
 * Where the docs plugin read a page from (`metadata.source`): the doc path
 * relative to docs/ and whether it is the English file or a locale's translation.
 */
export function docSource(source: string): { docPath: string; locale: string | null } | null {
  const english = SOURCE_DOC.exec(source);
  if (english?.[1] !== undefined) return { docPath: english[1], locale: null };
  const translated = TRANSLATED_DOC.exec(source);
  if (translated?.[1] !== undefined && translated[2] !== undefined) return { docPath: translated[2], locale: translated[1] };
  return null;
}

/**
 * The same page in another locale, the way Docusaurus builds its hreflang
 * links and locale dropdown: replace the base URL of the current locale by
 * the target locale's one, then apply the site's `trailingSlash` (the
 * permalink of an `index.md` ends with `/` whatever the setting; Docusaurus'
 * Link fixes that, a plain `<a>` must do it itself). Returns null when
 * `permalink` is not under `currentBaseUrl`.
 */
export function localeUrl(
  permalink: string,
  currentBaseUrl: string,
  targetBaseUrl: string,
  trailingSlash: boolean | undefined,
): string | null {
  if (!permalink.startsWith(currentBaseUrl)) return null;
  const url = targetBaseUrl + permalink.slice(currentBaseUrl.length);
  if (trailingSlash === undefined || url === targetBaseUrl) return url;
  if (trailingSlash) return url.endsWith('/') ? url : `${url}/`;
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

export type Banner =
  | { kind: 'missing'; englishHref: string }
  | { kind: 'stale'; englishHref: string; syncedAt: string | null };

export interface BannerInput {
  locale: string;
  defaultLocale: string;
  /** `useDoc().metadata.source` */
  source: string;
  /** `useDoc().metadata.permalink` */
  permalink: string;
  /** Base URL of the current locale (`siteConfig.baseUrl`, e.g. `/it/`). */
  baseUrl: string;
  /** Base URL of the default locale (`i18n.localeConfigs[defaultLocale].baseUrl`). */
  defaultBaseUrl: string;
  /** `siteConfig.trailingSlash` */
  trailingSlash: boolean | undefined;
  pending: TranslationGlobalData | undefined;
}

/**
 * Which banner a doc page needs: none in the default locale; `missing` when
 * Docusaurus serves the English file because the locale has no translation;
 * `stale` when the build marked the translation out of date.
 */
export function bannerFor(input: BannerInput): Banner | null {
  if (input.locale === input.defaultLocale) return null;
  const src = docSource(input.source);
  if (!src) return null;
  const englishHref = localeUrl(input.permalink, input.baseUrl, input.defaultBaseUrl, input.trailingSlash);
  if (englishHref === null) return null;
  if (src.locale === null) return { kind: 'missing', englishHref };
  const pending = input.pending?.[src.docPath];
  if (pending?.status === 'stale') return { kind: 'stale', englishHref, syncedAt: pending.syncedAt };
  return null;
}

/** `2026-11-23` as a long date of the locale (`23 novembre 2026`); the calendar day, whatever the reader's time zone. */
export function formatSyncDate(date: string, htmlLang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(htmlLang, { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}
