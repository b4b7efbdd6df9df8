/**
 * Search keywords per page, generated from openapi/openapi.yaml through the spec
 * model (src/lib/api): what a developer types that the page's prose may not
 * carry in the reader's language.
 * - Endpoint pages (titled `GET /contacts`, `PATCH /contacts/:uuid`): method, both
 *   path forms, operationId, group, parameter names, request-body field names (nested),
 *   the response's top-level fields and object names, status and error codes.
 * - Object pages (titled with a component schema name, `Contact`): the name and its
 *   field names (nested, up to the next named object).
 * - Webhook event pages (titled with the event, `contact_created`): the event and its payload object.
 * Pure: takes the parsed document.
 */
import { operationModels, resolvePointer, type OpenApiDocument } from '../api/model';
import type { HttpMethod, OperationModel } from '../api/types';
import { isObject } from '../isObject';
import type { SearchPage } from './types';

type Raw = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/**
 * Field names of a schema, walking objects, arrays and oneOf/anyOf/allOf. A `$ref` to
 * a named schema adds the schema's name and stops there, unless `follow` allows one more level.
 */
export function fieldNames(doc: OpenApiDocument, schema: unknown, out: Set<string> = new Set(), follow = 0, seen: string[] = []): Set<string> {
  if (!isObject(schema)) return out;
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (ref.startsWith(REF_PREFIX)) out.add(ref.slice(REF_PREFIX.length));
    if (follow > 0 && !seen.includes(ref)) fieldNames(doc, resolvePointer(doc, ref), out, follow - 1, [...seen, ref]);
    return out;
  }
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      out.add(name);
      fieldNames(doc, child, out, follow, seen);
    }
  }
  fieldNames(doc, schema.items, out, follow, seen);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list) fieldNames(doc, item, out, follow, seen);
  }
  if (isObject(schema.additionalProperties)) fieldNames(doc, schema.additionalProperties, out, follow, seen);
  return out;
}

function rawOperation(doc: OpenApiDocument, op: OperationModel): Raw {
  const item = doc.paths[op.path];
  const raw = item?.[op.method.toLowerCase()];
  if (!isObject(raw)) throw new Error(`No ${op.method} ${op.path} in the spec`);
  return raw;
}

function deref(doc: OpenApiDocument, value: unknown): unknown {
  return isObject(value) && typeof value.$ref === 'string' ? resolvePointer(doc, value.$ref) : value;
}

/** Status codes and `error.code` values an operation documents (`429`, `rate_limited`). */
export function errorCodes(doc: OpenApiDocument, op: OperationModel): string[] {
  const out = new Set<string>();
  const responses = rawOperation(doc, op).responses;
  if (!isObject(responses)) return [];
  for (const [status, ref] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(status)) continue;
    out.add(status);
    const response = deref(doc, ref);
    const json = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
    if (!isObject(json)) continue;
    const examples = [json.example, ...(isObject(json.examples) ? Object.values(json.examples).map((e) => (isObject(e) ? e.value : undefined)) : [])];
    for (const example of examples) {
      const error = isObject(example) && isObject(example.error) ? example.error : undefined;
      if (error && typeof error.code === 'string') out.add(error.code);
    }
  }
  return [...out];
}

/** Top-level fields and object names of the success response (`contacts`, `meta`, `Contact`). */
function responseFields(doc: OpenApiDocument, op: OperationModel): Set<string> {
  const out = new Set<string>();
  const responses = rawOperation(doc, op).responses;
  if (!isObject(responses)) return out;
  for (const [status, ref] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    const response = deref(doc, ref);
    const json = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
    if (!isObject(json)) continue;
    const schema = json.schema;
    if (isObject(schema) && isObject(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties)) {
        out.add(name);
        fieldNames(doc, isObject(child) && isObject(child.items) ? child.items : child, new Set(), 0).forEach((n) => {
          if (/^[A-Z]/.test(n)) out.add(n);
        });
      }
    } else {
      fieldNames(doc, schema, out, 0);
    }
  }
  return out;
}

