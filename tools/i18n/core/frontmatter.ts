/** The front matter of a page: where it is (stray text before it too), its keys with their lines, YAML errors. Pure. */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';

export interface FrontMatterKey {
  key: string;
  line: number;
  value: unknown;
  /** Its value is not valid YAML (the error is in `errors`). */
  invalid?: boolean;
}

export interface FrontMatter {
  /** A front matter block was found (possibly after stray text). */
  present: boolean;
  /** Line of the opening `---` (1-based), 0 when absent. */
  startLine: number;
  /** Line of the closing `---`, 0 when absent/unterminated. */
  endLine: number;
  keys: FrontMatterKey[];
  data?: Record<string, unknown>;
  /** The first YAML error (an unclosed front matter, or the first invalid line). */
  error?: { line: number; message: string };
  /** Every invalid line, when the YAML does not parse: the keys are then read line by line. */
  errors?: { line: number; message: string }[];
  /** Non-empty content before the opening `---`. */
  stray?: { line: number; text: string };
  /** Last line that belongs to the front matter (or stray text); the body starts after it. */
  lastLine: number;
}

const KEY_LINE = /^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff-]*\s*:(\s|$)/u;

/**
 * Locate and parse the front matter of a page. `lines` are the page lines (BOM stripped).
 * `expectStray` enables the search for a front matter block that does not start at line 1.
 */
export function parseFrontMatter(lines: readonly string[], expectStray: boolean): FrontMatter {
  const none: FrontMatter = { present: false, startLine: 0, endLine: 0, keys: [], lastLine: 0 };
  let open = -1;
  if (isDelimiter(lines[0])) open = 0;
  else if (expectStray) {
    // look for a `---` followed by YAML-looking lines and a closing `---` near the top
    for (let i = 1; i < Math.min(lines.length, 10); i++) {
      if (!isDelimiter(lines[i])) continue;
      const next = lines[i + 1] ?? '';
      if (!KEY_LINE.test(next)) continue;
      let close = -1;
      for (let k = i + 1; k < Math.min(lines.length, i + 200); k++) {
        if (isDelimiter(lines[k])) {
          close = k;
          break;
        }
      }
      if (close < 0) continue;
      open = i;
      break;
    }
  }
  if (open < 0) return none;
  let close = -1;
  for (let k = open + 1; k < lines.length; k++) {
    if (isDelimiter(lines[k])) {
      close = k;
      break;
    }
  }
  const fm: FrontMatter = { present: true, startLine: open + 1, endLine: close + 1, keys: [], lastLine: close >= 0 ? close + 1 : open + 1 };
  if (open > 0) {
    let first = 0;
    while (first < open && (lines[first] ?? '').trim() === '') first++;
    fm.stray = { line: first < open ? first + 1 : 1, text: lines.slice(0, open).join('\n') };
  }
  if (close < 0) {
    fm.error = { line: open + 1, message: 'front matter is not closed by a `---` line' };
    fm.endLine = 0;
    return fm;
  }
  const simple = simpleYaml(lines, open + 1, close);
  if (simple) {
    fm.keys = simple;
    fm.data = Object.fromEntries(simple.map((k) => [k.key, k.value]));
    return fm;
  }
  const raw = lines.slice(open + 1, close).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = counter.linePos(err.pos[0]);
    fm.error = { line: open + 1 + pos.line, message: firstLine(err.message) };
    const byLine = keysLineByLine(lines, open + 1, close);
    fm.keys = byLine.keys;
    fm.errors = byLine.errors.length ? byLine.errors : [fm.error];
    return fm;
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    fm.data = {};
    return fm;
  }
  if (!isMap(contents)) {
    fm.error = { line: open + 2, message: 'front matter must be a YAML mapping of `key: value` lines' };
    return fm;
  }
  const data: Record<string, unknown> = {};
  for (const item of contents.items) {
    const keyNode = item.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const offset = isScalar(keyNode) && keyNode.range ? keyNode.range[0] : 0;
    const value: unknown = item.value && typeof (item.value as { toJSON?: unknown }).toJSON === 'function'
      ? (item.value as { toJSON: () => unknown }).toJSON()
      : isScalar(item.value) ? item.value.value : item.value ?? null;
    data[key] = value;
    fm.keys.push({ key, line: open + 1 + counter.linePos(offset).line, value });
  }
  fm.data = data;
  return fm;
}

/**
 * The keys of a front matter that is not valid YAML, each `key:` line at column 0 with the lines
 * under it read on its own: the valid entries keep their values, every invalid one is an error
 * at its line (so that every problem of the front matter is reported, not only the first).
 */
function keysLineByLine(lines: readonly string[], from: number, to: number): { keys: FrontMatterKey[]; errors: { line: number; message: string }[] } {
  const keys: FrontMatterKey[] = [];
  const errors: { line: number; message: string }[] = [];
  const starts: number[] = [];
  for (let i = from; i < to; i++) if (KEY_LINE.test(lines[i] as string)) starts.push(i);
  for (let i = from; i < (starts[0] ?? to); i++) {
    if ((lines[i] as string).trim() && !(lines[i] as string).trim().startsWith('#')) errors.push({ line: i + 1, message: 'not a `key: value` line' });
  }
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? to;
    const chunk = lines.slice(start, end).join('\n');
    const key = /^([^:]+):/.exec(lines[start] as string)?.[1]?.trim() ?? '';
    const counter = new LineCounter();
    const doc = parseDocument(chunk, { lineCounter: counter, prettyErrors: false });
    const e = doc.errors[0];
    if (e) {
      errors.push({ line: start + 1 + counter.linePos(e.pos[0]).line - 1, message: firstLine(e.message) });
      keys.push({ key, line: start + 1, value: undefined, invalid: true });
      return;
    }
    const data: unknown = doc.toJSON();
    const value = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
    keys.push({ key, line: start + 1, value });
  });
  return { keys, errors };
}

const SIMPLE_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;

/**
 * Fast path for the usual front matter: one `key: plain value` per line.
 * Returns undefined (use the YAML parser) as soon as anything is not obviously plain.
 */
function simpleYaml(lines: readonly string[], from: number, to: number): FrontMatterKey[] | undefined {
  const out: FrontMatterKey[] = [];
  const seen = new Set<string>();
  for (let i = from; i < to; i++) {
    const l = lines[i] as string;
    if (l.trim() === '') continue;
    const m = SIMPLE_LINE.exec(l);
    if (!m || m[1] === undefined) return undefined;
    const key = m[1];
    if (seen.has(key)) return undefined;
    seen.add(key);
    const v = m[2] ?? '';
    let value: unknown;
    if (v === '' || v === 'null' || v === '~') value = null;
    else if (v === 'true' || v === 'false') value = v === 'true';
    else if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(v)) value = Number(v);
    else if (/^"[^"\\]*"$/.test(v) || /^'[^']*'$/.test(v)) value = v.slice(1, -1);
    else if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) || /:(\s|$)/.test(v) || /\s#/.test(v) || /^[-+.\d]/.test(v) && /^[-+]?(\.?\d|0x|0o|\.inf|\.nan)/i.test(v)) return undefined;
    else if (/^(?:yes|no|on|off|y|n|True|False|TRUE|FALSE|Null|NULL|\.inf|\.nan)$/i.test(v)) return undefined;
    else value = v;
    out.push({ key, line: i + 1, value });
  }
  return out;
}

function isDelimiter(line: string | undefined): boolean {
  return line !== undefined && /^---\s*$/.test(line);
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).trim();
}

/** Stable deep equality for YAML/JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

