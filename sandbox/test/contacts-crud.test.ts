/**
 * Contacts API round trips on one sandbox: what a request changes is what the
 * next requests see, and every answer validates against the spec.
 */
import { describe, expect, it } from 'vitest';
import { SECOND_DEMO_API_KEY } from '../src/keys';
import { allContacts, fails, makeSandbox, ok, SPEC_CLOCK } from './helpers';

interface ContactJson {
  uuid: string;
  name: string;
  phoneNumber: string;
  tags: string[];
  customFields: Record<string, string>;
  assignedUser: string | null;
  closedAt?: string | null;
  funnelId?: string | null;
  team?: { uuid: string; name: string };
  channel?: { uuid: string; title: string; type: string };
  note?: string | null;
  customFieldsMetadata?: Record<string, unknown>;
  [key: string]: unknown;
}
type One = { contact: ContactJson };
type MessagesPage = { messages: Array<{ uuid: string; text: string; status: string; from: string; to: string; createdAt: string }>; meta: { page: number; pages: number; total: number } };

const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
const ANA = 'fa065a6dac35a2482034c5e9b7a9c2b2';
const SALES = 'fe5c8cabb543d51de6b1f67cb8ca665f';
const SUPPORT_LINE = '35f6f8cc-b550-4278-a2ea-099f3a4e0730';
const SALES_LINE = '4a51a959-18c3-4842-9fc2-0580c914bf5f';
const QUALIFIED = 'ff0f96b9-b003-4d0c-b14f-27f3f6868dd6';
const NOW = new Date(SPEC_CLOCK).toISOString().replace('.000Z', 'Z');

