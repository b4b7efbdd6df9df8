/**
 * The Postman collection as people download and run it, finished from the one
 * openapi-to-postmanv2 converts from the spec (folders by tag, descriptions,
 * headers, `{{baseUrl}}`). The converter fills path ids with random uuids and
 * query values with `<string>` placeholders; here every request gets the
 * documented values instead:
 *   - path ids of seeded objects, the documented query values (the other query
 *     parameters stay listed, switched off), the documented body;
 *   - its saved responses are the spec's examples: each documented success with
 *     the request that produces it, then each documented error body;
 *   - a test script checks the documented success status, so a run (Postman's
 *     runner, newman) names the request that failed;
 *   - the order makes one run against freshly seeded data (the sandbox after a
 *     reset) succeed end to end: a DELETE comes after every request that names
 *     the id it deletes; folders keep their requests together and move as a
 *     whole (a cycle between folders throws);
 *   - ids are derived from the operation (never from a summary or description),
 *     so the file is the same at every build and in every language.
 * Pure: no I/O; takes the converted collection and the spec, returns a new collection.
 */
import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { deref, operationModels, type OpenApiDocument } from '../../src/lib/api/model';
import { isObject } from '../../src/lib/isObject';
import type { OperationModel, RequestValues } from '../../src/lib/api/types';

type Raw = Record<string, unknown>;

export interface PostmanQueryParam {
  key: string;
  value: string;
  disabled?: boolean;
  description?: unknown;
}

export interface PostmanVariable {
  key: string;
  value: string;
  [extra: string]: unknown;
}

export interface PostmanUrl {
  raw?: string;
  host?: string[];
  path?: string[];
  query?: PostmanQueryParam[];
  variable?: PostmanVariable[];
}

export interface PostmanRequest {
  method: string;
  url: PostmanUrl;
  header?: Array<{ key: string; value: string }>;
  body?: { mode?: string; raw?: string; options?: unknown };
  [extra: string]: unknown;
}

export interface PostmanResponse {
  id?: string;
  name: string;
  originalRequest: PostmanRequest;
  status: string;
  code: number;
  header: Array<{ key: string; value: string }>;
  cookie: unknown[];
  body?: string;
  _postman_previewlanguage: string;
}

export interface PostmanEvent {
  listen: 'test' | 'prerequest';
  script: { type: string; exec: string[] };
}

export interface PostmanItem {
  id?: string;
  name: string;
  request?: PostmanRequest;
  response?: PostmanResponse[];
  event?: PostmanEvent[];
  item?: PostmanItem[];
  [extra: string]: unknown;
}

export interface PostmanCollection {
  info: { _postman_id?: string; name: string; [extra: string]: unknown };
  item: PostmanItem[];
  [extra: string]: unknown;
}


/** A stable uuid-shaped id for a name (Postman wants ids; random ones would change the file at every build). */
export function stableId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** `/contacts/{uuid}` of a converted request (`contacts`, `:uuid`). */
function templatePath(url: PostmanUrl): string {
  return `/${(url.path ?? []).map((segment) => segment.replace(/^:(.+)$/, '{$1}')).join('/')}`;
}

/** The operation a converted request stands for, by method and path. */
export function operationOf(request: PostmanRequest, ops: readonly OperationModel[]): OperationModel {
  const path = templatePath(request.url);
  const found = ops.find((op) => op.method === request.method && op.path === path);
  if (!found) throw new Error(`The collection has ${request.method} ${path}, which the spec does not`);
  return found;
}

function queryText(value: string | number | boolean | string[]): string[] {
  return Array.isArray(value) ? value : [String(value)];
}

