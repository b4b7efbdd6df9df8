/**
 * Turns an operation + the user's (or the documented) values into one
 * NormalizedRequest, the single input of every snippet target and of "try it".
 * This is where values are made safe to print: a lone UTF-16 surrogate (which
 * no UTF-8 request can carry) becomes U+FFFD in the path, the query and the
 * body, exactly what a browser would send; an API key is printed only when
 * `usableApiKey()` accepts it, else the placeholder. Pure: no DOM, no fetch.
 */
import type { ClientOperation } from '../api/clientModel';
import type { HttpMethod, NormalizedRequest, ParamModel, RequestValues } from '../api/types';
import { wellFormed } from '../snippets/quote';
import { usableApiKey } from './apiKey';
import { maskKey } from './keyStore';

type QueryInput = NonNullable<RequestValues['query']>[string];

export const API_KEY_PLACEHOLDER = '<YOUR_API_KEY>';

export interface BuildOptions {
  /** Base URL of the chosen environment, without a trailing slash. */
  baseUrl: string;
  /** The API key as typed; printed only when `usableApiKey()` accepts it, else the placeholder. */
  apiKey?: string;
  /** Print a usable key masked (`••••••••0QyM`), for the snippet shown on the page. */
  maskKey?: boolean;
}

/** The Authorization value: the usable key (masked when asked), or the placeholder. */
export function bearer(options: Pick<BuildOptions, 'apiKey' | 'maskKey'>): string {
  const key = usableApiKey(options.apiKey);
  if (key === undefined) return `Bearer ${API_KEY_PLACEHOLDER}`;
  return `Bearer ${options.maskKey ? maskKey(key) : key}`;
}

/** Splits a typed comma list: trims items and drops empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function isArrayParam(param: ParamModel): boolean {
  const type = param.schema.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** The query value as the API expects it, or undefined when the field is empty. */
export function queryValue(param: ParamModel, raw: QueryInput | undefined): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) {
    const items = raw.map((item) => wellFormed(String(item)).trim()).filter(Boolean);
    return items.length ? items.join(',') : undefined;
  }
  const text = wellFormed(String(raw));
  if (isArrayParam(param)) {
    const items = splitList(text);
    return items.length ? items.join(',') : undefined;
  }
  return text.trim() === '' ? undefined : text;
}

/** Encodes one query pair. Array params keep their commas as separators (`tags=sales,lead`). */
export function encodeQueryPair(param: ParamModel | undefined, name: string, value: string): string {
  const encodedValue =
    param && isArrayParam(param) && !param.explode
      ? splitList(wellFormed(value)).map(encodeURIComponent).join(',')
      : encodeURIComponent(wellFormed(value));
  return `${encodeURIComponent(wellFormed(name))}=${encodedValue}`;
}

export function fillPath(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    return value === undefined || value === '' ? `{${name}}` : encodeURIComponent(wellFormed(value));
  });
}

export function buildRequest(op: ClientOperation, values: RequestValues, options: BuildOptions): NormalizedRequest {
  const base = options.baseUrl.replace(/\/+$/, '');
  const baseUrl = base + fillPath(op.path, values.path);
  const query: Array<[string, string]> = [];
  const encoded: string[] = [];
  for (const param of op.params) {
    if (param.in !== 'query') continue;
    const value = queryValue(param, values.query?.[param.name]);
    if (value === undefined) continue;
    query.push([param.name, value]);
    encoded.push(encodeQueryPair(param, param.name, value));
  }
  const headers: Array<[string, string]> = [['Accept', 'application/json']];
  if (op.auth) headers.push(['Authorization', bearer(options)]);
  const hasBody = op.body !== undefined && methodHasBody(op.method) && (values.body ?? '').trim() !== '';
  if (hasBody) headers.push(['Content-Type', 'application/json']);
  return {
    method: op.method,
    url: encoded.length ? `${baseUrl}?${encoded.join('&')}` : baseUrl,
    baseUrl,
    query,
    headers,
    ...(hasBody && values.body !== undefined ? { body: wellFormed(values.body) } : {}),
  };
}

export function methodHasBody(method: HttpMethod): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/** The documented values for an operation: its example request, and its example body. */
export function exampleValues(op: ClientOperation): RequestValues {
  const first = op.exampleRequest;
  const body = op.body?.example === undefined ? undefined : JSON.stringify(op.body.example, null, 2);
  return {
    path: { ...(first.path ?? {}) },
    query: { ...(first.query ?? {}) },
    ...(body !== undefined ? { body: first.body ?? body } : {}),
  };
}
