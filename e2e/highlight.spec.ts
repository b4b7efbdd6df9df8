/**
 * Highlighted code keeps its server HTML, in every locale: code blocks and RequestTabs snippets are
 * highlighted in the static HTML with colours from CSS (light without JavaScript, the dark theme's
 * colours in dark mode, on load and after a client-side navigation), hydration keeps the server's
 * `pre` elements (none removed or replaced), the copy and word-wrap buttons work on them, a snippet
 * language chosen on an earlier visit shows highlighted after a reload, and the pages load without
 * a console error (hydration errors included).
 */
import type { Locator, Page } from '@playwright/test';
import { themes, type PrismTheme } from 'prism-react-renderer';
import { accessibleLight } from '../src/config/prismTheme';
import { expect, localePrefix, test } from './fixtures';
import { CONTACTS_PATH, GET_CONTACTS } from './pages/EndpointPage';

/** docusaurus.config.ts: themeConfig.prism.theme and darkTheme. */
const LIGHT = accessibleLight;
const DARK = themes.dracula;

const OBJECT_PATH = '/api/reference/object_types/contact';
const GUIDE_PATH = '/api/pagination';

/** The colour a theme gives a token type (its plain colour when no style names the type). */
function themeColour(theme: PrismTheme, type: string): string {
  const style = theme.styles.find((s) => s.types.includes(type));
  return style?.style.color ?? theme.plain.color!;
}

/** A CSS colour as the browser computes it (`rgb(…)`), for comparing with getComputedStyle. */
async function computed(page: Page, colour: string): Promise<string> {
  return page.evaluate((c) => {
    const probe = document.createElement('span');
    probe.style.color = c;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, colour);
}

/** The computed colour of the first token of `type` in `code`. */
async function tokenColour(code: Locator, type: string): Promise<string> {
  const token = code.locator(`.token.${type}`).first();
  await expect(token).toBeAttached();
  return token.evaluate((el) => getComputedStyle(el).color);
}

/** The first JSON code block of the page (a Markdown fence, rendered by the CodeBlock theme component). */
function jsonBlock(page: Page): Locator {
  return page.locator('.theme-code-block').filter({ has: page.locator('pre.language-json') }).first();
}

/** Scrolls to each code block in turn and waits for its copy button (rendered as the block nears the screen). */
async function scrollThroughCodeBlocks(page: Page, copyLabel: string): Promise<void> {
  const blocks = page.locator('.theme-code-block');
  const count = await blocks.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await blocks.nth(i).scrollIntoViewIfNeeded();
    await expect(blocks.nth(i).getByRole('button', { name: copyLabel })).toHaveCount(1);
  }
}

/** Resolves once the browser is idle (the site registers its extra Prism languages when idle). */
async function idle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
}

/** The visible snippet of the GET /contacts RequestTabs. */
function visibleSnippet(page: Page): Locator {
  return page.getByRole('region', { name: GET_CONTACTS.region }).first().getByRole('tabpanel').locator('pre').first();
}

test('without JavaScript, code blocks and snippets are highlighted by CSS in light mode', async ({ browser, siteLocale }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${localePrefix(siteLocale)}${CONTACTS_PATH}`);
  const json = jsonBlock(page).locator('pre');
  await expect(json).toBeVisible();
  expect(await tokenColour(json, 'property')).toBe(await computed(page, themeColour(LIGHT, 'property')));
  expect(await tokenColour(json, 'number')).toBe(await computed(page, themeColour(LIGHT, 'number')));
  const snippet = visibleSnippet(page);
  await expect(snippet).toContainText('curl');
  expect(await tokenColour(snippet, 'string')).toBe(await computed(page, themeColour(LIGHT, 'string')));
  expect(await tokenColour(snippet, 'function')).toBe(await computed(page, themeColour(LIGHT, 'function')));
  // The colours come from the stylesheet: no token carries a style of its own.
  expect(await page.locator('pre.prism-code .token').count()).toBeGreaterThan(100);
  await expect(page.locator('pre.prism-code [style]')).toHaveCount(0);
  await context.close();
});

test('in dark mode tokens take the dark theme\'s colours, on load and after a client-side navigation', async ({ browser, siteLocale, t }) => {
  // The dark theme leaves JSON's property names plain: the light theme's colour must not leak into it.
  expect(DARK.styles.some((s) => s.types.includes('property'))).toBe(false);
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${localePrefix(siteLocale)}${CONTACTS_PATH}`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const plain = await computed(page, DARK.plain.color!);
  const string = await computed(page, themeColour(DARK, 'string'));
  const json = jsonBlock(page).locator('pre');
  expect(await tokenColour(json, 'property')).toBe(plain);
  expect(await tokenColour(json, 'string')).toBe(string);
  expect(await tokenColour(visibleSnippet(page), 'string')).toBe(string);

  // A page reached from the sidebar is rendered by the browser, not the server: same classes, same colours.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  const sidebar = page.getByRole('navigation', { name: t('theme.docs.sidebar.navAriaLabel') });
  await sidebar.locator(`a[href="${localePrefix(siteLocale)}${GUIDE_PATH}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${GUIDE_PATH}$`));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  const guideJson = jsonBlock(page).locator('pre');
  await expect(guideJson).toBeVisible();
  expect(await tokenColour(guideJson, 'property')).toBe(plain);
  expect(await tokenColour(guideJson, 'number')).toBe(await computed(page, themeColour(DARK, 'number')));
  const python = page.locator('.theme-code-block pre.language-python').first();
  expect(await tokenColour(python, 'keyword')).toBe(await computed(page, themeColour(DARK, 'keyword')));
  await context.close();
});

