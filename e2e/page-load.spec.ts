/**
 * What a page asks of the network while it loads, in every locale (issue 16):
 * - its HTML names every script the load needs (plugins/route-chunk-scripts), so the browser
 *   fetches the page's own chunks alongside main.js instead of after running it;
 * - prefetching for the links in view asks for each chunk once and never for one the page has
 *   loaded (plugins/quiet-load);
 * - main.js starts with V8's compile hint, so Chromium compiles it while downloading it
 *   (plugins/compile-hints), and it starts the app in later tasks than its own evaluation
 *   (plugins/quiet-load's entry);
 * - after the load, what depends on knowing it runs in a browser (now a transition) is there: the
 *   colour mode toggle is enabled and works. (The phone menu: small-screens.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { expect, localePrefix, test } from './fixtures';
import { GET_CONTACTS } from './pages/EndpointPage';

const PAGES = [GET_CONTACTS.path, '/api/reference/object_types/contact', '/api/pagination', '/'];

/** The paths of the `<script src>` of the page's HTML as served (before any script ran). */
async function htmlScripts(page: Page, url: string): Promise<string[]> {
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  const html = await response.text();
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => new URL(m[1]!, response.url()).pathname);
}

/** Loads `url` and returns the paths of the scripts requested until React has hydrated the page. */
async function scriptsUntilHydrated(page: Page, url: string): Promise<string[]> {
  const requested: string[] = [];
  let hydrated = false;
  page.on('request', (request) => {
    if (!hydrated && request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
  });
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  hydrated = true;
  return requested;
}

for (const path of PAGES) {
  test(`${path}: the HTML names every script the page needs to hydrate`, async ({ page, siteLocale }) => {
    const url = localePrefix(siteLocale) + path;
    const inHtml = await htmlScripts(page, url);
    // More than runtime and main: the page's own chunks are there.
    expect(inHtml.length).toBeGreaterThan(2);
    const requested = await scriptsUntilHydrated(page, url);
    expect(requested.filter((script) => !inHtml.includes(script))).toEqual([]);
  });
}

test("main.js starts with V8's compile hint, and the page's own chunks do not", async ({ page, siteLocale }) => {
  const scripts = await htmlScripts(page, localePrefix(siteLocale) + GET_CONTACTS.path);
  const main = scripts.find((s) => /\/main\.[0-9a-f]+\.js$/.test(s));
  expect(main).toBeDefined();
  for (const script of scripts) {
    const text = await (await page.request.get(script)).text();
    expect(text.startsWith('//# allFunctionsCalledOnLoad\n'), script).toBe(script === main);
  }
});

test('main.js starts the app in later tasks than its own, and the app starts', async ({ page, siteLocale }) => {
  // At main.js's load event (dispatched in the task that ran it, after its microtasks), neither React DOM
  // (which reports to a devtools hook as it evaluates) nor Docusaurus's client entry (which sets
  // window.docusaurus first thing) has run: they come in later tasks.
  await page.addInitScript(() => {
    const seen: string[] = [];
    const win = window as unknown as { mainLoadSaw: string[]; reactDomEvaluated: boolean; __REACT_DEVTOOLS_GLOBAL_HOOK__: object };
    win.mainLoadSaw = seen;
    win.reactDomEvaluated = false;
    // React DOM calls checkDCE, then inject, while its module evaluates.
    win.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      checkDCE() {
        win.reactDomEvaluated = true;
      },
      inject() {
        return 1;
      },
      onCommitFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
    };
    document.addEventListener(
      'load',
      (event) => {
        const script = event.target;
        if (script instanceof HTMLScriptElement && /\/main\.[0-9a-f]+\.js$/.test(script.src)) {
          seen.push(`React DOM evaluated ${win.reactDomEvaluated}, docusaurus ${typeof (window as unknown as { docusaurus?: unknown }).docusaurus}`);
        }
      },
      true,
    );
  });
  await page.goto(localePrefix(siteLocale) + GET_CONTACTS.path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  expect(await page.evaluate(() => (window as unknown as { mainLoadSaw: string[] }).mainLoadSaw)).toEqual(['React DOM evaluated false, docusaurus undefined']);
  expect(await page.evaluate(() => (window as unknown as { reactDomEvaluated: boolean }).reactDomEvaluated)).toBe(true);
  expect(await page.evaluate(() => typeof (window as unknown as { docusaurus?: { prefetch?: unknown } }).docusaurus?.prefetch)).toBe('function');
});

test('prefetching asks for each chunk once, and never for one the page has loaded', async ({ page, siteLocale }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const loaded = await scriptsUntilHydrated(page, localePrefix(siteLocale) + GET_CONTACTS.path);
  // Prefetching starts as the links come into view; scrolling brings the page's links in.
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.locator('link[rel=prefetch]').count()).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  const prefetched = await page.locator('link[rel=prefetch]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  expect(prefetched.length).toBe(new Set(prefetched).size);
  expect(prefetched.filter((href) => loaded.includes(href))).toEqual([]);
});

test('after the load, the colour mode toggle is enabled and switches the theme', async ({ page, siteLocale }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(localePrefix(siteLocale) + GET_CONTACTS.path);
  // Disabled in the server's HTML; enabled once the page knows it is in a browser.
  const toggle = page.locator('.navbar button[class*=toggleButton]');
  await expect(toggle).toBeEnabled();
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  // The toggle goes round system, light and dark: within three clicks the theme is the other one.
  await expect(async () => {
    await toggle.click();
    expect(await html.getAttribute('data-theme')).not.toBe(before);
  }).toPass({ intervals: [200], timeout: 5000 });
});

test('code blocks far below the first screen get their buttons only as they come near it', async ({ page, siteLocale, t }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto(localePrefix(siteLocale) + GET_CONTACTS.path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const last = page.locator('.theme-code-block').last();
  const copy = last.getByRole('button', { name: t('theme.CodeBlock.copyButtonAriaLabel') });
  // The last block is several screens down: nothing rendered for it yet.
  expect(await last.evaluate((el) => el.getBoundingClientRect().top - window.innerHeight)).toBeGreaterThan(1500);
  await page.waitForTimeout(300);
  await expect(copy).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(copy).toHaveCount(1);
});

test('when hydration fails (text changed before React ran, as translating extensions do), code blocks and snippets keep their code and tables their rows', async ({ page, siteLocale, consoleGuard }) => {
  // React reports the mismatch and renders the page again from scratch.
  consoleGuard.allow(/onRecoverableError|Minified React error #418|Hydration failed/);
  await page.addInitScript({
    content: `document.addEventListener('DOMContentLoaded', () => { const h1 = document.querySelector('article h1'); if (h1 && h1.firstChild) h1.firstChild.textContent = 'Rewritten before hydration'; });`,
  });
  await page.goto(localePrefix(siteLocale) + GET_CONTACTS.path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(page.locator('article h1')).toBeVisible();
  const pres = page.locator('.theme-code-block pre, main section[aria-label] pre');
  expect(await pres.count()).toBeGreaterThan(3);
  await expect.poll(() => pres.evaluateAll((els) => els.filter((el) => (el.textContent ?? '').trim() === '').length)).toBe(0);
  const tables = page.locator('article table');
  expect(await tables.count()).toBeGreaterThan(0);
  await expect.poll(() => tables.evaluateAll((els) => els.filter((el) => el.querySelectorAll('tbody tr').length === 0).length)).toBe(0);
  await expect(page.getByRole('cell', { name: 'include_field_types', exact: true })).toBeVisible();
});
