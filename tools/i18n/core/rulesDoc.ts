/**
 * The rules table of TRANSLATING.md, generated from the registry (`npm run i18n:docs` writes it
 * between the marker comments; a unit test fails when the committed table differs). Pure.
 */
import type { RuleInfo } from './rules';

export const RULES_TABLE_START = '<!-- rules-table:start (generated from tools/i18n/core/rules: edit the rules, then run npm run i18n:docs) -->';
export const RULES_TABLE_END = '<!-- rules-table:end -->';

/** A table cell: `|` escaped so it stays one cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The Markdown table of every rule: id, severity (advisory warnings say so), what it means, how to fix it. */
export function rulesTable(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity}${r.advisory ? ' (advisory)' : ''} | ${cell(r.description)} | ${cell(r.fix)} |`);
  return ['| Rule | Severity | Meaning | Fix |', '| :-- | :-- | :-- | :-- |', ...rows].join('\n');
}

/** `doc` with the text between the markers replaced by the table; throws when the markers are missing. */
export function withRulesTable(doc: string, rules: readonly RuleInfo[]): string {
  const start = doc.indexOf(RULES_TABLE_START);
  const end = doc.indexOf(RULES_TABLE_END);
  if (start < 0 || end < start) throw new Error(`the rules table markers are missing: ${RULES_TABLE_START} ... ${RULES_TABLE_END}`);
  return `${doc.slice(0, start + RULES_TABLE_START.length)}\n${rulesTable(rules)}\n${doc.slice(end)}`;
}
