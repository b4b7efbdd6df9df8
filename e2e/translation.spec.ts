/**
 * Translation status page, the view of the English changes of an out-of-date page, and the
 * translation banners, in every locale.
 *
 * The real site has every page translated and in sync; the pages in other states are tested on
 * a copy of it (scripts/e2e-fixture-site.mts) where api/changelog changed after its sync and
 * api/pagination has no translation. The pages to test the banners on are found through the
 * status page. The logic behind each state is covered by unit tests
 * (plugins/translation-status/*.test.ts, src/lib/i18n/changes.test.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { formatSyncDate } from '../plugins/translation-status/shared';
import { expect, localePrefix, test, type SiteLocale, type Translator } from './fixtures';
import { CONTACTS_PATH } from './pages/EndpointPage';
import { localeConfig, translatedLocales } from '../src/config/locales';
import { DEFAULT_LOCALE } from '../src/config/site';

type TranslatedLocale = Exclude<SiteLocale, 'en'>;
type Status = 'translated' | 'stale' | 'missing';
type Filter = 'needsWork' | 'stale' | 'missing' | 'all';

// The translated locales and their dropdown labels, from src/config/site.ts.
const TRANSLATED_LOCALES = translatedLocales().map((l) => l.code as TranslatedLocale);
const LABELS = Object.fromEntries(translatedLocales().map((l) => [l.code, l.label])) as Record<TranslatedLocale, string>;
const CONTACTS_DOC = 'api/reference/contacts_api/get_contacts.mdx';
const STALE_DOC = 'api/changelog.mdx';
const MISSING_DOC = 'api/pagination.mdx';
/** The sentence scripts/e2e-fixture-site.mts adds to the English changelog after the sync. */
const ADDED_SENTENCE = 'This sentence was added after the translations were synced.';
/** The screen sizes the pages must fit without sideways scrolling: a common laptop and a phone. */
const SCREENS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

/** Skips the test in the English project. */
function translatedLocale(locale: SiteLocale, why = 'banners only show in translated locales'): TranslatedLocale {
  test.skip(locale === 'en', why);
  return locale as TranslatedLocale;
}

async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The generated /translation-status page, located by role and label. */
class StatusPage {
  constructor(
    readonly page: Page,
    readonly locale: SiteLocale,
    readonly t: Translator,
  ) {}

  async goto(search = ''): Promise<void> {
    await this.page.goto(`${localePrefix(this.locale)}/translation-status${search}`);
    await waitForHydration(this.page);
  }

  filter(which: Filter): Locator {
    return this.page.getByRole('radio', { name: this.t(`translationStatus.filter.${which}`), exact: true });
  }

  language(): Locator {
    return this.page.getByRole('combobox', { name: this.t('translationStatus.filter.language'), exact: true });
  }

  section(locale: TranslatedLocale): Locator {
    return this.page.getByRole('region', { name: `${LABELS[locale]} (${locale})`, exact: true });
  }

  table(locale: TranslatedLocale): Locator {
    return this.page.getByRole('table', { name: `${LABELS[locale]} (${locale})`, exact: true });
  }

  /** The row of a page, found by its file (relative to docs/). */
  row(locale: TranslatedLocale, docPath: string): Locator {
    return this.table(locale)
      .getByRole('row')
      .filter({ has: this.page.getByText(docPath, { exact: true }) });
  }

  /** The file (relative to docs/) of every row listed for `locale`. */
  async listed(locale: TranslatedLocale): Promise<string[]> {
    if ((await this.table(locale).count()) === 0) return [];
    return this.table(locale).getByRole('rowheader').getByRole('code').allTextContents();
  }

  /** The text of a status cell: the status, then the date of the last sync. */
  statusText(status: Status): RegExp {
    return new RegExp(`^${escapeRegExp(this.t(`translationStatus.status.${status}`))}${escapeRegExp(this.t('translationStatus.lastSync').split('{date}')[0]!)}`);
  }

  /** The status cell of a row (the first cell) when it says `status`. */
  statusCell(row: Locator, status: Status): Locator {
    return row.getByRole('cell').first().filter({ hasText: this.statusText(status) });
  }

  /** The rows of `locale` with the given status. */
  rowsWith(locale: TranslatedLocale, status: Status): Locator {
    return this.table(locale)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell').filter({ hasText: this.statusText(status) }) });
  }

