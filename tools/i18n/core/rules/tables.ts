/**
 * Tables: the same tables, the same shape, well-formed rows, and the identifier cells that the
 * English table has (learned cell by cell: tableCells.ts) unchanged. Prose cells, including a
 * first column of words such as "Production", are translated freely. A malformed row that the
 * English table has too is the English page's problem (rules/source.ts reports it there).
 */
import type { TableInfo } from '../../../../src/lib/markdown/tables';
import { gaps } from '../align';
import { alignRows, alignTables, changedIdentifiers, codeNames, learnTable, type LearnedTable } from '../tableCells';
import { code, squash } from '../text';
import { definePageRules, type Report } from './rule';

export const tables = definePageRules({
  name: 'tables',
  meta: {
    'table-count': {
      severity: 'error',
      description: 'A table is missing or was added.',
      fix: 'Keep every table.',
    },
    'table-shape': {
      severity: 'error',
      description: 'A table has other columns or rows than the English one (e.g. a missing parameter row).',
      fix: 'Add/remove rows or columns to match.',
    },
    'table-row-malformed': {
      severity: 'error',
      description: 'A row has another number of cells than the header, or the `| --- |` line is broken (and the English row is fine).',
      fix: 'Restore the `|` separators.',
    },
    'table-identifier': {
      severity: 'error',
      description: 'A cell that holds an identifier in the English table (a name in backticks, a type such as `string` or `Source`, an endpoint, a number) differs.',
      fix: 'Copy the cell; translate only the prose cells.',
    },
  },
  check({ source, target, lines, options }, report) {
    const names = options.identifiers ?? codeNames(source);
    const S = source.tables;
    const T = target.tables;
    for (const op of alignTables(S, T)) {
      if (op.kind === 'delete') {
        const s = S[op.a]!;
        report('table-count', lines.map(s.startLine), `table missing (English line ${s.startLine}, first rows ${s.rows.slice(0, 3).map((r) => code(r.cells[0] ?? '')).join(', ')}); the English page has ${S.length} tables, this one ${T.length}`);
      } else if (op.kind === 'insert') {
        const t = T[op.b]!;
        report('table-count', t.startLine, `table is not in the English page (${S.length} tables there, ${T.length} here)`);
      } else compareTable(S[op.a]!, T[op.b]!, names, report);
    }
  },
});

type TableRuleId = 'table-shape' | 'table-row-malformed' | 'table-identifier';

/** A short name of a row for messages: its first identifier cell, else its first cell. */
function rowName(cells: readonly string[], ids: readonly boolean[] | undefined): string {
  const k = ids?.findIndex(Boolean) ?? -1;
  return squash(cells[k >= 0 ? k : 0] ?? '');
}

function compareTable(s: TableInfo, t: TableInfo, names: ReadonlySet<string>, report: Report<TableRuleId>): void {
  if (s.delimiter && !t.delimiter) {
    report('table-row-malformed', (t.header?.line ?? t.startLine) + 1, 'the `| --- | --- |` delimiter row under the header is missing or broken');
  }
  if (s.columns !== t.columns) {
    report('table-shape', t.startLine, `table has ${t.columns} columns, the English table (line ${s.startLine}) has ${s.columns}`);
  }
  const expected = t.columns;
  if (t.header && t.delimiter && t.header.cells.length !== expected && s.header?.cells.length === s.columns) {
    report('table-row-malformed', t.header.line, `header row has ${t.header.cells.length} cell(s) but the table has ${expected} columns (a \`|\` separator is missing)`);
  }
  const learned = learnTable(s, names);
  const ops = alignRows(s, t, learned);
  const pairs: { a: number; b: number }[] = [];
  for (const op of ops) if (op.kind === 'match') pairs.push({ a: op.a, b: op.b });
  for (const g of gaps(ops)) {
    const n = Math.min(g.deletes.length, g.inserts.length);
    for (let i = 0; i < n; i++) pairs.push({ a: g.deletes[i]!, b: g.inserts[i]! });
    for (const a of g.deletes.slice(n)) {
      const prevRow = g.before ? t.rows[g.before.b]! : undefined;
      const line = prevRow?.line ?? t.delimiter?.line ?? t.header?.line ?? t.startLine;
      report('table-shape', line, `row ${code(rowName(s.rows[a]!.cells, learned.identifier[a]))} of the English table (line ${s.rows[a]!.line}) is missing${prevRow ? ' after this row' : ''}`);
    }
    for (const b of g.inserts.slice(n)) {
      report('table-shape', t.rows[b]!.line, `row ${code(rowName(t.rows[b]!.cells, learned.identifier[0]))} is not in the English table (line ${s.startLine})`);
    }
  }
  const pairedSource = new Map(pairs.map((p) => [p.b, p.a] as const));
  t.rows.forEach((row, b) => {
    if (row.cells.length === expected) return;
    // the same defect in the English row is the English page's (reported once, there)
    const a = pairedSource.get(b);
    if (a !== undefined && s.rows[a]!.cells.length === row.cells.length && s.rows[a]!.cells.length !== s.columns) return;
    report('table-row-malformed', row.line, `row has ${row.cells.length} cell(s), the header has ${expected} (a \`|\` separator is missing or extra)`);
  });
  for (const { a, b } of pairs.sort((x, y) => x.b - y.b)) {
    const sr = s.rows[a]!;
    const tr = t.rows[b]!;
    // a row whose cells shifted (a lost `|`) is reported as malformed, not cell by cell
    if (tr.cells.length !== sr.cells.length) {
      const first = changedIdentifiers(sr.cells, tr.cells, learned.identifier[a] ?? []).find(([c]) => c === 0);
      if (first) report('table-identifier', tr.line, identifierMessage(learned, first, sr.line));
      continue;
    }
    for (const change of changedIdentifiers(sr.cells, tr.cells, learned.identifier[a] ?? [])) {
      report('table-identifier', tr.line, identifierMessage(learned, change, sr.line));
    }
  }
}

function identifierMessage(_learned: LearnedTable, [col, en, tr]: [number, string, string], englishLine: number): string {
  return `column ${col + 1}: ${code(tr || '(empty)')} should be ${code(en)} (English line ${englishLine}); identifiers are never translated`;
}