describe('contacts: create -> get -> update -> list -> delete', () => {
  it('round-trips a contact with every optional key', async () => {
    const { app } = makeSandbox();
    const created = await ok<One>(app, 'post_contacts', {
      body: {
        source: 'whatsapp',
        identifier: '+39 333 123 4567',
        name: 'Zoë Test',
        tags: ['VIP', 'lead', 'vip'],
        custom_fields: { Plan: 'Pro', Preferences: ['Updates', 'Newsletter'], 'Join Date': '2026-07-01', 'Lifetime Value': '12.50' },
        assigned_user: 'anna.ricci@example.com',
        team_uuid: SALES,
        channel_uuid: SALES_LINE,
        bot_status: 'bot_start',
        note: 'Met at the fair.',
      },
    });
    const c = created.contact;
    expect(c).toMatchObject({
      name: 'Zoë Test',
      phoneNumber: '+39 333 123 4567',
      createdAt: NOW,
      source: 'whatsapp',
      assignedUser: 'anna.ricci@example.com',
      tags: ['VIP', 'lead'],
      customFields: { Plan: 'Pro', Preferences: '["Updates", "Newsletter"]', 'Join Date': '2026-07-01', 'Lifetime Value': '12.50' },
      team: { uuid: SALES, name: 'Sales' },
      channel: { uuid: SALES_LINE, title: 'Sales line', type: 'whatsapp' },
      note: 'Met at the fair.',
    });
    expect(c.href).toBe(`https://dash.callbell.eu/contacts/${c.uuid}`);

    expect((await ok<One>(app, 'get_contact', { path: { uuid: c.uuid } })).contact).toEqual(c);
    const typed = await ok<One>(app, 'get_contact', { path: { uuid: c.uuid }, query: { include_field_types: true } });
    expect(typed.contact.customFieldsMetadata).toMatchObject({ Preferences: { value: ['Updates', 'Newsletter'], type: 'checkbox' } });
    expect((await ok<{ bot: { status: string } }>(app, 'get_contact_bot', { path: { uuid: c.uuid } })).bot.status).toBe('started');

    // Update: only the keys sent change; custom_fields touches only the fields it names.
    const updated = await ok<One>(app, 'patch_contacts', {
      path: { uuid: c.uuid },
      body: { name: 'Zoë Renamed', tags: ['hot'], custom_fields: { Plan: 'Enterprise', 'Join Date': '' }, unassign_user: true, note: '' },
    });
    expect(updated.contact).toMatchObject({
      name: 'Zoë Renamed',
      tags: ['hot'],
      customFields: { Plan: 'Enterprise', Preferences: '["Updates", "Newsletter"]', 'Lifetime Value': '12.50' },
      assignedUser: null,
      note: null,
      team: { uuid: SALES, name: 'Sales' },
      phoneNumber: '+39 333 123 4567',
    });
    expect(updated.contact.customFields).not.toHaveProperty('Join Date');
    expect((await ok<One>(app, 'get_contact', { path: { uuid: c.uuid } })).contact).toEqual(updated.contact);

    // List: it appears last (newest), total grows, filters apply to it.
    const everyone = await allContacts(app);
    expect(everyone).toHaveLength(65);
    expect(everyone.at(-1)!.uuid).toBe(c.uuid);
    expect((await allContacts(app, 'tags=HOT')).some((x) => x.uuid === c.uuid)).toBe(true);
    expect((await allContacts(app, `team_uuid=${SALES}&source=whatsapp`)).some((x) => x.uuid === c.uuid)).toBe(true);
    expect((await allContacts(app, 'source=telegram')).some((x) => x.uuid === c.uuid)).toBe(false);
    expect((await allContacts(app, 'tags=vip')).some((x) => x.uuid === c.uuid)).toBe(false);

    // Delete: gone everywhere.
    expect(await ok(app, 'delete_contact', { path: { uuid: c.uuid } })).toEqual({ status: 'contact was destroyed' });
    await fails(app, 'get_contact', { path: { uuid: c.uuid } }, 404, 'not_found');
    await fails(app, 'delete_contact', { path: { uuid: c.uuid } }, 404, 'not_found');
    await fails(app, 'get_contact_messages', { path: { uuid: c.uuid } }, 404, 'not_found');
    expect(await allContacts(app)).toHaveLength(64);
  });

  it('a team rename shows on its contacts; the team_uuid filter uses the documented team uuids', async () => {
    const { app } = makeSandbox();
    const before = await allContacts(app, `team_uuid=${SALES}`);
    expect(before.length).toBeGreaterThan(5);
    await ok(app, 'patch_team', { path: { uuid: SALES }, body: { name: 'Sales EU' } });
    const after = await allContacts(app, `team_uuid=${SALES}`);
    expect(after.map((c) => c.uuid)).toEqual(before.map((c) => c.uuid));
    expect(after.every((c) => c.team?.name === 'Sales EU')).toBe(true);
  });

  it('refuses references the account does not have, naming every offending key, and changes nothing', async () => {
    const { app } = makeSandbox();
    const body = await fails(
      app,
      'post_contacts',
      {
        body: {
          source: 'whatsapp',
          identifier: 'not a number',
          name: 'X',
          tags: ['sales', 'no-such-tag'],
          custom_fields: { Nope: 'x', Plan: 'Platinum', 'Work Email': 'not-an-email', Preferences: 'Updates', 'Join Date': '2026-02-30', 'Lifetime Value': '1e3' },
          assigned_user: 'nobody@example.com',
          team_uuid: '0'.repeat(32),
          channel_uuid: '90282b04-dfbd-4c30-ab43-71308e34e4e0',
        },
      },
      400,
      'invalid_body',
    );
    expect(body.error.fields?.map((f) => f.name).sort()).toEqual(
      [
        'identifier',
        'channel_uuid',
        'tags[1]',
        'custom_fields.Nope',
        'custom_fields.Plan',
        'custom_fields.Work Email',
        'custom_fields.Preferences',
        'custom_fields.Join Date',
        'custom_fields.Lifetime Value',
        'assigned_user',
        'team_uuid',
      ].sort(),
    );
    expect(body.error.fields?.every((f) => f.in === 'body')).toBe(true);
    expect(await allContacts(app)).toHaveLength(64);

    // A discarded main channel: no facebook contacts can be created.
    const facebook = await fails(app, 'post_contacts', { body: { source: 'facebook', identifier: 'fb.1', name: 'F' } }, 400, 'invalid_body');
    expect(facebook.error.fields).toEqual([{ name: 'source', in: 'body', message: 'the account has no facebook channel in use' }]);

    // A failed update leaves the contact as it was.
    const john = (await ok<One>(app, 'get_contact', { path: { uuid: JOHN } })).contact;
    await fails(app, 'patch_contacts', { path: { uuid: JOHN }, body: { name: 'New', tags: ['nope'] } }, 400, 'invalid_body');
    await fails(app, 'patch_contacts', { path: { uuid: JOHN }, body: { assigned_user: 'sam.taylor@example.com', unassign_user: true } }, 400, 'invalid_body');
    expect((await ok<One>(app, 'get_contact', { path: { uuid: JOHN } })).contact).toEqual(john);
    await fails(app, 'patch_contacts', { path: { uuid: '0'.repeat(32) }, body: { name: 'x' } }, 404, 'not_found');
  });

  it('keeps each API key in its own account', async () => {
    const { app } = makeSandbox();
    await ok(app, 'delete_contact', { path: { uuid: JOHN } });
    await fails(app, 'get_contact', { path: { uuid: JOHN } }, 404, 'not_found');
    expect((await ok<One>(app, 'get_contact', { path: { uuid: JOHN } }, SECOND_DEMO_API_KEY)).contact.name).toBe('John Doe');
  });
});

