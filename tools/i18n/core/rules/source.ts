/**
 * Defects of an English page (site level, once per English file): translators copy the English
 * page, so a defect it has comes back in every translation. It is the English page's problem:
 * reported here, on the English file, as a warning, and the page rules do not report the same
 * defect again on each translation (a malformed row the English row shares, an admonition the
 * English page never closes, an in-page link to no English heading).
 */
import { sourceFile } from '../../../../src/lib/i18n/paths';
import type { PageModel } from '../pageModel';
import { code } from '../text';
import { defineRules, type RuleMetas, type SiteReport } from './rule';

const meta = {
  'source-table-row-malformed': {
    severity: 'warning',
    description: 'An English table row has another number of cells than the header (or no `| --- |` line). Reported once, on the English page; translations that copy it are not reported.',
    fix: 'Fix the English page (then its translations).',
  },
  'source-admonition-unclosed': {
    severity: 'warning',
    description: 'An English admonition has no closing `:::`. Reported once, on the English page.',
    fix: 'Fix the English page (then its translations).',
  },
  'source-link-anchor': {
    severity: 'warning',
    description: 'An in-page `#anchor` of the English page matches none of its headings. Reported once, on the English page.',
    fix: 'Fix the English page (then its translations).',
  },
} as const satisfies RuleMetas;

type SourceRuleId = keyof typeof meta;

export interface SourcePageInput {
  /** Doc path relative to docs/. */
  docPath: string;
  model: PageModel;
}

export const sourceDefects = defineRules({
  name: 'source',
  meta,
  check({ docPath, model }: SourcePageInput, report: SiteReport<SourceRuleId>): void {
    const file = sourceFile(docPath);
    const at = (line: number, message: string): { file: string; line: number; message: string; docPath: string } => ({ file, line, message, docPath });
    for (const t of model.tables) {
      if (!t.delimiter) report('source-table-row-malformed', at((t.header?.line ?? t.startLine) + 1, 'the `| --- | --- |` delimiter row under the header is missing or broken'));
      if (t.header && t.delimiter && t.header.cells.length !== t.columns) {
        report('source-table-row-malformed', at(t.header.line, `header row has ${t.header.cells.length} cell(s) but the table has ${t.columns} columns`));
      }
      for (const row of t.rows) {
        if (row.cells.length !== t.columns) report('source-table-row-malformed', at(row.line, `row has ${row.cells.length} cell(s), the header has ${t.columns} (a \`|\` separator is missing or extra)`));
      }
    }
    for (const a of model.admonitions) {
      if (a.closeLine === undefined) report('source-admonition-unclosed', at(a.line, `${code(':'.repeat(a.colons) + a.keyword)} is never closed`));
    }
    for (const l of model.links) {
      if (!l.url.startsWith('#') || l.url === '#') continue;
      let id = l.url.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // keep the raw anchor
      }
      if (!model.slugs.has(id)) report('source-link-anchor', at(l.line, `anchor ${code(l.url)} matches no heading of this page`));
    }
  },
});
