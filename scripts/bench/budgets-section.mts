/**
 * The `budgets` section of `npm run bench` (`npm run bench -- --only budgets [--build-dir
 * build-x]`): measures every page of e2e/budgets.ts in every locale exactly as
 * e2e/budgets.spec.ts does (./page-figures.ts, Debian's Chromium, the same viewport),
 * prints the figures against today's budgets and the budgets they suggest (largest
 * figure of the locales + 10 %), as source to paste into e2e/budgets.ts, and writes them
 * to .bench/budgets.json. Asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BUDGETS } from '../../e2e/budgets';
import { FIGURES, budgetFailures, budgetsSource, formatCount, suggestBudgets, type PageFigures } from './budgets';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { prefixOf } from './goal';

// tsx gives a .ts module that an ES module imports the __dirname "data:text", and
// src/lib/api/load.ts (which the remark plugins use) finds the spec from __dirname:
// the measuring code is loaded the CommonJS way, where __dirname is the module's folder.
const { VIEWPORT, measurePage } = createRequire(import.meta.url)('./page-figures.ts') as typeof import('./page-figures');

export interface BudgetsOptions {
  origin: string;
  buildDir: string;
  locales: readonly string[];
  defaultLocale: string;
  outFile: string;
}

export async function budgetsSection({ origin, buildDir, locales, defaultLocale, outFile }: BudgetsOptions): Promise<void> {
  const measured: Array<{ name: string; locale: string; figures: PageFigures }> = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    for (const locale of locales) {
      for (const [name, budget] of Object.entries(BUDGETS)) {
        const page = await context.newPage();
        try {
          const pagePath = prefixOf(locale, defaultLocale) + budget.path;
          const { scripts: _scripts, ...figures } = await measurePage(page, { url: origin + pagePath, path: budget.path, locale, defaultLocale, buildDir, root: process.cwd() });
          measured.push({ name, locale, figures });
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  const nameWidth = Math.max(...Object.keys(BUDGETS).map((n) => n.length)) + 5;
  console.log(`\nPage budgets (e2e/budgets.ts): figures of ${buildDir}, viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  console.log(`  ${'page (locale)'.padEnd(nameWidth)}${FIGURES.map((f) => f.short.padStart(22)).join('')}`);
  for (const { name, locale, figures } of measured) {
    const budget = BUDGETS[name]!;
    const cells = FIGURES.map(({ key }) => `${formatCount(figures[key])} / ${formatCount(budget[key])}${figures[key] > budget[key] ? ' !' : ''}`);
    console.log(`  ${`${name} (${locale})`.padEnd(nameWidth)}${cells.map((c) => c.padStart(22)).join('')}`);
  }
  console.log('  (figure / budget; "!" marks a figure over its budget. DOM and JS are the build\'s; page data comes from the');
  console.log('  current pages and remark plugins, so it matches the build only when the build is of the current tree)');
  const over = measured.flatMap(({ name, locale, figures }) => budgetFailures(name, locale, figures, BUDGETS[name]!));
  console.log(over.length ? `  ${over.length} figure(s) over budget:\n    ${over.join('\n    ')}` : '  every figure within its budget');
  const suggested = suggestBudgets(Object.entries(BUDGETS).map(([name, b]) => ({ name, path: b.path })), measured);
  console.log(`\n  Budgets from these figures (largest of the locales + 10 %), for e2e/budgets.ts:\n${budgetsSource(suggested)}`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify({ buildDir, viewport: VIEWPORT, measured, suggested }, null, 2)}\n`);
  console.log(`  figures: ${path.relative(process.cwd(), outFile)}`);
}
