/**
 * A tool call's arguments -> the request values the Try it panel would hold
 * (`RequestValues`), or the reasons they cannot be. Only the shape is judged here:
 * an object of known fields, each parameter a string, number or boolean (a list
 * parameter also an array of them), within a size limit. Everything else (types,
 * ranges, enums, formats, the body's schema) is the validation core's job, the one
 * the Try it panel and the sandbox share (`validateRequest`, src/lib/request/validate.ts),
 * and its issues come back as readable lines (./issues.ts). Pure.
 */
import type { OperationModel, ParamModel, RequestValues } from '../../../src/lib/api/types';
import { BODY_FIELD, toolParams } from './tools';

/** The largest arguments a call may carry, serialised as JSON: the API's own body limit (1 MiB). */
export const MAX_INPUT_BYTES = 1_048_576;

export type InputResult = { ok: true; values: RequestValues } | { ok: false; problems: string[] };

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a non-finite number';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isList(param: ParamModel): boolean {
  const type = param.schema.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** The byte length of the arguments as JSON (`undefined` when they cannot be serialised). */
function jsonBytes(value: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return undefined;
  }
}

/** Reads a tool call's arguments for an operation. */
export function readInput(op: OperationModel, args: unknown): InputResult {
  if (args === undefined || args === null) args = {};
  if (typeof args !== 'object' || Array.isArray(args)) return { ok: false, problems: [`The arguments must be a JSON object, not ${jsonType(args)}.`] };
  const bytes = jsonBytes(args);
  if (bytes === undefined) return { ok: false, problems: ['The arguments are not valid JSON.'] };
  if (bytes > MAX_INPUT_BYTES) {
    return { ok: false, problems: [`The arguments are too large: ${bytes} bytes, at most ${MAX_INPUT_BYTES} (the API's request limit).`] };
  }
  const input = args as Record<string, unknown>;
  const params = toolParams(op);
  const known = [...params.map((p) => p.name), ...(op.body ? [BODY_FIELD] : [])];
  const problems: string[] = [];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length) {
    const names = unknown.slice(0, 10).map((k) => JSON.stringify(k.length > 60 ? `${k.slice(0, 60)}…` : k)).join(', ');
    problems.push(
      `Unknown field${unknown.length > 1 ? 's' : ''} ${names}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. ${
        known.length ? `${op.request} takes: ${known.join(', ')}.` : `${op.request} takes no arguments.`
      }`,
    );
  }
  const values: Required<Pick<RequestValues, 'path' | 'query'>> & RequestValues = { path: {}, query: {} };
  for (const param of params) {
    const value = input[param.name];
    if (value === undefined) continue;
    if (isList(param) && Array.isArray(value)) {
      const bad = value.findIndex((item) => !isScalar(item));
      if (bad >= 0) {
        problems.push(`${param.name}: item ${bad} must be a string, number or boolean, not ${jsonType(value[bad])}.`);
        continue;
      }
      if (param.in === 'query') values.query[param.name] = value.map(String);
      else values.path[param.name] = value.map(String).join(',');
      continue;
    }
    if (!isScalar(value)) {
      problems.push(`${param.name}: must be ${isList(param) ? 'an array of strings' : `a ${String(param.schema.type ?? 'string')}`}, not ${jsonType(value)}.`);
      continue;
    }
    if (param.in === 'path') values.path[param.name] = String(value);
    else values.query[param.name] = value;
  }
  if (op.body && input[BODY_FIELD] !== undefined) values.body = JSON.stringify(input[BODY_FIELD]);
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
