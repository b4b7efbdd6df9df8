/** Messages API round trips: send, status, conversation, delete, and the documented send rules. */
import { describe, expect, it } from 'vitest';
import { allContacts, fails, makeSandbox, ok, SPEC_CLOCK } from './helpers';

type Sent = { message: { uuid: string; status: string; contact?: Record<string, unknown>; conversation?: Record<string, unknown> } };
type Status = { message: { uuid: string; status: string; metadata?: Record<string, string>; messageStatusPayload?: unknown } };
type MessagesPage = { messages: Array<Record<string, unknown> & { uuid: string; text: string }>; meta: { total: number } };

const SANNE = 'fd0efa09f9ba4ca7e6969f072dc47076';
const JOHN = '414a6d692bd645ed803f2e7ce360d4c8';
const SENT_TO_JOHN = '1da07a20eb0d46728f89d234a727607a';
const SUPPORT_LINE = '35f6f8cc-b550-4278-a2ea-099f3a4e0730';
const SALES_LINE = '4a51a959-18c3-4842-9fc2-0580c914bf5f';
const ORDER_SHIPPED = 'd980fb66fd5043d3ace1aa06ba044342';
const SUMMER_SALE = 'd4b747c7559272e7d3e24a258a768b9e';
const REMINDER = '21a5ce943d624d3fa0d51b85692eb583';
const NOW = new Date(SPEC_CLOCK).toISOString().replace('.000Z', 'Z');