/** Records, from the document's start, every `pre` of a code block or RequestTabs section that leaves the DOM. */
async function watchCodeRemovals(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { removed: [] as string[], parsed: [] as Element[] };
    Object.assign(window, { codeWatch: state });
    const CODE = '.theme-code-block, main section[aria-label]';
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (!(node instanceof Element)) continue;
          const hasPre = node.matches('pre') || node.querySelector('pre') !== null;
          const inCode = node.matches(CODE) || node.querySelector(CODE) !== null || (record.target instanceof Element && record.target.closest(CODE) !== null);
          if (hasPre && inCode) state.removed.push(node.outerHTML.slice(0, 120));
        }
      }
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => {
      state.parsed = [...document.querySelectorAll('.theme-code-block pre, main section[aria-label] pre')];
    });
  });
}

for (const path of [CONTACTS_PATH, GUIDE_PATH]) {
  test(`hydration keeps the server's code elements on ${path}`, async ({ page, siteLocale, t }) => {
    await watchCodeRemovals(page);
    await page.goto(`${localePrefix(siteLocale)}${path}`);
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    // The copy buttons render after hydration, as each block nears the screen: by then every effect of the first render has run.
    await scrollThroughCodeBlocks(page, t('theme.CodeBlock.copyButtonAriaLabel'));
    await idle(page);
    const watch = await page.evaluate(() => {
      const { removed, parsed } = (window as unknown as { codeWatch: { removed: string[]; parsed: Element[] } }).codeWatch;
      return { removed, parsed: parsed.length, gone: parsed.filter((el) => !el.isConnected).length };
    });
    expect(watch.removed).toEqual([]);
    expect(watch.gone).toBe(0);
    // GET /contacts: nine snippets and the JSON examples; the guide: its code blocks.
    expect(watch.parsed).toBeGreaterThanOrEqual(path === CONTACTS_PATH ? 10 : 2);
  });
}

test('the copy button copies the exact code, and word wrap toggles', async ({ page, context, siteLocale, t }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A phone's width, so the JSON example's long lines scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${localePrefix(siteLocale)}${CONTACTS_PATH}`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const block = jsonBlock(page);
  const pre = block.locator('pre');
  // As a reader does: scroll to the block (its buttons come as it nears the screen).
  await block.scrollIntoViewIfNeeded();
  // The code as the block shows it, line by line.
  const shown = await pre.evaluate((el) => [...el.querySelectorAll('.token-line')].map((line) => line.textContent).join('\n'));
  expect(() => JSON.parse(shown)).not.toThrow();
  await block.getByRole('button', { name: t('theme.CodeBlock.copyButtonAriaLabel') }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

  const scrolls = () => pre.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(await scrolls()).toBe(true);
  const wrap = block.getByRole('button', { name: t('theme.CodeBlock.wordWrapToggle') });
  await wrap.click();
  await expect(pre.locator('code')).toHaveCSS('white-space', 'pre-wrap');
  await expect.poll(scrolls).toBe(false);
  await wrap.click();
  await expect(pre.locator('code')).not.toHaveCSS('white-space', 'pre-wrap');
  await expect.poll(scrolls).toBe(true);
});

test('a snippet language chosen on an earlier visit is the one shown after a reload, highlighted', async ({ page, endpoint }) => {
  await endpoint.goto();
  await endpoint.tab('Python').click();
  await page.reload();
  await endpoint.waitForHydration();
  await expect(endpoint.tab('Python')).toHaveAttribute('aria-selected', 'true');
  const snippet = endpoint.visibleSnippet;
  await expect(snippet).toBeVisible();
  await expect(snippet).toContainText('import requests');
  await expect(snippet).toHaveAttribute('class', /language-python/);
  // Highlighted: `import` is a keyword in the light theme's colour.
  expect(await tokenColour(snippet, 'keyword')).toBe(await computed(page, themeColour(LIGHT, 'keyword')));
});

for (const path of [CONTACTS_PATH, OBJECT_PATH, GUIDE_PATH]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} loads without a console error (${colorScheme})`, async ({ page, siteLocale, t }) => {
      // The consoleGuard fixture fails the test on any console error: React reports hydration mismatches there.
      await page.emulateMedia({ colorScheme });
      await page.goto(`${localePrefix(siteLocale)}${path}`);
      await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await scrollThroughCodeBlocks(page, t('theme.CodeBlock.copyButtonAriaLabel'));
      await idle(page);
    });
  }
}
