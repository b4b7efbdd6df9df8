/**
 * Path and query parameters, for the "try it" panel and the sandbox alike:
 * from the text a request carries to typed values, by one set of rules, then
 * the parameter's schema (./schema.ts). The sandbox runs it on the URL it
 * receives; the panel on the URL it is about to send (src/lib/request/validate.ts),
 * so both judge the same text.
 *
 * The text is converted by rules we control (never JSON Schema type coercion,
 * which would take `1.0`, `1e1` or an empty string as integers and `1`/`0` as
 * booleans):
 *   - integer: whole numbers written in decimal (`-?[0-9]+`), within the safe
 *     integer range (±9007199254740991); `1.5`, `1e3`, `0x1`, ` 1`, `+1` and ``
 *     are refused;
 *   - number: decimal notation (`-?[0-9]+(.[0-9]+)?`);
 *   - boolean: exactly `true` or `false`;
 *   - string: the text as sent, untrimmed;
 *   - array with `explode: false`: one comma-separated value; every item is
 *     trimmed and then converted by the item schema (so `tags=a,,b` breaks
 *     `minLength: 1`); with `explode: true` every occurrence is one item.
 *
 * Repeated parameters: for everything except exploded arrays the LAST
 * occurrence wins (`?page=1&page=2` reads page 2), as most web frameworks do.
 * Query parameters the operation does not declare are ignored. A missing
 * optional parameter takes the schema's `default`, if any; a missing required
 * one is an issue (`required`).
 */
import type { OperationModel, ParamModel, Schema } from '../api/types';
import { IssueCollector, type CoercionCode, type IssueParams, type SchemaIssue } from './issues';
import { checkSchema, schemaTypes } from './schema';

/** The documented limit of a whole URL, in characters; past it the API answers 400 invalid_parameter. */
export const MAX_URL_LENGTH = 8192;

/** The text of one request's parameters: the query as parsed from the URL, path values decoded. */
export interface ParamInput {
  query: URLSearchParams;
  path?: Record<string, string | undefined>;
}

/** Typed values by parameter name, per location (defaults filled in). */
export interface ParamValues {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
}

export type ParamLocationChecked = 'query' | 'path';

/** The first broken rule of one parameter. */
export interface ParamIssue {
  param: ParamModel;
  in: ParamLocationChecked;
  issue: SchemaIssue;
}

export interface ParamCheck {
  values: ParamValues;
  /** In the operation's parameter order, at most one per parameter. */
  issues: ParamIssue[];
}

type Converted = { ok: true; value: unknown } | { ok: false; code: CoercionCode; params: IssueParams };

const SAFE_LIMITS = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

/** The type a parameter's text converts to: the schema's (not null) type, `string` for a bare enum. */
export function mainType(schema: Schema): string | undefined {
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  if (types.length > 0) return types[0];
  return Array.isArray(schema.enum) ? 'string' : undefined;
}

/** One text to a typed value by the schema's type (see the file comment), or the coercion rule it breaks. */
export function convertText(raw: string, schema: Schema): Converted {
  switch (mainType(schema)) {
    case 'integer': {
      if (!/^-?[0-9]+$/.test(raw)) return { ok: false, code: 'integer', params: {} };
      const value = Number(raw);
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, code: 'safeInteger', params: SAFE_LIMITS };
    }
    case 'number':
      return /^-?[0-9]+(\.[0-9]+)?$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false, code: 'number', params: {} };
    case 'boolean':
      if (raw === 'true') return { ok: true, value: true };
      if (raw === 'false') return { ok: true, value: false };
      return { ok: false, code: 'boolean', params: {} };
    default:
      return { ok: true, value: raw };
  }
}

/** The items of an array parameter: each occurrence (explode), or the last one split at commas, items trimmed. */
export function arrayItems(param: ParamModel, occurrences: readonly string[]): string[] {
  if (param.explode) return [...occurrences];
  return occurrences[occurrences.length - 1]!.split(',').map((item) => item.trim());
}

/**
 * One parameter's occurrences (none when absent) to its typed value, or its
 * first broken rule. An absent optional parameter is its default (or undefined).
 */
export function checkParam(param: ParamModel, occurrences: readonly string[]): { value: unknown } | { issue: SchemaIssue } {
  const schema = param.schema;
  const fail = (code: CoercionCode, params: IssueParams, path: Array<string | number> = []) => ({ issue: { code, path, schema, params } });
  if (occurrences.length === 0) {
    if (param.required) return fail('required', {});
    return { value: schema.default === undefined ? undefined : structuredClone(schema.default) };
  }
  let value: unknown;
  if (mainType(schema) === 'array') {
    const items: unknown[] = [];
    const itemSchema = schema.items ?? {};
    for (const [i, item] of arrayItems(param, occurrences).entries()) {
      const converted = convertText(item, itemSchema);
      if (!converted.ok) return { issue: { code: converted.code, path: [i], schema: itemSchema, params: converted.params } };
      items.push(converted.value);
    }
    value = items;
  } else {
    const converted = convertText(occurrences[occurrences.length - 1]!, schema);
    if (!converted.ok) return fail(converted.code, converted.params);
    value = converted.value;
  }
  const found = new IssueCollector(1);
  checkSchema(schema, value, found);
  const [first] = found.issues;
  return first ? { issue: first } : { value };
}

/** Every path and query parameter of `op` from the request's text: typed values, and the issues (all of them, one per parameter). */
export function checkParams(op: Pick<OperationModel, 'params'>, input: ParamInput): ParamCheck {
  const values: ParamValues = { query: {}, path: {} };
  const issues: ParamIssue[] = [];
  for (const param of op.params) {
    if (param.in !== 'query' && param.in !== 'path') continue;
    const location = param.in;
    let occurrences: string[];
    if (location === 'query') {
      occurrences = input.query.getAll(param.name);
    } else {
      const raw = input.path?.[param.name];
      occurrences = raw === undefined ? [] : [raw];
    }
    const result = checkParam(param, occurrences);
    if ('issue' in result) issues.push({ param, in: location, issue: result.issue });
    else if (result.value !== undefined) values[location][param.name] = result.value;
  }
  return { values, issues };
}
