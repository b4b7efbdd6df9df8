/**
 * Sends a NormalizedRequest with fetch and returns a typed outcome. Errors are
 * values (`RequestErrorType`), mapped to translated messages by the UI.
 */
import type { Environment, NormalizedRequest } from '../api/types';
import { isAllowedUrl } from './hosts';

export type RequestErrorType = 'timeout' | 'abort' | 'network' | 'blocked_host';

export interface ResponseOutcome {
  kind: 'response';
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  contentType: string;
  /** The body as text (never parsed as HTML). */
  body: string;
  /** Body size in bytes (UTF-8). */
  size: number;
  durationMs: number;
}

export interface ErrorOutcome {
  kind: 'error';
  type: RequestErrorType;
  durationMs: number;
}

export type Outcome = ResponseOutcome | ErrorOutcome;

export interface SendOptions {
  environments: Environment[];
  timeoutMs: number;
  /** Aborting this signal cancels the request (the Cancel button). */
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The HTTP reason phrase, for servers (and HTTP/2) that send none. */
const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function reasonPhrase(status: number, statusText = ''): string {
  return statusText || REASONS[status] || '';
}

export async function sendRequest(req: NormalizedRequest, options: SendOptions): Promise<Outcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  if (!isAllowedUrl(req.url, options.environments)) {
    return { kind: 'error', type: 'blocked_host', durationMs: 0 };
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  try {
    const response = await (options.fetchImpl ?? fetch)(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    const buffer = await response.arrayBuffer();
    const body = new TextDecoder('utf-8').decode(buffer);
    return {
      kind: 'response',
      status: response.status,
      statusText: reasonPhrase(response.status, response.statusText),
      headers: [...response.headers.entries()],
      contentType: response.headers.get('content-type') ?? '',
      body,
      size: buffer.byteLength,
      durationMs: Math.round(now() - started),
    };
  } catch {
    const type: RequestErrorType = timedOut ? 'timeout' : options.signal?.aborted ? 'abort' : 'network';
    return { kind: 'error', type, durationMs: Math.round(now() - started) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

export type StatusClass = 'success' | 'unauthorized' | 'forbidden' | 'not_found' | 'validation' | 'rate_limited' | 'client' | 'server';

export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) return 'success';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'client';
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** The field names an API error body lists (`error.fields[].name`), if any. */
export function errorFields(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { error?: { fields?: Array<{ name?: unknown }> } };
    const fields = parsed.error?.fields;
    return Array.isArray(fields) ? fields.map((f) => String(f.name ?? '')).filter(Boolean) : [];
  } catch {
    return [];
  }
}

/** Pretty-prints JSON text; returns undefined when it is not JSON. */
export function prettyJson(body: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return undefined;
  }
}

export function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}
