/**
 * The site for assistants, on the built site, in every locale:
 * - every doc page's Markdown (its URL plus `.md`) is served as text/markdown, holds no
 *   JSX, import or MDX comment, has the same tables and code blocks as the HTML page (the
 *   HTML read by the browser with JavaScript off), its RequestTabs as the page's own cURL
 *   and Python snippets against the production URL (plus one pair per other documented
 *   request), links to `.md` pages that exist, and is what the MCP server makes from the
 *   sources when there is no build;
 * - llms.txt and llms-full.txt in the locale's language, every listed link alive;
 * - a URL with no Markdown form is a 404, never an HTML page served as `.md`;
 * - the "Copy page" control: translated, copies the Markdown from the keyboard, "View as
 *   Markdown" beside it, and the page's `<link rel="alternate" type="text/markdown">`;
 * - the MCP server's search_docs on the built search index.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { environmentsFrom } from '../src/config/environments';
import { DEFAULT_LOCALE } from '../src/config/site';
import { markdownFacts } from '../src/lib/markdown-export/check';
import { LinkResolver, operationFor, pageMarkdown } from '../src/lib/markdown-export/page';
import { exampleRequests } from '../src/lib/markdown-export/requests';
import { readLocaleSite, readPageSource } from '../src/lib/markdown-export/sources';
import { markdownPath, markdownPaths } from '../src/lib/markdown-export/urls';
import { localeBuildDir } from '../src/lib/search/node';
import { expect, localePrefix, test, type SiteLocale } from './fixtures';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { readConfig } from '../tools/mcp/config';
import { createMcpServer } from '../tools/mcp/server';
import { CONTACTS_PATH } from './pages/EndpointPage';
import { E2E, E2E_SANDBOX_URL } from './ports';

const PRODUCTION_URL = environmentsFrom(process.env).environments.find((e) => e.id === 'production')!.baseUrl;

function siteOf(locale: SiteLocale) {
  return readLocaleSite(locale, { productionUrl: PRODUCTION_URL });
}

/** A site URL path -> the file of the build that serves it. */
function builtFile(urlPath: string): string {
  return path.join(E2E.buildDir, decodeURIComponent(urlPath));
}

/** What the HTML page shows, read in the browser: tables, and code blocks / RequestTabs snippets in order. */
interface HtmlFacts {
  tables: string[][][];
  items: Array<{ kind: 'code'; text: string } | { kind: 'request'; snippets: Record<string, string> }>;
}

async function htmlFacts(page: Page): Promise<HtmlFacts> {
  // No helper function inside evaluate: tsx would wrap it in a name helper the page lacks.
  return page.locator('.theme-doc-markdown').evaluate((root): HtmlFacts => {
    const textOf = (el: Element, br: string): string => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('br').forEach((b) => b.replaceWith(br));
      return copy.textContent ?? '';
    };
    // A code block's text: one element per line (the theme's and the snippets' markup alike).
    const codeOf = (pre: Element): string => {
      const code = pre.querySelector('code') ?? pre;
      const lines = [...code.children];
      return lines.length ? lines.map((line) => (line.textContent ?? '').replace(/\n/g, '')).join('\n').replace(/\n+$/, '') : textOf(code, '\n');
    };
    const inTabs = (el: Element) => el.closest('section[aria-label]') !== null;
    const tables = [...root.querySelectorAll('table')]
      .filter((t) => !inTabs(t))
      .map((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => textOf(c, ' ').replace(/\s+/g, ' ').trim())));
    const items: HtmlFacts['items'] = [];
    for (const el of root.querySelectorAll('pre, section[aria-label]')) {
      if (el.tagName === 'SECTION') {
        const labels = [...el.querySelectorAll('[role=tab]')].map((tab) => (tab.textContent ?? '').trim());
        const panels = [...el.querySelectorAll('[role=tabpanel]')];
        const snippets: Record<string, string> = {};
        labels.forEach((label, i) => {
          const pre = panels[i]?.querySelector('pre');
          if (pre) snippets[label] = codeOf(pre);
        });
        items.push({ kind: 'request', snippets });
      } else if (!inTabs(el)) {
        items.push({ kind: 'code', text: codeOf(el) });
      }
    }
    return { tables, items };
  });
}

