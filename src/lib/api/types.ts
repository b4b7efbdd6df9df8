/**
 * The compact model of one API operation, derived from openapi/openapi.yaml by
 * `operationModel()` (see ./model.ts). Pages receive the part the browser reads
 * (./clientModel.ts) at build time (remark plugin), the snippet generators and
 * the "try it" panel read it, and the sandbox validates requests with the same
 * schemas. Plain data: JSON-serialisable.
 */

/** A JSON Schema fragment with every `$ref` already resolved. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  description?: string;
  [key: string]: unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ParamLocation = 'path' | 'query' | 'header';

export interface ParamModel {
  name: string;
  in: ParamLocation;
  required: boolean;
  description: string;
  schema: Schema;
  /** For arrays in the query: `false` means one comma-separated value (`tags=a,b`). */
  explode: boolean;
}

export interface BodyModel {
  required: boolean;
  schema: Schema;
  /** The documented example body (JSON value). */
  example: unknown;
}

export interface ExampleResponse {
  name: string;
  summary: string;
  status: number;
  /** The request that produces this response (query/path values, body). */
  request: RequestValues;
  /** Name of an array property that is shortened in the example, if any. */
  abridged?: string;
  value: unknown;
}

export interface Environment {
  /** Stable id: `sandbox`, `production`, ... */
  id: string;
  label: string;
  /** The API's own base URL, shown in snippets. */
  baseUrl: string;
  /** When set, "try it" sends through this CORS proxy instead (snippets still show baseUrl). */
  proxyUrl?: string;
}

export interface OperationModel {
  /** Group id = the OpenAPI tag, e.g. `contacts_api`. */
  group: string;
  /** Request id = the operationId, e.g. `get_contacts`. */
  request: string;
  method: HttpMethod;
  /** Path template relative to the base URL, e.g. `/contacts/{uuid}`. */
  path: string;
  summary: string;
  params: ParamModel[];
  body?: BodyModel;
  /** Whether the operation needs `Authorization: Bearer <key>`. */
  auth: boolean;
  /** The documented example request (`x-request` on the operation, else its first example's). */
  exampleRequest: RequestValues;
  /** Status of a success (2xx) answer. */
  successStatus: number;
  examples: ExampleResponse[];
}

/** Values a user (or a documented example) supplies for one request. */
export interface RequestValues {
  path?: Record<string, string>;
  /** Query values as the user typed them; arrays are joined per the param's style. */
  query?: Record<string, string | number | boolean | string[]>;
  /** Raw JSON text of the body, exactly as typed. */
  body?: string;
}

/**
 * A request normalised once, ready for every snippet target (httpsnippet style).
 * Targets never re-parse: they print these fields with their own quoting.
 */
export interface NormalizedRequest {
  method: HttpMethod;
  /** Full URL including the encoded query string. */
  url: string;
  /** Base URL + path, without the query string. */
  baseUrl: string;
  /** Decoded query pairs in order (a comma list stays one value: `['tags', 'a,b']`). */
  query: Array<[string, string]>;
  /** Header pairs in order. The API key appears as given (placeholder or real key). */
  headers: Array<[string, string]>;
  /** JSON body text (already validated as JSON) or undefined. */
  body?: string;
}
