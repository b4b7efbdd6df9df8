/**
 * Pure functions turning an OpenAPI 3.1 document into compact operation models.
 * No I/O here: callers pass the parsed document (see ./load.ts for Node).
 */
import type {
  BodyModel,
  ExampleResponse,
  HttpMethod,
  OperationModel,
  ParamLocation,
  ParamModel,
  RequestValues,
  Schema,
} from './types';
import { isObject as isPlainObject } from '../isObject';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  servers?: Array<{ url: string; description?: string; 'x-environment'?: string }>;
  security?: unknown[];
  tags?: Array<{ name: string; description?: string; 'x-displayName'?: string }>;
  [key: string]: unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The spec is parsed YAML: its objects are JSON objects. */
const isObject = isPlainObject<JsonObject>;

/** Follows a local `#/a/b` JSON pointer. Throws on a dangling reference. */
export function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local $ref are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`Dangling $ref: ${ref}`);
    node = node[key];
  }
  return node;
}

/** Returns a copy of `value` with every `$ref` replaced by its target (cycles are refused). */
export function deref<T>(doc: OpenApiDocument, value: T, seen: string[] = []): T {
  if (Array.isArray(value)) return value.map((item) => deref(doc, item, seen)) as T;
  if (!isObject(value)) return value;
  if (typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (seen.includes(ref)) throw new Error(`Cyclic $ref: ${[...seen, ref].join(' -> ')}`);
    const { $ref: _ignored, ...siblings } = value;
    const target = deref(doc, resolvePointer(doc, ref), [...seen, ref]);
    return (isObject(target) ? { ...target, ...deref(doc, siblings, seen) } : target) as T;
  }
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = deref(doc, child, seen) as Json;
  return out as T;
}

function toParam(raw: JsonObject): ParamModel {
  const location = String(raw.in) as ParamLocation;
  const schema = (raw.schema ?? {}) as Schema;
  // OpenAPI: form style explodes by default; we only turn it off when asked to.
  const explode = raw.explode === undefined ? true : Boolean(raw.explode);
  return {
    name: String(raw.name),
    in: location,
    required: location === 'path' ? true : Boolean(raw.required),
    description: typeof raw.description === 'string' ? raw.description.trim() : '',
    schema,
    explode,
  };
}

function toBody(raw: unknown): BodyModel | undefined {
  if (!isObject(raw)) return undefined;
  const content = raw.content;
  if (!isObject(content)) return undefined;
  const json = content['application/json'];
  if (!isObject(json)) return undefined;
  let example: unknown = json.example;
  if (example === undefined && isObject(json.examples)) {
    const first = Object.values(json.examples)[0];
    if (isObject(first)) example = first.value;
  }
  return { required: Boolean(raw.required), schema: (json.schema ?? {}) as Schema, example };
}

function toExamples(responses: unknown): ExampleResponse[] {
  if (!isObject(responses)) return [];
  const out: ExampleResponse[] = [];
  for (const [status, response] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status) || !isObject(response)) continue;
    const json = isObject(response.content) ? response.content['application/json'] : undefined;
    if (!isObject(json)) continue;
    if (isObject(json.examples)) {
      for (const [name, example] of Object.entries(json.examples)) {
        if (!isObject(example)) continue;
        out.push({
          name,
          summary: typeof example.summary === 'string' ? example.summary : name,
          status: Number(status),
          request: (isObject(example['x-request']) ? example['x-request'] : {}) as RequestValues,
          ...(typeof example['x-abridged'] === 'string' ? { abridged: example['x-abridged'] } : {}),
          value: example.value,
        });
      }
    } else if (json.example !== undefined) {
      out.push({ name: 'default', summary: 'Example', status: Number(status), request: {}, value: json.example });
    }
  }
  return out;
}

/** Every operation of the document as compact models, in document order. */
export function operationModels(doc: OpenApiDocument): OperationModel[] {
  const models: OperationModel[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem) as JsonObject;
    const shared = Array.isArray(item.parameters) ? (item.parameters as JsonObject[]) : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const own = Array.isArray(op.parameters) ? (op.parameters as JsonObject[]) : [];
      const byKey = new Map<string, JsonObject>();
      for (const p of [...shared, ...own]) byKey.set(`${String(p.in)}:${String(p.name)}`, p);
      const tags = Array.isArray(op.tags) ? op.tags.map(String) : [];
      if (typeof op.operationId !== 'string' || tags.length === 0) {
        throw new Error(`${method.toUpperCase()} ${path} needs an operationId and a tag`);
      }
      const security = Array.isArray(op.security) ? op.security : (doc.security ?? []);
      const body = toBody(op.requestBody);
      const examples = toExamples(op.responses);
      const successStatus = Number(Object.keys(isObject(op.responses) ? op.responses : {}).find((s) => /^2\d\d$/.test(s)) ?? 200);
      const exampleRequest = (isObject(op['x-request']) ? op['x-request'] : (examples[0]?.request ?? {})) as RequestValues;
      models.push({
        group: tags[0]!,
        request: op.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        summary: typeof op.summary === 'string' ? op.summary : '',
        params: [...byKey.values()].map(toParam),
        ...(body ? { body } : {}),
        auth: security.length > 0,
        exampleRequest,
        successStatus,
        examples,
      });
    }
  }
  return models;
}

/** Finds the operation a page names with `endpoint` (group) and `request` (operationId). */
export function findOperation(doc: OpenApiDocument, group: string, request: string): OperationModel {
  const all = operationModels(doc);
  const found = all.find((op) => op.group === group && op.request === request);
  if (!found) {
    const known = all.map((op) => `${op.group}/${op.request}`).join(', ');
    throw new Error(`No operation "${request}" in group "${group}". Known: ${known}`);
  }
  return found;
}

/** A component schema with its references resolved (e.g. `Contact`). */
export function componentSchema(doc: OpenApiDocument, name: string): Schema {
  return deref(doc, resolvePointer(doc, `#/components/schemas/${name}`)) as Schema;
}
