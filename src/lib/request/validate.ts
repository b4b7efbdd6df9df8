/**
 * Validation of "try it" inputs against the operation's schemas, before sending.
 * Returns typed issues; components turn them into translated messages.
 * Two kinds: `liveIssues` (an API key that is not a bearer token, raw control
 * characters or lone surrogates in any field) hold whatever the values' origin,
 * typed or from a share link, and show at once; `validateRequest` adds the
 * schema checks and is what refuses a send.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { OperationModel, ParamModel, RequestValues, Schema } from '../api/types';
import { apiKeyProblem } from './apiKey';
import { splitList } from './build';
import { codePointLabel, findUnsafeCharacter, jsonEscape } from './characters';

export type IssueCode =
  | 'required'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'minimum'
  | 'maximum'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'enum'
  | 'pattern'
  | 'jsonSyntax'
  | 'bodyRequired'
  | 'controlCharacter'
  | 'loneSurrogate'
  | 'apiKey';

export interface ValidationIssue {
  /** `query.page`, `path.uuid`, `body` or `apiKey` (the `name` of the panel's input). */
  field: string;
  code: IssueCode;
  /** Values for the message placeholders: limit, allowed, line, column, detail, character, position, escape. */
  params: Record<string, string | number>;
}

function schemaType(schema: Schema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  return t;
}

function checkScalar(field: string, schema: Schema, text: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const type = schemaType(schema);
  if (type === 'integer' || type === 'number') {
    const ok = type === 'integer' ? /^-?\d+$/.test(text) : /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text);
    if (!ok) return [{ field, code: type, params: {} }];
    const n = Number(text);
    if (typeof schema.minimum === 'number' && n < schema.minimum) {
      issues.push({ field, code: 'minimum', params: { limit: schema.minimum } });
    }
    if (typeof schema.maximum === 'number' && n > schema.maximum) {
      issues.push({ field, code: 'maximum', params: { limit: schema.maximum } });
    }
    return issues;
  }
  if (type === 'boolean') {
    return text === 'true' || text === 'false' ? [] : [{ field, code: 'boolean', params: {} }];
  }
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(text)) {
    return [{ field, code: 'enum', params: { allowed: schema.enum.map(String).join(', ') } }];
  }
  if (typeof schema.minLength === 'number' && [...text].length < schema.minLength) {
    issues.push({ field, code: 'minLength', params: { limit: schema.minLength } });
  }
  if (typeof schema.maxLength === 'number' && [...text].length > schema.maxLength) {
    issues.push({ field, code: 'maxLength', params: { limit: schema.maxLength } });
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(text)) {
    issues.push({ field, code: 'pattern', params: { pattern: schema.pattern } });
  }
  return issues;
}

function rawText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

export function validateParam(param: ParamModel, value: unknown): ValidationIssue[] {
  const field = `${param.in}.${param.name}`;
  const text = rawText(value).trim();
  if (text === '') return param.required ? [{ field, code: 'required', params: {} }] : [];
  if (schemaType(param.schema) === 'array') {
    const items = splitList(text);
    const itemSchema = param.schema.items ?? {};
    if (typeof param.schema.minItems === 'number' && items.length < param.schema.minItems) {
      return [{ field, code: 'minItems', params: { limit: param.schema.minItems } }];
    }
    return items.flatMap((item) => checkScalar(field, itemSchema, item)).slice(0, 1);
  }
  return checkScalar(field, param.schema, text);
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

/** Strict JSON syntax check (no comments, no trailing commas) with the first error's position. */
export function validateJson(text: string): ValidationIssue | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const { line, column } = lineColumn(text, first.offset);
  return { field: 'body', code: 'jsonSyntax', params: { line, column, detail: printParseErrorCode(first.error) } };
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
export function liveIssues(op: OperationModel, values: RequestValues, apiKey?: string): ValidationIssue[] {
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

/** Everything that stops a send, in the panel's order; a field holding an unsafe character gets that issue only. */
export function validateRequest(op: OperationModel, values: RequestValues, options: { apiKey?: string } = {}): ValidationIssue[] {
  const live = liveIssues(op, values, options.apiKey);
  const issues: ValidationIssue[] = live.filter((issue) => issue.field === 'apiKey');
  const liveAt = (field: string) => live.find((issue) => issue.field === field);
  for (const param of op.params) {
    if (param.in === 'header') continue;
    const field = `${param.in}.${param.name}`;
    const unsafe = liveAt(field);
    issues.push(...(unsafe ? [unsafe] : validateParam(param, paramValue(param, values))));
  }
  if (op.body) {
    const text = values.body ?? '';
    const unsafe = liveAt('body');
    if (unsafe) {
      issues.push(unsafe);
    } else if (text.trim() === '') {
      if (op.body.required) issues.push({ field: 'body', code: 'bodyRequired', params: {} });
    } else {
      const syntax = validateJson(text);
      if (syntax) issues.push(syntax);
    }
  }
  return issues;
}
