/**
 * Validates the query and path parameters of one request against the
 * parameter schemas of its operation in openapi/openapi.yaml.
 *
 * The raw strings are converted here, by rules we control, before Ajv (JSON
 * Schema 2020-12) checks them against the spec's schema. Ajv's own type
 * coercion is off on purpose: it would accept `1.0`, `1e1` or an empty string
 * as integers and `1`/`0` as booleans.
 *   - integer: whole numbers written in decimal (`-?[0-9]+`), within the safe
 *     integer range; `1.5`, `1e3`, `0x1`, ` 1` and `` are rejected;
 *   - number: decimal notation (`-?[0-9]+(.[0-9]+)?`);
 *   - boolean: exactly `true` or `false`;
 *   - string: the value as sent, untrimmed;
 *   - array with `explode: false`: one comma-separated value; every item is
 *     trimmed and then converted by the item schema (so `tags=a,,b` fails
 *     `minLength: 1`); with `explode: true` every occurrence is one item.
 *
 * Repeated parameters: for everything except exploded arrays the LAST
 * occurrence wins (`?page=1&page=2` reads page 2), as most web frameworks do.
 * Query parameters the operation does not declare are ignored, as documented.
 * A missing optional parameter takes the schema's `default`, if any.
 *
 * On failure every bad parameter is reported at once: 400 invalid_parameter
 * with `fields: [{ name, in, message }]`. The message describes what the
 * schema expects (e.g. "must be an integer greater than or equal to 1") rather
 * than Ajv's wording, so it reads the same whatever was wrong with the value.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OperationModel, ParamModel, Schema } from '../../src/lib/api/types';
import { apiErrors, type FieldError } from './errors';

/**
 * An Ajv instance configured for the spec's schemas (2020-12, formats, strict).
 * `strictRequired` is off: `anyOf: [{required: [to]}, {required: [bsuid]}]`
 * (MessageSendBody) names properties declared beside the anyOf, which is valid
 * JSON Schema that this lint rule refuses. `verbose` gives every error its
 * schema, so messages can say what the schema expects.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    coerceTypes: false,
    verbose: true,
  });
  addFormats(ajv);
  return ajv;
}

export interface RequestParams {
  query: URLSearchParams;
  path?: Record<string, string | undefined>;
}

/** Validated values by parameter name, per location. */
export interface ParamValues {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
}

type Converted = { ok: true; value: unknown } | { ok: false };

const INVALID: Converted = { ok: false };

function mainType(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null');
  if (type === undefined && Array.isArray(schema.enum)) return 'string';
  return type;
}

function convertScalar(raw: string, schema: Schema): Converted {
  switch (mainType(schema)) {
    case 'integer': {
      if (!/^-?[0-9]+$/.test(raw)) return INVALID;
      const value = Number(raw);
      return Number.isSafeInteger(value) ? { ok: true, value } : INVALID;
    }
    case 'number':
      return /^-?[0-9]+(\.[0-9]+)?$/.test(raw) ? { ok: true, value: Number(raw) } : INVALID;
    case 'boolean':
      if (raw === 'true') return { ok: true, value: true };
      if (raw === 'false') return { ok: true, value: false };
      return INVALID;
    default:
      return { ok: true, value: raw };
  }
}

function convert(param: ParamModel, occurrences: string[]): Converted {
  const schema = param.schema;
  if (mainType(schema) === 'array') {
    const itemSchema = schema.items ?? {};
    const items = param.explode ? occurrences : occurrences[occurrences.length - 1]!.split(',').map((s) => s.trim());
    const values: unknown[] = [];
    for (const item of items) {
      const converted = convertScalar(item, itemSchema);
      if (!converted.ok) return INVALID;
      values.push(converted.value);
    }
    return { ok: true, value: values };
  }
  return convertScalar(occurrences[occurrences.length - 1]!, schema);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What a schema expects, in words: "must be an integer greater than or equal to 1". */
export function describeSchema(schema: Schema, explode = false): string {
  const type = mainType(schema);
  if (Array.isArray(schema.enum)) return `must be one of: ${schema.enum.map(String).join(', ')}`;
  if (type === 'integer' || type === 'number') {
    const noun = type === 'integer' ? 'an integer' : 'a number';
    const { minimum: min, maximum: max } = schema;
    if (min !== undefined && max !== undefined) return `must be ${noun} between ${min} and ${max}`;
    if (min !== undefined) return `must be ${noun} greater than or equal to ${min}`;
    if (max !== undefined) return `must be ${noun} less than or equal to ${max}`;
    return `must be ${noun}`;
  }
  if (type === 'boolean') return 'must be true or false';
  if (type === 'array') {
    const parts = [explode ? 'must be a list (one occurrence per item)' : 'must be a comma-separated list'];
    if (schema.minItems !== undefined) parts.push(` of at least ${plural(schema.minItems, 'item')}`);
    if (schema.maxItems !== undefined) parts.push(`${schema.minItems !== undefined ? ' and' : ' of'} at most ${plural(schema.maxItems, 'item')}`);
    if (schema.items) parts.push(`; each item ${describeSchema(schema.items)}`);
    return parts.join('');
  }
  const rules: string[] = [];
  const { minLength: minL, maxLength: maxL } = schema;
  if (minL !== undefined && maxL !== undefined) rules.push(`be between ${minL} and ${plural(maxL, 'character')} long`);
  else if (minL !== undefined) rules.push(`be at least ${plural(minL, 'character')} long`);
  else if (maxL !== undefined) rules.push(`be at most ${plural(maxL, 'character')} long`);
  if (schema.format) rules.push(`be a valid ${schema.format}`);
  if (schema.pattern) rules.push(`match the pattern ${schema.pattern}`);
  return rules.length > 0 ? `must ${rules.join(' and ')}` : 'must be a string';
}

interface CompiledParam {
  param: ParamModel;
  check: ValidateFunction;
  message: string;
}

/**
 * Compiles the validator of one operation once; the returned function
 * validates a request and returns the typed values, or throws a 400 ApiError.
 */
export function createParamValidator(op: OperationModel, ajv: Ajv2020 = createAjv()): (req: RequestParams) => ParamValues {
  const compiled: CompiledParam[] = op.params
    .filter((param) => param.in === 'query' || param.in === 'path')
    .map((param) => ({ param, check: ajv.compile(param.schema), message: describeSchema(param.schema, param.explode) }));

  return (req) => {
    const values: ParamValues = { query: {}, path: {} };
    const fields: FieldError[] = [];
    for (const { param, check, message } of compiled) {
      const location = param.in as 'query' | 'path';
      let occurrences: string[];
      if (location === 'query') {
        occurrences = req.query.getAll(param.name);
      } else {
        const raw = req.path?.[param.name];
        occurrences = raw === undefined ? [] : [raw];
      }
      if (occurrences.length === 0) {
        if (param.required) fields.push({ name: param.name, in: location, message: 'is required' });
        else if (param.schema.default !== undefined) values[location][param.name] = structuredClone(param.schema.default);
        continue;
      }
      const converted = convert(param, occurrences);
      if (!converted.ok || !check(converted.value)) {
        fields.push({ name: param.name, in: location, message });
        continue;
      }
      values[location][param.name] = converted.value;
    }
    if (fields.length > 0) throw apiErrors.invalidParameters(fields);
    return values;
  };
}
