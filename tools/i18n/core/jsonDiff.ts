/**
 * Compare a translated JSON example with the English one, every difference at its own line:
 * each translated key (and, under a translated key, each translated child key: the children of a
 * renamed entry are compared by position), each changed value (strings, URLs, ids, enum-like
 * values, numbers, booleans, dates, null), each changed array element, missing and extra
 * entries. Key order and formatting are free. Pure.
 */
import { describeJsonNode, jsonChildPath, type JsonEntry, type JsonNode } from '../../../src/lib/i18n/json';
import { describeUrlChange } from './url';

export interface JsonDifference {
  line: number;
  path: string;
  message: string;
}

const LIMIT = 200;

export function diffJson(source: JsonNode, target: JsonNode): JsonDifference[] {
  const out: JsonDifference[] = [];
  walk(source, target, '$', out);
  return out;
}

const shown = (key: string): string => JSON.stringify(key.startsWith('\u2026') ? '...' : key);

/** Pair the entries of two objects: equal keys, then the remaining ones by position (a translated key). */
function pairEntries(s: readonly JsonEntry[], t: readonly JsonEntry[]): { pairs: [JsonEntry, JsonEntry, boolean][]; missing: JsonEntry[]; extra: JsonEntry[] } {
  const tByKey = new Map(t.map((e) => [e.key, e] as const));
  const sKeys = new Set(s.map((e) => e.key));
  const pairs: [JsonEntry, JsonEntry, boolean][] = [];
  const missing: { e: JsonEntry; i: number }[] = [];
  s.forEach((e, i) => {
    const te = tByKey.get(e.key);
    if (te) pairs.push([e, te, false]);
    else missing.push({ e, i });
  });
  const extra = t.map((e, i) => ({ e, i })).filter(({ e }) => !sKeys.has(e.key));
  const usedExtra = new Set<number>();
  const stillMissing: JsonEntry[] = [];
  // same position first (the usual case: a key translated in place), then order
  for (const m of missing) {
    const k = extra.findIndex((x, j) => !usedExtra.has(j) && x.i === m.i);
    if (k >= 0) {
      usedExtra.add(k);
      pairs.push([m.e, extra[k]!.e, true]);
    } else stillMissing.push(m.e);
  }
  const leftExtra = extra.filter((_, j) => !usedExtra.has(j)).map((x) => x.e);
  const n = Math.min(stillMissing.length, leftExtra.length);
  for (let i = 0; i < n; i++) pairs.push([stillMissing[i]!, leftExtra[i]!, true]);
  return { pairs, missing: stillMissing.slice(n), extra: leftExtra.slice(n) };
}

function walk(s: JsonNode, t: JsonNode, path: string, out: JsonDifference[]): void {
  if (out.length >= LIMIT) return;
  if (s.kind !== t.kind) {
    out.push({ line: t.line, path, message: `${path}: expected ${describeJsonNode(s)}, found ${describeJsonNode(t)}` });
    return;
  }
  if (s.kind === 'object' && t.kind === 'object') {
    const { pairs, missing, extra } = pairEntries(s.entries, t.entries);
    const tKeys = new Map(t.entries.map((e) => [e.key, e] as const));
    for (const m of missing) {
      // reported at the key that precedes it in the English object, when the translation has it
      const idx = s.entries.indexOf(m);
      let line = t.line;
      for (let k = idx - 1; k >= 0; k--) {
        const prev = tKeys.get(s.entries[k]!.key);
        if (prev) {
          line = prev.keyLine;
          break;
        }
      }
      out.push({ line, path: jsonChildPath(path, m.key), message: `missing key ${shown(m.key)} (${jsonChildPath(path, m.key)})` });
    }
    for (const x of extra) out.push({ line: x.keyLine, path: jsonChildPath(path, x.key), message: `unexpected key ${shown(x.key)} (${jsonChildPath(path, x.key)}) not in the English example` });
    for (const [se, te, renamed] of pairs.sort((a, b) => a[1].keyLine - b[1].keyLine)) {
      if (renamed) out.push({ line: te.keyLine, path: jsonChildPath(path, se.key), message: `key ${shown(te.key)} should be ${shown(se.key)} (${jsonChildPath(path, se.key)}; keys are never translated)` });
      walk(se.value, te.value, jsonChildPath(path, se.key), out);
    }
    return;
  }
  if (s.kind === 'array' && t.kind === 'array') {
    const n = Math.min(s.items.length, t.items.length);
    for (let i = 0; i < n; i++) walk(s.items[i]!, t.items[i]!, jsonChildPath(path, i), out);
    if (s.items.length > t.items.length) {
      const last = t.items[t.items.length - 1];
      out.push({ line: last ? lastLine(last) : t.line, path, message: `${path}: ${s.items.length - t.items.length} item(s) missing (expected ${s.items.length}, found ${t.items.length})` });
    } else if (t.items.length > s.items.length) {
      const first = t.items[s.items.length]!;
      out.push({ line: first.line, path, message: `${path}: ${t.items.length - s.items.length} unexpected item(s) (expected ${s.items.length}, found ${t.items.length})` });
    }
    return;
  }
  if (s.kind === 'string' && t.kind === 'string') {
    if (s.value === t.value) return;
    const url = describeUrlChange(s.value, t.value);
    out.push({ line: t.line, path, message: `${path}: expected ${JSON.stringify(s.value)}, found ${JSON.stringify(t.value)}${url ? ` (${url})` : ''}` });
    return;
  }
  if (s.kind === 'number' && t.kind === 'number') {
    if (s.value !== t.value) out.push({ line: t.line, path, message: `${path}: expected ${s.raw}, found ${t.raw}` });
    return;
  }
  if (s.kind === 'literal' && t.kind === 'literal' && s.value !== t.value) {
    out.push({ line: t.line, path, message: `${path}: expected ${String(s.value)}, found ${String(t.value)}` });
  }
}

function lastLine(n: JsonNode): number {
  return n.kind === 'object' || n.kind === 'array' ? n.endLine : n.line;
}