describe('send -> status -> conversation -> delete', () => {
  it('a sent message is enqueued, has a status, shows in the contact conversation, and is gone once deleted', async () => {
    const { app } = makeSandbox();
    const sent = await ok<Sent>(app, 'post_messages', {
      body: { to: '+31 6 1234 5678', from: 'whatsapp', type: 'text', content: { text: 'Hi Sanne' }, metadata: { order: '42' } },
    });
    expect(sent.message.status).toBe('enqueued');
    const { uuid } = sent.message;
    expect(await ok<Status>(app, 'get_message_status', { path: { uuid } })).toEqual({
      message: { uuid, status: 'enqueued', metadata: { order: '42' } },
    });
    const conversation = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: SANNE } });
    expect(conversation.messages[0]).toEqual({
      uuid,
      createdAt: NOW,
      text: 'Hi Sanne',
      status: 'sent',
      channel: 'whatsapp',
      from: '390212345678',
      to: '31612345678',
      metadata: { order: '42' },
    });
    expect(await ok(app, 'delete_message', { path: { uuid } })).toBeUndefined();
    await fails(app, 'get_message_status', { path: { uuid } }, 404, 'not_found');
    await fails(app, 'delete_message', { path: { uuid } }, 404, 'not_found');
    expect((await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: SANNE } })).meta.total).toBe(0);
  });

  it('the documented sent message has a status; deleting it (204) makes the status 404; received messages have none', async () => {
    const { app } = makeSandbox();
    expect((await ok<Status>(app, 'get_message_status', { path: { uuid: SENT_TO_JOHN } })).message.status).toBe('read');
    await ok(app, 'delete_message', { path: { uuid: SENT_TO_JOHN } });
    await fails(app, 'get_message_status', { path: { uuid: SENT_TO_JOHN } }, 404, 'not_found');
    const left = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: JOHN } });
    expect(left.meta.total).toBe(3);
    const received = left.messages.find((m) => m.status === 'received')!;
    await fails(app, 'get_message_status', { path: { uuid: received.uuid } }, 404, 'not_found');
  });

  it('media, captions, templates and the fields extras', async () => {
    const { app } = makeSandbox();
    const image = await ok<Sent>(app, 'post_messages', {
      body: { to: '+31612345678', from: 'whatsapp', type: 'image', content: { url: 'https://example.com/a.jpeg', text: 'Caption' }, fields: 'conversation,contact' },
    });
    expect(image.message.contact).toMatchObject({ uuid: SANNE, name: 'Sanne Jansen' });
    expect(image.message.conversation).toEqual({ source: 'whatsapp', href: 'https://dash.callbell.eu/chat/120b4b54383f86aefa1b4348810adb91', createdAt: '2026-05-20T14:03:11Z', closedAt: null });
    const template = await ok<Sent>(app, 'post_messages', {
      body: { to: '+31612345678', from: 'whatsapp', type: 'text', content: { text: 'Sanne' }, template_uuid: ORDER_SHIPPED, optin_contact: true },
    });
    const page = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: SANNE } });
    expect(page.messages.map((m) => [m.uuid, m.text, m.attachments])).toEqual([
      [template.message.uuid, 'Hello Sanne, your order is on its way!', undefined],
      [image.message.uuid, 'Caption', ['https://example.com/a.jpeg']],
    ]);
  });

  it('sending to a new number creates its contact; bsuid finds a contact; assignment and team apply', async () => {
    const { app } = makeSandbox();
    const sent = await ok<Sent>(app, 'post_messages', {
      body: { to: '+44 7700 900123', from: 'whatsapp', type: 'text', content: { text: 'Welcome' }, fields: 'contact', assigned_user: 'sam.taylor@example.com', team_uuid: 'caf3d617ac410a2e923d9d7a9620063a' },
    });
    expect(sent.message.contact).toMatchObject({ name: '+44 7700 900123', phoneNumber: '+44 7700 900123', createdAt: NOW, assignedUser: 'sam.taylor@example.com', team: { name: 'Marketing' } });
    expect(await allContacts(app)).toHaveLength(65);
    const again = await ok<Sent>(app, 'post_messages', { body: { to: '447700900123', from: 'whatsapp', type: 'text', content: { text: 'Again' }, fields: 'contact' } });
    expect(again.message.contact!.uuid).toBe(sent.message.contact!.uuid);
    expect(await allContacts(app)).toHaveLength(65);

    const byBsuid = await ok<Sent>(app, 'post_messages', { body: { bsuid: 'bsuid_abc123', from: 'whatsapp', type: 'text', content: { text: 'Hi Ana' }, fields: 'contact' } });
    expect(byBsuid.message.contact!.name).toBe('Ana Lima');
    const sales = await ok<Sent>(app, 'post_messages', { body: { to: '5790372023', from: 'whatsapp', type: 'text', content: { text: 'From sales' }, channel_uuid: SALES_LINE } });
    const ana = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: 'fa065a6dac35a2482034c5e9b7a9c2b2' } });
    expect(ana.messages[0]).toMatchObject({ uuid: sales.message.uuid, from: expect.stringMatching(/^39\d{10}$/) });
    expect(ana.messages[0]!.from).not.toBe('390212345678');
  });
});

describe('recipients on other platforms', () => {
  it('platform ids are compared exactly (not by their digits); numbers by their digits', async () => {
    const { app } = makeSandbox();
    const created = await ok<{ contact: { uuid: string } }>(app, 'post_contacts', { body: { source: 'telegram', identifier: 'user1', name: 'Tg user' } });
    const same = await ok<Sent>(app, 'post_messages', { body: { to: 'user1', from: 'telegram', type: 'text', content: { text: 'a' }, fields: 'contact' } });
    expect(same.message.contact!.uuid).toBe(created.contact.uuid);
    const other = await ok<Sent>(app, 'post_messages', { body: { to: 'abc1', from: 'telegram', type: 'text', content: { text: 'b' }, fields: 'contact' } });
    expect(other.message.contact!.uuid).not.toBe(created.contact.uuid);
    const page = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: created.contact.uuid } });
    expect(page.messages.map((m) => m.to)).toEqual(['user1']);
  });
});

