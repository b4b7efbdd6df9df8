/**
 * /custom_statuses (Custom Status API): list (25 per page, oldest first),
 * create (emoji null when left out or null), get, update (name replaced; emoji kept
 * when left out, removed by `"emoji": null`; updatedAt is now), delete. Users who show a deleted status
 * are left without one (agent_status_updated is sent for each of them).
 */
import type { CustomStatus } from '../data/account';
import { oldestFirst, paginate } from '../pagination';
import { findOr404 } from '../rules';
import { confirmationText, type OpenApiDocument } from '../spec';
import { memberView } from '../views';
import type { OperationHandlers } from './route';

interface CustomStatusInput {
  name: string;
  /** `null` (or, on create, left out): no emoji. */
  emoji?: string | null;
}

export function customStatusesOperations(doc: OpenApiDocument): OperationHandlers {
  const destroyed = confirmationText(doc, 'delete_custom_status');

  return {
    get_custom_statuses: ({ query }, { account }) => {
      const { items, meta } = paginate(oldestFirst(account.customStatuses), Number(query.page));
      return { body: { customStatuses: items.map((s) => ({ ...s })), meta } };
    },

    post_custom_statuses: ({ body }, ctx) => {
      const { account } = ctx;
      const b = body as CustomStatusInput;
      const now = ctx.now();
      const status: CustomStatus = {
        id: ctx.ids.uuid((id) => account.customStatuses.some((s) => s.id === id)),
        name: b.name,
        emoji: b.emoji ?? null,
        createdAt: now,
        updatedAt: now,
      };
      account.customStatuses.push(status);
      return { body: { customStatus: { ...status } } };
    },

    get_custom_status: ({ path }, { account }) => ({
      body: { customStatus: { ...findOr404(account.customStatuses, (s) => s.id === path.id) } },
    }),

    put_custom_status: ({ path, body }, ctx) => {
      const status = findOr404(ctx.account.customStatuses, (s) => s.id === path.id);
      const b = body as CustomStatusInput;
      status.name = b.name;
      if (b.emoji !== undefined) status.emoji = b.emoji;
      status.updatedAt = ctx.now();
      return { body: { customStatus: { ...status } } };
    },

    delete_custom_status: ({ path }, ctx) => {
      const { account } = ctx;
      const status = findOr404(account.customStatuses, (s) => s.id === path.id);
      account.customStatuses = account.customStatuses.filter((s) => s !== status);
      for (const user of account.users) {
        if (user.customStatus?.id !== status.id) continue;
        user.customStatus = null;
        ctx.emit('agent_status_updated', memberView(account, user));
      }
      return { body: { status: destroyed } };
    },
  };
}