describe('contacts: lookups', () => {
  it('by phone compares digits only, on the main WhatsApp channel unless channel_uuid says otherwise', async () => {
    const { app } = makeSandbox();
    for (const phone of ['5790372023', '+5790372023']) {
      expect((await ok<One>(app, 'get_contact_by_phone', { path: { phone_number: phone } })).contact.uuid).toBe(ANA);
    }
    expect((await ok<One>(app, 'get_contact_by_phone', { path: { phone_number: '123456789' } })).contact.uuid).toBe(JOHN);
    expect((await ok<One>(app, 'get_contact_by_phone', { path: { phone_number: '5790372023' }, query: { channel_uuid: SUPPORT_LINE } })).contact.uuid).toBe(ANA);
    await fails(app, 'get_contact_by_phone', { path: { phone_number: '5790372023' }, query: { channel_uuid: SALES_LINE } }, 404, 'not_found');
    await fails(app, 'get_contact_by_phone', { path: { phone_number: '99999999' } }, 404, 'not_found');
    await fails(app, 'get_contact_by_phone', { path: { phone_number: '12ab' } }, 400, 'invalid_parameter');

    // A contact created on the Sales line is found there only.
    await ok(app, 'post_contacts', { body: { source: 'whatsapp', identifier: '4915112345678', name: 'Sales lead', channel_uuid: SALES_LINE } });
    await fails(app, 'get_contact_by_phone', { path: { phone_number: '4915112345678' } }, 404, 'not_found');
    const found = await ok<One>(app, 'get_contact_by_phone', { path: { phone_number: '+4915112345678' }, query: { channel_uuid: SALES_LINE } });
    expect(found.contact.name).toBe('Sales lead');
  });

  it('by BSUID matches exactly', async () => {
    const { app } = makeSandbox();
    expect((await ok<One>(app, 'get_contact_by_bsuid', { path: { bsuid: 'bsuid_abc123' } })).contact.uuid).toBe(ANA);
    await fails(app, 'get_contact_by_bsuid', { path: { bsuid: 'BSUID_ABC123' } }, 404, 'not_found');
    await fails(app, 'get_contact_by_bsuid', { path: { bsuid: 'x'.repeat(129) } }, 400, 'invalid_parameter');
  });
});

