/**
 * Which cells of a table hold identifiers, learned from the English table instead of assumed
 * (a first column may hold "Production", a translatable word): a cell is an identifier when it
 * is code (only code spans), a number or a date, an endpoint, a JSON Schema type expression
 * (`string \| null`, `object[]`, alone or as the text of a reference link), or a name the spec
 * defines: an object type (src/lib/docs/paths), or a name the English pages write as code (the
 * reference pages are rendered from the spec and write every parameter, field and enum value
 * in backticks: `sent`, `whatsapp`). In a column whose English cells
 * are mostly identifiers, a one-word cell is one too (`Source` among `string` and `integer`).
 * Rows of a translated table are aligned with the English rows by their identifier cells (by
 * position when the table has none). Everything else (descriptions, "yes"/"no", "Production")
 * is prose that translators translate. Pure.
 */
import { OBJECT_TYPES } from '../../../src/lib/docs/paths';
import type { TableInfo } from '../../../src/lib/markdown/tables';
import { align, type AlignOp } from './align';
import type { PageModel } from './pageModel';
import { squash } from './text';

const JSON_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null', 'any']);
const SPEC_NAMES = new Set<string>(OBJECT_TYPES);

/** A name the spec defines or a JSON Schema type, optionally as a list (`Team[]`). */
function isTypeName(word: string): boolean {
  const w = word.replace(/\[\]$/, '');
  return JSON_TYPES.has(w.toLowerCase()) || SPEC_NAMES.has(w) || /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(w);
}

/**
 * The names an English page writes as code: its inline code spans of one word (the values of
 * JSON examples are not names: `"no"` may be a button's text).
 */
export function codeNames(model: PageModel, into: Set<string> = new Set()): Set<string> {
  for (const c of model.inlineCodes) {
    const v = c.value.trim();
    if (v && !/\s/.test(v)) into.add(v);
  }
  return into;
}