  /** The numbers of pages of `locale` in each status, as its section counts them. */
  async counts(locale: TranslatedLocale): Promise<Record<Status, number>> {
    const out = { translated: 0, stale: 0, missing: 0 };
    for (const s of ['translated', 'stale', 'missing'] as const) {
      const text = (await this.count(locale, s).textContent()) ?? '';
      out[s] = Number(/\d+/.exec(text.replace(this.t(`translationStatus.count.${s}`).replace('{count}', ''), ''))?.[0] ?? NaN);
    }
    return out;
  }

  /** The live line saying how many pages are listed ("6 pages listed"). */
  listedLine(count: number): string {
    const [one, other] = this.t('translationStatus.listed').split('|') as [string, string];
    return new Intl.PluralRules(this.locale).select(count) === 'one' ? one.replace('{count}', String(count)) : other.replace('{count}', String(count));
  }

  /** The count of pages with `status`, e.g. "Tradotte: 3", in the section of `locale`. */
  count(locale: TranslatedLocale, status: Status): Locator {
    const message = this.t(`translationStatus.count.${status}`); // "{count}" left in place
    const pattern = new RegExp(`^${escapeRegExp(message).replace('\\{count\\}', '\\d+')}$`);
    return this.section(locale).getByRole('listitem').filter({ hasText: pattern });
  }

  /** The link to the English page: the first link of the row header (then come the changes and the translation). */
  englishLink(row: Locator): Locator {
    return row.getByRole('rowheader').getByRole('link').first();
  }

  changesLink(row: Locator): Locator {
    return row.getByRole('link', { name: new RegExp(`^${escapeRegExp(this.t('translationStatus.changesLink'))}`) });
  }
}

interface Found {
  englishHref: string;
  /** URL of the page in the locale under test. */
  localeHref: string;
  /** `YYYY-MM-DD`, or null when never synced. */
  syncedAt: string | null;
}

/** The first page of the locale under test with `status`, read from the status page (default filter); null when there is none. */
async function findPage(status: StatusPage, locale: TranslatedLocale, which: 'stale' | 'missing'): Promise<Found | null> {
  await status.goto();
  const rows = status.rowsWith(locale, which);
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const link = status.englishLink(row);
    if ((await link.count()) === 0) continue; // e.g. a partial without a route
    const englishHref = (await link.getAttribute('href')) as string;
    const time = row.locator('time');
    const syncedAt = (await time.count()) > 0 ? await time.getAttribute('datetime') : null;
    return { englishHref, localeHref: `${localePrefix(locale)}${englishHref}`, syncedAt };
  }
  return null;
}

function banner(page: Page, t: Translator, which: 'stale' | 'missing'): Locator {
  return page.getByRole('note', { name: t(`translationBanner.${which}.title`), exact: true });
}

async function expectNoBanner(page: Page, t: Translator): Promise<void> {
  await expect(banner(page, t, 'missing')).toHaveCount(0);
  await expect(banner(page, t, 'stale')).toHaveCount(0);
}

/**
 * axe in light and then in dark mode (the site follows the system preference):
 * every rule on the whole page, or only colour rules inside `banner` (the rest
 * of a doc page is not this feature's).
 */
async function expectAccessible(page: Page, scope: 'page' | 'banner'): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await waitForHydration(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const builder = new AxeBuilder({ page });
    if (scope === 'banner') builder.include('[role="note"]').withRules(['color-contrast', 'link-in-text-block']);
    const axe = await builder.analyze();
    expect(axe.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

/** At each screen size: the document is no wider than the window, no table scrolls sideways, and `inView` is on screen. */
async function expectFitsScreens(page: Page, inView: () => Locator): Promise<void> {
  for (const size of SCREENS) {
    await page.setViewportSize(size);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      window: window.innerWidth,
      tables: [...document.querySelectorAll('main table')].map((t) => t.scrollWidth - t.clientWidth),
    }));
    expect(widths.document, `document width at ${size.width} px`).toBeLessThanOrEqual(widths.window);
    expect(widths.tables.filter((overflow) => overflow > 1), `tables scrolling sideways at ${size.width} px`).toEqual([]);
    const box = await inView().boundingBox();
    expect(box, `${size.width} px`).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `right edge at ${size.width} px`).toBeLessThanOrEqual(size.width);
  }
}