describe('conversations', () => {
  it('close sets closedAt (shown on the contact), close again changes nothing, open sets it to null', async () => {
    let time = SPEC_CLOCK;
    const { app } = makeSandbox({ now: () => time });
    const closed = await ok<One>(app, 'post_contact_conversation_close', { path: { uuid: JOHN } });
    expect(closed.contact.closedAt).toBe(NOW);
    time += 60_000;
    expect((await ok<One>(app, 'post_contact_conversation_close', { path: { uuid: JOHN } })).contact.closedAt).toBe(NOW);
    expect((await ok<One>(app, 'get_contact', { path: { uuid: JOHN } })).contact.closedAt).toBe(NOW);
    const opened = await ok<One>(app, 'post_contact_conversation_open', { path: { uuid: JOHN } });
    expect(opened.contact.closedAt).toBeNull();
    expect((await ok<One>(app, 'post_contact_conversation_open', { path: { uuid: JOHN } })).contact.closedAt).toBeNull();
    // Never closed: opening changes nothing and shows no closedAt.
    const [other] = await allContacts(app, 'source=telegram');
    expect((await ok<One>(app, 'post_contact_conversation_open', { path: { uuid: other!.uuid } })).contact).not.toHaveProperty('closedAt');
  });

  it('notes appear as note messages, newest first; messages are paged 25 at a time', async () => {
    let time = SPEC_CLOCK;
    const { app } = makeSandbox({ now: () => (time += 1000) });
    for (let i = 1; i <= 30; i++) {
      expect(await ok(app, 'post_contact_conversation_create_note', { path: { uuid: JOHN }, body: { text: `Note ${i}` } })).toEqual({ success: true });
    }
    const page1 = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: JOHN } });
    expect(page1.meta).toEqual({ page: 1, pages: 2, total: 34 });
    expect(page1.messages).toHaveLength(25);
    expect(page1.messages[0]).toMatchObject({ text: 'Note 30', status: 'note', from: 'john.doe@email.com', to: '123456789', channel: 'whatsapp' });
    const page2 = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: JOHN }, query: { page: 2 } });
    expect(page2.messages).toHaveLength(9);
    expect(page2.messages.at(-1)!.text).toBe('Hello! I would like to order the blue backpack.');
    const all = [...page1.messages, ...page2.messages];
    expect(new Set(all.map((m) => m.uuid)).size).toBe(34);
    for (let i = 1; i < all.length; i++) expect(Date.parse(all[i - 1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(all[i]!.createdAt));
    expect(await ok(app, 'get_contact_messages', { path: { uuid: JOHN }, query: { page: 3 } })).toEqual({ messages: [], meta: { page: 3, pages: 2, total: 34 } });
  });

  it('update_funnel changes funnelId; an unknown stage is 400 invalid_body', async () => {
    const { app } = makeSandbox();
    const moved = await ok<One>(app, 'put_contact_conversation_update_funnel', { path: { uuid: ANA }, body: { funnel_id: QUALIFIED } });
    expect(moved.contact.funnelId).toBe(QUALIFIED);
    expect((await ok<One>(app, 'get_contact', { path: { uuid: ANA } })).contact.funnelId).toBe(QUALIFIED);
    const bad = await fails(
      app,
      'put_contact_conversation_update_funnel',
      { path: { uuid: ANA }, body: { funnel_id: '00000000-0000-4000-8000-000000000000' } },
      400,
      'invalid_body',
    );
    expect(bad.error.fields).toEqual([{ name: 'funnel_id', in: 'body', message: 'is not a funnel stage of the account' }]);
  });
});

describe('bot', () => {
  it('get/set: bot_start -> started (no start time), bot_end -> ended; a contact without a bot is 404 until started', async () => {
    const { app } = makeSandbox();
    type Bot = { bot: { status: string; conversationStartedAt: string | null; name: string } };
    expect((await ok<Bot>(app, 'get_contact_bot', { path: { uuid: JOHN } })).bot.status).toBe('in_progress');
    expect((await ok<Bot>(app, 'post_contact_bot', { path: { uuid: JOHN }, body: { status: 'bot_end' } })).bot).toMatchObject({
      status: 'ended',
      conversationStartedAt: '2026-07-01T08:58:04Z',
    });
    expect((await ok<Bot>(app, 'get_contact_bot', { path: { uuid: JOHN } })).bot.status).toBe('ended');
    await fails(app, 'get_contact_bot', { path: { uuid: ANA } }, 404, 'not_found');
    const started = await ok<Bot>(app, 'post_contact_bot', { path: { uuid: ANA }, body: { status: 'bot_start' } });
    expect(started.bot).toMatchObject({ name: 'Welcome bot', status: 'started', conversationStartedAt: null });
    expect((await ok<Bot>(app, 'get_contact_bot', { path: { uuid: ANA } })).bot).toEqual(started.bot);
    await fails(app, 'post_contact_bot', { path: { uuid: ANA }, body: { status: 'bot_pause' } }, 400, 'invalid_body');
  });
});
