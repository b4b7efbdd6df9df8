/**
 * Validation of "try it" inputs before sending. The panel judges exactly the
 * request it is about to send (what `buildRequest` makes of the values: list
 * items trimmed and empty items dropped, a blank field or body left out, any
 * other text as typed), with the validation core the sandbox uses
 * (src/lib/validation/): the same conversions, schema checks and JSON rules,
 * so the panel accepts exactly what the sandbox accepts
 * (sandbox/test/agreement.test.ts proves it for every operation). Neither
 * trims a value: ` 2` is not a page number for the API, so the panel does not
 * send it either, and says so (`whitespace`) when the value without its outer
 * spaces would pass.
 *
 * Returns typed issues; components turn them into translated messages.
 * Two kinds: `liveIssues` (an API key that is not a bearer token, raw control
 * characters or lone surrogates in any field) hold whatever the values' origin,
 * typed or from a share link, and show at once; `validateRequest` adds the
 * checks of the request itself and is what refuses a send. Only the panel
 * checks characters it never sends raw, a path value no URL can carry (`.`,
 * `..`) and, given the base URL, the documented URL length.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ClientOperation } from '../api/clientModel';
import type { ParamModel, RequestValues } from '../api/types';
import { checkBodyText, parseJson } from '../validation/body';
import { fieldName, type IssueCode, type SchemaIssue, type ValidationIssue } from '../validation/issues';
import { checkParam, checkParams, MAX_URL_LENGTH } from '../validation/params';
import { wellFormed } from '../snippets/quote';
import { apiKeyProblem } from './apiKey';
import { buildRequest, queryValue } from './build';
import { codePointLabel, findUnsafeCharacter, jsonEscape } from './characters';

export type { IssueCode, ValidationIssue };

/** Issues about characters the panel never sends raw: they stay whatever else is wrong. */
const UNSENDABLE = new Set<IssueCode>(['controlCharacter', 'loneSurrogate']);

/** At most this many body issues are listed (the sandbox names as many). */
const MAX_BODY_ISSUES = 100;

/** Stands for the environment when none is given: only the URL's length depends on it. */
const PLACEHOLDER_BASE = 'http://localhost';

function rawText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/** The text a path value is sent as (decoded): lone surrogates replaced, as `fillPath` does. */
function sentPathText(value: unknown): string {
  return wellFormed(rawText(value));
}

function toIssue(field: string, found: SchemaIssue): ValidationIssue {
  const params = field === 'body' ? { ...found.params, key: fieldName(found.path, found.key) } : found.params;
  return { field, code: found.code, params };
}

/**
 * A parameter's issue for the text it is sent as; `whitespace` when that text
 * has outer spaces and would pass without them (the API does not trim).
 */
function paramIssue(param: ParamModel, field: string, sent: string | undefined, found: SchemaIssue | undefined): ValidationIssue | undefined {
  if (!found) return undefined;
  if (sent !== undefined && sent.trim() !== sent && sent.trim() !== '' && !('issue' in checkParam(param, [sent.trim()]))) {
    return { field, code: 'whitespace', params: {} };
  }
  return toIssue(field, found);
}

/** One parameter's issue for a typed value, judged on the text the panel sends for it (none when empty). */
export function validateParam(param: ParamModel, value: unknown): ValidationIssue[] {
  const field = `${param.in}.${param.name}`;
  const raw = param.in === 'path' ? sentPathText(value) : queryValue(param, value as Parameters<typeof queryValue>[1]);
  const sent = raw === '' ? undefined : raw;
  const result = checkParam(param, sent === undefined ? [] : [sent]);
  const issue = paramIssue(param, field, sent, 'issue' in result ? result.issue : undefined);
  return issue ? [issue] : [];
}

/** Line and column (1-based) of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Strict JSON syntax (JSON.parse's verdict, as the sandbox reads a body), with
 * the position of the first error (jsonc-parser's, else the end of the text).
 */
export function validateJson(text: string): ValidationIssue | undefined {
  const parsed = parseJson(text);
  if (parsed.ok) return undefined;
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const { line, column } = lineColumn(text, first?.offset ?? text.length);
  return { field: 'body', code: 'jsonSyntax', params: { line, column, detail: first ? printParseErrorCode(first.error) : parsed.reason } };
}

/** A raw control character or a lone surrogate in `text`, as an issue at `field` (the body keeps tabs and line feeds). */
export function characterIssue(field: string, text: string): ValidationIssue | undefined {
  const found = findUnsafeCharacter(text, { multiline: field === 'body' });
  if (!found) return undefined;
  return {
    field,
    code: found.kind === 'control' ? 'controlCharacter' : 'loneSurrogate',
    params: {
      character: codePointLabel(found.codePoint),
      position: found.position,
      line: found.line,
      column: found.column,
      escape: jsonEscape(found.codePoint),
    },
  };
}

/** The API key field's issue: set when the key is not printable ASCII without spaces (an empty key has none). */
export function apiKeyIssue(key: string | undefined): ValidationIssue | undefined {
  return key !== undefined && apiKeyProblem(key) ? { field: 'apiKey', code: 'apiKey', params: {} } : undefined;
}

