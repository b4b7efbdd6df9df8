/**
 * What a domain helper may use while it changes an account: the account, the
 * clock, new ids and the webhook event queue. A route's OperationContext
 * (../routes/route.ts) is one; tests can pass a plain object.
 */
import type { Account } from '../data/types';
import type { IdSource } from '../ids';

export interface DomainContext {
  /** The account being changed. */
  readonly account: Account;
  /** The current time as the API writes it (ISO 8601, whole seconds, Z). */
  now(): string;
  ids: IdSource;
  /** Queues a webhook event; it is delivered only if the request succeeds. */
  emit(event: string, payload: Record<string, unknown>): void;
}
