/**
 * Translation status page and translation banners, in every locale.
 *
 * The pages to test the banners on are found in the build itself, through the
 * status page: a test skips (with the reason) when the build has no page in
 * that state, instead of faking one. The banner logic for every state is
 * covered by unit tests (plugins/translation-status/*.test.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { formatSyncDate } from '../plugins/translation-status/shared';
import { expect, localePrefix, test, type SiteLocale, type Translator } from './fixtures';
import { CONTACTS_PATH } from './pages/EndpointPage';

type TranslatedLocale = Exclude<SiteLocale, 'en'>;

const TRANSLATED_LOCALES: readonly TranslatedLocale[] = ['it', 'es', 'pt'];
const LABELS: Record<TranslatedLocale, string> = { it: 'Italiano', es: 'Español', pt: 'Português' };
const CONTACTS_DOC = 'api/reference/contacts_api/get_contacts.mdx';

/** Skips the test in the English project: banners only show in translated locales. */
function translatedLocale(locale: SiteLocale): TranslatedLocale {
  test.skip(locale === 'en', 'banners only show in translated locales');
  return locale as TranslatedLocale;
}

async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
}

/** The generated /translation-status page, located by role and label. */
class StatusPage {
  constructor(
    readonly page: Page,
    readonly locale: SiteLocale,
    readonly t: Translator,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${localePrefix(this.locale)}/translation-status`);
    await waitForHydration(this.page);
  }

  table(locale: TranslatedLocale): Locator {
    return this.page.getByRole('table', { name: `${LABELS[locale]} (${locale})`, exact: true });
  }

  /** The row of a page, found by its file (relative to docs/). */
  row(locale: TranslatedLocale, docPath: string): Locator {
    return this.table(locale)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: docPath, exact: true }) });
  }

  statusCell(row: Locator, status: 'translated' | 'stale' | 'missing'): Locator {
    return row.getByRole('cell', { name: this.t(`translationStatus.status.${status}`), exact: true });
  }

  /** The rows of `locale` with the given status. */
  rowsWith(locale: TranslatedLocale, status: 'translated' | 'stale' | 'missing'): Locator {
    return this.table(locale)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: this.t(`translationStatus.status.${status}`), exact: true }) });
  }

  /** The count of pages with `status`, e.g. "Tradotte: 3", in the section of `locale`. */
  count(locale: TranslatedLocale, status: 'translated' | 'stale' | 'missing'): Locator {
    const message = this.t(`translationStatus.count.${status}`); // "{count}" left in place
    const pattern = new RegExp(`^${escapeRegExp(message).replace('\\{count\\}', '\\d+')}$`);
    return this.page
      .getByRole('region', { name: `${LABELS[locale]} (${locale})`, exact: true })
      .getByRole('listitem')
      .filter({ hasText: pattern });
  }

  englishLink(row: Locator): Locator {
    return row.getByRole('rowheader').getByRole('link');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Found {
  englishHref: string;
  /** URL of the page in the locale under test. */
  localeHref: string;
  /** `YYYY-MM-DD`, or null when never synced. */
  syncedAt: string | null;
}

/** The first page of the locale under test with `status`, read from the status page; null when there is none. */
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

/** Following the banner's link leads to the English page, which has no banner. */
async function followEnglishLink(page: Page, link: Locator, englishHref: string, t: Translator): Promise<void> {
  await expect(link).toHaveAttribute('href', englishHref);
  const expected = new URL(englishHref, page.url()).href;
  await link.click();
  await expect(page).toHaveURL(expected);
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoBanner(page, t);
}

test('the status page is in the locale language and lists GET /contacts as translated everywhere', async ({ page, siteLocale, t }) => {
  const status = new StatusPage(page, siteLocale, t);
  await status.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', siteLocale);
  await expect(page.getByRole('heading', { level: 1, name: t('translationStatus.title') })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: t('translationStatus.column.status'), exact: true })).toHaveCount(3);
  for (const locale of TRANSLATED_LOCALES) {
    const row = status.row(locale, CONTACTS_DOC);
    await expect(row).toHaveCount(1);
    await expect(
      status.statusCell(row, 'translated'),
      `${CONTACTS_DOC} in ${locale} should be translated and synced: does i18n/${locale}/translation-sync.json mark it? (npm run i18n:sync -- ${CONTACTS_DOC} --locale ${locale})`,
    ).toBeVisible();
    await expect(status.englishLink(row)).toHaveAttribute('href', CONTACTS_PATH);
    await expect(row.getByRole('link', { name: LABELS[locale], exact: true })).toHaveAttribute('href', `/${locale}${CONTACTS_PATH}`);
    await expect(row.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    for (const s of ['translated', 'stale', 'missing'] as const) await expect(status.count(locale, s)).toHaveCount(1);
  }
  await expect(page.getByText('tools/i18n/TRANSLATING.md', { exact: true })).toBeVisible();
  for (const command of ['npm run i18n:check', 'npm run i18n:status', 'npm run i18n:sync -- <page> --locale <locale>']) {
    await expect(page.getByText(command, { exact: true })).toBeVisible();
  }
  await expectAccessible(page, 'page');
});

test('an up-to-date translation has no banner', async ({ page, siteLocale, t }) => {
  const locale = translatedLocale(siteLocale);
  const status = new StatusPage(page, siteLocale, t);
  await status.goto();
  const synced = await status.statusCell(status.row(locale, CONTACTS_DOC), 'translated').count();
  test.skip(synced === 0, `${CONTACTS_DOC} is not marked in sync in ${locale} (see the status page test)`);
  await page.goto(`${localePrefix(locale)}${CONTACTS_PATH}`);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'GET /contacts' })).toBeVisible();
  await expectNoBanner(page, t);
});

/**
 * The real site has every page translated and in sync, so the two banners are
 * tested on a copy of it (scripts/e2e-fixture-site.mts) where api/changelog
 * changed after its sync and api/pagination has no translation.
 */
test.describe('on a site with an out-of-date and an untranslated page', () => {
  test.use({ baseURL: `http://localhost:${process.env.FIXTURE_PORT ?? 3002}` });

test('a page without translation says so in the locale language and links the English page', async ({ page, siteLocale, t }) => {
  const locale = translatedLocale(siteLocale);
  const found = await findPage(new StatusPage(page, siteLocale, t), locale, 'missing');
  expect(found, 'the fixture site has api/pagination untranslated').not.toBeNull();
  expect(found!.englishHref).toBe('/api/pagination');
  const { localeHref, englishHref } = found as Found;
  await page.goto(localeHref);
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
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
  await status.goto();
  const links = status.table('it').getByRole('rowheader').getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') as string));
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
