/**
 * Turns one documented operation plus its handler into a route. For every
 * request: path and query parameters are checked against the spec (400
 * invalid_parameter), then the JSON body, if the operation has one (413, 400
 * invalid_body; see ../body.ts), then the handler runs on the caller's
 * account: inside `store.update` for every method but GET (alone for that
 * account; saved afterwards), on `store.read` for GET (with the read that
 * admission started, ../middleware/admission.ts). Handlers check
 * everything before they change anything, so a failed request leaves no
 * trace. The Redis store may run a change again (another instance changed
 * the account meanwhile): the events and health checks are collected afresh
 * at each run. After a successful request the webhook events the handler
 * queued are dispatched, after the answer; each delivery is logged through
 * `store.update`.
 *
 * Reads are answered from `answers` (../answers.ts) while the account has
 * not changed since the same URL was answered: no checks, no handler, no
 * serialising again.
 *
 * A key that is read-only (`readOnly`: the demo keys on a public sandbox)
 * gets 403 read_only_key for every operation but GET, before anything else
 * of the request is looked at.
 */
import type { Ajv2020 } from 'ajv/dist/2020';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { OperationModel } from '../../../src/lib/api/types';
import { createBodyValidator, readLimited } from '../body';
import type { AnswerCache } from '../answers';
import type { Account, Webhook } from '../data/types';
import { apiErrors } from '../errors';
import { idSource } from '../ids';
import { JSON_CONTENT_TYPE } from '../json';
import { accountId, type Store } from '../store';
import { isoSeconds } from '../time';
import { createParamValidator } from '../validate';
import { appendToLog, type WebhookEvent, type Webhooks } from '../webhooks';
import { honoPath, type OperationHandler, type RouteDef } from './route';

export interface OperationDeps {
  prefix: string;
  ajv: Ajv2020;
  store: Store;
  webhooks: Webhooks;
  now: () => number;
  /** Cut off a body that sends nothing for this long (0: never). */
  bodyIdleMs: number;
  /** Keys that may only read (the demo keys on a public sandbox). */
  readOnly: (key: string) => boolean;
  /** Receives problems that cannot reach the caller (a delivery that could not be logged). */
  report: (message: string) => void;
  /** Answers of reads, while their account is unchanged. */
  answers: AnswerCache;
}

/** `/v1/contacts?page=2` of `http://host/v1/contacts?page=2`. */
function pathAndQuery(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

export function operationRoute(op: OperationModel, handler: OperationHandler, deps: OperationDeps): RouteDef {
  const validateParams = createParamValidator(op, deps.ajv);
  const validateBody = op.body ? createBodyValidator(op.body, deps.ajv) : undefined;
  const mutates = op.method !== 'GET';

  return {
    method: op.method,
    path: `${deps.prefix}${honoPath(op.path)}`,
    handler: async (c) => {
      const key = c.get('apiKey');
      if (mutates && deps.readOnly(key)) throw apiErrors.readOnlyKey();
      const read = mutates ? undefined : await deps.store.read(key, c.get('prefetch'));
      const url = pathAndQuery(c.req.url);
      const known = read ? deps.answers.get(read, url) : undefined;
      if (known) return c.body(known.text, known.status as ContentfulStatusCode, { 'Content-Type': JSON_CONTENT_TYPE });

      const { path, query } = validateParams({ query: new URL(c.req.url).searchParams, path: c.req.param() });
      const body = validateBody ? validateBody(await readLimited(c.req.raw, undefined, deps.bodyIdleMs), c.req.header('Content-Type')) : undefined;
      let events: WebhookEvent[] = [];
      let healthChecks: string[] = [];
      let webhook: Webhook | null = null;
      const run = async (account: Account) => {
        events = [];
        healthChecks = [];
        const result = await handler(
          { path, query, body },
          {
            key,
            account,
            now: () => isoSeconds(deps.now()),
            ids: idSource(account),
            emit: (event, payload) => events.push({ event, payload }),
            healthCheck: (url) => healthChecks.push(url),
            webhookVerdict: (url) => deps.webhooks.verdict(url),
          },
        );
        if (events.length > 0) webhook = account.webhook && { ...account.webhook, subscriptions: [...account.webhook.subscriptions] };
        return result;
      };
      const result = read ? await run(read) : await deps.store.update(key, run);
      const status = (result.status ?? op.successStatus) as StatusCode;
      if (events.length > 0) {
        deps.webhooks.dispatch(accountId(key), webhook, events, (record) =>
          deps.store.update(key, (account) => appendToLog(account, record)).catch((err: unknown) => {
            deps.report(`Sandbox API: a webhook delivery could not be logged (${err instanceof Error ? err.message : String(err)}).`);
          }),
        );
      }
      for (const url of healthChecks) deps.webhooks.healthCheck(url);
      if (result.body === undefined) return c.body(null, status);
      const text = JSON.stringify(result.body);
      if (read && status >= 200 && status < 300) deps.answers.set(read, url, { status, text });
      return c.body(text, status as ContentfulStatusCode, { 'Content-Type': JSON_CONTENT_TYPE });
    },
  };
}
