/** Tables: the same tables, the same shape, well-formed rows, the first column and "Type" columns unchanged. */
import type { TableInfo } from '../../../../src/lib/markdown/tables';
import { align, gaps } from '../align';
import { code, squash } from '../text';
import { definePageRules, type Report } from './rule';

const TYPE_HEADERS = new Set(['type', 'types', 'data type']);

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
      description: 'A row has another number of cells than the header, or the `| --- |` line is broken.',
      fix: 'Restore the `|` separators.',
    },
    'table-first-column': {
      severity: 'error',
      description: 'A parameter/field name in the first column differs.',
      fix: 'Copy the first column.',
    },
    'table-type-column': {
      severity: 'warning',
      description: 'A cell of a "Type" column differs (`Entero` for `Integer`).',
      fix: 'Copy the type.',
    },
  },
  check({ source, target, lines }, report) {
    const S = source.tables;
    const T = target.tables;
    const ops = align(S, T, (a, b) => {
      const fa = new Set(firstCells(a));
      const shared = firstCells(b).filter((c) => fa.has(c)).length;
      return 1 + shared / Math.max(1, a.rows.length) + (a.columns === b.columns ? 0.5 : 0);
    });
    for (const op of ops) {
      if (op.kind === 'delete') {
        const s = S[op.a]!;
        report('table-count', lines.map(s.startLine), `table missing (English line ${s.startLine}, first rows ${firstCells(s).slice(0, 3).map(code).join(', ')}); the English page has ${S.length} tables, this one ${T.length}`);
      } else if (op.kind === 'insert') {
        const t = T[op.b]!;
        report('table-count', t.startLine, `table is not in the English page (${S.length} tables there, ${T.length} here)`);
      } else compareTable(S[op.a]!, T[op.b]!, report);
    }
  },
});

type TableRuleId = 'table-shape' | 'table-row-malformed' | 'table-first-column' | 'table-type-column';

function firstCells(t: TableInfo): string[] {
  return t.rows.map((row) => squash(row.cells[0] ?? ''));
}

function compareTable(s: TableInfo, t: TableInfo, report: Report<TableRuleId>): void {
  if (s.delimiter && !t.delimiter) {
    report('table-row-malformed', (t.header?.line ?? t.startLine) + 1, 'the `| --- | --- |` delimiter row under the header is missing or broken');
  }
  if (s.columns !== t.columns) {
    report('table-shape', t.startLine, `table has ${t.columns} columns, the English table (line ${s.startLine}) has ${s.columns}`);
  }
  const expected = t.columns;
  if (t.header && t.delimiter && t.header.cells.length !== expected) {
    report('table-row-malformed', t.header.line, `header row has ${t.header.cells.length} cell(s) but the table has ${expected} columns (a \`|\` separator is missing)`);
  }
  for (const row of t.rows) {
    if (row.cells.length !== expected) {
      report('table-row-malformed', row.line, `row has ${row.cells.length} cell(s), the header has ${expected} (a \`|\` separator is missing or extra)`);
    }
  }
  const sf = firstCells(s);
  const tf = firstCells(t);
  const ops = align(sf, tf, (a, b) => (a === b ? 1 : 0));
  const pairs: { a: number; b: number }[] = [];
  for (const op of ops) if (op.kind === 'match') pairs.push({ a: op.a, b: op.b });
  for (const g of gaps(ops)) {
    const n = Math.min(g.deletes.length, g.inserts.length);
    for (let i = 0; i < n; i++) {
      const a = g.deletes[i]!;
      const b = g.inserts[i]!;
      pairs.push({ a, b });
      report('table-first-column', t.rows[b]!.line, `first column ${code(tf[b]!)} should be ${code(sf[a]!)} (English line ${s.rows[a]!.line}); parameter and field names are never translated`);
    }
    for (const a of g.deletes.slice(n)) {
      const prevRow = g.before ? t.rows[g.before.b]! : undefined;
      const line = prevRow?.line ?? t.delimiter?.line ?? t.header?.line ?? t.startLine;
      report('table-shape', line, `row ${code(sf[a]!)} of the English table (line ${s.rows[a]!.line}) is missing${prevRow ? ' after this row' : ''}`);
    }
    for (const b of g.inserts.slice(n)) {
      report('table-shape', t.rows[b]!.line, `row ${code(tf[b]!)} is not in the English table (line ${s.startLine})`);
    }
  }
  // "Type" columns hold identifiers too
  const typeCols = (s.header?.cells ?? []).map((c, i) => (TYPE_HEADERS.has(squash(c).toLowerCase()) && i > 0 ? i : -1)).filter((i) => i > 0);
  for (const col of typeCols) {
    for (const { a, b } of pairs) {
      const sc = s.rows[a]!.cells[col];
      const tc = t.rows[b]!.cells[col];
      if (sc === undefined || tc === undefined || squash(sc) === squash(tc)) continue;
      report('table-type-column', t.rows[b]!.line, `type ${code(tc)} should be ${code(sc)} (types are identifiers)`);
    }
  }
}