/** Following the banner's link leads to the English page, which has no banner. */
async function followEnglishLink(page: Page, link: Locator, englishHref: string, t: Translator): Promise<void> {
  await expect(link).toHaveAttribute('href', englishHref);
  const expected = new URL(englishHref, page.url()).href;
  await link.click();
  await expect(page).toHaveURL(expected);
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(DEFAULT_LOCALE).htmlLang);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoBanner(page, t);
}

test('the status page is in the locale language, lists only the pages that need work, and lists GET /contacts as translated under "All pages"', async ({ page, siteLocale, t }) => {
  test.slow(); // every page of every language under "All pages", and axe over one language's
  const status = new StatusPage(page, siteLocale, t);
  await status.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(siteLocale).htmlLang);
  await expect(page.getByRole('heading', { level: 1, name: t('translationStatus.title') })).toBeVisible();
  // by default only the pages that need work (out of date or not translated), as many as the counts say
  await expect(status.filter('needsWork')).toBeChecked();
  let needsWork = 0;
  for (const locale of TRANSLATED_LOCALES) {
    for (const s of ['translated', 'stale', 'missing'] as const) await expect(status.count(locale, s)).toHaveCount(1);
    const c = await status.counts(locale);
    needsWork += c.stale + c.missing;
    if (c.stale + c.missing === 0) {
      await expect(status.section(locale).getByText(t('translationStatus.empty.needsWork'), { exact: true })).toBeVisible();
      await expect(status.table(locale)).toHaveCount(0);
    } else {
      expect(await status.listed(locale)).toHaveLength(c.stale + c.missing);
      await expect(status.rowsWith(locale, 'translated')).toHaveCount(0);
    }
  }
  await expect(page.getByRole('main').getByRole('status')).toHaveText(status.listedLine(needsWork));
  await status.filter('all').check();
  await expect(page).toHaveURL(/\?show=all$/);
  await expect(page.getByRole('columnheader', { name: t('translationStatus.column.status'), exact: true })).toHaveCount(TRANSLATED_LOCALES.length);
  for (const locale of TRANSLATED_LOCALES) {
    const row = status.row(locale, CONTACTS_DOC);
    await expect(row).toHaveCount(1);
    // the status comes first (statusCell is the row's first cell)
    await expect(
      status.statusCell(row, 'translated'),
      `${CONTACTS_DOC} in ${locale} should be translated and synced: does i18n/${locale}/translation-sync.json mark it? (npm run i18n:sync -- ${CONTACTS_DOC} --locale ${locale})`,
    ).toBeVisible();
    await expect(status.englishLink(row)).toHaveAttribute('href', CONTACTS_PATH);
    await expect(row.getByRole('link', { name: LABELS[locale], exact: true })).toHaveAttribute('href', `/${locale}${CONTACTS_PATH}`);
    await expect(status.changesLink(row)).toHaveCount(0);
    await expect(row.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  }
  await expect(page.getByText('tools/i18n/TRANSLATING.md', { exact: true })).toBeVisible();
  for (const command of ['npm run i18n:check', 'npm run i18n:status -- --diff', 'npm run i18n:sync -- <page> --locale <locale>']) {
    await expect(page.getByText(command, { exact: true })).toBeVisible();
  }
  // the longest list fits a laptop and a phone screen, the status column included
  await expectFitsScreens(page, () => page.getByRole('columnheader', { name: t('translationStatus.column.status'), exact: true }).first());
  await page.setViewportSize(SCREENS[0]);
  // axe on every row of one language (the rows of the others are the same components)
  const one = siteLocale === DEFAULT_LOCALE ? TRANSLATED_LOCALES[0]! : (siteLocale as TranslatedLocale);
  await status.goto(`?show=all&locale=${one}`);
  await expectAccessible(page, 'page');
  // the reload kept the view
  await expect(status.filter('all')).toBeChecked();
  await expect(status.language()).toHaveValue(one);
});

test('an up-to-date translation has no banner', async ({ page, siteLocale, t }) => {
  const locale = translatedLocale(siteLocale);
  const status = new StatusPage(page, siteLocale, t);
  await status.goto('?show=all');
  await expect(status.filter('all')).toBeChecked();
  const synced = await status.statusCell(status.row(locale, CONTACTS_DOC), 'translated').count();
  test.skip(synced === 0, `${CONTACTS_DOC} is not marked in sync in ${locale} (see the status page test)`);
  await page.goto(`${localePrefix(locale)}${CONTACTS_PATH}`);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'GET /contacts' })).toBeVisible();
  await expectNoBanner(page, t);
});

