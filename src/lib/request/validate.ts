/**
 * Validation of "try it" inputs against the operation's schemas, before sending.
 * Returns typed issues; components turn them into translated messages.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { OperationModel, ParamModel, RequestValues, Schema } from '../api/types';
import { splitList } from './build';

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
  | 'bodyRequired';

export interface ValidationIssue {
  /** `query.page`, `path.uuid` or `body`. */
  field: string;
  code: IssueCode;
  /** Values for the message placeholders: limit, allowed, line, column, detail. */
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

export function validateRequest(op: OperationModel, values: RequestValues): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const param of op.params) {
    if (param.in === 'header') continue;
    const value = param.in === 'path' ? values.path?.[param.name] : values.query?.[param.name];
    issues.push(...validateParam(param, value));
  }
  if (op.body) {
    const text = values.body ?? '';
    if (text.trim() === '') {
      if (op.body.required) issues.push({ field: 'body', code: 'bodyRequired', params: {} });
    } else {
      const syntax = validateJson(text);
      if (syntax) issues.push(syntax);
    }
  }
  return issues;
}