/** The converted request with these values: path ids, query (documented ones on, others off), body. */
function requestWith(request: PostmanRequest, op: OperationModel, values: RequestValues): PostmanRequest {
  const query: PostmanQueryParam[] = [];
  for (const param of op.params.filter((p) => p.in === 'query')) {
    const described = request.url.query?.find((q) => q.key === param.name);
    const description = described?.description === undefined ? {} : { description: described.description };
    const given = values.query?.[param.name];
    if (given === undefined) {
      const fallback = param.schema.default ?? (Array.isArray(param.schema.enum) ? param.schema.enum[0] : '');
      query.push({ key: param.name, value: String(fallback), disabled: true, ...description });
      continue;
    }
    const items = queryText(given);
    const texts = param.explode ? items : [items.join(',')];
    for (const text of texts) query.push({ key: param.name, value: text, ...description });
  }
  const variable = (request.url.variable ?? []).map((v) => {
    const value = values.path?.[v.key];
    if (value === undefined) throw new Error(`${op.request}: no documented value for the path parameter ${v.key}`);
    return { ...v, value };
  });
  const { raw: _raw, ...url } = request.url;
  const out: PostmanRequest = { ...request, url: { ...url, query, variable } };
  if (op.body) {
    if (values.body === undefined) throw new Error(`${op.request}: no documented body`);
    out.body = { mode: 'raw', raw: JSON.stringify(JSON.parse(values.body), null, 2), options: { raw: { language: 'json' } } };
  } else {
    delete out.body;
  }
  return out;
}

interface DocumentedError {
  status: number;
  code: string;
  description: string;
  value: unknown;
}

/** The documented error bodies of an operation: one per status, or one per code where a status has several. */
export function documentedErrors(doc: OpenApiDocument, op: OperationModel): DocumentedError[] {
  const raw = (doc.paths[op.path] as Raw)[op.method.toLowerCase()] as Raw;
  const out: DocumentedError[] = [];
  for (const [status, value] of Object.entries(raw.responses as Raw)) {
    if (/^2\d\d$/.test(status)) continue;
    const response = deref(doc, value) as Raw;
    const media = isObject<Raw>(response.content) ? (response.content['application/json'] as Raw | undefined) : undefined;
    const description = String(response.description ?? '').trim();
    const examples = isObject<Raw>(media?.examples)
      ? Object.values(media.examples).filter((e): e is Raw => isObject<Raw>(e)).map((e) => ({ value: e.value, description: String(e.description ?? description).trim() }))
      : [{ value: media?.example, description }];
    for (const example of examples) {
      const code = (example.value as { error?: { code?: string } } | undefined)?.error?.code ?? '';
      out.push({ status: Number(status), code, description: example.description.replace(/\s+/g, ' '), value: example.value });
    }
  }
  return out;
}

function reason(status: number): string {
  return STATUS_CODES[status] ?? String(status);
}

/** The request a saved response shows: values only (the descriptions are on the request itself). */
function lean(request: PostmanRequest): PostmanRequest {
  const { method, url, header, body } = request;
  return {
    method,
    url: {
      host: url.host,
      path: url.path,
      query: (url.query ?? []).map(({ key, value, disabled }) => ({ key, value, ...(disabled ? { disabled } : {}) })),
      variable: (url.variable ?? []).map(({ key, value }) => ({ key, value })),
    },
    ...(header ? { header } : {}),
    ...(body ? { body } : {}),
  };
}

/** A saved response; `key` names it for its id, the same in every language (its `name` is a translated summary). */
function savedResponse(name: string, key: string, request: PostmanRequest, code: number, value: unknown): PostmanResponse {
  const hasBody = value !== undefined;
  const originalRequest = lean(request);
  return {
    id: stableId(`${originalRequest.method} ${templatePath(originalRequest.url)} ${key}`),
    name,
    originalRequest,
    status: reason(code),
    code,
    header: hasBody ? [{ key: 'Content-Type', value: 'application/json; charset=utf-8' }] : [],
    cookie: [],
    ...(hasBody ? { body: `${JSON.stringify(value, null, 2)}` } : {}),
    _postman_previewlanguage: hasBody ? 'json' : 'text',
  };
}

/** The test every request carries: its documented success status. */
export function statusTest(status: number): PostmanEvent {
  return {
    listen: 'test',
    script: {
      type: 'text/javascript',
      exec: [`pm.test('answers ${status} ${reason(status)}', function () {`, `  pm.response.to.have.status(${status});`, '});'],
    },
  };
}

