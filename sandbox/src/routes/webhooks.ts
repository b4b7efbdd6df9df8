/**
 * /webhooks (Webhooks API). One webhook per account: subscribing creates it
 * or replaces its URL and events (keeping its createdAt) and enables it
 * again, then sends one health check. Where the sandbox may send is decided
 * in ../webhooks.ts (`verdict`): the spec's URL rule (no loopback, however it
 * is spelled) except for hosts listed in SANDBOX_WEBHOOK_HOSTS, and in public
 * mode only listed hosts with public addresses; a refused URL is 400
 * invalid_body naming `url` (the body is validated without the schema's
 * `pattern`, see ../domain/webhook-url.ts). Unsubscribing without a
 * webhook is 404. The delivery log stays after unsubscribing: newest first,
 * `items` per page (1 to 100, default 25), `status=failed|success` and
 * `subscriptions` (a comma list of events) filter and combine.
 */
import { apiErrors } from '../errors';
import { paginate } from '../pagination';
import { confirmationText, type OpenApiDocument } from '../spec';
import { handler, type OperationHandlers, type Paged } from './route';

interface EventsQuery extends Paged {
  items: number;
  status?: 'failed' | 'success';
  subscriptions?: string[];
}

export function webhooksOperations(doc: OpenApiDocument): OperationHandlers {
  const destroyed = confirmationText(doc, 'delete_webhooks_unsubscribe');

  return {
    post_webhooks_subscribe: handler<{ body: { url: string; subscriptions: string[] } }>(async ({ body }, ctx) => {
      const { url, subscriptions } = body;
      const verdict = await ctx.webhookVerdict(url);
      if (verdict.kind === 'refuse') throw apiErrors.invalidField('url', verdict.reason);
      const { account } = ctx;
      account.webhook = { url, subscriptions: [...subscriptions], enabled: true, createdAt: account.webhook?.createdAt ?? ctx.now() };
      ctx.healthCheck(url);
      return { body: { webhook: structuredClone(account.webhook) } };
    }),

    delete_webhooks_unsubscribe: (_input, { account }) => {
      if (!account.webhook) throw apiErrors.unknownId();
      account.webhook = null;
      return { body: { status: destroyed } };
    },

    get_webhooks_events: handler<{ query: EventsQuery }>(({ query }, { account }) => {
      let events = account.webhookEvents
        .map((event, index) => ({ event, index }))
        .sort((a, b) => Date.parse(b.event.createdAt) - Date.parse(a.event.createdAt) || a.index - b.index)
        .map(({ event }) => event);
      if (query.status !== undefined) events = events.filter((e) => e.success === (query.status === 'success'));
      if (query.subscriptions !== undefined) {
        const wanted = new Set(query.subscriptions);
        events = events.filter((e) => wanted.has(e.event));
      }
      const { items, meta } = paginate(events, query.page, query.items);
      return { body: { webhook_events: structuredClone(items), meta } };
    }),
  };
}
