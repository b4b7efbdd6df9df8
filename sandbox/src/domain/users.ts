/**
 * A user's availability and custom status: every change that alters either
 * sends agent_status_updated (PUT/DELETE /users/{uuid}/status, and deleting a
 * custom status that users show).
 */
import type { StoredUser } from '../data/types';
import { memberView } from '../views';
import type { DomainContext } from './context';

/** Runs `change` and queues agent_status_updated if the user's availability or custom status changed. */
export function changingStatus(ctx: Pick<DomainContext, 'account' | 'emit'>, user: StoredUser, change: () => void): void {
  const before = JSON.stringify({ a: user.available, s: user.customStatus?.id ?? null });
  change();
  if (JSON.stringify({ a: user.available, s: user.customStatus?.id ?? null }) !== before) {
    ctx.emit('agent_status_updated', memberView(ctx.account, user));
  }
}
