/**
 * The emoji of a custom status can be set, kept and cleared: `"emoji": null`
 * removes it on update (and means "none" on creation), leaving `emoji` out
 * keeps it, an empty string is still refused. Users who show the status see
 * the change.
 */
import { describe, expect, it } from 'vitest';
import { fails, makeSandbox, ok, SPEC_CLOCK } from './helpers';

const BE_RIGHT_BACK = '0d6041a2-8b88-49ec-a99b-a88a078a16c1';
/** Anna Ricci, the user of the documented PUT /users/{uuid}/status example, a member of Sales. */
const ANNA_RICCI = '0c081a1ac4b1ba2af8c1b3521ac8a7f3';
const NOW = new Date(SPEC_CLOCK).toISOString().replace('.000Z', 'Z');

interface StatusAnswer {
  customStatus: { id: string; name: string; emoji: string | null; createdAt: string; updatedAt: string };
}

describe('custom status emoji', () => {
  it('"emoji": null clears an emoji that was set; the next reads show none', async () => {
    const { app } = makeSandbox();
    const before = await ok<StatusAnswer>(app, 'get_custom_status', { path: { id: BE_RIGHT_BACK } });
    expect(before.customStatus.emoji).toBe('⏳');

    const cleared = await ok<StatusAnswer>(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'Be right back', emoji: null } });
    expect(cleared.customStatus).toEqual({ ...before.customStatus, emoji: null, updatedAt: NOW });
    expect((await ok<StatusAnswer>(app, 'get_custom_status', { path: { id: BE_RIGHT_BACK } })).customStatus.emoji).toBeNull();
    const list = await ok<{ customStatuses: StatusAnswer['customStatus'][] }>(app, 'get_custom_statuses');
    expect(list.customStatuses.find((s) => s.id === BE_RIGHT_BACK)?.emoji).toBeNull();

    // Left out, it stays cleared; sent again, it is set again.
    const kept = await ok<StatusAnswer>(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'Back soon' } });
    expect(kept.customStatus).toMatchObject({ name: 'Back soon', emoji: null });
    const set = await ok<StatusAnswer>(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'Back soon', emoji: '☕' } });
    expect(set.customStatus.emoji).toBe('☕');
  });

  it('left out on update, the emoji is kept', async () => {
    const { app } = makeSandbox();
    const renamed = await ok<StatusAnswer>(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'Back in a bit' } });
    expect(renamed.customStatus.emoji).toBe('⏳');
  });

  it('"emoji": null on creation means none, as leaving it out does', async () => {
    const { app } = makeSandbox();
    const created = await ok<StatusAnswer>(app, 'post_custom_statuses', { body: { name: 'Lunch', emoji: null } });
    expect(created.customStatus.emoji).toBeNull();
  });

  it('an empty string or another type is still refused, and a refused request changes nothing', async () => {
    const { app } = makeSandbox();
    for (const emoji of ['', 42, ['⏳']]) {
      const refused = await fails(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'x', emoji } }, 400, 'invalid_body');
      expect(refused.error.fields?.map((f) => f.name)).toEqual(['emoji']);
    }
    expect((await ok<StatusAnswer>(app, 'get_custom_status', { path: { id: BE_RIGHT_BACK } })).customStatus).toMatchObject({ name: 'Be right back', emoji: '⏳' });
  });

  it('users who show the status see it without an emoji', async () => {
    const { app } = makeSandbox();
    await ok(app, 'put_user_status', { path: { uuid: ANNA_RICCI }, body: { custom_status_uuid: BE_RIGHT_BACK } });
    await ok(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'Be right back', emoji: null } });
    const members = await ok<{ users: Array<{ userCustomStatus: { id: string; emoji: string | null } | null }> }>(app, 'get_team_members', {
      path: { uuid: 'fe5c8cabb543d51de6b1f67cb8ca665f' },
    });
    const showing = members.users.filter((u) => u.userCustomStatus?.id === BE_RIGHT_BACK);
    expect(showing).toHaveLength(1);
    for (const user of showing) expect(user.userCustomStatus?.emoji).toBeNull();
  });
});
