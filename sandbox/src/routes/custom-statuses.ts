/**
 * /custom_statuses (Custom Status API): list (25 per page, oldest first),
 * create (emoji null when left out or null), get, update (name replaced; emoji kept
 * when left out, removed by `"emoji": null`; updatedAt is now), delete. Users who show a deleted status
 * are left without one (agent_status_updated is sent for each of them).
 */
import type { CustomStatus } from '../data/types';
import { changingStatus } from '../domain/users';
import { oldestFirst, paginate } from '../pagination';
import { findOr404 } from '../rules';
import { confirmationText, type OpenApiDocument } from '../spec';
import { handler, type OperationHandlers, type Paged } from './route';

/** CustomStatusInput. */
interface CustomStatusInput {
  name: string;
  /** `null` (or, on create, left out): no emoji. */
  emoji?: string | null;
}

/** The path of one custom status: `/custom_statuses/{id}`. */
interface ById {
  id: string;
}

export function customStatusesOperations(doc: OpenApiDocument): OperationHandlers {
  const destroyed = confirmationText(doc, 'delete_custom_status');

  return {
    get_custom_statuses: handler<{ query: Paged }>(({ query }, { account }) => {
      const { items, meta } = paginate(oldestFirst(account.customStatuses), query.page);
      return { body: { customStatuses: items.map((s) => ({ ...s })), meta } };
    }),

    post_custom_statuses: handler<{ body: CustomStatusInput }>(({ body }, ctx) => {
      const { account } = ctx;
      const now = ctx.now();
      const status: CustomStatus = {
        id: ctx.ids.uuid((id) => account.customStatuses.some((s) => s.id === id)),
        name: body.name,
        emoji: body.emoji ?? null,
        createdAt: now,
        updatedAt: now,
      };
      account.customStatuses.push(status);
      return { body: { customStatus: { ...status } } };
    }),

    get_custom_status: handler<{ path: ById }>(({ path }, { account }) => ({
      body: { customStatus: { ...findOr404(account.customStatuses, (s) => s.id === path.id) } },
    })),

    put_custom_status: handler<{ path: ById; body: CustomStatusInput }>(({ path, body }, ctx) => {
      const status = findOr404(ctx.account.customStatuses, (s) => s.id === path.id);
      status.name = body.name;
      if (body.emoji !== undefined) status.emoji = body.emoji;
      status.updatedAt = ctx.now();
      return { body: { customStatus: { ...status } } };
    }),

    delete_custom_status: handler<{ path: ById }>(({ path }, ctx) => {
      const { account } = ctx;
      const status = findOr404(account.customStatuses, (s) => s.id === path.id);
      account.customStatuses = account.customStatuses.filter((s) => s !== status);
      for (const user of account.users) {
        if (user.customStatus?.id !== status.id) continue;
        changingStatus(ctx, user, () => {
          user.customStatus = null;
        });
      }
      return { body: { status: destroyed } };
    }),
  };
}