function finishItem(item: PostmanItem, doc: OpenApiDocument, ops: readonly OperationModel[]): PostmanItem {
  const op = operationOf(item.request!, ops);
  const request = requestWith(item.request!, op, op.exampleRequest);
  const successes = op.examples.length
    ? op.examples.map((example) => savedResponse(example.summary, `${example.status} ${example.name}`, requestWith(item.request!, op, example.request), example.status, example.value))
    : [savedResponse(reason(op.successStatus), String(op.successStatus), request, op.successStatus, undefined)];
  const errors = documentedErrors(doc, op).map((error, i) =>
    savedResponse(`${error.status} ${error.code}: ${error.description}`, `error ${i} ${error.status} ${error.code}`, request, error.status, error.value),
  );
  return { ...item, id: stableId(op.request), request, response: [...successes, ...errors], event: [statusTest(op.successStatus)] };
}

/** Every id-like value a request names: path values and the strings of its body. */
function namedValues(op: OperationModel): Set<string> {
  const out = new Set(Object.values(op.exampleRequest.path ?? {}));
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isObject<Raw>(value)) Object.values(value).forEach(walk);
  };
  if (op.exampleRequest.body) walk(JSON.parse(op.exampleRequest.body));
  return out;
}

/** `a` must run before `b`: `b` deletes an id that `a` names. */
function mustPrecede(a: OperationModel, b: OperationModel): boolean {
  if (a === b || b.method !== 'DELETE') return false;
  const named = namedValues(a);
  return Object.values(b.exampleRequest.path ?? {}).some((id) => named.has(id));
}

/** A stable topological order: each node as early as its predecessors allow, ties kept in the given order. */
function ordered<T>(nodes: readonly T[], before: (a: T, b: T) => boolean, label: (node: T) => string): T[] {
  const left = [...nodes];
  const out: T[] = [];
  while (left.length > 0) {
    const next = left.findIndex((candidate) => !left.some((other) => other !== candidate && before(other, candidate)));
    if (next < 0) throw new Error(`No order runs these requests on fresh data: ${left.map(label).join(', ')} depend on each other`);
    out.push(...left.splice(next, 1));
  }
  return out;
}

/** Operations of an item or folder, recursively. */
function itemOps(item: PostmanItem, ops: readonly OperationModel[]): OperationModel[] {
  return item.request ? [operationOf(item.request, ops)] : (item.item ?? []).flatMap((child) => itemOps(child, ops));
}

/** Reorders folders and the requests in each so that no request runs after a DELETE of an id it names. */
export function runOrder(items: readonly PostmanItem[], ops: readonly OperationModel[]): PostmanItem[] {
  const before = (a: PostmanItem, b: PostmanItem) => itemOps(a, ops).some((x) => itemOps(b, ops).some((y) => mustPrecede(x, y)));
  return ordered(items, before, (item) => item.name).map((item) => (item.item ? { ...item, item: runOrder(item.item, ops) } : item));
}

/** The collection people download: documented values, saved examples, status tests, run order, stable ids. */
export function finishCollection(converted: PostmanCollection, doc: OpenApiDocument): PostmanCollection {
  const ops = operationModels(doc);
  const finish = (item: PostmanItem): PostmanItem =>
    item.request ? finishItem(item, doc, ops) : { ...item, id: stableId(`folder ${item.name}`), item: (item.item ?? []).map(finish) };
  const info = { ...converted.info, _postman_id: stableId(`collection ${converted.info.name}`) };
  return { ...converted, info, item: runOrder(converted.item.map(finish), ops) };
}

/** The requests of a collection in run order (folders flattened). */
export function requestsInOrder(collection: Pick<PostmanCollection, 'item'>): PostmanItem[] {
  const walk = (items: readonly PostmanItem[]): PostmanItem[] => items.flatMap((item) => (item.request ? [item] : walk(item.item ?? [])));
  return walk(collection.item);
}
