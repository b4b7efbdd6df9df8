/**
 * The one place errors are shaped. Every error response is the spec's
 * `components/schemas/Error`: `{ error: { status, code, message, fields? } }`.
 * Routes and middleware `throw` an ApiError; `errorHandler` (app.onError)
 * turns it into JSON. A 400 names at most MAX_ERROR_FIELDS problems (names
 * and messages clipped to MAX_FIELD_TEXT characters) and its message says how
 * many more there were, so no request can make the answer large. Anything
 * else becomes a 500 whose details stay in the server log, never in the
 * response.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sendJson } from './json';
import { documentedErrorMessage, errorCodes, loadSpec } from './spec';

export interface FieldError {
  name: string;
  in: 'query' | 'path' | 'header' | 'body';
  message: string;
}

export interface ErrorBody {
  error: { status: number; code: string; message: string; fields?: FieldError[] };
}

const spec = loadSpec();
/** Codes allowed by the spec's Error schema; an unknown code is a programming error. */
const KNOWN_CODES = new Set(errorCodes(spec));
/** Fixed messages, taken verbatim from the spec's documented examples. */
const UNAUTHORIZED_MESSAGE = documentedErrorMessage(spec, 'Unauthorized', 'unauthorized');
const KEY_EXPIRED_MESSAGE = documentedErrorMessage(spec, 'Unauthorized', 'key_expired');
const READ_ONLY_MESSAGE = documentedErrorMessage(spec, 'ReadOnlyKey');
const INTERNAL_MESSAGE = documentedErrorMessage(spec, 'ServerError');
const NOT_FOUND_MESSAGE = documentedErrorMessage(spec, 'NotFound');
const PAYLOAD_TOO_LARGE_MESSAGE = documentedErrorMessage(spec, 'PayloadTooLarge');

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly fields?: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    extra: { fields?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    if (!KNOWN_CODES.has(code)) throw new Error(`Error code "${code}" is not in the spec's Error schema`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.headers = extra.headers ?? {};
    if (extra.fields) this.fields = extra.fields;
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { status: this.status, code: this.code, message: this.message };
    if (this.fields && this.fields.length > 0) error.fields = this.fields;
    return { error };
  }
}

/** At most this many problems are named in one error answer; its message counts the others. */
export const MAX_ERROR_FIELDS = 100;
/** Longest field name or field message kept in an error answer, in characters (longer ones end with `…`). */
export const MAX_FIELD_TEXT = 300;

function clip(text: string): string {
  return text.length <= MAX_FIELD_TEXT ? text : `${text.slice(0, MAX_FIELD_TEXT - 1)}…`;
}

/**
 * The problems an answer names: the first MAX_ERROR_FIELDS, names and
 * messages clipped, so an answer stays small whatever the request held.
 * `more` is how many were left out: those of `fields` past the limit plus
 * `uncounted`, problems the caller counted without writing them out.
 */
function bounded(fields: FieldError[], uncounted: number): { shown: FieldError[]; more: number } {
  const shown = fields.slice(0, MAX_ERROR_FIELDS).map((f) => ({ name: clip(f.name), in: f.in, message: clip(f.message) }));
  return { shown, more: fields.length - shown.length + uncounted };
}

/** ` (and 3 more problems, not listed)` when some were left out. */
function moreText(more: number): string {
  return more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'}, not listed)` : '';
}

function invalidParameterMessage(fields: FieldError[], more: number): string {
  if (fields.length === 1 && more === 0) {
    const [f] = fields as [FieldError];
    return `Invalid ${f.in} parameter "${f.name}": ${f.message}.`;
  }
  return `Invalid parameters: ${fields.map((f) => `${f.in} parameter "${f.name}" ${f.message}`).join('; ')}${moreText(more)}.`;
}

/** `Invalid body: "name" must be a non-empty string.` (the documented InvalidBody wording). */
function invalidBodyMessage(fields: FieldError[], more: number): string {
  const parts = fields.map((f) => `${f.in === 'body' ? '' : `${f.in} `}"${f.name}" ${f.message}`);
  return `Invalid body: ${parts.join('; ')}${moreText(more)}.`;
}

