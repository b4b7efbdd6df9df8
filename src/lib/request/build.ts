/**
 * Turns an operation + the user's (or the documented) values into one
 * NormalizedRequest, the single input of every snippet target and of "try it".
 * Pure: no DOM, no fetch.
 */
import type { HttpMethod, NormalizedRequest, OperationModel, ParamModel, RequestValues } from '../api/types';

type QueryInput = NonNullable<RequestValues['query']>[string];

export const API_KEY_PLACEHOLDER = '<YOUR_API_KEY>';

export interface BuildOptions {
  /** Base URL of the chosen environment, without a trailing slash. */
  baseUrl: string;
  /** The API key to print; the placeholder when absent. */
  apiKey?: string;
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
    const items = raw.map(String).map((s) => s.trim()).filter(Boolean);
    return items.length ? items.join(',') : undefined;
  }
  const text = String(raw);
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
      ? splitList(value).map(encodeURIComponent).join(',')
      : encodeURIComponent(value);
  return `${encodeURIComponent(name)}=${encodedValue}`;
}

export function fillPath(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    return value === undefined || value === '' ? `{${name}}` : encodeURIComponent(value);
  });
}

export function buildRequest(op: OperationModel, values: RequestValues, options: BuildOptions): NormalizedRequest {
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
  if (op.auth) headers.push(['Authorization', `Bearer ${options.apiKey?.trim() || API_KEY_PLACEHOLDER}`]);
  const hasBody = op.body !== undefined && methodHasBody(op.method) && (values.body ?? '').trim() !== '';
  if (hasBody) headers.push(['Content-Type', 'application/json']);
  return {
    method: op.method,
    url: encoded.length ? `${baseUrl}?${encoded.join('&')}` : baseUrl,
    baseUrl,
    query,
    headers,
    ...(hasBody ? { body: values.body } : {}),
  };
}

export function methodHasBody(method: HttpMethod): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/** The documented values for an operation: its example request, and its example body. */
export function exampleValues(op: OperationModel): RequestValues {
  const first = op.exampleRequest;
  const body = op.body?.example === undefined ? undefined : JSON.stringify(op.body.example, null, 2);
  return {
    path: { ...(first.path ?? {}) },
    query: { ...(first.query ?? {}) },
    ...(body !== undefined ? { body: first.body ?? body } : {}),
  };
}
