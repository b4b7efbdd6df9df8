/**
 * The one Markdown table reader of the repository (GFM pipe tables), read line by line so that
 * broken tables are found too: the translation checker compares their shape, the reference-page
 * tests read their first column. Pure; lines are 1-based in the results.
 */
import { findFences } from './fences';

export interface TableRow {
  cells: string[];
  line: number;
}

export interface TableInfo {
  startLine: number;
  endLine: number;
  header?: TableRow;
  /** The `| --- |` row, when line 2 of the table is one. */
  delimiter?: TableRow;
  rows: TableRow[];
  /** Column count the table declares (delimiter, else header). */
  columns: number;
}

const DELIM_CELL = /^\s*:?-+:?\s*$/;

/** Split a table row into trimmed cells (GFM: unescaped `|` separates cells; `\|` stays in its cell). */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

/** Whether a line is a `| --- | :-: |` delimiter row. */
export function isDelimiterRow(line: string | undefined): boolean {
  if (line === undefined || !line.includes('-')) return false;
  if (!line.includes('|') && !/^\s*:?-+:?\s*$/.test(line)) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => DELIM_CELL.test(c));
}

/**
 * Every table of a page: a run of lines that start with `|`, or a line followed by a delimiter
 * row and the lines with a `|` after it. `excluded[line]` (1-based) marks lines that are no
 * table (front matter, fenced code).
 */
export function scanTables(lines: readonly string[], excluded: Uint8Array = new Uint8Array(lines.length + 2)): TableInfo[] {
  const out: TableInfo[] = [];
  const n = lines.length;
  const pipeStart = (i: number): boolean => !excluded[i + 1] && /^\s*\|/.test(lines[i] ?? '');
  const hasPipe = (i: number): boolean => !excluded[i + 1] && (lines[i] ?? '').includes('|') && (lines[i] ?? '').trim() !== '';
  let i = 0;
  while (i < n) {
    if (excluded[i + 1] || !(lines[i] ?? '').includes('|')) {
      i++;
      continue;
    }
    const delimNext = isDelimiterRow(lines[i + 1]) && !excluded[i + 2];
    if (!pipeStart(i) && !delimNext) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && (delimNext ? hasPipe(j) : pipeStart(j))) j++;
    const count = j - i;
    if (count < 2) {
      i = j;
      continue;
    }
    const rows: TableRow[] = [];
    for (let k = i; k < j; k++) rows.push({ cells: splitRow(lines[k] as string), line: k + 1 });
    const header = rows[0] as TableRow;
    const delimiter = delimNext ? (rows[1] as TableRow) : undefined;
    const body = rows.slice(delimNext ? 2 : 1);
    out.push({
      startLine: i + 1,
      endLine: j,
      header,
      ...(delimiter ? { delimiter } : {}),
      rows: body,
      columns: delimiter ? delimiter.cells.length : header.cells.length,
    });
    i = j;
  }
  return out;
}

/**
 * The body rows of every table of a page (header and delimiter rows excluded), each row as its
 * trimmed cells; tables inside fenced code are not tables.
 */
export function tableRows(markdown: string): string[][][] {
  const lines = markdown.split(/\r?\n/);
  const fenced = new Uint8Array(lines.length + 2);
  for (const f of findFences(lines)) for (let k = f.open; k <= f.close; k++) fenced[k + 1] = 1;
  return scanTables(lines, fenced).map((t) => t.rows.map((r) => r.cells));
}

/** The first-column cells of every table, a cell that is one code span unwrapped: `| \`page\` | ... |` gives `page`. */
export function firstColumns(markdown: string): string[][] {
  return tableRows(markdown).map((rows) => rows.map((cells) => (cells[0] ?? '').replace(/^`(.*)`$/, '$1')));
}
