import { describe, expect, it } from 'vitest';
import { emptyManifest, markPageSynced, serializeManifest } from '../../src/lib/i18n/sync';
import { sourceHash } from '../../src/lib/i18n/text';
import { changesPages, pendingPages, siteStatus, statusPageData, type DocRoute, type LocaleInfo, type SiteFiles } from './data';

const INTRO = '---\ntitle: Introduction\nslug: /api\n---\n\n# Callbell REST API\n\nHello.\n';
const CONTACTS = '---\ntitle: GET /contacts\n---\n\n# GET /contacts\n\nList contacts.\n';
const CONTACT = '---\ntitle: Contact\n---\n\n# Contact\n\nA contact.\n';

const INTRO_PATH = 'api/introduction.mdx';
const CONTACTS_PATH = 'api/reference/contacts_api/get_contacts.mdx';
const CONTACT_PATH = 'api/reference/object_types/contact.mdx';

/** A manifest that marks `pages` as synced on `date` against the given English texts. */
function manifest(pages: Array<[string, string]>, date: string): string {
  let m = emptyManifest();
  for (const [docPath, text] of pages) m = markPageSynced(m, docPath, text, date).manifest;
  return serializeManifest(m);
}

function files(overrides: Partial<Record<string, string>> = {}): SiteFiles {
  const sourcePages = new Map([
    [INTRO_PATH, INTRO],
    [CONTACTS_PATH, CONTACTS],
    [CONTACT_PATH, CONTACT],
  ]);
  return {
    sourcePages,
    locales: [
      {
        // in sync, except the introduction whose English text changed after the sync
        locale: 'it',
        translatedPaths: [INTRO_PATH, CONTACTS_PATH, CONTACT_PATH],
        manifestText: manifest(
          [
            [INTRO_PATH, INTRO.replace('Hello.', 'Hi.')],
            [CONTACTS_PATH, CONTACTS],
            [CONTACT_PATH, CONTACT],
          ],
          '2026-11-20',
        ),
      },
      // the Contact page is not translated; no manifest at all
      { locale: 'es', translatedPaths: [INTRO_PATH, CONTACTS_PATH], manifestText: overrides.es ?? null },
      // CRLF and trailing spaces in the English file do not make a translation stale
      {
        locale: 'pt',
        translatedPaths: [INTRO_PATH, CONTACTS_PATH, CONTACT_PATH, 'api/old.mdx'],
        manifestText: manifest(
          [
            [INTRO_PATH, INTRO.replace(/\n/g, '  \r\n')],
            [CONTACTS_PATH, CONTACTS],
            [CONTACT_PATH, CONTACT],
          ],
          '2026-11-21',
        ),
      },
    ],
  };
}

const LOCALES: Record<string, LocaleInfo> = {
  en: { label: 'English', htmlLang: 'en', baseUrl: '/' },
  it: { label: 'Italiano', htmlLang: 'it', baseUrl: '/it/' },
  es: { label: 'Español', htmlLang: 'es', baseUrl: '/es/' },
  pt: { label: 'Português', htmlLang: 'pt', baseUrl: '/pt/' },
};

describe('siteStatus and pendingPages', () => {
  it('marks a page stale when the English text changed since the sync, with the sync date', () => {
    expect(pendingPages(siteStatus(files()), 'it')).toEqual({
      [INTRO_PATH]: { status: 'stale', syncedAt: '2026-11-20' },
    });
  });

  it('lists missing translations, and translated files never synced as stale without a date', () => {
    expect(pendingPages(siteStatus(files()), 'es')).toEqual({
      [INTRO_PATH]: { status: 'stale', syncedAt: null },
      [CONTACTS_PATH]: { status: 'stale', syncedAt: null },
      [CONTACT_PATH]: { status: 'missing', syncedAt: null },
    });
  });

  it('omits translated pages, so an up-to-date locale has no entries', () => {
    expect(pendingPages(siteStatus(files()), 'pt')).toEqual({});
  });

  it('has no entries for the default locale', () => {
    expect(pendingPages(siteStatus(files()), 'en')).toEqual({});
  });

  it('reports invalid manifest entries with their file and line, and ignores them', () => {
    const status = siteStatus(files({ es: '{\n  "api/introduction.mdx": { "sourceHash": "nope", "syncedAt": "yesterday" }\n}\n' }));
    expect(status.problems).toEqual([
      expect.stringMatching(/^i18n\/es\/translation-sync\.json:2: entry "api\/introduction\.mdx" must be/),
    ]);
    expect(pendingPages(status, 'es')[INTRO_PATH]).toEqual({ status: 'stale', syncedAt: null });
  });

  it('reports a manifest that is not JSON', () => {
    expect(siteStatus(files({ es: '{ nope' })).problems).toEqual([expect.stringMatching(/^i18n\/es\/translation-sync\.json:1: not valid JSON/)]);
  });
});

