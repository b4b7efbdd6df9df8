/**
 * Everything the sandbox takes from openapi/openapi.yaml, the single source of
 * truth: operations, parameter and body schemas, the Error schema, the
 * documented examples (requests, responses, webhook deliveries) and the fixed
 * error messages. Nothing here is copied by hand; if the spec changes, the
 * sandbox follows (and the seed refuses examples it cannot honour).
 */
import { loadSpec } from '../../src/lib/api/load';
import { componentSchema, deref, findOperation, operationModels, type OpenApiDocument } from '../../src/lib/api/model';
import type { ExampleResponse, OperationModel, Schema } from '../../src/lib/api/types';
import { isObject } from '../../src/lib/isObject';

export { loadSpec };
export type { OpenApiDocument };

const modelCache = new WeakMap<OpenApiDocument, OperationModel[]>();

/** Every operation of the spec (cached per document), in document order. */
export function operations(doc: OpenApiDocument = loadSpec()): OperationModel[] {
  let models = modelCache.get(doc);
  if (!models) {
    models = operationModels(doc);
    modelCache.set(doc, models);
  }
  return models;
}

/** One operation by its operationId; throws when the spec lacks it. */
export function operationById(doc: OpenApiDocument, operationId: string): OperationModel {
  const found = operations(doc).find((op) => op.request === operationId);
  if (!found) throw new Error(`The spec has no operation "${operationId}"`);
  return found;
}

/** GET /contacts, as the portal's pages see it. */
export function contactsOperation(doc: OpenApiDocument = loadSpec()): OperationModel {
  return findOperation(doc, 'contacts_api', 'get_contacts');
}

/** A named documented example response of an operation; throws when the spec lacks it. */
export function exampleResponse(op: OperationModel, name: string): ExampleResponse {
  const found = op.examples.find((example) => example.name === name);
  if (!found) throw new Error(`The spec has no example "${name}" for ${op.method} ${op.path}`);
  return found;
}

/** The value of a documented example response, by operationId and example name. */
export function exampleValue<T = Record<string, unknown>>(doc: OpenApiDocument, operationId: string, name = 'default'): T {
  return structuredClone(exampleResponse(operationById(doc, operationId), name).value) as T;
}

/** The JSON schema of one response (`$ref`s resolved), e.g. GET /contacts 200. */
export function responseSchema(doc: OpenApiDocument, path: string, method: string, status: number): Schema {
  const item = doc.paths[path];
  const op = isObject(item) ? item[method.toLowerCase()] : undefined;
  const responses = isObject(op) ? op.responses : undefined;
  const response = isObject(responses) ? deref(doc, responses[String(status)]) : undefined;
  const content = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
  if (!isObject(content) || !isObject(content.schema)) {
    throw new Error(`The spec documents no JSON ${status} response for ${method.toUpperCase()} ${path}`);
  }
  return deref(doc, content.schema) as Schema;
}

/** The shared `components/schemas/Error` schema. */
export function errorSchema(doc: OpenApiDocument = loadSpec()): Schema {
  return componentSchema(doc, 'Error');
}

/** The error codes the spec allows (`Error.error.code.enum`). */
export function errorCodes(doc: OpenApiDocument = loadSpec()): string[] {
  const codes = errorSchema(doc).properties?.error?.properties?.code?.enum;
  if (!Array.isArray(codes)) throw new Error('The spec Error schema lists no error codes');
  return codes.map(String);
}

/** The enum of a component schema, e.g. `Source` or `CustomFieldType`. */
export function componentEnum(doc: OpenApiDocument, name: string): string[] {
  const values = componentSchema(doc, name).enum;
  if (!Array.isArray(values)) throw new Error(`The spec schema ${name} has no enum`);
  return values.map(String);
}

/**
 * The message of the documented example of a shared error response
 * (`components/responses/<name>`), used verbatim for fixed messages such as
 * 401, 404, 413 and 500.
 */
export function documentedErrorMessage(doc: OpenApiDocument, responseName: string, code?: string): string {
  const responses = isObject(doc.components) ? doc.components.responses : undefined;
  const response = isObject(responses) ? responses[responseName] : undefined;
  const content = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
  const named = isObject(content) && isObject(content.examples) ? Object.values(content.examples) : [];
  // A response with one named example per `error.code` (Unauthorized: unauthorized, key_expired): the one of `code`.
  const example = named.length > 0
    ? named.map((e) => (isObject(e) ? e.value : undefined)).find((v) => isObject(v) && isObject(v.error) && v.error.code === code)
    : isObject(content) ? content.example : undefined;
  const error = isObject(example) ? example.error : undefined;
  const message = isObject(error) ? error.message : undefined;
  if (typeof message !== 'string') throw new Error(`The spec response ${responseName} has no example message${code ? ` for ${code}` : ''}`);
  return message;
}

export interface WebhookEventSpec {
  /** Event name, e.g. `message_created`. */
  name: string;
  /** Schema of the whole delivery envelope `{event, payload}` (refs resolved). */
  envelope: Schema;
  /** The component schema named by `x-event-schema` (refs resolved). */
  payload: Schema;
  /** The documented example delivery `{event, payload}`. */
  example: { event: string; payload: Record<string, unknown> };
}

/** The webhook events documented under `webhooks`, with their schemas and example deliveries. */
export function webhookEvents(doc: OpenApiDocument = loadSpec()): WebhookEventSpec[] {
  const hooks = isObject(doc.webhooks) ? doc.webhooks : {};
  return Object.entries(hooks).map(([name, item]) => {
    const post = isObject(item) && isObject(item.post) ? item.post : {};
    const body = isObject(post.requestBody) ? post.requestBody : {};
    const media = isObject(body.content) && isObject(body.content['application/json']) ? body.content['application/json'] : {};
    const schemaName = post['x-event-schema'];
    if (typeof schemaName !== 'string' || !isObject(media.schema) || !isObject(media.example)) {
      throw new Error(`The webhook ${name} needs x-event-schema, a schema and an example`);
    }
    return {
      name,
      envelope: deref(doc, media.schema) as Schema,
      payload: componentSchema(doc, schemaName),
      example: structuredClone(media.example) as WebhookEventSpec['example'],
    };
  });
}

/**
 * The spec's fixed clock: the moment its examples show for anything created
 * "now" (the `createdAt` of the contact created by the POST /contacts example,
 * 2026-07-02T09:30:00Z). Tests run the sandbox on this clock.
 */
export function documentedClock(doc: OpenApiDocument = loadSpec()): number {
  const created = exampleValue<{ contact: { createdAt: string } }>(doc, 'post_contacts').contact.createdAt;
  const ms = Date.parse(created);
  if (!Number.isFinite(ms)) throw new Error('The POST /contacts example has no createdAt');
  return ms;
}

/** The fixed confirmation text of an operation's answer, e.g. `contact was destroyed` (`status.enum[0]`). */
export function confirmationText(doc: OpenApiDocument, operationId: string): string {
  const op = operationById(doc, operationId);
  const value = responseSchema(doc, op.path, op.method, op.successStatus).properties?.status?.enum?.[0];
  if (typeof value !== 'string') throw new Error(`${operationId} documents no confirmation text`);
  return value;
}
