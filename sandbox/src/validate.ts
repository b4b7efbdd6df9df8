/**
 * Validates the query and path parameters of one request against the
 * parameter schemas of its operation in openapi/openapi.yaml, with the
 * validation core the "try it" panel uses too (src/lib/validation/params.ts:
 * how text becomes integers, booleans and lists, and the schema checks), so
 * the panel accepts exactly what the sandbox accepts.
 *
 * On failure every bad parameter is reported at once: 400 invalid_parameter
 * with `fields: [{ name, in, message }]`. The message describes what the
 * schema expects (e.g. "must be an integer greater than or equal to 1")
 * whatever was wrong with the value.
 *
 * `createAjv` is the Ajv configuration the tests check answers and the
 * validation core with (Ajv is their oracle; requests are not checked by it).
 */
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OperationModel, Schema } from '../../src/lib/api/types';
import { checkParams, mainType, type ParamInput, type ParamValues } from '../../src/lib/validation/params';
import { assertSupported } from '../../src/lib/validation/schema';
import { apiErrors, type FieldError } from './errors';

export type { ParamValues };
/** The text of one request's parameters (the URL's query, the decoded path values). */
export type RequestParams = ParamInput;

/**
 * An Ajv instance configured for the spec's schemas (2020-12, formats, strict).
 * `strictRequired` is off: `anyOf: [{required: [to]}, {required: [bsuid]}]`
 * (MessageSendBody) names properties declared beside the anyOf, which is valid
 * JSON Schema that this lint rule refuses. `verbose` gives every error its schema.
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

/**
 * The parameter check of one operation (schemas checked once, here); the
 * returned function validates a request and returns the typed values, or
 * throws a 400 ApiError. The second argument is ignored (requests are no
 * longer checked by Ajv); it stays until the routes stop passing one.
 */
export function createParamValidator(op: OperationModel, _unused?: unknown): (req: RequestParams) => ParamValues {
  const messages = new Map<string, string>();
  for (const param of op.params) {
    if (param.in !== 'query' && param.in !== 'path') continue;
    assertSupported(param.schema, `${op.request} ${param.in} ${param.name}`);
    messages.set(`${param.in}:${param.name}`, describeSchema(param.schema, param.explode));
  }
  return (req) => {
    const { values, issues } = checkParams(op, req);
    if (issues.length > 0) {
      const fields: FieldError[] = issues.map(({ param, in: location, issue }) => ({
        name: param.name,
        in: location,
        message: issue.code === 'required' && issue.path.length === 0 ? 'is required' : messages.get(`${location}:${param.name}`)!,
      }));
      throw apiErrors.invalidParameters(fields);
    }
    return values;
  };
}
