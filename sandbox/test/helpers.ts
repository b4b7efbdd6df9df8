/** Shared test helpers: everything is compared with, or validated against, the spec. */
import type { ValidateFunction } from 'ajv/dist/2020';
import { expect } from 'vitest';
import type { OperationModel, RequestValues } from '../../src/lib/api/types';
import { buildRequest } from '../../src/lib/request/build';
import { createApp, createSandbox, type AppOptions, type Sandbox, type SandboxApp } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import {
  contactsOperation,
  documentedClock,
  errorSchema,
  exampleResponse,
  loadSpec,
  operationById,
  operations,
  responseSchema,
} from '../src/spec';
import { createAjv } from '../src/validate';

export const doc = loadSpec();
export const contactsOp = contactsOperation(doc);
export const defaultExample = exampleResponse(contactsOp, 'default');
export const withFieldTypesExample = exampleResponse(contactsOp, 'withFieldTypes');

export const ops: OperationModel[] = operations(doc);
export const op = (operationId: string): OperationModel => operationById(doc, operationId);

/** The spec's fixed clock (2026-07-02T09:30:00Z): everything created "now" in the examples shows it. */
export const SPEC_CLOCK = documentedClock(doc);
export const specClock = (): number => SPEC_CLOCK;

export const ajv = createAjv();
export const validateErrorBody = ajv.compile(errorSchema(doc));
export const validateContactsPage = ajv.compile(responseSchema(doc, '/contacts', 'get', 200));

const responseValidators = new Map<string, ValidateFunction>();
/** The validator of an operation's documented success answer (cached). */
export function successValidator(operation: OperationModel): ValidateFunction {
  let check = responseValidators.get(operation.request);
  if (!check) {
    check = ajv.compile(responseSchema(doc, operation.path, operation.method, operation.successStatus));
    responseValidators.set(operation.request, check);
  }
  return check;
}

export interface ContactJson {
  uuid: string;
  name: string;
  createdAt: string;
  source: string;
  tags: string[];
  customFields: Record<string, string>;
  customFieldsMetadata?: Record<string, { value: string | string[]; type: string; options?: string[] }>;
  team?: { uuid: string; name: string };
  [key: string]: unknown;
}

export interface ContactsPage {
  contacts: ContactJson[];
  meta: { page: number; pages: number; total: number };
}

export interface ErrorJson {
  error: { status: number; code: string; message: string; fields?: Array<{ name: string; in: string; message: string }> };
}

/** A fresh app per test, so rate-limit windows never leak between tests. */
export function makeApp(options: AppOptions = {}): SandboxApp {
  return createApp({ reportError: () => {}, ...options });
}

/** A fresh sandbox on the spec's clock, with its store and webhook dispatcher at hand. */
export function makeSandbox(options: AppOptions = {}): Sandbox {
  return createSandbox({ reportError: () => {}, now: specClock, ...options });
}

export function bearer(key: string = DOCS_DEMO_API_KEY): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}

