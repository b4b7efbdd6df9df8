/**
 * Site search in every locale, on the built site: the navbar box and its shortcuts,
 * results from the reader's locale that land on the right page (a localized word, an
 * identifier, a method and path, a query without accents, a translated sidebar label,
 * an object, an error code), the keyboard, hostile input, accessibility, lazy loading,
 * the site copy the banner tests build, and the built index read from Node.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { loadSpec } from '../src/lib/api/load';
import { DEFAULT_LOCALE, LOCALES } from '../src/config/site';
import { displayPath, SpecKeywords } from '../src/lib/search/keywords';
import { normalizeQuery } from '../src/lib/search/query';
import { localeBuildDir, openSearchIndex } from '../src/lib/search/node';
import { expect, localePrefix, ROOT, test, type SiteLocale } from './fixtures';
import { CONTACTS_PATH } from './pages/EndpointPage';
import { SearchBox } from './pages/SearchBox';
import { E2E } from './ports';

/** The search words of a locale; a new locale's tests are skipped until it has some. */
function wordsOf(locale: SiteLocale): { word: [string, string]; noAccents: [string, string] } {
  const words = WORDS[locale];
  test.skip(!words, `no search words for the locale ${locale}: add them to WORDS in e2e/search.spec.ts`);
  return words!;
}

/** The front matter of a doc in a locale, read from its source file. */
function frontMatter(locale: SiteLocale, doc: string): Record<string, string> {
  const file = locale === 'en' ? `docs/${doc}.mdx` : `i18n/${locale}/docusaurus-plugin-content-docs/current/${doc}.mdx`;
  const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(ROOT, file), 'utf8'));
  return (m ? parse(m[1]!) : {}) as Record<string, string>;
}

/** Per locale: a word found through stemming, and a query typed without the accents of the page's words. */
const WORDS: Partial<Record<SiteLocale, { word: [string, string]; noAccents: [string, string] }>> = {
  en: { word: ['paginating', '/api/pagination'], noAccents: ['rate limits', '/api/rate_limits'] },
  it: { word: ['contatti', '/api/reference/contacts_api'], noAccents: ['integrita', '/api/webhooks#controlli-di-integrità'] },
  es: { word: ['mensajes', '/api/reference/messages_api'], noAccents: ['paginacion', '/api/pagination'] },
  pt: { word: ['mensagens', '/api/reference/messages_api'], noAccents: ['autenticacao', '/api/authentication'] },
};

