/** Shared test helpers: everything is compared with, or validated against, the spec. */
import { expect } from 'vitest';
import { createApp, type AppOptions, type SandboxApp } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { contactsOperation, errorSchema, exampleResponse, loadSpec, responseSchema } from '../src/spec';
import { createAjv } from '../src/validate';

export const doc = loadSpec();
export const contactsOp = contactsOperation(doc);
export const defaultExample = exampleResponse(contactsOp, 'default');
export const withFieldTypesExample = exampleResponse(contactsOp, 'withFieldTypes');

const ajv = createAjv();
export const validateErrorBody = ajv.compile(errorSchema(doc));
export const validateContactsPage = ajv.compile(responseSchema(doc, '/contacts', 'get', 200));

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

export function bearer(key: string = DOCS_DEMO_API_KEY): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
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

/** The documented example of a shared error response (components/responses/<name>). */
export function documentedErrorExample(name: string): unknown {
  const responses = (doc.components as { responses: Record<string, { content: { 'application/json': { example: unknown } } }> })
    .responses;
  return responses[name]!.content['application/json'].example;
}

/** A query string from documented example values (`x-request.query`). */
export function queryFrom(values: Record<string, unknown> = {}): string {
  return new URLSearchParams(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])).toString();
}