/** Mints a sandbox key (POST /v1/sandbox/keys) and returns it; asserts the documented 201 answer. */
export async function mintKey(app: SandboxApp, init: RequestInit = {}, env?: unknown): Promise<string> {
  const res = await app.request('/v1/sandbox/keys', { method: 'POST', ...init }, env);
  const body = (await res.json()) as { key: string; expiresAt: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  expect(Object.keys(body).sort()).toEqual(['expiresAt', 'key']);
  expect(body.key).toMatch(/^test_sbx[0-9a-f]{44}$/);
  expect(body.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  return body.key;
}

export async function call(app: SandboxApp, url: string, init: RequestInit = {}): Promise<{ res: Response; body: unknown }> {
  const res = await app.request(url, { ...init, headers: { ...bearer(), ...(init.headers as Record<string, string>) } });
  const text = await res.text();
  return { res, body: text === '' ? undefined : JSON.parse(text) };
}

/** GET /v1/contacts with a query string; asserts a schema-valid 200. */
export async function listContacts(app: SandboxApp, query = ''): Promise<ContactsPage> {
  const { res, body } = await call(app, `/v1/contacts${query ? `?${query}` : ''}`);
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  expect(validateContactsPage(body), JSON.stringify(validateContactsPage.errors)).toBe(true);
  return body as ContactsPage;
}

/** Every contact matching `query`, walking the pages (bounded). */
export async function allContacts(app: SandboxApp, query = ''): Promise<ContactJson[]> {
  const out: ContactJson[] = [];
  for (let page = 1; page <= 20; page++) {
    const body = await listContacts(app, `${query}${query ? '&' : ''}page=${page}`);
    out.push(...body.contacts);
    if (page >= body.meta.pages) break;
  }
  return out;
}

/** Asserts a spec-shaped error with this status and code; returns the body. */
export function expectError(res: Response, body: unknown, status: number, code: string): ErrorJson {
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  expect(validateErrorBody(body), JSON.stringify(validateErrorBody.errors)).toBe(true);
  const error = (body as ErrorJson).error;
  expect(error.status).toBe(status);
  expect(error.code).toBe(code);
  return body as ErrorJson;
}

/**
 * The documented example of a shared error response (components/responses/<name>);
 * for a response with one named example per `error.code`, the one of `code`.
 */
export function documentedErrorExample(name: string, code?: string): unknown {
  type Media = { example?: unknown; examples?: Record<string, { value: ErrorJson }> };
  const responses = (doc.components as { responses: Record<string, { content: { 'application/json': Media } }> }).responses;
  const media = responses[name]!.content['application/json'];
  if (media.examples === undefined) return media.example;
  const found = Object.values(media.examples).find((example) => example.value.error.code === code);
  if (!found) throw new Error(`components/responses/${name} has no example for the code ${String(code)}`);
  return found.value;
}

/** A query string from documented example values (`x-request.query`). */
export function queryFrom(values: Record<string, unknown> = {}): string {
  return new URLSearchParams(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])).toString();
}

/** The request the portal's "try it" panel sends for these values (same builder as the snippets). */
export function requestFor(operation: OperationModel, values: RequestValues, key: string = DOCS_DEMO_API_KEY): { url: string; init: RequestInit } {
  const req = buildRequest(operation, values, { baseUrl: '/v1', apiKey: key });
  return { url: req.url, init: { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) } };
}

/** Sends an operation's request (documented values by default) and returns status and parsed body. */
export async function send(
  app: SandboxApp,
  operation: OperationModel,
  values: RequestValues = operation.exampleRequest,
  key?: string,
): Promise<{ res: Response; body: unknown }> {
  const { url, init } = requestFor(operation, values, key);
  const res = await app.request(url, init);
  const text = await res.text();
  return { res, body: text === '' ? undefined : JSON.parse(text) };
}

type CallValues = { path?: Record<string, string>; query?: RequestValues['query']; body?: unknown };

/** Sends an operation by id, the body serialised as JSON when given. */
async function callOperation(app: SandboxApp, operationId: string, values: CallValues, key?: string) {
  const operation = op(operationId);
  const body = values.body !== undefined ? { body: JSON.stringify(values.body) } : {};
  return { operation, ...(await send(app, operation, { path: values.path, query: values.query, ...body }, key)) };
}

/** Calls an operation by id with path/query values and an optional JSON body; asserts the documented success and a schema-valid answer. */
export async function ok<T = Record<string, unknown>>(
  app: SandboxApp,
  operationId: string,
  values: { path?: Record<string, string>; query?: RequestValues['query']; body?: unknown } = {},
  key?: string,
): Promise<T> {
  const { operation, res, body } = await callOperation(app, operationId, values, key);
  expect(res.status, `${operationId}: ${JSON.stringify(body)}`).toBe(operation.successStatus);
  if (operation.successStatus !== 204) {
    const check = successValidator(operation);
    expect(check(body), `${operationId}: ${JSON.stringify(check.errors)}`).toBe(true);
  } else {
    expect(body).toBeUndefined();
  }
  return body as T;
}

/** Calls an operation expecting an error; asserts the Error shape, status and code; returns the body. */
export async function fails(
  app: SandboxApp,
  operationId: string,
  values: { path?: Record<string, string>; query?: RequestValues['query']; body?: unknown },
  status: number,
  code: string,
  key?: string,
): Promise<ErrorJson> {
  const { res, body } = await callOperation(app, operationId, values, key);
  return expectError(res, body, status, code);
}
