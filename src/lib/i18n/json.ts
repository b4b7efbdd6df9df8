/**
 * A small JSON parser that keeps line numbers, with a lenient mode for
 * documentation examples: `...`/`…` placeholders, comments and trailing commas.
 */
import { lineOfOffset, lineStarts } from './text';

export type JsonNode =
  | { kind: 'object'; line: number; endLine: number; entries: JsonEntry[] }
  | { kind: 'array'; line: number; endLine: number; items: JsonNode[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: number; raw: string }
  | { kind: 'literal'; line: number; value: boolean | null }
  | { kind: 'ellipsis'; line: number };

export interface JsonEntry {
  key: string;
  keyLine: number;
  value: JsonNode;
}

export type JsonParseResult =
  | { ok: true; node: JsonNode }
  | { ok: false; error: { line: number; column: number; message: string } };

/** A file's JSON whose root must be an object: its entries, or the one problem (with its line) that stops reading it. */
export type JsonObjectFileResult = { ok: true; entries: JsonEntry[] } | { ok: false; problem: { line: number; message: string } };

/** Parses a translation file whose root must be an object; `expected` says what the root should be, for the message. Never throws. */
export function parseJsonObjectFile(text: string, expected: string): JsonObjectFileResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { ok: false, problem: { line: parsed.error.line, message: `not valid JSON (column ${parsed.error.column}): ${parsed.error.message}` } };
  }
  if (parsed.node.kind !== 'object') return { ok: false, problem: { line: parsed.node.line, message: expected } };
  return { ok: true, entries: parsed.node.entries };
}

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parse `text`; lines in the result are 1-based plus `lineOffset`. */
export function parseJson(text: string, options: { lenient?: boolean; lineOffset?: number } = {}): JsonParseResult {
  const lenient = options.lenient ?? false;
  const base = options.lineOffset ?? 0;
  const starts = lineStarts(text);
  const lineAt = (o: number): number => lineOfOffset(starts, o) + base;
  let pos = 0;

  const skip = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
        pos++;
        continue;
      }
      if (lenient && c === 47 /* / */) {
        const n = text.charCodeAt(pos + 1);
        if (n === 47) {
          while (pos < text.length && text.charCodeAt(pos) !== 10) pos++;
          continue;
        }
        if (n === 42) {
          const end = text.indexOf('*/', pos + 2);
          if (end < 0) throw new JsonError('unterminated comment', pos);
          pos = end + 2;
          continue;
        }
      }
      return;
    }
  };

  const isEllipsis = (): number => {
    if (!lenient) return 0;
    if (text.startsWith('...', pos)) return 3;
    if (text.startsWith('…', pos)) return 1;
    return 0;
  };

  const value = (): JsonNode => {
    skip();
    const start = pos;
    const c = text[pos];
    if (c === undefined) throw new JsonError('unexpected end of JSON', pos);
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return { kind: 'string', line: lineAt(start), value: string() };
    const ell = isEllipsis();
    if (ell) {
      pos += ell;
      return { kind: 'ellipsis', line: lineAt(start) };
    }
    const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    num.lastIndex = pos;
    const m = num.exec(text);
    if (m && m[0].length > 0) {
      pos += m[0].length;
      return { kind: 'number', line: lineAt(start), value: Number(m[0]), raw: m[0] };
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { kind: 'literal', line: lineAt(start), value: v };
      }
    }
    throw new JsonError(`unexpected character ${JSON.stringify(c)}`, pos);
  };

  const string = (): string => {
    const start = pos;
    pos++;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) throw new JsonError('unterminated string', start);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        pos++;
      } else if (c === 10) throw new JsonError('line break inside a string', pos);
      pos++;
    }
    pos++;
    if (!escaped) return text.slice(start + 1, pos - 1);
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      throw new JsonError('invalid string escape', start);
    }
  };

  const object = (): JsonNode => {
    const line = lineAt(pos);
    pos++;
    const entries: JsonEntry[] = [];
    let ellipses = 0;
    skip();
    if (text[pos] === '}') {
      pos++;
      return { kind: 'object', line, endLine: lineAt(pos - 1), entries };
    }
    for (;;) {
      skip();
      const ell = isEllipsis();
      if (ell) {
        const keyLine = lineAt(pos);
        pos += ell;
        entries.push({ key: `\u2026${++ellipses}`, keyLine, value: { kind: 'ellipsis', line: keyLine } });
        skip();
        if (text[pos] === '"') continue;
      } else {
        if (text[pos] !== '"') throw new JsonError('expected a "key"', pos);
        const keyLine = lineAt(pos);
        const key = string();
        skip();
        if (text[pos] !== ':') throw new JsonError('expected ":" after a key', pos);
        pos++;
        entries.push({ key, keyLine, value: value() });
      }
      skip();
      if (text[pos] === ',') {
        pos++;
        skip();
        if (lenient && text[pos] === '}') {
          pos++;
          break;
        }
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        break;
      }
      throw new JsonError('expected "," or "}"', pos);
    }
    return { kind: 'object', line, endLine: lineAt(pos - 1), entries };
  };

  const array = (): JsonNode => {
    const line = lineAt(pos);
    pos++;
    const items: JsonNode[] = [];
    skip();
    if (text[pos] === ']') {
      pos++;
      return { kind: 'array', line, endLine: lineAt(pos - 1), items };
    }
    for (;;) {
      const item = value();
      items.push(item);
      skip();
      // documentation style: `...` often stands on its own line without a comma
      if (item.kind === 'ellipsis' && text[pos] !== ',' && text[pos] !== ']') continue;
      if (text[pos] === ',') {
        pos++;
        skip();
        if (lenient && text[pos] === ']') {
          pos++;
          break;
        }
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        break;
      }
      throw new JsonError('expected "," or "]"', pos);
    }
    return { kind: 'array', line, endLine: lineAt(pos - 1), items };
  };

  try {
    const node = value();
    skip();
    if (pos < text.length) throw new JsonError('unexpected text after the JSON value', pos);
    return { ok: true, node };
  } catch (e) {
    if (e instanceof JsonError) {
      const line = lineOfOffset(starts, e.offset);
      const column = e.offset - (starts[line - 1] ?? 0) + 1;
      return { ok: false, error: { line: line + base, column, message: e.message } };
    }
    throw e;
  }
}

