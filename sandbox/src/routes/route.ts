import type { Handler } from 'hono';
import type { HttpMethod } from '../../../src/lib/api/types';
import type { Account } from '../data/account';
import type { IdSource } from '../ids';
import type { AuthEnv } from '../middleware/auth';
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

/** A request that passed the spec's checks: parameters converted, body parsed and schema-valid. */
export interface OperationInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** What a handler may use: the caller's account, the clock, ids, webhook events. */
export interface OperationContext {
  /** The API key of the request (its account). */
  key: string;
  /** The key's account (read from the store on each access, so a reset during a wait is seen). */
  readonly account: Account;
  /** The current time as the API writes it (ISO 8601, whole seconds, Z). */
  now(): string;
  ids: IdSource;
  /** Queues a webhook event; it is delivered only if the request succeeds. */
  emit(event: string, payload: Record<string, unknown>): void;
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
 * Checks everything, then changes the account. A handler that must wait for
 * something (a DNS lookup) does so before its first change, and reads
 * `ctx.account` after waiting (it is always the key's current account).
 */
export type OperationHandler = (input: OperationInput, ctx: OperationContext) => OperationResult | Promise<OperationResult>;

/** Handlers of one resource, by operationId. */
export type OperationHandlers = Record<string, OperationHandler>;
