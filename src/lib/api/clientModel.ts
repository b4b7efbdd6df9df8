/**
 * The operation as the browser reads it: what the remark plugin
 * (plugins/remark-request-tabs.ts) embeds in a page for RequestTabs, its snippets,
 * its example selector, share links and the Try it panel, and nothing else.
 *
 * `clientOperation(model)` keeps what those read (method, path, summary, parameters,
 * the body's schema and documented example, the documented request, each example's
 * name, summary and request) and drops what they never read: the response examples'
 * bodies, statuses and abridged marks, the success status, the locale, the group,
 * and the schemas' annotations (descriptions, titles, examples, `x-` marks; the
 * checks of src/lib/validation ignore them). `default` stays: the panel's hints show it.
 * Every OperationModel is a ClientOperation, so the browser's functions take either.
 * Pure: no I/O.
 */
import type { LocalizedParamModel } from './localize';
import type { ExampleResponse, HttpMethod, OperationModel, RequestValues, Schema } from './types';

/** A response example as the browser reads it: which request produces it, and its label. */
export interface ClientExample {
  name: string;
  summary: string;
  /** The summary's language when it is not the page's. */
  summaryLang?: string;
  request: RequestValues;
}

export interface ClientBody {
  required: boolean;
  schema: Schema;
  /** The documented example body (JSON value), when there is one. */
  example?: unknown;
}

export interface ClientOperation {
  /** The operationId, e.g. `get_contacts` (share links name it). */
  request: string;
  method: HttpMethod;
  path: string;
  summary: string;
  summaryLang?: string;
  params: LocalizedParamModel[];
  body?: ClientBody;
  auth: boolean;
  exampleRequest: RequestValues;
  examples: ClientExample[];
}

/** Schema keywords that only annotate (the checks skip them, the browser shows none); `x-` keys too. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment']);

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'contains', 'unevaluatedProperties', 'unevaluatedItems', 'if', 'then', 'else']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `schema` without annotations, at any depth; every rule is kept as it is. */
export function schemaRules(schema: Schema): Schema {
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    if (SCHEMA_KEYWORDS.has(keyword) && isSchemaObject(value)) out[keyword] = schemaRules(value);
    else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map((v: unknown) => (isSchemaObject(v) ? schemaRules(v) : v));
    else if (SCHEMA_MAPS.has(keyword) && isSchemaObject(value)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, v]) => [name, isSchemaObject(v) ? schemaRules(v) : v]));
    } else out[keyword] = value;
  }
  return out;
}

/** An operation model, localized (./localize.ts: `summaryLang` marks) or not. */
type ModelInput = Omit<OperationModel, 'examples' | 'params'> & {
  summaryLang?: string;
  params: LocalizedParamModel[];
  examples: Array<ExampleResponse & { summaryLang?: string }>;
};

/** What the browser reads of `op` (see the module comment). */
export function clientOperation(op: ModelInput): ClientOperation {
  return {
    request: op.request,
    method: op.method,
    path: op.path,
    summary: op.summary,
    ...(op.summaryLang ? { summaryLang: op.summaryLang } : {}),
    params: op.params.map((param) => ({ ...param, schema: schemaRules(param.schema) })),
    ...(op.body ? {
          body: {
            required: op.body.required,
            schema: schemaRules(op.body.schema),
            ...(op.body.example !== undefined ? { example: op.body.example } : {}),
          },
        } : {}),
    auth: op.auth,
    exampleRequest: op.exampleRequest,
    examples: op.examples.map((e) => ({
      name: e.name,
      summary: e.summary,
      ...(e.summaryLang ? { summaryLang: e.summaryLang } : {}),
      request: e.request,
    })),
  };
}
