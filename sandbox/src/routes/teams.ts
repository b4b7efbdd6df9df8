/**
 * /teams (Teams API): list (25 per page, oldest first), get, rename, members
 * (25 per page, in the team's order; `status=available|away` filters).
 * Renaming a team shows at once wherever the team appears (contacts, plan).
 */
import { oldestFirst, paginate } from '../pagination';
import { findOr404 } from '../rules';
import { memberView, teamView } from '../views';
import { handler, type ByUuid, type OperationHandlers, type Paged } from './route';

interface MembersQuery extends Paged {
  status?: 'available' | 'away';
}

export function teamsOperations(): OperationHandlers {
  return {
    get_teams: handler<{ query: Paged }>(({ query }, { account }) => {
      const { items, meta } = paginate(oldestFirst(account.teams), query.page);
      return { body: { teams: items.map(teamView), meta } };
    }),

    get_team: handler<{ path: ByUuid }>(({ path }, { account }) => ({
      body: { team: teamView(findOr404(account.teams, (t) => t.uuid === path.uuid)) },
    })),

    patch_team: handler<{ path: ByUuid; body: { name?: string } }>(({ path, body }, { account }) => {
      const team = findOr404(account.teams, (t) => t.uuid === path.uuid);
      if (body.name !== undefined) team.name = body.name;
      return { body: { team: teamView(team) } };
    }),

    get_team_members: handler<{ path: ByUuid; query: MembersQuery }>(({ path, query }, { account }) => {
      const team = findOr404(account.teams, (t) => t.uuid === path.uuid);
      let members = team.memberUuids.flatMap((uuid) => account.users.filter((u) => u.uuid === uuid));
      if (query.status !== undefined) members = members.filter((u) => u.available === (query.status === 'available'));
      const { items, meta } = paginate(members, query.page);
      return { body: { users: items.map((u) => memberView(account, u)), meta } };
    }),
  };
}