test.describe('search', () => {
  let search: SearchBox;
  test.beforeEach(({ page, t }) => {
    search = new SearchBox(page, t);
  });

  test('the navbar box is on every page and opens with Ctrl+K and /, but not from a text field', async ({ page, endpoint, siteLocale }) => {
    for (const url of ['/', '/api/errors', '/api/reference/object_types/contact']) {
      await page.goto(localePrefix(siteLocale) + url);
      await endpoint.waitForHydration();
      await expect(search.button).toBeVisible();
    }
    await endpoint.goto();
    await page.keyboard.press('Control+k');
    await expect(search.input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(search.dialog).toBeHidden();
    await page.keyboard.press('Meta+k');
    await expect(search.input).toBeFocused();
    await search.dialog.getByRole('button', { name: endpoint.t('search.close') }).click();
    await expect(search.dialog).toBeHidden();
    await page.keyboard.press('/');
    await expect(search.input).toBeFocused();
    await expect(search.input).toHaveValue('');
    await page.keyboard.press('Escape');

    // `/` typed in a text field stays there.
    await endpoint.openTryIt();
    await endpoint.keyInput.fill('');
    await endpoint.keyInput.press('/');
    await expect(endpoint.keyInput).toHaveValue('/');
    await expect(search.dialog).toBeHidden();
  });

  test('a localized word, found through stemming, lands on its page', async ({ page, endpoint, siteLocale }) => {
    await endpoint.goto();
    const [word, target] = wordsOf(siteLocale).word;
    await search.go(word);
    await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${target}$`));
  });

  test('a query without accents lands on the page (and section) that has them', async ({ page, endpoint, siteLocale }) => {
    await endpoint.goto();
    const [query, target] = wordsOf(siteLocale).noAccents;
    await search.go(query);
    const [pathname, anchor] = target.split('#');
    await expect(page).toHaveURL((url) => url.pathname === `${localePrefix(siteLocale)}${pathname}` && decodeURIComponent(url.hash.slice(1)) === (anchor ?? ''));
    if (anchor) await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  });

  test('a method and path puts the endpoint first', async ({ page, endpoint, siteLocale }) => {
    await endpoint.goto('/api/errors');
    for (const [query, target, title] of [
      ['GET /contacts', CONTACTS_PATH, 'GET /contacts'],
      ['/contacts/phone', '/api/reference/contacts_api/get_contact_by_phone', 'GET /contacts/phone/:phone_number'],
      ['post messages send', '/api/reference/messages_api/post_messages', 'POST /messages/send'],
    ] as const) {
      await search.go(query);
      await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${target}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    }
  });

  test('an identifier finds the pages that define it; the result shows title, section and the match, and lands at the section', async ({ page, endpoint }) => {
    await endpoint.goto('/api/errors');
    for (const name of ['team_uuid', 'include_field_types', 'customFieldsMetadata']) {
      await search.search(name);
      const first = search.options.first();
      await expect(first.locator('mark').filter({ hasText: name }).first()).toBeVisible();
      await search.input.press('Enter');
      await expect(page).toHaveURL(/#./);
      const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
      await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
      await expect(page.getByRole('main').getByText(name, { exact: true }).first()).toBeVisible();
    }
  });

  test('a translated sidebar label and an object name find their pages', async ({ page, endpoint, siteLocale }) => {
    await endpoint.goto('/api/errors');
    const label = frontMatter(siteLocale, 'api/reference/contacts_api/get_contacts').sidebar_label!;
    await search.search(label);
    await expect(search.options.first()).toContainText(label);
    await search.input.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${CONTACTS_PATH}$`));
    await search.go('Contact');
    await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}/api/reference/object_types/contact$`));
  });

  test('an error code finds the errors guide first, then the operations that return it', async ({ endpoint, siteLocale }) => {
    await endpoint.goto();
    await search.search('rate_limited');
    await expect(search.options.first()).toContainText(frontMatter(siteLocale, 'api/errors').title!);
    await expect(search.options.filter({ hasText: /^(GET|POST|PUT|PATCH|DELETE) \// }).first()).toBeVisible();
  });

  test('the list works from the keyboard', async ({ page, endpoint, siteLocale }) => {
    await endpoint.goto('/api/errors');
    await search.search('GET /contacts');
    const options = search.options;
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await search.input.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
    await expect(search.input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
    await search.input.press('ArrowUp');
    await search.input.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await search.input.press('ArrowDown');
    await search.input.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.input.press('Enter');
    // The second result: another GET /contacts/... endpoint, not the pinned GET /contacts.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^GET \/contacts\//);
    await expect(page).not.toHaveURL(new RegExp(`${localePrefix(siteLocale)}${CONTACTS_PATH}$`));
    await search.open();
    await expect(search.input).toHaveValue('GET /contacts');
    await page.keyboard.press('Escape');
    await expect(search.dialog).toBeHidden();
  });

  test('hostile or odd input is harmless and answered', async ({ page, endpoint, t }) => {
    await endpoint.goto();
    await search.open();
    const hint = t('search.hint');
    for (const query of ['', 'x', 'é']) {
      await search.input.fill(query);
      await expect(search.status).toHaveText(hint);
    }
    for (const query of ['a'.repeat(500), '<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=1">', '.*', '"', '\\', '%', '%00', '😀', '😀😀', '"unbalanced', 'team_uuid)(']) {
      await search.input.fill(query);
      // Answered: the results of this query, "no results" for it, or the hint when it is one character.
      const expected = normalizeQuery(query);
      const answers = expected ? [expected, t('search.noResults', { query: expected })] : [hint];
      await expect
        .poll(async () => answers.includes((await page.evaluate(() => document.querySelector('dialog [role=listbox]')?.getAttribute('data-query') ?? document.querySelector('dialog [role=status]')?.textContent)) ?? ''))
        .toBe(true);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(search.dialog.locator('script, img')).toHaveCount(0);
    await search.search('GET /contacts');
    await expect(search.options.first()).toContainText('GET /contacts');
  });

  test('axe finds nothing with the dialog open', async ({ page, endpoint }) => {
    await endpoint.goto();
    await search.search('contacts');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the search code and index load on first use only', async ({ page, endpoint, siteLocale }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await endpoint.goto();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    const scriptsBefore = requests.filter((p) => p.endsWith('.js')).length;
    await search.search('GET /contacts');
    // The dialog's chunk, then this locale's Pagefind bundle.
    expect(requests.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(scriptsBefore + 1);
    expect(requests).toContain(`${localePrefix(siteLocale)}/pagefind/pagefind.js`);
    expect(requests.filter((p) => p.includes('/pagefind/') && !p.startsWith(`${localePrefix(siteLocale)}/pagefind/`))).toEqual([]);
  });
});

test.describe('search on the site copy of the banner tests', () => {
  test.use({ baseURL: `http://localhost:${E2E.fixturePort}` });

  test('works there too', async ({ page, siteLocale, t }) => {
    const search = new SearchBox(page, t);
    await page.goto(`${localePrefix(siteLocale)}/api/errors`);
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    await search.go('GET /contacts');
    await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${CONTACTS_PATH}$`));
  });
});

test.describe('the built index, read from Node', () => {
  test('carries every endpoint page with its method, path and parameter names, and only this locale', async ({ siteLocale }) => {
    const spec = new SpecKeywords(loadSpec());
    const index = await openSearchIndex(path.join(localeBuildDir(path.join(ROOT, E2E.buildDir), siteLocale, DEFAULT_LOCALE), 'pagefind'));
    const others = LOCALES.map((l) => l.code).filter((l) => l !== siteLocale && l !== DEFAULT_LOCALE).map((l) => `/${l}/`);
    expect(index.manifest.locale).toBe(siteLocale);
    const prefix = localePrefix(siteLocale);
    for (const op of spec.operations) {
      const page = index.manifest.pages.find((p) => p.method === op.method && p.path === op.path);
      expect(page, `${siteLocale}: a page for ${op.method} ${op.path}`).toBeDefined();
      const first = (await index.search(`${op.method} ${displayPath(op.path)}`))[0];
      expect(first?.page).toBe(page!.url);
      for (const param of op.params) {
        const hits = await index.search(param.name, 1000);
        expect(hits.map((h) => h.page), `${siteLocale}: ${param.name} of ${op.request}`).toContain(page!.url);
        expect(hits.filter((h) => (prefix ? !h.page.startsWith(`${prefix}/`) : others.some((o) => h.page.startsWith(o))))).toEqual([]);
      }
    }
  });
});
