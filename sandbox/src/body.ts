/**
 * JSON request bodies, read and checked in this order (the first failure answers):
 *
 *   1. size: `Content-Length` over 1 MiB, or more than 1 MiB actually sent
 *      (counted while reading; reading stops there) -> 413 payload_too_large;
 *      a body that stops arriving for the body timeout -> 400 invalid_body
 *      (and the connection is closed);
 *   2. presence: an empty body on an operation that requires one -> 400
 *      invalid_body, field `body` "is required";
 *   3. `Content-Type` must be `application/json` (a `charset` parameter, if
 *      any, must be utf-8) -> else 400 invalid_body, field `Content-Type` in
 *      `header`. The spec has no 415 and no code for it, so this is 400;
 *   4. the bytes must be UTF-8 -> else 400 invalid_body;
 *   5. JSON.parse -> else 400 invalid_body ("must be valid JSON: ...");
 *   6. the keys `__proto__`, `constructor` and `prototype` are refused anywhere
 *      in the document (no prototype pollution through stored objects);
 *   7. the operation's requestBody schema (Ajv, JSON Schema 2020-12): a
 *      missing, unknown or mistyped key -> 400 invalid_body naming every
 *      offending key, with a message saying what the schema expects.
 *
 * Field names are paths: `content.text`, `custom_fields.Plan`, `tags[1]`; the
 * body as a whole is `body`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { Ajv2020 } from 'ajv/dist/2020';
import type { BodyModel, Schema } from '../../src/lib/api/types';
import { apiErrors, MAX_ERROR_FIELDS, type FieldError } from './errors';

/** The documented limit: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** 413 when the announced Content-Length is over the limit (checked before any byte is read). */
export function checkContentLength(header: string | undefined, limit = MAX_BODY_BYTES): void {
  if (header === undefined || !/^\s*\d+\s*$/.test(header)) return;
  if (Number(header) > limit) throw apiErrors.payloadTooLarge();
}

/**
 * Reads the raw body, refusing (413) as soon as more than `limit` bytes
 * arrived (reading stops there: memory stays bounded whatever is sent). With
 * `idleMs`, a body that sends nothing for that long is cut off: 400
 * invalid_body, and the connection is closed.
 */
export async function readLimited(req: Request, limit = MAX_BODY_BYTES, idleMs = 0): Promise<Uint8Array<ArrayBuffer>> {
  checkContentLength(req.headers.get('content-length') ?? undefined, limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = idleMs > 0 ? await readWithin(reader, idleMs) : await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw apiErrors.payloadTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** One read, or 400 (connection closed) when nothing came within `idleMs`. */
async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  idleMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<'idle'>((resolve) => {
    timer = setTimeout(() => resolve('idle'), idleMs);
  });
  try {
    const result = await Promise.race([reader.read(), idle]);
    if (result !== 'idle') return result;
  } finally {
    clearTimeout(timer);
  }
  await reader.cancel().catch(() => undefined);
  throw apiErrors.bodyStalled(idleMs);
}

/** `application/json` or `application/json; charset=utf-8` (any case, any spacing). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value = ''] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || ['utf-8', 'utf8', '"utf-8"'].includes(value);
  });
}

/** `a.b`, `a[0]`: a readable path from Ajv's JSON pointer plus an optional child key. */
export function fieldName(instancePath: string, child?: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  let out = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment) && out !== '') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? 'body' : out;
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

