/**
 * One MCP tool per API operation, generated from openapi/openapi.yaml through the
 * portal's operation model (src/lib/api): the name is the operationId, the description
 * the summary with the method and path, the input JSON Schema one property per path and
 * query parameter (the spec's schema and description) plus `body` (the request body's
 * schema), with no other property allowed. Annotations follow from the method: GET is
 * read-only, DELETE destructive. Pure.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { HttpMethod, OperationModel, ParamModel, Schema } from '../../../src/lib/api/types';

/** The input property that carries the request body. */
export const BODY_FIELD = 'body';

/** A method that changes data: the tools that production keeps off unless writes are allowed. */
export function isWriting(method: HttpMethod): boolean {
  return method !== 'GET';
}

/** The parameters a tool takes (headers are the server's business: Accept, Authorization). */
export function toolParams(op: OperationModel): ParamModel[] {
  return op.params.filter((p) => p.in === 'path' || p.in === 'query');
}

/** A spec schema as a plain JSON Schema: OpenAPI's `example`, `xml`, `discriminator` and `x-` extensions left out. */
export function jsonSchema(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'xml' || key === 'discriminator' || key === 'externalDocs' || key.startsWith('x-')) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, s]) => [name, jsonSchema(s)]));
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = jsonSchema(value as Schema);
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = (value as Schema[]).map(jsonSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function describeParam(param: ParamModel): string {
  const where = param.in === 'path' ? 'Path parameter' : 'Query parameter';
  const list = param.schema.type === 'array' && !param.explode ? ' A list: an array of strings (sent comma-separated).' : '';
  return `${where}.${param.description ? ` ${param.description}` : ''}${list}`;
}

/** The input JSON Schema of an operation's tool. */
export function inputSchema(op: OperationModel): Tool['inputSchema'] {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const param of toolParams(op)) {
    if (param.name === BODY_FIELD || param.name in properties) {
      throw new Error(`${op.request}: the parameter name "${param.name}" is used twice or clashes with the body field`);
    }
    properties[param.name] = { ...jsonSchema(param.schema), description: describeParam(param) };
    if (param.required) required.push(param.name);
  }
  if (op.body) {
    const body = jsonSchema(op.body.schema);
    properties[BODY_FIELD] = { ...body, description: `The JSON request body${body.description ? `: ${String(body.description)}` : '.'}` };
    if (op.body.required) required.push(BODY_FIELD);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** The MCP tool of one operation. */
export function operationTool(op: OperationModel): Tool {
  const summary = op.summary.replace(/\.$/, '');
  return {
    name: op.request,
    title: summary,
    description: `${summary}. Calls ${op.method} ${op.path} of the Callbell API.`,
    inputSchema: inputSchema(op),
    annotations: {
      title: summary,
      readOnlyHint: op.method === 'GET',
      destructiveHint: op.method === 'DELETE',
      idempotentHint: op.method === 'GET' || op.method === 'PUT' || op.method === 'DELETE',
      openWorldHint: true,
    },
  };
}