/** The `<RequestTabs>` of a page's source, in order. */
function requestTabsOf(source: string): Array<{ endpoint: string; request: string }> {
  return [...source.matchAll(/<RequestTabs\s+endpoint=['"]([\w-]+)['"]\s+request=['"]([\w-]+)['"]/g)].map((m) => ({ endpoint: m[1]!, request: m[2]! }));
}

test.describe('Markdown pages', () => {
  test('every doc page has clean Markdown with the tables and code of its HTML page', async ({ browser, request, siteLocale }) => {
    test.setTimeout(600_000);
    const site = siteOf(siteLocale);
    const links = new LinkResolver(site);
    expect(site.pages.length).toBeGreaterThan(80);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems: string[] = [];
    const note = (doc: string, problem: string) => problems.push(`${doc}: ${problem}`);
    let checkedCode = 0;
    let checkedTables = 0;
    try {
      for (const doc of site.pages) {
        const mdPath = markdownPath(doc.permalink);
        const res = await request.get(mdPath);
        expect(res.status(), mdPath).toBe(200);
        expect(res.headers()['content-type'], mdPath).toMatch(/^text\/markdown/);
        const md = await res.text();
        for (const alias of markdownPaths(doc.permalink).slice(1)) {
          if (readFileSync(builtFile(alias), 'utf8') !== md) note(mdPath, `${alias} differs`);
        }
        // The MCP server's conversion from the sources (no build) gives the same text.
        if (pageMarkdown(site, doc, readPageSource(doc), links) !== md) note(mdPath, 'differs from the conversion of its source');
        const facts = markdownFacts(md);
        for (const leftover of facts.leftovers) note(mdPath, leftover);
        if (!md.startsWith('# ')) note(mdPath, 'does not start with the title');
        if (doc.description && !md.includes('\n\n> ')) note(mdPath, 'has no description');

        for (const url of facts.links) {
          if (!url.startsWith(site.siteUrl)) continue;
          const target = new URL(url).pathname;
          if (target.endsWith('.md')) {
            if (!existsSync(builtFile(target))) note(mdPath, `links to ${url}, which the build does not have`);
          } else if (links.pageAt(target)) {
            note(mdPath, `links to the HTML of a doc page: ${url}`);
          }
        }

        await page.goto(doc.permalink.replace(/(.)\/$/, '$1'));
        const html = await htmlFacts(page);
        if (JSON.stringify(html.tables) !== JSON.stringify(facts.tables)) {
          note(mdPath, `tables differ:\n  html ${JSON.stringify(html.tables).slice(0, 300)}\n  md   ${JSON.stringify(facts.tables).slice(0, 300)}`);
        }
        checkedTables += html.tables.length;

        const tabs = requestTabsOf(readPageSource(doc));
        const code = facts.code;
        let at = 0;
        for (const item of html.items) {
          if (item.kind === 'code') {
            if (code[at]?.value !== item.text) note(mdPath, `code block ${at} differs:\n  html ${JSON.stringify(item.text.slice(0, 200))}\n  md   ${JSON.stringify(code[at]?.value.slice(0, 200))}`);
            at += 1;
            continue;
          }
          const tag = tabs.shift();
          if (!tag) {
            note(mdPath, 'the HTML has a request block its source does not');
            break;
          }
          // The page's own request: the tabs' cURL and Python, with the production URL instead of the build's sandbox.
          for (const [label, lang] of [['cURL', 'bash'], ['Python', 'python']] as const) {
            const shown = item.snippets[label]?.split(E2E_SANDBOX_URL).join(PRODUCTION_URL);
            if (code[at]?.lang !== lang || code[at]?.value !== shown) note(mdPath, `${label} example differs from the page's tab`);
            at += 1;
          }
          // Then one pair per other documented request.
          const more = exampleRequests(operationFor(site.spec, tag.endpoint, tag.request)).length - 1;
          for (let i = 0; i < more; i++) {
            if (code[at]?.lang !== 'bash' || !code[at]?.value.includes(PRODUCTION_URL) || code[at + 1]?.lang !== 'python') note(mdPath, `example ${i + 2} is not a cURL and Python pair`);
            at += 2;
          }
        }
        if (at !== code.length) note(mdPath, `has ${code.length} code blocks, the HTML page ${at}`);
        if (tabs.length) note(mdPath, 'a RequestTabs of the source is missing from the HTML');
        checkedCode += at;
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(checkedCode).toBeGreaterThan(100);
    expect(checkedTables).toBeGreaterThan(50);
  });

  test('llms.txt and llms-full.txt list every page in the locale\'s language', async ({ request, siteLocale, t }) => {
    const prefix = localePrefix(siteLocale);
    const site = siteOf(siteLocale);
    const res = await request.get(`${prefix}/llms.txt`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/plain/);
    const text = await res.text();
    const [title, summary] = text.split('\n\n');
    expect(title).toBe(`# ${t('home.title')}`);
    expect(summary).toMatch(/^> \S/);
    const listed = [...text.matchAll(/^- \[[^\]]+\]\((\S+)\)(: \S.*)?$/gm)].map((m) => m[1]!);
    expect(listed.length).toBe(site.pages.length);
    expect(new Set(listed)).toEqual(new Set(site.pages.map((p) => `${site.siteUrl}${markdownPath(p.permalink)}`)));
    for (const url of listed) expect(existsSync(builtFile(new URL(url).pathname)), url).toBe(true);
    expect(text).toMatch(/^## \S/m);

    const full = await (await request.get(`${prefix}/llms-full.txt`)).text();
    for (const doc of site.pages) {
      const md = readFileSync(builtFile(markdownPath(doc.permalink)), 'utf8').trimEnd();
      expect(full.includes(`${md}\n\nURL: <${site.siteUrl}${markdownPath(doc.permalink)}>`), doc.permalink).toBe(true);
    }
  });

  test('a URL with no Markdown form is a 404, not an HTML page', async ({ request, siteLocale }) => {
    const prefix = localePrefix(siteLocale);
    for (const url of [`${prefix}/api/no_such_page.md`, `${prefix}/translation-status.md`, `${prefix}/index.md`, `${prefix}/api/errors.html.md`, `${prefix}/api.md.md`]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(404);
      expect(res.headers()['content-type'] ?? '', url).not.toMatch(/markdown/);
    }
    const ok = await request.get(`${prefix}/api/errors.md`);
    expect(ok.status()).toBe(200);
    expect(await ok.text()).not.toMatch(/<html|<!doctype/i);
  });
});

test.describe('Copy page', () => {
  test('copies the page as Markdown from the keyboard, with View as Markdown beside it', async ({ page, context, endpoint, siteLocale, t, request, consoleGuard }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const prefix = localePrefix(siteLocale);
    const mdPath = `${prefix}${CONTACTS_PATH}.md`;
    await endpoint.goto();
    await endpoint.waitForHydration();
    await expect(page.locator('head link[rel="alternate"][type="text/markdown"]')).toHaveAttribute('href', mdPath);

    const copy = page.getByRole('button', { name: t('copyPage.copy'), exact: true });
    const view = page.getByRole('link', { name: t('copyPage.view'), exact: true });
    await expect(copy).toBeVisible();
    await expect(view).toHaveAttribute('href', mdPath);
    const axe = await new AxeBuilder({ page }).include('[class*="copyPage"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Keyboard: Tab from the control before it reaches the button; Enter copies.
    await view.focus();
    await page.keyboard.press('Shift+Tab');
    await expect(copy).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t('copyPage.copied') })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await (await request.get(mdPath)).text());
    expect(copied).toMatch(/^# GET \/contacts\n/);

    // The Markdown page is plain text: the browser then asks for /favicon.ico, which the site does not have.
    consoleGuard.allow(/status of 404/);
    await view.focus();
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(mdPath)), page.keyboard.press('Enter')]);
    expect(response.headers()['content-type']).toMatch(/^text\/markdown/);
  });

  test('says so when the page cannot be copied', async ({ page, endpoint, t, consoleGuard }) => {
    consoleGuard.allow(/status of 500/);
    await endpoint.goto();
    await endpoint.waitForHydration();
    await page.route('**/*.md', (route) => route.fulfill({ status: 500, body: 'no' }));
    await page.getByRole('button', { name: t('copyPage.copy'), exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: t('copyPage.failed') })).toBeVisible();
  });

  test('is on every kind of doc page, pointing to that page\'s Markdown', async ({ page, endpoint, siteLocale, t }) => {
    const prefix = localePrefix(siteLocale);
    for (const [url, md] of [
      ['/api', '/api.md'],
      ['/api/reference/contacts_api', '/api/reference/contacts_api/index.md'],
      ['/api/reference/object_types/contact', '/api/reference/object_types/contact.md'],
    ] as const) {
      await page.goto(prefix + url);
      await endpoint.waitForHydration();
      await expect(page.getByRole('link', { name: t('copyPage.view'), exact: true })).toHaveAttribute('href', prefix + md);
    }
  });
});

test.describe('MCP docs tools on the build', () => {
  test('search_docs uses the site\'s search index of the locale', async ({ siteLocale }) => {
    expect(existsSync(path.join(localeBuildDir(E2E.buildDir, siteLocale, DEFAULT_LOCALE), 'pagefind', 'pagefind.js'))).toBe(true);
    const server = createMcpServer(readConfig(['--build-dir', E2E.buildDir, '--locale', siteLocale], {}));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'e2e', version: '1' });
    await client.connect(clientSide);
    try {
      const result = await client.callTool({ name: 'search_docs', arguments: { query: 'GET /contacts' } });
      const text = (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? '').join('');
      expect(text).toContain(`from the site's search index (${siteLocale})`);
      expect(text).toContain(`path: ${localePrefix(siteLocale)}${CONTACTS_PATH}\n`);
    } finally {
      await client.close();
    }
  });
});
