/**
 * /teams (Teams API): list (25 per page, oldest first), get, rename, members
 * (25 per page, in the team's order; `status=available|away` filters).
 * Renaming a team shows at once wherever the team appears (contacts, plan).
 */
import { oldestFirst, paginate } from '../pagination';
import { findOr404 } from '../rules';
import { memberView, teamView } from '../views';
import type { OperationHandlers } from './route';

export function teamsOperations(): OperationHandlers {
  return {
    get_teams: ({ query }, { account }) => {
      const { items, meta } = paginate(oldestFirst(account.teams), Number(query.page));
      return { body: { teams: items.map(teamView), meta } };
    },

    get_team: ({ path }, { account }) => ({ body: { team: teamView(findOr404(account.teams, (t) => t.uuid === path.uuid)) } }),

    patch_team: ({ path, body }, { account }) => {
      const team = findOr404(account.teams, (t) => t.uuid === path.uuid);
      const { name } = body as { name?: string };
      if (name !== undefined) team.name = name;
      return { body: { team: teamView(team) } };
    },

    get_team_members: ({ path, query }, { account }) => {
      const team = findOr404(account.teams, (t) => t.uuid === path.uuid);
      let members = team.memberUuids.flatMap((uuid) => account.users.filter((u) => u.uuid === uuid));
      if (query.status !== undefined) members = members.filter((u) => u.available === (query.status === 'available'));
      const { items, meta } = paginate(members, Number(query.page));
      return { body: { users: items.map((u) => memberView(account, u)), meta } };
    },
  };
}