describe('statusPageData', () => {
  // The Italian build: translated docs come from i18n/it, the permalinks carry /it/.
  const itDocs: DocRoute[] = [
    { source: `@site/i18n/it/docusaurus-plugin-content-docs/current/${INTRO_PATH}`, title: 'Introduzione', permalink: '/it/api' },
    { source: `@site/i18n/it/docusaurus-plugin-content-docs/current/${CONTACTS_PATH}`, title: 'GET /contacts', permalink: '/it/api/reference/contacts_api/get_contacts' },
    { source: `@site/i18n/it/docusaurus-plugin-content-docs/current/${CONTACT_PATH}`, title: 'Contatto', permalink: '/it/api/reference/object_types/contact' },
  ];
  const data = statusPageData({ status: siteStatus(files()), docs: itDocs, baseUrl: '/it/', trailingSlash: false, defaultLocale: 'en', localeConfigs: LOCALES });

  it('has every locale but the default one, with labels and counts', () => {
    expect(data.locales.map((l) => [l.locale, l.label, l.htmlLang, l.counts])).toEqual([
      ['it', 'Italiano', 'it', { translated: 2, stale: 1, missing: 0 }],
      ['es', 'Español', 'es', { translated: 0, stale: 2, missing: 1 }],
      ['pt', 'Português', 'pt', { translated: 3, stale: 0, missing: 0 }],
    ]);
  });

  it('links every English page, using the permalink from the docs plugin (slug included)', () => {
    const it = data.locales[0]!;
    expect(it.rows.map((r) => [r.docPath, r.title, r.status, r.syncedAt, r.englishHref, r.translationHref])).toEqual([
      [INTRO_PATH, 'Introduzione', 'stale', '2026-11-20', '/api', '/it/api'],
      [CONTACTS_PATH, 'GET /contacts', 'translated', '2026-11-20', '/api/reference/contacts_api/get_contacts', '/it/api/reference/contacts_api/get_contacts'],
      [CONTACT_PATH, 'Contatto', 'translated', '2026-11-20', '/api/reference/object_types/contact', '/it/api/reference/object_types/contact'],
    ]);
  });

  it('links the translated page of other locales, and none for a missing translation', () => {
    const es = data.locales[1]!;
    expect(es.rows.map((r) => [r.docPath, r.status, r.translationHref])).toEqual([
      [INTRO_PATH, 'stale', '/es/api'],
      [CONTACTS_PATH, 'stale', '/es/api/reference/contacts_api/get_contacts'],
      [CONTACT_PATH, 'missing', null],
    ]);
  });

  it('lists translated files without an English page', () => {
    expect(data.locales[2]!.orphans).toEqual(['api/old.mdx']);
  });

  it('works from the English build, where docs come from docs/', () => {
    const enDocs: DocRoute[] = [
      { source: `@site/docs/${INTRO_PATH}`, title: 'Introduction', permalink: '/api' },
      { source: `@site/docs/${CONTACTS_PATH}`, title: 'GET /contacts', permalink: '/api/reference/contacts_api/get_contacts' },
    ];
    const en = statusPageData({ status: siteStatus(files()), docs: enDocs, baseUrl: '/', trailingSlash: false, defaultLocale: 'en', localeConfigs: LOCALES });
    const pt = en.locales[2]!;
    expect(pt.rows.map((r) => [r.title, r.englishHref, r.translationHref])).toEqual([
      ['Introduction', '/api', '/pt/api'],
      ['GET /contacts', '/api/reference/contacts_api/get_contacts', '/pt/api/reference/contacts_api/get_contacts'],
      // no route for it in the docs plugin (e.g. a _partial.mdx): listed, without links
      [CONTACT_PATH, null, null],
    ]);
  });
});

