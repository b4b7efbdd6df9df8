/**
 * /webhooks (Webhooks API). One webhook per account: subscribing creates it
 * or replaces its URL and events (keeping its createdAt) and enables it
 * again, then sends one health check. The URL must also be somewhere the
 * sandbox may send to (see ../webhooks.ts): a loopback address or a host of
 * SANDBOX_WEBHOOK_HOSTS, else 400 invalid_body naming `url`; the spec's
 * example host is accepted but never sent to. Unsubscribing without a
 * webhook is 404. The delivery log stays after unsubscribing: newest first,
 * `items` per page (1 to 100, default 25), `status=failed|success` and
 * `subscriptions` (a comma list of events) filter and combine.
 */
import { apiErrors } from '../errors';
import { paginate } from '../pagination';
import { confirmationText, type OpenApiDocument } from '../spec';
import type { OperationHandlers } from './route';

export function webhooksOperations(doc: OpenApiDocument): OperationHandlers {
  const destroyed = confirmationText(doc, 'delete_webhooks_unsubscribe');

  return {
    post_webhooks_subscribe: ({ body }, ctx) => {
      const { account } = ctx;
      const { url, subscriptions } = body as { url: string; subscriptions: string[] };
      if (ctx.webhookVerdict(url) === 'refused') {
        throw apiErrors.invalidField(
          'url',
          'must point to a loopback address (127.0.0.0/8, [::1]) or a host listed in SANDBOX_WEBHOOK_HOSTS: the sandbox delivers nowhere else',
        );
      }
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
