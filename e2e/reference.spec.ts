/**
 * The GET /contacts and Contact pages in every locale: language, locale
 * switching, snippet tabs, static HTML without JavaScript, accessibility, and
 * sidebar links that load their page on intent (hover, focus), not on sight.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { localeCodes, localeConfig } from '../src/config/locales';
import { expect, localePrefix, ROOT, test, type SiteLocale } from './fixtures';
import { CONTACTS_PATH } from './pages/EndpointPage';
import { recordRouteRequests } from './routeRequests';

/** The locale dropdown's label of a locale (src/config/site.ts). */
const label = (locale: SiteLocale): string => localeConfig(locale).label;

/** The `###` headings of the page as the locale's source file has them. */
function headingsOf(locale: SiteLocale, doc: string): string[] {
  const file =
    locale === 'en' ? `docs/${doc}.mdx` : `i18n/${locale}/docusaurus-plugin-content-docs/current/${doc}.mdx`;
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/`/g, '').trim());
}

test('the GET /contacts page renders in the locale language', async ({ page, endpoint, siteLocale }) => {
  await endpoint.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(siteLocale).htmlLang);
  await expect(page.getByRole('heading', { level: 1, name: 'GET /contacts' })).toBeVisible();
  const expected = headingsOf(siteLocale, 'api/reference/contacts_api/get_contacts');
  expect(expected.length).toBeGreaterThan(4);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(expected);
  if (siteLocale !== 'en') {
    // Not silently English: the English headings must not show.
    const english = headingsOf('en', 'api/reference/contacts_api/get_contacts');
    expect(expected.filter((h) => english.includes(h))).toEqual([]);
  }
  for (const name of ['page', 'source', 'tags', 'team_uuid', 'include_field_types']) {
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  // hreflang alternates for every locale.
  for (const locale of localeCodes() as SiteLocale[]) {
    await expect(page.locator(`link[rel="alternate"][hreflang="${localeConfig(locale).htmlLang}"]`)).toHaveAttribute(
      'href',
      new RegExp(`${localePrefix(locale)}${CONTACTS_PATH}$`),
    );
  }
});

test('the locale dropdown keeps the reader on the same page', async ({ page, endpoint, siteLocale }) => {
  await endpoint.goto();
  const target: SiteLocale = siteLocale === 'it' ? 'pt' : 'it';
  await page.getByRole('button', { name: label(siteLocale) }).hover();
  await page.getByRole('link', { name: label(target) }).click();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(target)}${CONTACTS_PATH}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(target).htmlLang);
});

test('every snippet tab shows code for the request', async ({ endpoint }) => {
  await endpoint.goto();
  const expectations: Array<[string, RegExp]> = [
    ['cURL', /curl --request GET[\s\S]*\/v1\/contacts/],
    ['JavaScript', /await fetch\(/],
    ['Python', /import requests/],
    ['Node.js', /from 'node:https?'/],
    ['PHP', /curl_init/],
    ['Ruby', /Net::HTTP/],
    ['Go', /net\/http/],
    ['Java', /HttpClient/],
    ['C#', /HttpClient/],
  ];
  for (const [label, pattern] of expectations) {
    await endpoint.tab(label).click();
    await expect(endpoint.tab(label)).toHaveAttribute('aria-selected', 'true');
    await expect(endpoint.visibleSnippet).toHaveText(pattern);
    await expect(endpoint.visibleSnippet).toContainText('<YOUR_API_KEY>');
  }
});

test('the chosen snippet language is remembered across pages', async ({ page, endpoint }) => {
  await endpoint.goto();
  await endpoint.tab('Python').click();
  await page.reload();
  await endpoint.waitForHydration();
  await expect(endpoint.tab('Python')).toHaveAttribute('aria-selected', 'true');
});

test('snippets and tables are in the static HTML, without JavaScript', async ({ browser, siteLocale }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${localePrefix(siteLocale)}${CONTACTS_PATH}`);
  await expect(page.getByText(/curl --request GET/).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'include_field_types', exact: true })).toBeVisible();
  await context.close();
});

test('the Contact object page resolves in every locale', async ({ page, endpoint, siteLocale }) => {
  await endpoint.goto();
  await page.getByRole('link', { name: 'Contact[]' }).click();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}/api/reference/object_types/contact$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Contact' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'conversationHref', exact: true })).toBeVisible();
});

test('axe finds no accessibility violations, panel closed and open', async ({ page, endpoint }) => {
  await endpoint.goto();
  const closed = await new AxeBuilder({ page }).analyze();
  expect(closed.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  // A short answer keeps the scan quick: axe checks every highlighted token.
  await endpoint.param('tags').fill('hot');
  await endpoint.param('source').selectOption('whatsapp');
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('200');
  const open = await new AxeBuilder({ page }).analyze();
  expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the home page leads to the reference', async ({ page, endpoint, siteLocale, t }) => {
  await page.goto(`${localePrefix(siteLocale)}/`);
  await endpoint.waitForHydration();
  await expect(page.locator('html')).toHaveAttribute('lang', localeConfig(siteLocale).htmlLang);
  await page.getByRole('link', { name: t('home.reference') }).click();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${CONTACTS_PATH}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'GET /contacts' })).toBeVisible();
  // Docusaurus' route progress bar (nprogress, role="bar") is gone once the navigation has settled.
  await expect(page.locator('#nprogress')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a sidebar link loads its page when pointed at, not when on screen, and opens it without a reload', async ({ page, endpoint, siteLocale, t }) => {
  const asked = await recordRouteRequests(page);
  await endpoint.goto();
  const target = `${localePrefix(siteLocale)}/api/rate_limits`;
  const link = page.getByRole('navigation', { name: t('theme.docs.sidebar.navAriaLabel') }).locator(`a[href="${target}"]`);
  await expect(link).toBeInViewport();
  // The page's own prefetches have run by the time it is idle.
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
  expect((await asked()).filter((a) => a.endsWith(` ${target}`))).toEqual([]);
  await link.hover();
  await expect.poll(asked).toContain(`preload ${target}`);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  await expect(link).toHaveAttribute('aria-current', 'page');
});