describe('the views of English changes', () => {
  const OLD_INTRO = INTRO.replace('Hello.', 'Hi.');
  const snapshots = new Map([[sourceHash(OLD_INTRO), OLD_INTRO]]);
  const withSnapshots = (): SiteFiles => ({ ...files(), snapshot: (hash) => snapshots.get(hash) ?? null });
  // the Portuguese build
  const docs: DocRoute[] = [
    { source: `@site/i18n/pt/docusaurus-plugin-content-docs/current/${INTRO_PATH}`, title: 'Introdução', permalink: '/pt/api' },
    { source: `@site/i18n/pt/docusaurus-plugin-content-docs/current/${CONTACTS_PATH}`, title: 'GET /contacts', permalink: '/pt/api/reference/contacts_api/get_contacts' },
  ];
  const input = (status: ReturnType<typeof siteStatus>, baseUrl = '/') => ({ status, docs, baseUrl, trailingSlash: false, defaultLocale: 'en', localeConfigs: LOCALES });

  it('diffs the English text of the sync with the current one, for stale pages synced once only', () => {
    const status = siteStatus(withSnapshots());
    expect(Object.keys(status.changes.it!)).toEqual([INTRO_PATH]);
    // es: translated files never synced have no earlier English text to compare with
    expect(status.changes.es).toEqual({});
    const c = status.changes.it![INTRO_PATH]!;
    expect(c.kind).toBe('diff');
    if (c.kind !== 'diff') return;
    expect(c.syncedAt).toBe('2026-11-20');
    expect(c.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== ' ').map((l) => [l.kind, l.segments.filter((s) => s.changed).map((s) => s.text)]))).toEqual([
      // too little in common to mark words: the lines are shown whole
      ['-', []],
      ['+', []],
    ]);
    expect(c.hunks[0]!.lines.filter((l) => l.kind !== ' ').map((l) => l.segments.map((s) => s.text).join(''))).toEqual(['Hi.', 'Hello.']);
  });

  it('says so when the English text of the sync is not stored', () => {
    expect(siteStatus(files()).changes.it![INTRO_PATH]).toEqual(expect.objectContaining({ kind: 'no-snapshot', syncedAt: '2026-11-20' }));
  });

  it('links each stale row to its view and makes one page per view, under the built locale', () => {
    const status = siteStatus(withSnapshots());
    const data = statusPageData(input(status, '/pt/'));
    expect(data.locales[0]!.rows.map((r) => r.changesHref)).toEqual(['/pt/translation-status/changes/it/api/introduction', null, null]);
    const pages = changesPages(input(status, '/pt/'));
    expect(pages.map((p) => p.path)).toEqual(['/pt/translation-status/changes/it/api/introduction']);
    expect(pages[0]!.data).toEqual(expect.objectContaining({
      locale: 'it',
      label: 'Italiano',
      docPath: INTRO_PATH,
      title: 'Introdução',
      translatedFile: `i18n/it/docusaurus-plugin-content-docs/current/${INTRO_PATH}`,
      englishHref: '/api',
      translationHref: '/it/api',
      statusHref: '/pt/translation-status',
      changes: status.changes.it![INTRO_PATH],
    }));
  });
});

describe('the API strings of each locale', () => {
  const counts = (translated: number, stale: number, missing: number) => ({ total: translated + stale + missing, translated, stale, missing, orphans: 0 });
  const withApi: SiteFiles = { ...files(), apiStrings: { it: { spec: counts(500, 2, 3), pages: counts(30, 0, 5) }, es: { spec: counts(505, 0, 0), pages: counts(35, 0, 0) } } };

  it('counts the spec strings and the page phrases together, per locale, on the status page', () => {
    const status = siteStatus(withApi);
    expect(status.apiStrings).toEqual({ it: { total: 540, translated: 530, stale: 2, missing: 8 }, es: { total: 540, translated: 540, stale: 0, missing: 0 } });
    const page = statusPageData({ status, docs: [], baseUrl: '/', trailingSlash: false, defaultLocale: 'en', localeConfigs: {} });
    expect(page.locales.find((l) => l.locale === 'it')?.apiStrings).toEqual({ total: 540, translated: 530, stale: 2, missing: 8 });
    expect(page.locales.find((l) => l.locale === 'pt')?.apiStrings).toBeUndefined();
  });

  it('leaves them out on a site without a spec', () => {
    expect(siteStatus(files()).apiStrings).toBeUndefined();
    expect(statusPageData({ status: siteStatus(files()), docs: [], baseUrl: '/', trailingSlash: false, defaultLocale: 'en', localeConfigs: {} }).locales[0]).not.toHaveProperty('apiStrings');
  });
});
