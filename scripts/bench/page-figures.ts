/**
 * Measures the budgeted figures of one page (./budgets.ts `PageFigures`) the same way for
 * e2e/budgets.spec.ts (which checks them against e2e/budgets.ts) and `npm run bench --
 * --only budgets` (which prints them):
 * - DOM elements: `document.querySelectorAll('*').length` once the page has hydrated, the
 *   network is idle and the browser has had an idle moment, at VIEWPORT;
 * - first-load JavaScript: every script the page requested up to then (no interaction),
 *   sized from the build folder's files gzip-compressed at level 9, so the figure depends
 *   on the build only, not on the server or the timing;
 * - page data: ./page-data.ts, from the page's source and the site's remark plugins.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { PageFigures } from './budgets';
import { pageData } from './page-data';

/** The viewport of every DOM count: the browser tests' default desktop size (the sidebar is in the DOM). */
export const VIEWPORT = { width: 1280, height: 720 } as const;

/** The gzip level every size is taken at. */
export const GZIP_LEVEL = 9;

/** Sum of the gzip sizes of build files, by URL path (`/it/assets/js/main.1234.js`). */
export function gzipBytes(buildDir: string, urlPaths: Iterable<string>): number {
  let total = 0;
  for (const p of urlPaths) total += gzipSync(readFileSync(path.join(buildDir, decodeURIComponent(p))), { level: GZIP_LEVEL }).length;
  return total;
}

/** The doc path of a page URL path without its locale prefix: `/api/pagination` -> `api/pagination`. */
export function docPathOf(pagePath: string): string {
  return pagePath.replace(/^\/+|\/+$/g, '');
}

export interface MeasureTarget {
  /** What page.goto gets (absolute, or relative to the context's baseURL). */
  url: string;
  /** The page path without its locale prefix (`/api/reference/contacts_api/get_contacts`). */
  path: string;
  locale: string;
  defaultLocale: string;
  /** The build the page is served from, to size its scripts. */
  buildDir: string;
  /** The repository root, to read the page's source. */
  root: string;
}

/** Loads the page in `page` (fresh, before any other navigation) and returns its figures and the scripts counted. */
export async function measurePage(page: Page, target: MeasureTarget): Promise<PageFigures & { scripts: string[] }> {
  const requested = new Set<string>();
  const onRequest = (request: { resourceType(): string; url(): string }) => {
    if (request.resourceType() === 'script') requested.add(request.url());
  };
  page.on('request', onRequest);
  try {
    const response = await page.goto(target.url);
    if (!response?.ok()) throw new Error(`${target.url}: HTTP ${response?.status() ?? 'no response'}`);
    const origin = new URL(response.url()).origin;
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await page.waitForLoadState('networkidle');
    // Work the page defers to an idle moment or the next frames (an island rendered on
    // idle) is done before counting: one idle callback, then two frames.
    const domElements = await page.evaluate(async () => {
      await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      return document.querySelectorAll('*').length;
    });
    const list = [...new Set([...requested].map((u) => new URL(u)).filter((u) => u.origin === origin).map((u) => u.pathname))].sort();
    if (!list.length) throw new Error(`${target.url}: no script requested; is it a built site?`);
    return {
      domElements,
      firstLoadJsBytes: gzipBytes(target.buildDir, list),
      pageDataBytes: pageData(target.root, docPathOf(target.path), target.locale, target.defaultLocale).bytes,
      scripts: list,
    };
  } finally {
    page.off('request', onRequest);
  }
}
