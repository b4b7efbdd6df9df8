import { describe, expect, it } from 'vitest';
import {
  bannerFor,
  changesRoute,
  DEFAULT_STATUS_VIEW,
  docSource,
  formatSyncDate,
  localeUrl,
  parseStatusView,
  rowMatches,
  statusViewSearch,
  type BannerInput,
  type PageStatus,
} from './shared';

describe('docSource', () => {
  it('reads the doc path and locale of a doc source', () => {
    expect(docSource('@site/docs/api/introduction.mdx')).toEqual({ docPath: 'api/introduction.mdx', locale: null });
    expect(docSource('@site/i18n/pt/docusaurus-plugin-content-docs/current/api/reference/x.md')).toEqual({ docPath: 'api/reference/x.md', locale: 'pt' });
    expect(docSource('@site/versioned_docs/version-1/api.mdx')).toBeNull();
  });
});

describe('localeUrl', () => {
  it('swaps the locale base URL, like the locale dropdown', () => {
    expect(localeUrl('/it/api/reference/contacts_api/get_contacts', '/it/', '/', false)).toBe('/api/reference/contacts_api/get_contacts');
    expect(localeUrl('/api', '/', '/es/', false)).toBe('/es/api');
    expect(localeUrl('/docs/it/api', '/docs/it/', '/docs/', undefined)).toBe('/docs/api');
    expect(localeUrl('/elsewhere', '/it/', '/', false)).toBeNull();
  });

  it('applies trailingSlash, as Docusaurus links do (index docs have a permalink ending with /)', () => {
    expect(localeUrl('/it/api/reference/auth_api/', '/it/', '/', false)).toBe('/api/reference/auth_api');
    expect(localeUrl('/it/api/reference/auth_api', '/it/', '/', true)).toBe('/api/reference/auth_api/');
    expect(localeUrl('/it/api/reference/auth_api/', '/it/', '/', undefined)).toBe('/api/reference/auth_api/');
    // the home page of a locale is its base URL, left as it is
    expect(localeUrl('/it/', '/it/', '/', false)).toBe('/');
    expect(localeUrl('/', '/', '/pt/', false)).toBe('/pt/');
  });
});

describe('bannerFor', () => {
  const base: BannerInput = {
    locale: 'it',
    defaultLocale: 'en',
    source: '@site/i18n/it/docusaurus-plugin-content-docs/current/api/reference/contacts_api/get_contacts.mdx',
    permalink: '/it/api/reference/contacts_api/get_contacts',
    baseUrl: '/it/',
    defaultBaseUrl: '/',
    trailingSlash: false,
    pending: {},
  };

  it('shows nothing on an up-to-date translation', () => {
    expect(bannerFor(base)).toBeNull();
  });

  it('shows "missing" when the English file is served, with the English URL', () => {
    expect(bannerFor({ ...base, source: '@site/docs/api/reference/contacts_api/get_contacts.mdx' })).toEqual({
      kind: 'missing',
      englishHref: '/api/reference/contacts_api/get_contacts',
    });
  });

  it('shows "stale" with the last sync date when the global data marks the page stale', () => {
    const pending = { 'api/reference/contacts_api/get_contacts.mdx': { status: 'stale', syncedAt: '2026-11-20' } } as const;
    expect(bannerFor({ ...base, pending })).toEqual({ kind: 'stale', englishHref: '/api/reference/contacts_api/get_contacts', syncedAt: '2026-11-20' });
    const never = { 'api/reference/contacts_api/get_contacts.mdx': { status: 'stale', syncedAt: null } } as const;
    expect(bannerFor({ ...base, pending: never })).toMatchObject({ kind: 'stale', syncedAt: null });
  });

  it('uses the page slug from the permalink, not the file path', () => {
    expect(bannerFor({ ...base, source: '@site/docs/api/introduction.mdx', permalink: '/it/api' })).toEqual({ kind: 'missing', englishHref: '/api' });
  });

  it('shows nothing in the default locale, even for pages marked pending', () => {
    const pending = { 'api/introduction.mdx': { status: 'missing', syncedAt: null } } as const;
    expect(bannerFor({ ...base, locale: 'en', baseUrl: '/', source: '@site/docs/api/introduction.mdx', permalink: '/api', pending })).toBeNull();
  });

  it('copes with missing global data', () => {
    expect(bannerFor({ ...base, pending: undefined })).toBeNull();
  });
});

describe('formatSyncDate', () => {
  it('formats the calendar day for the locale', () => {
    expect(formatSyncDate('2026-11-23', 'it')).toBe('23 novembre 2026');
    expect(formatSyncDate('2026-11-23', 'es')).toBe('23 de noviembre de 2026');
    expect(formatSyncDate('2026-11-23', 'pt')).toBe('23 de novembro de 2026');
    expect(formatSyncDate('2026-01-01', 'en')).toBe('January 1, 2026');
  });

  it('leaves anything else as it is', () => {
    expect(formatSyncDate('soon', 'it')).toBe('soon');
  });
});

describe('status page filter', () => {
  const rows: { status: PageStatus }[] = [{ status: 'translated' }, { status: 'stale' }, { status: 'missing' }];
  const shown = (f: Parameters<typeof rowMatches>[1]): PageStatus[] => rows.filter((r) => rowMatches(r, f)).map((r) => r.status);

  it('shows the pages that need work by default, one status, or all', () => {
    expect(DEFAULT_STATUS_VIEW).toEqual({ show: 'needs-work', locale: null });
    expect(shown('needs-work')).toEqual(['stale', 'missing']);
    expect(shown('stale')).toEqual(['stale']);
    expect(shown('missing')).toEqual(['missing']);
    expect(shown('all')).toEqual(['translated', 'stale', 'missing']);
  });

  it('reads and writes the view in the query string, ignoring what it does not know', () => {
    const locales = ['it', 'es', 'pt'];
    expect(parseStatusView('', locales)).toEqual(DEFAULT_STATUS_VIEW);
    expect(parseStatusView('?show=stale&locale=pt', locales)).toEqual({ show: 'stale', locale: 'pt' });
    expect(parseStatusView('?show=everything&locale=fr', locales)).toEqual(DEFAULT_STATUS_VIEW);
    expect(statusViewSearch(DEFAULT_STATUS_VIEW)).toBe('');
    expect(statusViewSearch({ show: 'all', locale: 'it' })).toBe('?show=all&locale=it');
    expect(statusViewSearch({ show: 'needs-work', locale: 'es' })).toBe('?locale=es');
    for (const view of [{ show: 'missing', locale: null }, { show: 'all', locale: 'pt' }] as const) {
      expect(parseStatusView(statusViewSearch(view), locales)).toEqual(view);
    }
  });
});

describe('changesRoute', () => {
  it('puts the locale and the doc path without extension under the status page of the built locale', () => {
    expect(changesRoute('/', 'it', 'api/changelog.mdx')).toBe('/translation-status/changes/it/api/changelog');
    expect(changesRoute('/es/', 'pt', 'api/reference/contacts_api/get_contacts.md')).toBe('/es/translation-status/changes/pt/api/reference/contacts_api/get_contacts');
  });
});
