/**
 * /webhooks (Webhooks API). One webhook per account: subscribing creates it
 * or replaces its URL and events (keeping its createdAt) and enables it
 * again, then sends one health check. Where the sandbox may send is decided
 * in ../webhooks.ts (`verdict`): the spec's URL rule (no loopback, however it
 * is spelled) except for hosts listed in SANDBOX_WEBHOOK_HOSTS, and in public
 * mode only listed hosts with public addresses; a refused URL is 400
 * invalid_body naming `url`. That is why the sandbox validates the subscribe
 * body without the schema's `pattern` (`withoutUrlPattern`): the verdict
 * applies the same pattern, with the exception. Unsubscribing without a
 * webhook is 404. The delivery log stays after unsubscribing: newest first,
 * `items` per page (1 to 100, default 25), `status=failed|success` and
 * `subscriptions` (a comma list of events) filter and combine.
 */
import type { OperationModel, Schema } from '../../../src/lib/api/types';
import { apiErrors } from '../errors';
import { paginate } from '../pagination';
import { confirmationText, type OpenApiDocument } from '../spec';
import type { OperationHandlers } from './route';

/** The spec's rule for a webhook URL: the `pattern` of the subscribe body's `url` (a `u` regular expression, as Ajv runs it). */
export function webhookUrlPattern(op: OperationModel): RegExp {
  const pattern = op.body?.schema.properties?.url?.pattern;
  if (typeof pattern !== 'string') throw new Error(`${op.request} documents no pattern for url`);
  return new RegExp(pattern, 'u');
}

/** The subscribe operation with the `pattern` of `url` left to the handler (see the file comment). */
export function withoutUrlPattern(op: OperationModel): OperationModel {
  if (!op.body) return op;
  const schema = structuredClone(op.body.schema);
  const url: Schema | undefined = schema.properties?.url;
  if (url) delete url.pattern;
  return { ...op, body: { ...op.body, schema } };
}

export function webhooksOperations(doc: OpenApiDocument): OperationHandlers {
  const destroyed = confirmationText(doc, 'delete_webhooks_unsubscribe');

  return {
    post_webhooks_subscribe: async ({ body }, ctx) => {
      const { url, subscriptions } = body as { url: string; subscriptions: string[] };
      const verdict = await ctx.webhookVerdict(url);
      if (verdict.kind === 'refuse') throw apiErrors.invalidField('url', verdict.reason);
      const { account } = ctx;
      account.webhook = { url, subscriptions: [...subscriptions], enabled: true, createdAt: account.webhook?.createdAt ?? ctx.now() };
      ctx.healthCheck(url);
      return { body: { webhook: structuredClone(account.webhook) } };
    },

    delete_webhooks_unsubscribe: (_input, { account }) => {
      if (!account.webhook) throw apiErrors.unknownId();
      account.webhook = null;
      return { body: { status: destroyed } };
    },

    get_webhooks_events: ({ query }, { account }) => {
      let events = account.webhookEvents
        .map((event, index) => ({ event, index }))
        .sort((a, b) => Date.parse(b.event.createdAt) - Date.parse(a.event.createdAt) || a.index - b.index)
        .map(({ event }) => event);
      if (query.status !== undefined) events = events.filter((e) => e.success === (query.status === 'success'));
      if (Array.isArray(query.subscriptions)) {
        const wanted = new Set(query.subscriptions as string[]);
        events = events.filter((e) => wanted.has(e.event));
      }
      const { items, meta } = paginate(events, Number(query.page), Number(query.items));
      return { body: { webhook_events: structuredClone(items), meta } };
    },
  };
}
