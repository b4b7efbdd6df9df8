/**
 * What the route modules are made of: a route (`RouteDef`), and for the
 * spec's operations a handler per operationId with its input and context
 * (`OperationHandler`, turned into a route by ./operation.ts). `handler`
 * declares the types a handler reads its validated input with.
 */
import type { Handler } from 'hono';
import type { HttpMethod } from '../../../src/lib/api/types';
import type { DomainContext } from '../domain/context';
import type { AuthEnv } from '../middleware/auth';
import type { ParamValues } from '../validate';
import type { HostVerdict } from '../webhooks';

/** One route of the sandbox; app.ts registers it and answers 405 for other methods on its path. */
export interface RouteDef {
  method: HttpMethod;
  /** Hono path, e.g. `/v1/contacts` or `/v1/contacts/:uuid`. */
  path: string;
  handler: Handler<AuthEnv>;
}

/** `/contacts/{uuid}` (OpenAPI) -> `/contacts/:uuid` (Hono). */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * A request that passed the spec's checks: parameters converted by their
 * schemas (../validate.ts: `page` is a number, `tags` a string array, a
 * missing parameter with a default has it), body parsed and schema-valid
 * (../body.ts).
 */
export interface OperationInput {
  path: ParamValues['path'];
  query: ParamValues['query'];
  body: unknown;
}

/** What a handler may use: the caller's account (its change runs alone, see ../store.ts), the clock, ids, webhook events. */
export interface OperationContext extends DomainContext {
  /** The API key of the request (its account). */
  key: string;
  /** Queues a health check of this URL, sent after the answer. */
  healthCheck(url: string): void;
  /** What the sandbox does with a webhook URL (may resolve its host: await it before changing anything). */
  webhookVerdict(url: string): Promise<HostVerdict>;
}

/** A handler's answer; without `body` the response has none (204). `status` defaults to the operation's. */
export interface OperationResult {
  status?: number;
  body?: unknown;
}

/**
 * Checks everything, then changes the account: a request that fails leaves no
 * trace. A handler that must wait for something (a DNS lookup) does so before
 * its first change.
 */
export type OperationHandler = (input: OperationInput, ctx: OperationContext) => OperationResult | Promise<OperationResult>;

/** Handlers of one resource, by operationId. */
export type OperationHandlers = Record<string, OperationHandler>;

/** The types a handler reads its input with, by location (see `handler`). */
export interface InputTypes {
  query?: object;
  path?: object;
  body?: unknown;
}

/** OperationInput with the declared types in place of the validator's maps. */
export interface TypedInput<T extends InputTypes> {
  query: T extends { query: infer Q } ? Q : OperationInput['query'];
  path: T extends { path: infer P } ? P : OperationInput['path'];
  body: T extends { body: infer B } ? B : unknown;
}

/**
 * A handler that reads its input with declared types, e.g.
 * `handler<{ path: ByUuid; query: Paged }>(({ path, query }) => ...)`. Nothing
 * is converted or parsed again: the validators already gave every value the
 * type of its schema. test/input-types.test.ts checks each declaration against
 * the operation's parameters and body in the spec.
 */
export function handler<T extends InputTypes>(
  fn: (input: TypedInput<T>, ctx: OperationContext) => OperationResult | Promise<OperationResult>,
): OperationHandler {
  return (input, ctx) => fn(input as TypedInput<T>, ctx);
}

/** The path of one item: `/…/{uuid}`. */
export interface ByUuid {
  uuid: string;
}

/** The query of a paged list: `page` (components/parameters/Page), from 1, default 1. */
export interface Paged {
  page: number;
}
