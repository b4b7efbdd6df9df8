/**
 * /users/{uuid}/status (Users API). PUT changes the keys it is sent: each key
 * sent sets its part and its time (`last_updated_at` becomes now even when the
 * value stays the same); `custom_status_uuid: null` removes the custom status;
 * an unknown custom status is 400 invalid_body. DELETE removes the custom
 * status (204, also when there was none); availability does not change.
 * agent_status_updated is sent when availability or custom status changed.
 */
import type { StoredUser } from '../data/account';
import { apiErrors } from '../errors';
import { findOr404 } from '../rules';
import { memberView, userStatusView } from '../views';
import type { OperationContext, OperationHandlers } from './route';

function changing(ctx: OperationContext, user: StoredUser, change: () => void): void {
  const before = JSON.stringify({ a: user.available, s: user.customStatus?.id ?? null });
  change();
  if (JSON.stringify({ a: user.available, s: user.customStatus?.id ?? null }) !== before) {
    ctx.emit('agent_status_updated', memberView(ctx.account, user));
  }
}

export function usersOperations(): OperationHandlers {
  return {
    put_user_status: ({ path, body }, ctx) => {
      const { account } = ctx;
      const user = findOr404(account.users, (u) => u.uuid === path.uuid);
      const b = body as { available?: boolean; custom_status_uuid?: string | null };
      if (typeof b.custom_status_uuid === 'string' && !account.customStatuses.some((s) => s.id === b.custom_status_uuid)) {
        throw apiErrors.invalidField('custom_status_uuid', 'is not a custom status of the account');
      }
      const now = ctx.now();
      changing(ctx, user, () => {
        if (b.available !== undefined) {
          user.available = b.available;
          user.lastUpdatedAt = now;
        }
        if (b.custom_status_uuid !== undefined) {
          user.customStatus = b.custom_status_uuid === null ? null : { id: b.custom_status_uuid, setAt: now };
        }
      });
      return { body: { user_status: userStatusView(account, user) } };
    },

    delete_user_status: ({ path }, ctx) => {
      const user = findOr404(ctx.account.users, (u) => u.uuid === path.uuid);
      changing(ctx, user, () => {
        user.customStatus = null;
      });
      return {};
    },
  };
}
