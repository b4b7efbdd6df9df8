/**
 * JSON request bodies, for the "try it" panel and the sandbox alike, once the
 * text is known (the sandbox first reads, limits and decodes the bytes:
 * sandbox/src/body.ts). In this order, the first failing step answers:
 *   1. strict JSON (`JSON.parse`: no comments, no trailing commas), after one
 *      leading byte order mark, which UTF-8 text may carry;
 *   2. the keys `__proto__`, `constructor` and `prototype` are refused anywhere
 *      in the document (no prototype pollution through stored objects);
 *   3. the operation's requestBody schema (./schema.ts): every broken rule at
 *      its place (a missing, unknown or mistyped key, a nested key, an item).
 * Pure and browser-safe; the walk over keys uses no recursion, so any depth is safe.
 */
import type { Schema } from '../api/types';
import { IssueCollector, type JsonPath, type SchemaIssue } from './issues';
import { checkSchema } from './schema';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many forbidden keys are named. */
const MAX_FORBIDDEN = 20;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/** The JSON value of `text` (one leading byte order mark allowed), or JSON.parse's reason, on one line. */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) };
  } catch (err) {
    return { ok: false, reason: err instanceof SyntaxError ? err.message.replace(/\s+/g, ' ').slice(0, 200) : 'parse error' };
  }
}

/** Whether any object in the document has a forbidden key (no paths built: the common case stays cheap). */
function hasForbiddenKey(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return true;
        const child = (value as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }
  return false;
}

/** A place in the document as a chain to its parent: one step costs the same at any depth. */
interface Place {
  parent: Place | undefined;
  segment: string | number;
}

function pathOf(place: Place | undefined): JsonPath {
  const path: Array<string | number> = [];
  for (let at = place; at; at = at.parent) path.push(at.segment);
  return path.reverse();
}

/** The forbidden keys of a document (at most 20), as issues at their place. */
export function forbiddenKeys(root: unknown): SchemaIssue[] {
  if (!hasForbiddenKey(root)) return [];
  const found: SchemaIssue[] = [];
  const stack: Array<{ value: unknown; place: Place | undefined }> = [{ value: root, place: undefined }];
  while (stack.length > 0 && found.length < MAX_FORBIDDEN) {
    const { value, place } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, place: { parent: place, segment: i } }));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) found.push({ code: 'forbiddenKey', path: pathOf(place), key, schema: {}, params: {} });
        else stack.push({ value: (value as Record<string, unknown>)[key], place: { parent: place, segment: key } });
      }
    }
  }
  return found;
}

export type BodyCheck =
  | { ok: true; value: unknown }
  | { ok: false; syntax: string }
  | { ok: false; issues: SchemaIssue[]; more: number };

/**
 * Steps 1 to 3 on a body's text: its value, or why not: the syntax error, or the
 * broken rules (the first `limit` written out, `more` only counted).
 */
export function checkBodyText(schema: Schema, text: string, limit = Number.POSITIVE_INFINITY): BodyCheck {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, syntax: parsed.reason };
  const forbidden = forbiddenKeys(parsed.value);
  if (forbidden.length > 0) return { ok: false, issues: forbidden, more: 0 };
  const found = new IssueCollector(limit);
  checkSchema(schema, parsed.value, found);
  return found.empty ? { ok: true, value: parsed.value } : { ok: false, issues: found.issues, more: found.more };
}
