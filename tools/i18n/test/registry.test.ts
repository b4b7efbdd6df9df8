/**
 * The rule registry is the one place a rule is declared: ids are unique, every family reports
 * only the ids it declares (checked on the rule fixtures), and the rules table of
 * TRANSLATING.md is exactly the one generated from the registry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparePages, parseTarget } from '../core/comparePage';
import { parsePage } from '../core/markdown';
import { PAGE_RULES, RULE_FAMILIES, RULES } from '../core/rules';
import { RULES_TABLE_END, RULES_TABLE_START, rulesTable, withRulesTable } from '../core/rulesDoc';
import type { PageRuleContext } from '../core/rules/rule';
import { LineMap } from '../core/lineMap';
import { edit, fixture } from './helpers';

const GUIDE = new URL('../TRANSLATING.md', import.meta.url);

describe('rule registry', () => {
  it('declares every id once, each in one family, with a severity, a description and a fix', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(RULE_FAMILIES.reduce((n, f) => n + Object.keys(f.meta).length, 0));
    for (const r of RULES) {
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.description.trim(), r.id).not.toBe('');
      expect(r.fix.trim(), r.id).not.toBe('');
    }
    expect(new Set(RULE_FAMILIES.map((f) => f.name)).size).toBe(RULE_FAMILIES.length);
  });

  it('a page family reports only the ids it declares, at the severity it declares', () => {
    const en = fixture('rules/en.mdx');
    // one page breaking many rules at once
    let it = fixture('rules/it.mdx');
    it = edit(it, 'title: GET /messages', 'titolo: GET /messaggi');
    it = edit(it, 'sidebar_position: 3', 'sidebar_position: 4');
    it = it.replace(/```json/, '```jsonc').replace('| `page`    | Integer |', '| `pagina`  | Intero  |').replace(':::tip', ':::consiglio').replace('](#', '](#nowhere-');
    const source = parsePage(en, { mdx: true });
    const target = parseTarget(it, source, true);
    const context: PageRuleContext = { source, target, lines: new LineMap(source.blocks, target.blocks), options: { locale: 'it' } };
    let reported = 0;
    for (const family of PAGE_RULES) {
      const meta: Readonly<Record<string, { severity: string }>> = family.meta;
      family.check(context, (rule: string) => {
        reported++;
        expect(Object.keys(meta), `${family.name} reported ${rule}`).toContain(rule);
      });
    }
    expect(reported).toBeGreaterThan(5);
    for (const f of comparePages(source, target, { locale: 'it' })) expect(f.severity).toBe(RULES.find((r) => r.id === f.rule)?.severity);
  });
});

describe('TRANSLATING.md rules table', () => {
  it('is the table generated from the registry (run `npm run i18n:docs` after changing a rule)', () => {
    const doc = readFileSync(GUIDE, 'utf8');
    expect(doc, 'the rules table of TRANSLATING.md is out of date: run npm run i18n:docs').toBe(withRulesTable(doc, RULES));
  });

  it('lists each rule with its severity, escaping the pipes of a cell', () => {
    const table = rulesTable(RULES);
    expect(table.split('\n')).toHaveLength(RULES.length + 2);
    expect(table).toContain('| `language` | warning |');
    expect(table).toContain('`\\| --- \\|`');
  });

  it('marks advisory warnings (judgements that may show on a correct page) in the severity column', () => {
    const table = rulesTable([{ id: 'language', family: 'language', severity: 'warning', advisory: true, description: 'd', fix: 'f' }]);
    expect(table).toContain('| `language` | warning (advisory) | d | f |');
    for (const r of RULES) if (r.advisory) expect(r.severity, r.id).toBe('warning');
  });

  it('replaces only the text between the markers, and refuses a guide without them', () => {
    const doc = `# Guide\n\nintro\n\n${RULES_TABLE_START}\nold table\n${RULES_TABLE_END}\n\nafter\n`;
    const out = withRulesTable(doc, RULES);
    expect(out.startsWith(`# Guide\n\nintro\n\n${RULES_TABLE_START}\n| Rule |`)).toBe(true);
    expect(out.endsWith(`|\n${RULES_TABLE_END}\n\nafter\n`)).toBe(true);
    expect(out).not.toContain('old table');
    expect(() => withRulesTable('# Guide\n', RULES)).toThrow(/markers/);
  });
});
