/** /plan (Plan API): the plan, seat usage (activeUsers = the account's users) and every team. */
import { oldestFirst } from '../pagination';
import { teamView } from '../views';
import type { OperationHandlers } from './route';

export function planOperations(): OperationHandlers {
  return {
    get_plan: (_input, { account }) => ({
      body: { ...account.plan, activeUsers: account.users.length, teams: oldestFirst(account.teams).map(teamView) },
    }),
  };
}