describe('the documented send rules', () => {
  const send = (body: Record<string, unknown>) => ({ body: { to: '+31612345678', from: 'whatsapp', type: 'text', content: { text: 'x' }, ...body } });
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['media without url', { type: 'image', content: { text: 'caption only' } }, ['content.url']],
    ['text without text', { type: 'text', content: { url: 'https://example.com/x' } }, ['content.text']],
    ['unknown channel', { channel_uuid: '00000000-0000-4000-8000-000000000000' }, ['channel_uuid']],
    ['channel of another platform', { channel_uuid: '0be758b2-f8aa-4c54-a211-f030439a4c6e' }, ['channel_uuid']],
    ['discarded main channel', { from: 'facebook', to: 'fb.123' }, ['from']],
    ['audio on telegram', { from: 'telegram', to: 'tg1', type: 'audio', content: { url: 'https://example.com/a.mp3' } }, ['type']],
    ['unknown bsuid', { to: undefined, bsuid: 'nope' }, ['bsuid']],
    ['not a phone number on WhatsApp', { to: 'abc' }, ['to']],
    ['template without opt-in', { template_uuid: ORDER_SHIPPED, optin_contact: false }, ['optin_contact']],
    ['template that is not approved', { template_uuid: REMINDER, optin_contact: true, template_values: ['a', 'b', 'c'] }, ['template_uuid']],
    ['unknown template', { template_uuid: '0'.repeat(32), optin_contact: true }, ['template_uuid']],
    ['wrong number of template values', { template_uuid: ORDER_SHIPPED, optin_contact: true, template_values: ['a', 'b'] }, ['template_values']],
    ['media template without url', { template_uuid: SUMMER_SALE, optin_contact: true }, ['content.url']],
    ['unknown user and team', { assigned_user: 'x@example.com', team_uuid: '0'.repeat(32) }, ['assigned_user', 'team_uuid']],
    ['template_values without a template', { template_values: ['a'] }, ['template_values']],
  ];
  it.each(cases)('%s: 400 invalid_body naming the offending keys', async (_label, body, names) => {
    const { app } = makeSandbox();
    const values = send(body);
    if ('to' in body && body.to === undefined) delete (values.body as Record<string, unknown>).to;
    const error = await fails(app, 'post_messages', values, 400, 'invalid_body');
    expect(error.error.fields?.map((f) => f.name).sort()).toEqual([...names].sort());
    expect((await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: SANNE } })).meta.total).toBe(0);
  });

  it('schema rules: a recipient is required, a template needs optin_contact, metadata is bounded', async () => {
    const { app } = makeSandbox();
    const noRecipient = await fails(app, 'post_messages', { body: { from: 'whatsapp', type: 'text', content: { text: 'x' } } }, 400, 'invalid_body');
    expect(noRecipient.error.fields).toEqual([{ name: 'to', in: 'body', message: 'is required unless bsuid is given' }]);
    const noOptin = await fails(app, 'post_messages', send({ template_uuid: ORDER_SHIPPED }), 400, 'invalid_body');
    expect(noOptin.error.fields).toEqual([{ name: 'optin_contact', in: 'body', message: 'is required when template_uuid is given' }]);
    const metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    const tooMany = await fails(app, 'post_messages', send({ metadata }), 400, 'invalid_body');
    expect(tooMany.error.fields?.[0]?.name).toBe('metadata');
    const longKey = await fails(app, 'post_messages', send({ metadata: { ['k'.repeat(51)]: 'v' } }), 400, 'invalid_body');
    expect(longKey.error.fields?.[0]?.name).toBe(`metadata.${'k'.repeat(51)}`);
    const badFields = await fails(app, 'post_messages', send({ fields: 'contact,contact,conversation' }), 400, 'invalid_body');
    expect(badFields.error.fields?.[0]?.name).toBe('fields');
    const emptyContent = await fails(app, 'post_messages', send({ content: {} }), 400, 'invalid_body');
    expect(emptyContent.error.fields?.[0]?.name).toBe('content');
  });

  it('the documented channel_uuid and main channel both send from the Support line number', async () => {
    const { app } = makeSandbox();
    await ok(app, 'post_messages', send({ channel_uuid: SUPPORT_LINE }));
    await ok(app, 'post_messages', send({}));
    const page = await ok<MessagesPage>(app, 'get_contact_messages', { path: { uuid: SANNE } });
    expect(page.messages.map((m) => m.from)).toEqual(['390212345678', '390212345678']);
  });
});