function invalidParameters(all: FieldError[], uncounted = 0): ApiError {
  const { shown, more } = bounded(all, uncounted);
  return new ApiError(400, 'invalid_parameter', invalidParameterMessage(shown, more), { fields: shown });
}

function invalidBody(all: FieldError[], uncounted = 0): ApiError {
  const { shown, more } = bounded(all, uncounted);
  return new ApiError(400, 'invalid_body', invalidBodyMessage(shown, more), { fields: shown });
}

/** Constructors for every error the sandbox sends. */
export const apiErrors = {
  /** Malformed path or query parameters (named: at most MAX_ERROR_FIELDS). */
  invalidParameters,
  /** A body that is not JSON, breaks the schema or references something the account lacks (named: at most MAX_ERROR_FIELDS). */
  invalidBody,
  /** One body field, for the checks made after the schema (references, types of custom fields, ...). */
  invalidField: (name: string, message: string) => invalidBody([{ name, in: 'body', message }]),
  unauthorized: () => new ApiError(401, 'unauthorized', UNAUTHORIZED_MESSAGE, { headers: { 'WWW-Authenticate': 'Bearer' } }),
  /** A minted sandbox key (POST /v1/sandbox/keys) that is no longer live: idle too long, or made room for newer keys. */
  keyExpired: () =>
    new ApiError(401, 'key_expired', KEY_EXPIRED_MESSAGE, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } }),
  /** A write with the documented demo key on a public sandbox (SANDBOX_PUBLIC=1). */
  readOnlyKey: () => new ApiError(403, 'read_only_key', READ_ONLY_MESSAGE),
  /** The store (Redis) did not answer in time, or is down: nothing to do but wait. */
  unavailable: (retryAfterSeconds: number) =>
    new ApiError(
      503,
      'service_unavailable',
      `The service cannot reach its data right now. Retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    ),
  /** No route at all for this path. */
  notFound: (method: string, path: string) => new ApiError(404, 'not_found', `No route for ${method} ${path}.`),
  /** A well-formed id in the path that names nothing in the account (the documented message). */
  unknownId: () => new ApiError(404, 'not_found', NOT_FOUND_MESSAGE),
  methodNotAllowed: (method: string, path: string, allow: string[]) =>
    new ApiError(405, 'method_not_allowed', `Method ${method} is not allowed on ${path}. Allowed: ${allow.join(', ')}.`, {
      headers: { Allow: allow.join(', ') },
    }),
  /** A body that sent nothing for `idleMs`: the connection is closed after this answer. */
  bodyStalled: (idleMs: number) =>
    new ApiError(400, 'invalid_body', `Invalid body: "body" stopped arriving (nothing for ${idleMs} ms).`, {
      fields: [{ name: 'body', in: 'body', message: `stopped arriving (nothing for ${idleMs} ms)` }],
      headers: { Connection: 'close' },
    }),
  /** Over the documented 1 MiB (the documented message). The connection is closed after it: the rest of the body is not wanted. */
  payloadTooLarge: () => new ApiError(413, 'payload_too_large', PAYLOAD_TOO_LARGE_MESSAGE, { headers: { Connection: 'close' } }),
  upstreamUnavailable: () =>
    new ApiError(502, 'upstream_unavailable', 'The proxied API did not answer. Try again later.'),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'rate_limited',
      `Too many requests. Retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    ),
};

function send(c: Context, err: ApiError): Response {
  return sendJson(c, err.toBody(), err.status, err.headers);
}

/** app.onError: 4xx keep their message; anything unexpected is a bare 500. */
export function errorHandler(report: (err: unknown) => void): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) return send(c, err);
    try {
      report(err);
    } catch {
      // A failing reporter must not change the response.
    }
    const body: ErrorBody = { error: { status: 500, code: 'internal_error', message: INTERNAL_MESSAGE } };
    return sendJson(c, body, 500);
  };
}

/** app.notFound: unknown routes get the same JSON error shape. */
export const notFoundHandler: NotFoundHandler = (c) => send(c, apiErrors.notFound(c.req.method, c.req.path));