/** Whether one English cell holds an identifier by itself (see the module comment); `names`: see `codeNames`. */
export function isIdentifierCell(cell: string, names: ReadonlySet<string> = new Set()): boolean {
  const c = squash(cell);
  if (!c) return false;
  if (names.has(c)) return true;
  // only code spans (and separators)
  if (c.includes('`') && !/\p{L}/u.test(c.replace(/`[^`]*`/g, '').replace(/\\\|/g, ''))) return true;
  // numbers, dates, status codes, versions
  if (/^[-+]?[\d][\d\s.,:/%+\-–T]*Z?$/.test(c)) return true;
  // an endpoint, plain or as the text of a link
  const text = c.replace(/^\[([^\]]*)\]\([^)]*\)$/, '$1');
  if (/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*$/.test(text)) return true;
  // a type expression: type names and links to object pages separated by `\|` or `,`
  const parts = c.split(/\s*(?:\\\||,)\s*/).map((p) => p.replace(/^\[([^\]]+)\]\([^)]*\)$/, '$1').replace(/^`(.*)`$/, '$1'));
  return parts.length > 0 && parts.every((p) => p !== '' && isTypeName(p));
}

/** The identifier cells of an English table, learned cell by cell and column by column. */
export interface LearnedTable {
  /** `identifier[row][column]` for the body rows. */
  identifier: boolean[][];
  /** Columns that hold at least one identifier. */
  columns: number[];
}

const learnedTables = new WeakMap<TableInfo, { names: ReadonlySet<string>; learned: LearnedTable }>();

export function learnTable(t: TableInfo, names: ReadonlySet<string> = new Set()): LearnedTable {
  // an English table is compared with each of its translations, by two rules: learn it once
  const cached = learnedTables.get(t);
  if (cached && cached.names === names) return cached.learned;
  const learned = learn(t, names);
  learnedTables.set(t, { names, learned });
  return learned;
}

function learn(t: TableInfo, names: ReadonlySet<string>): LearnedTable {
  const cols = Math.max(t.columns, ...t.rows.map((r) => r.cells.length));
  const byCell = t.rows.map((r) => r.cells.map((c) => isIdentifierCell(c, names)));
  const idColumn: boolean[] = [];
  for (let c = 0; c < cols; c++) {
    let filled = 0;
    let ids = 0;
    t.rows.forEach((r, i) => {
      if (!squash(r.cells[c] ?? '')) return;
      filled++;
      if (byCell[i]?.[c]) ids++;
    });
    idColumn[c] = ids >= 2 && ids / filled >= 2 / 3;
  }
  const identifier = t.rows.map((r, i) => r.cells.map((cell, c) => Boolean(byCell[i]?.[c]) || (Boolean(idColumn[c]) && /^\S+$/.test(squash(cell)) && /\p{L}/u.test(cell))));
  const columns: number[] = [];
  for (let c = 0; c < cols; c++) if (identifier.some((row) => row[c])) columns.push(c);
  return { identifier, columns };
}

/** A cell as an identifier compares: squashed, a link as its text (its target is the link rules' business). */
export function cellKey(cell: string): string {
  return squash(cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

/** The identifier cells of a row, in column order (`undefined` where the English cell is prose). */
function rowKey(cells: readonly string[], ids: readonly boolean[]): (string | undefined)[] {
  return ids.map((id, c) => (id ? cellKey(cells[c] ?? '') : undefined));
}

/**
 * Align the body rows of a translated table with the English ones: by their identifier cells
 * (a pair scores the share of equal identifier cells), by position when the English table has
 * no identifier cell.
 */
const rowAlignments = new WeakMap<TableInfo, WeakMap<TableInfo, { learned: LearnedTable; ops: AlignOp[] }>>();

export function alignRows(s: TableInfo, t: TableInfo, learned: LearnedTable): AlignOp[] {
  let byTarget = rowAlignments.get(s);
  if (!byTarget) rowAlignments.set(s, (byTarget = new WeakMap()));
  const cached = byTarget.get(t);
  if (cached && cached.learned === learned) return cached.ops;
  const ops = rowOps(s, t, learned);
  byTarget.set(t, { learned, ops });
  return ops;
}

function rowOps(s: TableInfo, t: TableInfo, learned: LearnedTable): AlignOp[] {
  if (learned.columns.length === 0) {
    const ops: AlignOp[] = [];
    const n = Math.min(s.rows.length, t.rows.length);
    for (let i = 0; i < n; i++) ops.push({ kind: 'match', a: i, b: i });
    for (let i = n; i < s.rows.length; i++) ops.push({ kind: 'delete', a: i });
    for (let i = n; i < t.rows.length; i++) ops.push({ kind: 'insert', b: i });
    return ops;
  }
  const keys = s.rows.map((r, i) => rowKey(r.cells, learned.identifier[i] ?? []));
  return align(keys, t.rows, (key, row) => {
    let total = 0;
    let equal = 0;
    key.forEach((v, c) => {
      if (v === undefined) return;
      total++;
      if (cellKey(row.cells[c] ?? '') === v) equal++;
    });
    return total > 0 && equal > 0 ? equal / total : 0;
  });
}

/** The English identifier cells of a row that its translation changed: [column, English, translated]. */
export function changedIdentifiers(sCells: readonly string[], tCells: readonly string[], ids: readonly boolean[]): [number, string, string][] {
  const out: [number, string, string][] = [];
  ids.forEach((id, c) => {
    if (!id) return;
    const a = cellKey(sCells[c] ?? '');
    const b = cellKey(tCells[c] ?? '');
    if (a !== b) out.push([c, a, b]);
  });
  return out;
}

const tableAlignments = new WeakMap<readonly TableInfo[], WeakMap<readonly TableInfo[], AlignOp[]>>();

/** Align the tables of two pages (by shared identifier cells, then shape). */
export function alignTables(S: readonly TableInfo[], T: readonly TableInfo[]): AlignOp[] {
  let byTarget = tableAlignments.get(S);
  if (!byTarget) tableAlignments.set(S, (byTarget = new WeakMap()));
  let ops = byTarget.get(T);
  if (!ops) byTarget.set(T, (ops = tableOps(S, T)));
  return ops;
}

function tableOps(S: readonly TableInfo[], T: readonly TableInfo[]): AlignOp[] {
  const firstCells = (t: TableInfo): string[] => t.rows.map((row) => squash(row.cells[0] ?? ''));
  return align(S, T, (a, b) => {
    const fa = new Set(firstCells(a));
    const shared = firstCells(b).filter((c) => fa.has(c)).length;
    return 1 + shared / Math.max(1, a.rows.length) + (a.columns === b.columns ? 0.5 : 0) + (a.rows.length === b.rows.length ? 0.25 : 0);
  });
}
