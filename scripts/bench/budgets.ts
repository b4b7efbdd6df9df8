/**
 * Page budgets, pure (./budgets.test.ts): the three figures a page is held to, the
 * failure messages that name the page and the figure against its budget, and the budget
 * suggested from measurements. The budgets themselves are data, in e2e/budgets.ts; the
 * figures are measured by ./page-figures.ts (e2e/budgets.spec.ts checks them, `npm run
 * bench -- --only budgets` prints them).
 */

/** What a page costs the browser, deterministic for a given build. */
export interface PageFigures {
  /** `document.querySelectorAll('*').length` after hydration, at the fixed viewport. */
  domElements: number;
  /** The scripts the page loads before any interaction, each file gzip-compressed (level 9), summed. */
  firstLoadJsBytes: number;
  /** The props the remark plugins embed in the page for its components, as JSON (UTF-8 bytes). */
  pageDataBytes: number;
}

export type Figure = keyof PageFigures;

/** A budgeted page: its URL path without the locale prefix, and a ceiling for each figure. */
export interface PageBudget extends PageFigures {
  path: string;
}

export const FIGURES: ReadonlyArray<{ key: Figure; unit: string; short: string }> = [
  { key: 'domElements', unit: 'DOM elements', short: 'DOM' },
  { key: 'firstLoadJsBytes', unit: 'bytes of first-load JavaScript (gzip)', short: 'JS gzip' },
  { key: 'pageDataBytes', unit: 'bytes of page data (component props as JSON)', short: 'page data' },
];

/** `2431` -> `2,431`: every message and table prints numbers this way. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** One message per figure over its budget: `GET /contacts (it): 2,431 DOM elements, budget 1,800`. */
export function budgetFailures(name: string, locale: string, figures: PageFigures, budget: PageFigures): string[] {
  return FIGURES.filter(({ key }) => !(figures[key] <= budget[key])).map(
    ({ key, unit }) => `${name} (${locale}): ${formatCount(figures[key])} ${unit}, budget ${formatCount(budget[key])}`,
  );
}

/** The headroom budgets are set with, above the largest figure measured in any locale. */
export const HEADROOM = 0.1;

/** The budget for a figure measured in several locales: the largest, plus the headroom, rounded up. */
export function suggestedBudget(measured: readonly number[], headroom = HEADROOM): number {
  if (!measured.length || measured.some((m) => !Number.isFinite(m))) throw new Error('suggestedBudget needs finite measurements');
  // Rounded to a millionth first, so 3,700 + 10 % is 4,070 and not 4,071 (floating point).
  return Math.ceil(Math.round(Math.max(...measured) * (1 + headroom) * 1e6) / 1e6);
}

/** Suggested budgets per page from figures per page and locale, in the shape of e2e/budgets.ts. */
export function suggestBudgets(
  pages: ReadonlyArray<{ name: string; path: string }>,
  measured: ReadonlyArray<{ name: string; figures: PageFigures }>,
  headroom = HEADROOM,
): Record<string, PageBudget> {
  const out: Record<string, PageBudget> = {};
  for (const { name, path } of pages) {
    const rows = measured.filter((m) => m.name === name).map((m) => m.figures);
    if (!rows.length) continue;
    const pick = (key: Figure) => suggestedBudget(rows.map((r) => r[key]), headroom);
    out[name] = { path, domElements: pick('domElements'), firstLoadJsBytes: pick('firstLoadJsBytes'), pageDataBytes: pick('pageDataBytes') };
  }
  return out;
}

/** TypeScript source of a BUDGETS object, ready to paste into e2e/budgets.ts. */
export function budgetsSource(budgets: Record<string, PageBudget>): string {
  const lines = Object.entries(budgets).map(
    ([name, b]) =>
      `  '${name.replace(/['\\]/g, '\\$&')}': { path: '${b.path}', domElements: ${b.domElements}, firstLoadJsBytes: ${b.firstLoadJsBytes}, pageDataBytes: ${b.pageDataBytes} },`,
  );
  return `{\n${lines.join('\n')}\n}`;
}