/** `/contacts/{uuid}` -> `/contacts/:uuid`, the form page titles use. */
export function displayPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** `/contacts/:uuid` -> `/contacts/{uuid}`. */
export function templatePath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

const TITLE_ENDPOINT = /^(GET|POST|PUT|PATCH|DELETE)\s+(\/\S*)$/;

export function endpointKeywords(doc: OpenApiDocument, op: OperationModel): string[] {
  const words = new Set<string>([
    op.method,
    `${op.method} ${op.path}`,
    op.path,
    displayPath(op.path),
    op.request,
    op.group,
    ...op.params.map((p) => p.name),
    ...(op.body ? fieldNames(doc, rawBodySchema(doc, op), new Set(), 1) : []),
    ...responseFields(doc, op),
    ...errorCodes(doc, op),
  ]);
  return [...words];
}

function rawBodySchema(doc: OpenApiDocument, op: OperationModel): unknown {
  const body = deref(doc, rawOperation(doc, op).requestBody);
  const json = isObject(body) && isObject(body.content) ? body.content['application/json'] : undefined;
  return isObject(json) ? json.schema : undefined;
}

export function objectKeywords(doc: OpenApiDocument, name: string): string[] {
  return [name, ...fieldNames(doc, resolvePointer(doc, `${REF_PREFIX}${name}`), new Set(), 0)].filter((v, i, all) => all.indexOf(v) === i);
}

/** What the index adds to one page: its manifest entry and its keywords. */
export interface PageExtras {
  page: SearchPage;
  keywords: string[];
}

/** The docs metadata the builder starts from (one Docusaurus doc in one locale). */
export interface DocInfo {
  permalink: string;
  title: string;
  sidebarLabel?: string;
  description?: string;
}

/** Looks pages up in the spec by their title: endpoint, object or webhook event. */
export class SpecKeywords {
  private readonly ops: OperationModel[];
  private readonly schemas: Set<string>;
  private readonly webhooks: Map<string, string>;

  constructor(private readonly doc: OpenApiDocument) {
    this.ops = operationModels(doc);
    const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    this.schemas = new Set(Object.keys(components));
    const hooks = isObject(doc.webhooks) ? doc.webhooks : {};
    this.webhooks = new Map(
      Object.entries(hooks).map(([event, hook]) => {
        const post = isObject(hook) && isObject(hook.post) ? hook.post : {};
        return [event, typeof post['x-event-schema'] === 'string' ? post['x-event-schema'] : ''];
      }),
    );
  }

  /** Every `error.code` the spec documents (`invalid_parameter`, `rate_limited`, ...). */
  get errorCodes(): string[] {
    const codes = new Set<string>();
    for (const op of this.ops) for (const c of errorCodes(this.doc, op)) if (!/^\d+$/.test(c)) codes.add(c);
    return [...codes];
  }

  /** Every operation of the spec (the index test checks each has a page in every locale). */
  get operations(): readonly OperationModel[] {
    return this.ops;
  }

  operationFor(title: string): OperationModel | undefined {
    const m = TITLE_ENDPOINT.exec(title.trim());
    if (!m) return undefined;
    const method = m[1] as HttpMethod;
    const path = templatePath(m[2]!);
    return this.ops.find((op) => op.method === method && op.path === path);
  }

  extras(info: DocInfo): PageExtras {
    const label = info.sidebarLabel && info.sidebarLabel !== info.title ? info.sidebarLabel : undefined;
    const page: SearchPage = {
      url: info.permalink,
      title: info.title,
      ...(label ? { label } : {}),
      ...(info.description ? { description: info.description } : {}),
    };
    const op = this.operationFor(info.title);
    if (op) return { page: { ...page, method: op.method, path: op.path }, keywords: endpointKeywords(this.doc, op) };
    const title = info.title.trim();
    if (this.schemas.has(title)) return { page, keywords: objectKeywords(this.doc, title) };
    const payload = this.webhooks.get(title);
    if (payload !== undefined) return { page, keywords: [title, ...(payload ? [payload] : [])] };
    return { page, keywords: [] };
  }
}
