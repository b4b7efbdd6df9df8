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
 *   5. to 7., with the validation core the "try it" panel uses too
 *      (src/lib/validation/body.ts): JSON.parse -> else 400 invalid_body
 *      ("must be valid JSON: ..."); the keys `__proto__`, `constructor` and
 *      `prototype` are refused anywhere; the operation's requestBody schema:
 *      a missing, unknown or mistyped key -> 400 invalid_body naming every
 *      offending key, with a message saying what the schema expects.
 *
 * Field names are paths: `content.text`, `custom_fields.Plan`, `tags[1]`; the
 * body as a whole is `body`.
 */
import type { BodyModel, Schema } from '../../src/lib/api/types';
import { checkBodyText } from '../../src/lib/validation/body';
import { fieldName, type SchemaIssue } from '../../src/lib/validation/issues';
import { assertSupported } from '../../src/lib/validation/schema';
import { apiErrors, MAX_ERROR_FIELDS, type FieldError } from './errors';

/** The documented limit: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Keeps a byte order mark: the validation core allows one, and only one. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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

/** The sandbox's words for one broken rule of a body (`Invalid body: "name" must be a non-empty string`). */
export function bodyIssueMessage(issue: SchemaIssue): string {
  switch (issue.code) {
    case 'required':
      return 'is required';
    case 'unknownKey':
      return 'is not a known key';
    case 'forbiddenKey':
      return 'is not an allowed key';
    case 'dependentRequired':
      return `is required when ${String(issue.params.property)} is given`;
    case 'requiredUnless':
      return `is required unless ${String(issue.params.others).split(', ').join(' or ')} is given`;
    case 'keyName':
      return `is not an allowed key: keys ${describeBodySchema((issue.schema.propertyNames as Schema | undefined) ?? {})}`;
    default:
      return describeBodySchema(issue.schema);
  }
}

/** One `fields` entry per broken rule, named by its path. */
export function bodyFieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  return issues.map((issue) => ({ name: fieldName(issue.path, issue.key), in: 'body', message: bodyIssueMessage(issue) }));
}

export type BodyValidator = (raw: Uint8Array, contentType: string | undefined) => unknown;

/**
 * The body check of one operation (its schema checked once, here); the
 * returned function takes the raw bytes and the Content-Type and returns the
 * parsed, schema-valid value (undefined when an optional body is absent), or
 * throws a 400 ApiError. The second argument is ignored (requests are no
 * longer checked by Ajv); it stays until the routes stop passing one.
 */
export function createBodyValidator(body: BodyModel, _unused?: unknown): BodyValidator {
  assertSupported(body.schema, 'requestBody');
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
    const checked = checkBodyText(body.schema, text, MAX_ERROR_FIELDS);
    if (checked.ok) return checked.value;
    if ('syntax' in checked) throw apiErrors.invalidBody([{ name: 'body', in: 'body', message: `must be valid JSON (${checked.syntax})` }]);
    throw apiErrors.invalidBody(bodyFieldErrors(checked.issues), checked.more);
  };
}
