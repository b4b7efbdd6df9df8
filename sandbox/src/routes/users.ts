/**
 * /users/{uuid}/status (Users API). PUT changes the keys it is sent: each key
 * sent sets its part and its time (`last_updated_at` becomes now even when the
 * value stays the same); `custom_status_uuid: null` removes the custom status;
 * an unknown custom status is 400 invalid_body. DELETE removes the custom
 * status (204, also when there was none); availability does not change.
 * agent_status_updated is sent when availability or custom status changed.
 */
import { changingStatus } from '../domain/users';
import { apiErrors } from '../errors';
import { findOr404 } from '../rules';
import { userStatusView } from '../views';
import { handler, type ByUuid, type OperationHandlers } from './route';

interface StatusBody {
  available?: boolean;
  custom_status_uuid?: string | null;
}

export function usersOperations(): OperationHandlers {
  return {
    put_user_status: handler<{ path: ByUuid; body: StatusBody }>(({ path, body }, ctx) => {
      const { account } = ctx;
      const user = findOr404(account.users, (u) => u.uuid === path.uuid);
      const { available, custom_status_uuid: statusId } = body;
      if (typeof statusId === 'string' && !account.customStatuses.some((s) => s.id === statusId)) {
        throw apiErrors.invalidField('custom_status_uuid', 'is not a custom status of the account');
      }
      const now = ctx.now();
      changingStatus(ctx, user, () => {
        if (available !== undefined) {
          user.available = available;
          user.lastUpdatedAt = now;
        }
        if (statusId !== undefined) user.customStatus = statusId === null ? null : { id: statusId, setAt: now };
      });
      return { body: { user_status: userStatusView(account, user) } };
    }),

    delete_user_status: handler<{ path: ByUuid }>(({ path }, ctx) => {
      const user = findOr404(ctx.account.users, (u) => u.uuid === path.uuid);
      changingStatus(ctx, user, () => {
        user.customStatus = null;
      });
      return {};
    }),
  };
}