export interface JsonDifference {
  line: number;
  path: string;
  message: string;
}

/** Deep comparison, key for key and value for value; key order and formatting are ignored. */
export function compareJson(source: JsonNode, target: JsonNode, limit = 50): JsonDifference[] {
  const out: JsonDifference[] = [];
  walk(source, target, '$', out, limit);
  return out;
}

/** A JSON node in words, for messages: `an object`, `"text"`, `12`. */
export function describeJsonNode(n: JsonNode): string {
  switch (n.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'ellipsis':
      return '`...`';
    case 'string':
      return JSON.stringify(n.value);
    case 'number':
      return n.raw;
    case 'literal':
      return String(n.value);
  }
}

/** The JSONPath-like address of a child: `$.a`, `$[0]`, `$["a b"]`. */
export function jsonChildPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (key.startsWith('\u2026')) return `${path}.…`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function walk(s: JsonNode, t: JsonNode, path: string, out: JsonDifference[], limit: number): void {
  if (out.length >= limit) return;
  if (s.kind !== t.kind) {
    out.push({ line: t.line, path, message: `${path}: expected ${describeJsonNode(s)}, found ${describeJsonNode(t)}` });
    return;
  }
  if (s.kind === 'object' && t.kind === 'object') {
    const tKeys = new Map(t.entries.map((e) => [e.key, e] as const));
    const sKeys = new Map(s.entries.map((e) => [e.key, e] as const));
    const missing = s.entries.filter((e) => !tKeys.has(e.key));
    const extra = t.entries.filter((e) => !sKeys.has(e.key));
    const paired = Math.min(missing.length, extra.length);
    // a translated key: one missing, one extra at the same place
    for (let i = 0; i < paired; i++) {
      const m = missing[i] as JsonEntry;
      const x = extra[i] as JsonEntry;
      out.push({ line: x.keyLine, path: jsonChildPath(path, m.key), message: `key ${JSON.stringify(x.key)} should be ${JSON.stringify(m.key)} (${jsonChildPath(path, m.key)}; keys are never translated)` });
    }
    for (const m of missing.slice(paired)) {
      // report at the key that precedes it in the source, if the target has it
      const idx = s.entries.indexOf(m);
      let line = t.line;
      for (let k = idx - 1; k >= 0; k--) {
        const prev = tKeys.get((s.entries[k] as JsonEntry).key);
        if (prev) {
          line = prev.keyLine;
          break;
        }
      }
      out.push({ line, path: jsonChildPath(path, m.key), message: `missing key ${JSON.stringify(m.key.startsWith('\u2026') ? '...' : m.key)} (${jsonChildPath(path, m.key)})` });
    }
    for (const x of extra.slice(paired)) {
      out.push({ line: x.keyLine, path: jsonChildPath(path, x.key), message: `unexpected key ${JSON.stringify(x.key.startsWith('\u2026') ? '...' : x.key)} (${jsonChildPath(path, x.key)}) not in the English example` });
    }
    for (const e of s.entries) {
      const te = tKeys.get(e.key);
      if (te) walk(e.value, te.value, jsonChildPath(path, e.key), out, limit);
    }
    return;
  }
  if (s.kind === 'array' && t.kind === 'array') {
    const n = Math.min(s.items.length, t.items.length);
    for (let i = 0; i < n; i++) walk(s.items[i] as JsonNode, t.items[i] as JsonNode, jsonChildPath(path, i), out, limit);
    if (s.items.length > t.items.length) {
      const last = t.items[t.items.length - 1];
      out.push({ line: last ? lastLine(last) : t.line, path, message: `${path}: ${s.items.length - t.items.length} item(s) missing (expected ${s.items.length}, found ${t.items.length})` });
    } else if (t.items.length > s.items.length) {
      const first = t.items[s.items.length] as JsonNode;
      out.push({ line: first.line, path, message: `${path}: ${t.items.length - s.items.length} unexpected item(s) (expected ${s.items.length}, found ${t.items.length})` });
    }
    return;
  }
  if (s.kind === 'string' && t.kind === 'string') {
    if (s.value !== t.value) out.push({ line: t.line, path, message: `${path}: expected ${JSON.stringify(s.value)}, found ${JSON.stringify(t.value)}` });
    return;
  }
  if (s.kind === 'number' && t.kind === 'number') {
    if (s.value !== t.value) out.push({ line: t.line, path, message: `${path}: expected ${s.raw}, found ${t.raw}` });
    return;
  }
  if (s.kind === 'literal' && t.kind === 'literal') {
    if (s.value !== t.value) out.push({ line: t.line, path, message: `${path}: expected ${String(s.value)}, found ${String(t.value)}` });
  }
}

function lastLine(n: JsonNode): number {
  return n.kind === 'object' || n.kind === 'array' ? n.endLine : n.line;
}
