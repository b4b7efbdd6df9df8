/**
 * Everything the sandbox takes from openapi/openapi.yaml, the single source of
 * truth: operations, parameter schemas, the Error schema, the documented
 * example responses and the fixed error messages. Nothing here is copied by
 * hand; if the spec changes, the sandbox follows.
 */
import { loadSpec } from '../../src/lib/api/load';
import { componentSchema, deref, findOperation, type OpenApiDocument } from '../../src/lib/api/model';
import type { ExampleResponse, OperationModel, Schema } from '../../src/lib/api/types';

export { loadSpec };
export type { OpenApiDocument };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  return content.schema as Schema;
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
 * 401 and 500.
 */
export function documentedErrorMessage(doc: OpenApiDocument, responseName: string): string {
  const responses = isObject(doc.components) ? doc.components.responses : undefined;
  const response = isObject(responses) ? responses[responseName] : undefined;
  const content = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
  const example = isObject(content) ? content.example : undefined;
  const error = isObject(example) ? example.error : undefined;
  const message = isObject(error) ? error.message : undefined;
  if (typeof message !== 'string') throw new Error(`The spec response ${responseName} has no example message`);
  return message;
}