test.describe('on a site with an out-of-date and an untranslated page', () => {
  test.use({ baseURL: `http://localhost:${process.env.FIXTURE_PORT ?? 3002}` });

  test('the status page lists what needs work, and filters by status and language', async ({ page, siteLocale, t }) => {
    test.slow(); // many rows while other English pages are out of date too, and axe over them
    const status = new StatusPage(page, siteLocale, t);
    await status.goto();
    const counts = new Map<TranslatedLocale, Record<Status, number>>();
    for (const locale of TRANSLATED_LOCALES) {
      const c = await status.counts(locale);
      counts.set(locale, c);
      const listed = await status.listed(locale);
      expect(listed, `needs work in ${locale}`).toEqual(expect.arrayContaining([STALE_DOC, MISSING_DOC]));
      expect(listed).toHaveLength(c.stale + c.missing);
      await expect(status.rowsWith(locale, 'translated')).toHaveCount(0);
      await expect(status.statusCell(status.row(locale, STALE_DOC), 'stale')).toBeVisible();
      await expect(status.statusCell(status.row(locale, MISSING_DOC), 'missing')).toBeVisible();
      await expect(status.changesLink(status.row(locale, STALE_DOC))).toHaveAttribute('href', `${localePrefix(siteLocale)}/translation-status/changes/${locale}/api/changelog`);
      await expect(status.changesLink(status.row(locale, MISSING_DOC))).toHaveCount(0);
    }
    const total = [...counts.values()].reduce((n, c) => n + c.stale + c.missing, 0);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(status.listedLine(total));
    await status.filter('stale').check();
    for (const locale of TRANSLATED_LOCALES) {
      const listed = await status.listed(locale);
      expect(listed).toContain(STALE_DOC);
      expect(listed).toHaveLength(counts.get(locale)!.stale);
      await expect(status.rowsWith(locale, 'stale')).toHaveCount(listed.length);
    }
    await status.filter('missing').check();
    for (const locale of TRANSLATED_LOCALES) {
      const listed = await status.listed(locale);
      expect(listed).toContain(MISSING_DOC);
      expect(listed).toHaveLength(counts.get(locale)!.missing);
      await expect(status.rowsWith(locale, 'missing')).toHaveCount(listed.length);
    }
    await status.language().selectOption('pt');
    await expect(page).toHaveURL(/\?show=missing&locale=pt$/);
    await expect(status.section('pt')).toBeVisible();
    await expect(status.section('it')).toHaveCount(0);
    await expect(status.section('es')).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(status.listedLine(counts.get('pt')!.missing));
    // the view survives a reload and can be shared
    await page.reload();
    await waitForHydration(page);
    await expect(status.filter('missing')).toBeChecked();
    await expect(status.language()).toHaveValue('pt');
    await expect(status.section('it')).toHaveCount(0);
    await status.filter('all').check();
    expect((await status.listed('pt')).length).toBeGreaterThan(2);
    // at both screen sizes, with the widest rows (an out-of-date page and its links)
    await status.goto();
    await expectFitsScreens(page, () => status.row('it', STALE_DOC).getByRole('cell').first());
    await page.setViewportSize(SCREENS[0]);
    // axe on the out-of-date pages of one language, with their links to the English changes
    const one = siteLocale === DEFAULT_LOCALE ? TRANSLATED_LOCALES[0]! : (siteLocale as TranslatedLocale);
    await status.goto(`?show=stale&locale=${one}`);
    await expect(status.changesLink(status.row(one, STALE_DOC))).toBeVisible();
    await expectAccessible(page, 'page');
  });

  test('an out-of-date page links to the English changes since its sync, rendered in the reader\'s language', async ({ page, siteLocale, t }) => {
    const locale = translatedLocale(siteLocale, 'the view of the changes is tested in the translated locales');
    const status = new StatusPage(page, siteLocale, t);
    await status.goto();
    const row = status.row(locale, STALE_DOC);
    const title = (await status.englishLink(row).textContent()) as string;
    const syncedAt = (await row.locator('time').getAttribute('datetime')) as string;
    await status.changesLink(row).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/translation-status/changes/${locale}/api/changelog$`));
    await waitForHydration(page);
    await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(locale).htmlLang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('translationChanges.title', { page: title }));
    await expect(page.getByText(formatSyncDate(syncedAt, locale), { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: t('translationChanges.back'), exact: true })).toHaveAttribute('href', `/${locale}/translation-status`);
    await expect(page.getByText(`i18n/${locale}/docusaurus-plugin-content-docs/current/${STALE_DOC}`, { exact: true })).toBeVisible();
    await expect(page.getByText(`npm run i18n:sync -- ${STALE_DOC} --locale ${locale}`, { exact: true })).toBeVisible();
    // the changed line: before in a deletion, now in an insertion whose new words are in bold
    const hunk = page.getByRole('table').first();
    await expect(hunk.getByRole('columnheader', { name: t('translationChanges.column.now'), exact: true })).toBeVisible();
    const added = hunk.getByRole('insertion');
    await expect(added).toHaveCount(1);
    await expect(added).toContainText(ADDED_SENTENCE);
    await expect(added.getByRole('strong')).toHaveText(` ${ADDED_SENTENCE}`);
    await expect(added).toContainText(t('translationChanges.added'));
    const removed = hunk.getByRole('deletion');
    await expect(removed).toHaveCount(1);
    await expect(removed).not.toContainText(ADDED_SENTENCE);
    await expect(removed).toContainText(((await added.textContent()) as string).replace(t('translationChanges.added'), '').replace(` ${ADDED_SENTENCE}`, '').trim());
    await expectFitsScreens(page, () => added);
    await page.setViewportSize(SCREENS[0]);
    await expectAccessible(page, 'page');
  });

  test('a page without translation says so in the locale language and links the English page', async ({ page, siteLocale, t }) => {
    const locale = translatedLocale(siteLocale);
    const found = await findPage(new StatusPage(page, siteLocale, t), locale, 'missing');
    expect(found, 'the fixture site has api/pagination untranslated').not.toBeNull();
    expect(found!.englishHref).toBe('/api/pagination');
    const { localeHref, englishHref } = found as Found;
    await page.goto(localeHref);
    await waitForHydration(page);
    await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(locale).htmlLang);
    const note = banner(page, t, 'missing');
    await expect(note).toBeVisible();
    await expect(note).toContainText(t('translationBanner.missing.body', { language: t('translationBanner.language') }));
    await expectAccessible(page, 'banner');
    await followEnglishLink(page, note.getByRole('link', { name: t('translationBanner.missing.link'), exact: true }), englishHref, t);
  });

  test('an out-of-date translation says so, with the date of the last sync, and links the English page', async ({ page, siteLocale, t }) => {
    const locale = translatedLocale(siteLocale);
    const found = await findPage(new StatusPage(page, siteLocale, t), locale, 'stale');
    expect(found, 'the fixture site has api/changelog changed after its sync').not.toBeNull();
    expect(found!.englishHref).toBe('/api/changelog');
    expect(found!.syncedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { localeHref, englishHref, syncedAt } = found as Found;
    await page.goto(localeHref);
    await waitForHydration(page);
    const note = banner(page, t, 'stale');
    await expect(note).toBeVisible();
    await expect(note).toContainText(
      syncedAt === null ? t('translationBanner.stale.neverSynced') : t('translationBanner.stale.body', { date: formatSyncDate(syncedAt, locale) }),
    );
    await expectAccessible(page, 'banner');
    await followEnglishLink(page, note.getByRole('link', { name: t('translationBanner.stale.link'), exact: true }), englishHref, t);
  });
});

test('the English site shows no translation banner', async ({ page, request, siteLocale, t }) => {
  test.skip(siteLocale !== 'en', 'the English pages are checked once, in the en project');
  const status = new StatusPage(page, siteLocale, t);
  await status.goto('?show=all&locale=it');
  const links = status.table('it').getByRole('rowheader').getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.filter((a) => a.getAttribute('hreflang') === 'en').map((a) => a.getAttribute('href') as string));
  expect(hrefs).toContain(CONTACTS_PATH);
  // Every English page, in its static HTML (the banner is rendered at build time) ...
  const titles = [t('translationBanner.missing.title'), t('translationBanner.stale.title')];
  const withBanner: string[] = [];
  for (const href of hrefs) {
    const response = await request.get(href);
    expect(response.ok(), href).toBe(true);
    const html = await response.text();
    if (titles.some((title) => html.includes(title))) withBanner.push(href);
  }
  expect(withBanner).toEqual([]);
  // ... and a few once hydrated.
  for (const href of [CONTACTS_PATH, ...hrefs.filter((h) => h !== CONTACTS_PATH).slice(0, 2)]) {
    await page.goto(href);
    await waitForHydration(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoBanner(page, t);
  }
});
