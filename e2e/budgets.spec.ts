/**
 * Page budgets (issue 16): every page of ./budgets.ts, in every locale project, stays
 * within its DOM elements, first-load JavaScript (gzip) and page data budgets. The figures
 * are deterministic for a build (scripts/bench/page-figures.ts): counted after hydration
 * at a fixed viewport, sized from the build folder's files, read from the remark plugins'
 * output; no timing. A failure names the page, the locale and the figure against its
 * budget. `npm run bench -- --only budgets` prints the same figures for every page.
 */
import { DEFAULT_LOCALE } from '../src/config/site';
import { budgetFailures } from '../scripts/bench/budgets';
import { VIEWPORT, measurePage } from '../scripts/bench/page-figures';
import { BUDGETS } from './budgets';
import { expect, localePrefix, ROOT, test } from './fixtures';
import { E2E } from './ports';

test.use({ viewport: VIEWPORT });

for (const [name, budget] of Object.entries(BUDGETS)) {
  test(`${name}: DOM elements, first-load JavaScript and page data within budget`, async ({ page, siteLocale }) => {
    const { scripts, ...figures } = await measurePage(page, {
      url: localePrefix(siteLocale) + budget.path,
      path: budget.path,
      locale: siteLocale,
      defaultLocale: DEFAULT_LOCALE,
      buildDir: E2E.buildDir,
      root: ROOT,
    });
    test.info().annotations.push({ type: 'figures', description: `${JSON.stringify(figures)}; ${scripts.length} scripts` });
    expect(budgetFailures(name, siteLocale, figures, budget)).toEqual([]);
  });
}