function paramValue(param: ParamModel, values: RequestValues): unknown {
  return param.in === 'path' ? values.path?.[param.name] : values.query?.[param.name];
}

/**
 * Issues shown while the values hold them, before any send: the key, then each
 * path and query field, then the body, in the panel's order.
 */
export function liveIssues(op: ClientOperation, values: RequestValues, apiKey?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const key = apiKeyIssue(apiKey);
  if (key) issues.push(key);
  for (const param of op.params) {
    if (param.in === 'header') continue;
    const issue = characterIssue(`${param.in}.${param.name}`, rawText(paramValue(param, values)));
    if (issue) issues.push(issue);
  }
  if (op.body) {
    const issue = characterIssue('body', values.body ?? '');
    if (issue) issues.push(issue);
  }
  return issues;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path values as the server reads them from `url` (decoded), or undefined when the path no longer fits the template. */
function pathValuesOf(op: ClientOperation, url: URL, basePath: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = op.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return '([^/]*)';
    })
    .join('');
  const match = new RegExp(`^${escapeRegExp(basePath)}${source}$`).exec(url.pathname);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeSegment(match[i + 1]!)]));
}

/** The request the panel sends for these values, as the server will read it: URL, path values, body text. */
function sentRequest(op: ClientOperation, values: RequestValues, baseUrl: string) {
  const request = buildRequest(op, values, { baseUrl });
  const url = new URL(request.url);
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return { url, path: pathValuesOf(op, url, basePath), body: request.body };
}

/** The field a too long URL is blamed on: the longest query value, else the longest path value. */
function longestField(op: ClientOperation, values: RequestValues): string | undefined {
  let best: { field: string; length: number } | undefined;
  for (const location of ['query', 'path'] as const) {
    for (const param of op.params.filter((p) => p.in === location)) {
      const length = rawText(paramValue(param, values)).length;
      if (length > 0 && (!best || length > best.length)) best = { field: `${location}.${param.name}`, length };
    }
    if (best) return best.field;
  }
  return undefined;
}

/**
 * Everything that stops a send, in the panel's order; a field holding an unsafe character
 * gets that issue only. With `baseUrl` (the URL the panel calls: the proxy's when there is
 * one), a URL over the documented 8192 characters is an issue too.
 */
export function validateRequest(
  op: ClientOperation,
  values: RequestValues,
  options: { apiKey?: string; baseUrl?: string } = {},
): ValidationIssue[] {
  const live = liveIssues(op, values, options.apiKey);
  const issues: ValidationIssue[] = live.filter((issue) => issue.field === 'apiKey');
  const liveAt = (field: string) => live.find((issue) => issue.field === field);
  const sent = sentRequest(op, values, options.baseUrl ?? PLACEHOLDER_BASE);
  // A path that no longer fits its template (a `.` or `..` value) is judged on the typed values.
  const typedPath = Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, sentPathText(paramValue(p, values))]));
  const checked = checkParams(op, { query: sent.url.searchParams, path: sent.path ?? typedPath });
  for (const param of op.params) {
    if (param.in === 'header') continue;
    const field = `${param.in}.${param.name}`;
    const unsafe = liveAt(field);
    if (unsafe) {
      issues.push(unsafe);
      continue;
    }
    if (param.in === 'path') {
      const text = sentPathText(paramValue(param, values));
      if (text === '') {
        issues.push({ field, code: 'required', params: {} });
        continue;
      }
      if (text === '.' || text === '..') {
        issues.push({ field, code: 'pathSegment', params: {} });
        continue;
      }
    }
    const sentText = param.in === 'path' ? (sent.path ?? typedPath)[param.name] : sent.url.searchParams.getAll(param.name).at(-1);
    const issue = paramIssue(param, field, sentText, checked.issues.find((found) => found.param === param)?.issue);
    if (issue) issues.push(issue);
  }
  if (options.baseUrl !== undefined && sent.url.href.length > MAX_URL_LENGTH) {
    // The API answers this before anything else: it replaces the field's own issue.
    const field = longestField(op, values);
    if (field) {
      const at = issues.findIndex((issue) => issue.field === field);
      const tooLong: ValidationIssue = { field, code: 'urlTooLong', params: { limit: MAX_URL_LENGTH } };
      if (at < 0) issues.push(tooLong);
      else if (!UNSENDABLE.has(issues[at]!.code)) issues[at] = tooLong;
    }
  }
  if (op.body) {
    const unsafe = liveAt('body');
    if (unsafe) {
      issues.push(unsafe);
    } else if (sent.body === undefined) {
      if (op.body.required) issues.push({ field: 'body', code: 'bodyRequired', params: {} });
    } else {
      const result = checkBodyText(op.body.schema, sent.body, MAX_BODY_ISSUES);
      if (!result.ok && 'syntax' in result) issues.push(validateJson(sent.body) ?? { field: 'body', code: 'jsonSyntax', params: { line: 1, column: 1, detail: result.syntax } });
      else if (!result.ok) issues.push(...result.issues.map((issue) => toIssue('body', issue)));
    }
  }
  return issues;
}
