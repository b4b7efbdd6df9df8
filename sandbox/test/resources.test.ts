/** Teams, channels, templates, custom statuses, users, funnels, plan, auth and the sandbox reset, round trip. */
import { describe, expect, it } from 'vitest';
import { DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { bearer, call, expectError, fails, makeSandbox, ok, SPEC_CLOCK } from './helpers';

const SALES = 'fe5c8cabb543d51de6b1f67cb8ca665f';
const ANNA = '0c081a1ac4b1ba2af8c1b3521ac8a7f3';
const BE_RIGHT_BACK = '0d6041a2-8b88-49ec-a99b-a88a078a16c1';
const IN_A_MEETING = '8ccd68b5-b10a-45ac-8dfd-c5301e8a6de7';
const SUPPORT_LINE = '35f6f8cc-b550-4278-a2ea-099f3a4e0730';
const ORDER_SHIPPED = 'd980fb66fd5043d3ace1aa06ba044342';
const NOW = new Date(SPEC_CLOCK).toISOString().replace('.000Z', 'Z');

type Member = { uuid: string; available: boolean; lastUpdatedAt: string; userCustomStatus: { id: string; name: string; emoji: string | null; updatedAt: string } | null };
type Members = { users: Member[]; meta: { total: number } };
type Status = { id: string; name: string; emoji: string | null; createdAt: string; updatedAt: string };

describe('teams', () => {
  it('list, get, rename (seen by list, get and plan), members with the status filter', async () => {
    const { app } = makeSandbox();
    const teams = await ok<{ teams: Array<{ uuid: string; name: string; members: number }> }>(app, 'get_teams');
    expect(teams.teams.map((t) => [t.name, t.members])).toEqual([['Sales', 3], ['Customer Support', 2], ['Marketing', 1]]);
    await ok(app, 'patch_team', { path: { uuid: SALES }, body: { name: 'Sales EU' } });
    expect((await ok<{ team: { name: string } }>(app, 'get_team', { path: { uuid: SALES } })).team.name).toBe('Sales EU');
    expect((await ok<{ teams: Array<{ name: string }> }>(app, 'get_plan')).teams[0]!.name).toBe('Sales EU');
    const available = await ok<Members>(app, 'get_team_members', { path: { uuid: SALES }, query: { status: 'available' } });
    expect(available.users.map((u) => u.uuid)).not.toContain(ANNA);
    expect(available.meta.total).toBe(2);
    await fails(app, 'get_team', { path: { uuid: '0'.repeat(32) } }, 404, 'not_found');
    await fails(app, 'get_team_members', { path: { uuid: '0'.repeat(32) } }, 404, 'not_found');
    await fails(app, 'patch_team', { path: { uuid: SALES }, body: {} }, 400, 'invalid_body');
    await fails(app, 'get_team_members', { path: { uuid: SALES }, query: { status: 'busy' } }, 400, 'invalid_parameter');
  });
});

describe('channels and templates', () => {
  it('channels: filters combine, a rename shows on the contacts that show the channel', async () => {
    const { app } = makeSandbox();
    type Channels = { channels: Array<{ title: string; type: string; discardedAt: string | null }>; meta: { total: number } };
    expect((await ok<Channels>(app, 'get_channels', { query: { active: false } })).channels.map((c) => c.title)).toEqual(['Example Shop on Facebook']);
    expect((await ok<Channels>(app, 'get_channels', { query: { type: 'facebook', active: true } })).meta.total).toBe(0);
    await ok(app, 'patch_channel', { path: { uuid: SUPPORT_LINE }, body: { title: 'Help desk' } });
    const ana = await ok<{ contact: { channel: { title: string } } }>(app, 'get_contact', { path: { uuid: 'fa065a6dac35a2482034c5e9b7a9c2b2' } });
    expect(ana.contact.channel.title).toBe('Help desk');
    await fails(app, 'patch_channel', { path: { uuid: SUPPORT_LINE }, body: { title: 'x'.repeat(256) } }, 400, 'invalid_body');
    await fails(app, 'get_channel', { path: { uuid: '00000000-0000-4000-8000-000000000000' } }, 404, 'not_found');
  });

  it('templates: retitle keeps the text', async () => {
    const { app } = makeSandbox();
    await ok(app, 'patch_template', { path: { uuid: ORDER_SHIPPED }, body: { title: 'Shipped' } });
    const got = await ok<{ template: { title: string; text: string } }>(app, 'get_template', { path: { uuid: ORDER_SHIPPED } });
    expect(got.template).toMatchObject({ title: 'Shipped', text: 'Hello {{1}}, your order is on its way!' });
    await fails(app, 'patch_template', { path: { uuid: ORDER_SHIPPED }, body: { text: 'Hacked' } }, 400, 'invalid_body');
  });
});

describe('custom statuses and user statuses', () => {
  it('CRUD: create (emoji optional), get, update (emoji kept), list oldest first, delete (users lose it)', async () => {
    let time = SPEC_CLOCK;
    const { app } = makeSandbox({ now: () => time });
    const created = (await ok<{ customStatus: Status }>(app, 'post_custom_statuses', { body: { name: 'Lunch', emoji: '🍽️' } })).customStatus;
    expect(created).toMatchObject({ name: 'Lunch', emoji: '🍽️', createdAt: NOW, updatedAt: NOW });
    time += 3_600_000;
    const updated = (await ok<{ customStatus: Status }>(app, 'put_custom_status', { path: { id: created.id }, body: { name: 'Long lunch' } })).customStatus;
    expect(updated).toEqual({ ...created, name: 'Long lunch', updatedAt: '2026-07-02T10:30:00Z' });
    const list = await ok<{ customStatuses: Status[] }>(app, 'get_custom_statuses');
    expect(list.customStatuses.map((s) => s.name)).toEqual(['Be right back', 'Vacationing', 'In a meeting', 'Long lunch']);

    // Anna shows "In a meeting"; deleting it leaves her without a custom status.
    await ok(app, 'delete_custom_status', { path: { id: IN_A_MEETING } });
    const members = await ok<Members>(app, 'get_team_members', { path: { uuid: SALES } });
    expect(members.users.find((u) => u.uuid === ANNA)!.userCustomStatus).toBeNull();
    await fails(app, 'get_custom_status', { path: { id: IN_A_MEETING } }, 404, 'not_found');
    await fails(app, 'put_custom_status', { path: { id: IN_A_MEETING }, body: { name: 'x' } }, 404, 'not_found');
    await fails(app, 'post_custom_statuses', { body: { name: 'x'.repeat(51) } }, 400, 'invalid_body');
    await fails(app, 'post_custom_statuses', { body: { emoji: '🙂' } }, 400, 'invalid_body');
  });

  it('user status: put sets the parts sent (renames show), delete clears the custom status only', async () => {
    let time = SPEC_CLOCK;
    const { app } = makeSandbox({ now: () => time });
    type UserStatus = { user_status: { custom_status: { id: string; name: string; last_updated_at: string } | null; appearance: { available: boolean; last_updated_at: string } } };
    const set = await ok<UserStatus>(app, 'put_user_status', { path: { uuid: ANNA }, body: { available: true, custom_status_uuid: BE_RIGHT_BACK } });
    expect(set.user_status).toEqual({ custom_status: { id: BE_RIGHT_BACK, name: 'Be right back', last_updated_at: NOW }, appearance: { available: true, last_updated_at: NOW } });
    await ok(app, 'put_custom_status', { path: { id: BE_RIGHT_BACK }, body: { name: 'Back soon' } });
    const anna = (await ok<Members>(app, 'get_team_members', { path: { uuid: SALES } })).users.find((u) => u.uuid === ANNA)!;
    expect(anna).toMatchObject({ available: true, lastUpdatedAt: NOW, userCustomStatus: { id: BE_RIGHT_BACK, name: 'Back soon', emoji: '⏳', updatedAt: NOW } });

    time += 60_000;
    expect(await ok(app, 'delete_user_status', { path: { uuid: ANNA } })).toBeUndefined();
    expect(await ok(app, 'delete_user_status', { path: { uuid: ANNA } })).toBeUndefined();
    const after = (await ok<Members>(app, 'get_team_members', { path: { uuid: SALES } })).users.find((u) => u.uuid === ANNA)!;
    expect(after).toMatchObject({ available: true, lastUpdatedAt: NOW, userCustomStatus: null });

    const unknown = await fails(app, 'put_user_status', { path: { uuid: ANNA }, body: { custom_status_uuid: '00000000-0000-4000-8000-000000000000' } }, 400, 'invalid_body');
    expect(unknown.error.fields).toEqual([{ name: 'custom_status_uuid', in: 'body', message: 'is not a custom status of the account' }]);
    await fails(app, 'put_user_status', { path: { uuid: ANNA }, body: {} }, 400, 'invalid_body');
    await fails(app, 'put_user_status', { path: { uuid: '0'.repeat(32) }, body: { available: true } }, 404, 'not_found');
    await fails(app, 'delete_user_status', { path: { uuid: '0'.repeat(32) } }, 404, 'not_found');
  });
});

describe('funnels, plan, auth', () => {
  it('answer the documented data for either key', async () => {
    const { app } = makeSandbox();
    for (const key of [DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY]) {
      expect((await ok<{ funnels: Array<{ position: number }> }>(app, 'get_funnels', {}, key)).funnels.map((f) => f.position)).toEqual([1, 2, 3, 4]);
      expect(await ok(app, 'get_me', {}, key)).toEqual({ status: 'ok', user_email: 'john.doe@email.com', user_name: 'John Doe', api_key: 'test_1234567890' });
      expect((await ok<{ activeUsers: number }>(app, 'get_plan', {}, key)).activeUsers).toBe(5);
    }
    const res = await makeSandbox().app.request('/v1/auth/me');
    expectError(res, await res.json(), 401, 'unauthorized');
  });
});

describe('POST /v1/sandbox/reset', () => {
  it("puts the caller's data back to the seed, and only the caller's", async () => {
    const { app } = makeSandbox();
    const john = '414a6d692bd645ed803f2e7ce360d4c8';
    const first = await ok<{ contact: { uuid: string } }>(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '123456789', name: 'A' } });
    await ok(app, 'delete_contact', { path: { uuid: john } });
    await ok(app, 'delete_contact', { path: { uuid: john } }, SECOND_DEMO_API_KEY);

    const res = await app.request('/v1/sandbox/reset', { method: 'POST', headers: bearer() });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ status: 'reset' });

    expect((await ok<{ contact: { name: string } }>(app, 'get_contact', { path: { uuid: john } })).contact.name).toBe('John Doe');
    await fails(app, 'get_contact', { path: { uuid: first.contact.uuid } }, 404, 'not_found');
    await fails(app, 'get_contact', { path: { uuid: john } }, 404, 'not_found', SECOND_DEMO_API_KEY);
    // Ids start over too: the same request creates the same contact again.
    const again = await ok<{ contact: { uuid: string } }>(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '123456789', name: 'A' } });
    expect(again.contact.uuid).toBe(first.contact.uuid);
  });

  it('needs a valid key, and only POST', async () => {
    const { app } = makeSandbox();
    const res = await app.request('/v1/sandbox/reset', { method: 'POST' });
    expectError(res, await res.json(), 401, 'unauthorized');
    const { res: get, body } = await call(app, '/v1/sandbox/reset');
    expectError(get, body, 405, 'method_not_allowed');
  });
});