/** Walks the parsed document without recursion (any depth is safe) and names forbidden keys. */
function forbiddenKeys(root: unknown): FieldError[] {
  if (!hasForbiddenKey(root)) return [];
  const found: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length > 0 && found.length < 20) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}/${i}` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (FORBIDDEN_KEYS.has(key)) found.push({ name: fieldName(childPath), in: 'body', message: 'is not an allowed key' });
        else stack.push({ value: (value as Record<string, unknown>)[key], path: childPath });
      }
    }
  }
  return found;
}

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What a body schema expects, in words: "must be a non-empty string", "must be one of: a, b". */
export function describeBodySchema(schema: Schema): string {
  return `must be ${noun(schema)}`;
}

function noun(schema: Schema): string {
  const nullable = types(schema).includes('null') ? ' or null' : '';
  if (Array.isArray(schema.oneOf)) return schema.oneOf.map((s) => noun(s as Schema)).join(' or ');
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v) => v !== null).map(String);
    return `one of: ${values.join(', ')}${nullable}`;
  }
  const main = types(schema).find((t) => t !== 'null');
  switch (main) {
    case 'string': {
      const { minLength: min, maxLength: max } = schema;
      let text: string;
      if (schema.format === 'email') text = 'an email address';
      else if (schema.format === 'uri') text = 'an absolute URL';
      else if (schema.pattern?.includes('[0-9a-f]{8}-')) text = 'a uuid (8-4-4-4-12 lowercase hexadecimal digits)';
      else if (schema.pattern === '^[0-9a-f]{32}$') text = 'a uuid of 32 lowercase hexadecimal digits';
      else if (min === 1 && max === undefined) text = 'a non-empty string';
      else if (min !== undefined && max !== undefined) text = `a string of ${min} to ${plural(max, 'character')}`;
      else if (max !== undefined) text = `a string of at most ${plural(max, 'character')}`;
      else if (min !== undefined) text = `a string of at least ${plural(min, 'character')}`;
      else text = 'a string';
      if (schema.pattern && !/uuid/.test(text)) text += ` matching ${schema.pattern}`;
      if ((schema.format === 'email' || schema.format === 'uri') && max !== undefined) text += ` of at most ${plural(max, 'character')}`;
      return text + nullable;
    }
    case 'integer':
    case 'number': {
      const kind = main === 'integer' ? 'an integer' : 'a number';
      const { minimum: min, maximum: max } = schema;
      if (min !== undefined && max !== undefined) return `${kind} between ${min} and ${max}${nullable}`;
      if (min !== undefined) return `${kind} greater than or equal to ${min}${nullable}`;
      if (max !== undefined) return `${kind} less than or equal to ${max}${nullable}`;
      return kind + nullable;
    }
    case 'boolean':
      return `true or false${nullable}`;
    case 'array': {
      let text = 'an array';
      if (schema.minItems !== undefined) text += ` of at least ${plural(schema.minItems, 'item')}`;
      if (schema.items) text += ` (each ${noun(schema.items)})`;
      if (schema.uniqueItems) text += ' without duplicates';
      return text + nullable;
    }
    case 'object': {
      let text = 'an object';
      if (typeof schema.minProperties === 'number') text += ` with at least ${plural(schema.minProperties, 'key')}`;
      if (typeof schema.maxProperties === 'number') text += ` with at most ${plural(schema.maxProperties, 'key')}`;
      return text + nullable;
    }
    default:
      return 'a valid value';
  }
}

/** One offending key of the body, before its name and message are written out (only the named ones are). */
interface BodyProblem {
  instancePath: string;
  child?: string;
  message: () => string;
}

/** The key an error names below its instance path, if any (what problemOf gives as `child`). */
function childKey(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return String(params.missingProperty);
    case 'additionalProperties':
      return String(params.additionalProperty);
    case 'propertyNames':
      return String(params.propertyName);
    case 'anyOf':
      return problemOf(error).child;
    default:
      return undefined;
  }
}

function problemOf(error: ErrorObject): BodyProblem {
  const params = error.params as Record<string, unknown>;
  const at = (child?: string, message = () => describeBodySchema((error.parentSchema as Schema) ?? {})): BodyProblem => ({
    instancePath: error.instancePath,
    child,
    message,
  });
  switch (error.keyword) {
    case 'required':
      return at(String(params.missingProperty), () => 'is required');
    case 'additionalProperties':
      return at(String(params.additionalProperty), () => 'is not a known key');
    case 'dependentRequired':
      return at(String(params.missingProperty), () => `is required when ${String(params.property)} is given`);
    case 'propertyNames':
      return at(String(params.propertyName), () => `is not an allowed key: keys ${describeBodySchema(error.schema as Schema)}`);
    case 'anyOf': {
      const branches = (error.schema as Schema[]) ?? [];
      const names = branches.flatMap((b) => (Array.isArray(b.required) && b.required.length === 1 ? [b.required[0]!] : []));
      if (names.length === branches.length && names.length > 0) {
        const [first, ...others] = names;
        return at(first, () => `is required unless ${others.join(' or ')} is given`);
      }
      return at();
    }
    default:
      return at();
  }
}

/**
 * Turns Ajv's errors into one field per offending key, in document order:
 * the first `limit` (default MAX_ERROR_FIELDS) are written out, the others
 * only counted (`more`), so a body with a million bad items costs a million
 * set lookups, not a million messages.
 */
export function bodyFieldErrors(errors: ErrorObject[], limit = MAX_ERROR_FIELDS): { fields: FieldError[]; more: number } {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  let more = 0;
  // Branches of anyOf/oneOf report their own errors; the combinator's error says it better.
  const combinators = [
    ...new Set(
      errors
        .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'propertyNames')
        .map((e) => `${e.schemaPath}/`),
    ),
  ];
  for (const error of errors) {
    if (combinators.length > 0 && combinators.some((path) => error.schemaPath.startsWith(path))) continue;
    if (fields.length < limit) {
      const problem = problemOf(error);
      const key = problem.child === undefined ? problem.instancePath : `${problem.instancePath}\u0000${problem.child}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fields.push({ name: fieldName(problem.instancePath, problem.child), in: 'body', message: problem.message() });
    } else {
      // Past the limit only the key is needed (the same one problemOf gives), never a message.
      const child = childKey(error);
      const key = child === undefined ? error.instancePath : `${error.instancePath}\u0000${child}`;
      if (seen.has(key)) continue;
      seen.add(key);
      more += 1;
    }
  }
  return { fields, more };
}

export type BodyValidator = (raw: Uint8Array, contentType: string | undefined) => unknown;

/**
 * Compiles the body check of one operation; the returned function takes the
 * raw bytes and the Content-Type and returns the parsed, schema-valid value
 * (undefined when an optional body is absent), or throws a 400 ApiError.
 */
export function createBodyValidator(body: BodyModel, ajv: Ajv2020): BodyValidator {
  const check: ValidateFunction = ajv.compile(body.schema);
  return (raw, contentType) => {
    if (raw.byteLength === 0) {
      if (!body.required) return undefined;
      throw apiErrors.invalidBody([{ name: 'body', in: 'body', message: 'is required (a JSON document)' }]);
    }
    if (!isJsonContentType(contentType)) {
      throw apiErrors.invalidBody([{ name: 'Content-Type', in: 'header', message: 'must be application/json' }]);
    }
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      throw apiErrors.invalidBody([{ name: 'body', in: 'body', message: 'must be UTF-8 encoded' }]);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const reason = err instanceof SyntaxError ? err.message.replace(/\s+/g, ' ').slice(0, 200) : 'parse error';
      throw apiErrors.invalidBody([{ name: 'body', in: 'body', message: `must be valid JSON (${reason})` }]);
    }
    const forbidden = forbiddenKeys(value);
    if (forbidden.length > 0) throw apiErrors.invalidBody(forbidden);
    if (!check(value)) {
      const { fields, more } = bodyFieldErrors(check.errors ?? []);
      throw apiErrors.invalidBody(fields, more);
    }
    return value;
  };
}
