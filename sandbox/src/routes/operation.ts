/**
 * Turns one documented operation plus its handler into a route. For every
 * request: path and query parameters are checked against the spec (400
 * invalid_parameter), then the JSON body, if the operation has one (413, 400
 * invalid_body; see ../body.ts), then the handler runs on the caller's
 * account. Handlers check everything before they change anything, so a
 * failed request leaves no trace. After a successful request that may have
 * changed data, the store is told (it saves soon) and the webhook events the
 * handler queued are dispatched, after the answer.
 */
import type { Ajv2020 } from 'ajv/dist/2020';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { OperationModel } from '../../../src/lib/api/types';
import { createBodyValidator, readLimited } from '../body';
import { idSource } from '../ids';
import { sendJson } from '../json';
import type { Store } from '../store';
import { isoSeconds } from '../time';
import { createParamValidator } from '../validate';
import type { WebhookEvent, Webhooks } from '../webhooks';
import { honoPath, type OperationContext, type OperationHandler, type RouteDef } from './route';

export interface OperationDeps {
  prefix: string;
  ajv: Ajv2020;
  store: Store;
  webhooks: Webhooks;
  now: () => number;
  /** Cut off a body that sends nothing for this long (0: never). */
  bodyIdleMs: number;
}

export function operationRoute(op: OperationModel, handler: OperationHandler, deps: OperationDeps): RouteDef {
  const validateParams = createParamValidator(op, deps.ajv);
  const validateBody = op.body ? createBodyValidator(op.body, deps.ajv) : undefined;
  const mutates = op.method !== 'GET';

  return {
    method: op.method,
    path: `${deps.prefix}${honoPath(op.path)}`,
    handler: async (c) => {
      const { path, query } = validateParams({ query: new URL(c.req.url).searchParams, path: c.req.param() });
      const body = validateBody ? validateBody(await readLimited(c.req.raw, undefined, deps.bodyIdleMs), c.req.header('Content-Type')) : undefined;
      const key = c.get('apiKey');
      const events: WebhookEvent[] = [];
      const healthChecks: string[] = [];
      const ctx: OperationContext = {
        key,
        get account() {
          return deps.store.account(key);
        },
        now: () => isoSeconds(deps.now()),
        get ids() {
          return idSource(deps.store.account(key));
        },
        emit: (event, payload) => events.push({ event, payload }),
        healthCheck: (url) => healthChecks.push(url),
        webhookVerdict: (url) => deps.webhooks.verdict(url),
      };
      const result = await handler({ path, query, body }, ctx);
      const status = (result.status ?? op.successStatus) as StatusCode;
      if (mutates) deps.store.changed(key);
      if (events.length > 0) deps.webhooks.dispatch(deps.store.account(key), events, () => deps.store.changed(key));
      for (const url of healthChecks) deps.webhooks.healthCheck(url);
      if (result.body === undefined) return c.body(null, status);
      return sendJson(c, result.body, status as ContentfulStatusCode);
    },
  };
}
