/** The domain helpers (src/domain/) and the list orders (src/pagination.ts), on the seeded account. */
import { describe, expect, it } from 'vitest';
import { accountSeed } from '../src/app';
import type { Account, StoredContact } from '../src/data/types';
import { botAfter } from '../src/domain/bot';
import { addContact, contactAddress, updating } from '../src/domain/contacts';
import type { DomainContext } from '../src/domain/context';
import { customFieldsMetadata, decodeList, encodeList } from '../src/domain/custom-fields';
import { fillTemplate, placeholders } from '../src/domain/templates';
import { changingStatus } from '../src/domain/users';
import { idSource } from '../src/ids';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { newestFirst, oldestFirst, paginate } from '../src/pagination';
import { freshAccount } from '../src/store';
import { contactView, conversationView, memberView } from '../src/views';

const NOW = '2026-07-02T09:30:00Z';

function context(): DomainContext & { events: Array<{ event: string; payload: Record<string, unknown> }> } {
  const account: Account = freshAccount(accountSeed(), DOCS_DEMO_API_KEY);
  const events: Array<{ event: string; payload: Record<string, unknown> }> = [];
  return { account, now: () => NOW, ids: idSource(account), emit: (event, payload) => events.push({ event, payload }), events };
}

describe('bot', () => {
  it('bot_start starts the bot afresh; bot_end ends it and keeps when its conversation began', () => {
    expect(botAfter(undefined, 'bot_start')).toEqual({ status: 'started', conversationStartedAt: null });
    expect(botAfter({ status: 'in_progress', conversationStartedAt: NOW }, 'bot_start')).toEqual({ status: 'started', conversationStartedAt: null });
    expect(botAfter({ status: 'in_progress', conversationStartedAt: NOW }, 'bot_end')).toEqual({ status: 'ended', conversationStartedAt: NOW });
    expect(botAfter(undefined, 'bot_end')).toEqual({ status: 'ended', conversationStartedAt: null });
  });
});

describe('templates', () => {
  it('placeholders are distinct and by number, whatever their order and spacing', () => {
    expect(placeholders('Hi {{2}}, {{ 1 }} and {{2}} again')).toEqual(['1', '2']);
    expect(placeholders('No placeholder')).toEqual([]);
    expect(placeholders('{{10}} {{9}}')).toEqual(['9', '10']);
  });

  it('fills by number; a repeated placeholder takes its one value; one without a value stays', () => {
    expect(fillTemplate('Hi {{2}}, {{ 1 }} and {{2}}', ['one', 'two'])).toBe('Hi two, one and two');
    expect(fillTemplate('Order {{1}} ships {{2}}', ['#42'])).toBe('Order #42 ships {{2}}');
    expect(fillTemplate('$& {{1}}', ['$1'])).toBe('$& $1');
  });
});

describe('custom fields', () => {
  it('checkbox values round-trip through the stored encoding; a malformed one reads as one option', () => {
    expect(encodeList(['a', 'b "c"'])).toBe('["a", "b \\"c\\""]');
    expect(decodeList(encodeList(['a', 'b "c"']))).toEqual(['a', 'b "c"']);
    expect(decodeList('not json')).toEqual(['not json']);
    expect(decodeList('[1, 2]')).toEqual(['[1, 2]']);
  });

  it('metadata comes from the definitions; an unknown field reads as text', () => {
    const fields = { Plan: { type: 'dropdown', options: ['Free', 'Pro'] }, Likes: { type: 'checkbox', options: ['x', 'y'] } };
    expect(customFieldsMetadata(fields, { Plan: 'Pro', Likes: '["y"]', Other: 'z' })).toEqual({
      Plan: { value: 'Pro', type: 'dropdown', options: ['Free', 'Pro'] },
      Likes: { value: ['y'], type: 'checkbox', options: ['x', 'y'] },
      Other: { value: 'z', type: 'text' },
    });
  });
});

describe('contacts', () => {
  it('addContact stores the contact with new ids and links, and announces it and its conversation', () => {
    const ctx = context();
    const before = ctx.account.contacts.length;
    const contact = addContact(ctx, { name: 'Zoë', phoneNumber: '+49 151 1234', source: 'whatsapp', assignedUser: null, tags: ['vip'], customFields: {}, note: null });
    expect(ctx.account.contacts).toHaveLength(before + 1);
    expect(ctx.account.contacts.at(-1)).toBe(contact);
    expect(contact).toMatchObject({ name: 'Zoë', avatarUrl: null, createdAt: NOW, note: null });
    expect(contact.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(contact.href).toBe(`${ctx.account.links.contactBase}${contact.uuid}`);
    expect(contact.conversationHref.startsWith(ctx.account.links.chatBase)).toBe(true);
    expect(ctx.account.contacts.filter((c) => c.uuid === contact.uuid)).toHaveLength(1);
    expect(ctx.events).toEqual([
      { event: 'contact_created', payload: contactView(ctx.account, contact) },
      { event: 'conversation_opened', payload: conversationView(ctx.account, contact, true) },
    ]);
    const second = addContact(ctx, { name: 'B', phoneNumber: '1', source: 'telegram', assignedUser: null, tags: [], customFields: {} });
    expect(second.uuid).not.toBe(contact.uuid);
    expect(second).not.toHaveProperty('note');
  });

  it('updating announces contact_updated only when what the API shows changed', () => {
    const ctx = context();
    const contact = ctx.account.contacts[0]!;
    updating(ctx, contact, () => {
      contact.bot = { status: 'ended', conversationStartedAt: null }; // not part of the contact's view
    });
    updating(ctx, contact, () => {
      contact.name = contact.name.slice(0);
    });
    expect(ctx.events).toEqual([]);
    updating(ctx, contact, () => {
      contact.closedAt = NOW;
    });
    expect(ctx.events).toEqual([{ event: 'contact_updated', payload: contactView(ctx.account, contact) }]);
    expect(ctx.events[0]!.payload.closedAt).toBe(NOW);
  });

  it('contactAddress is the number as digits, or the platform id as written', () => {
    expect(contactAddress({ phoneNumber: '+31 6 1234 5678' } as StoredContact)).toBe('31612345678');
    expect(contactAddress({ phoneNumber: 'tg_user.42' } as StoredContact)).toBe('tg_user.42');
  });
});

describe('users', () => {
  it('changingStatus announces agent_status_updated only when availability or the custom status changed', () => {
    const ctx = context();
    const user = ctx.account.users[0]!;
    changingStatus(ctx, user, () => {
      user.lastUpdatedAt = NOW; // the time alone is no change of status
    });
    expect(ctx.events).toEqual([]);
    changingStatus(ctx, user, () => {
      user.available = !user.available;
    });
    expect(ctx.events).toEqual([{ event: 'agent_status_updated', payload: memberView(ctx.account, user) }]);
  });
});

describe('list orders and pages', () => {
  const items = [
    { id: 'a', createdAt: '2026-01-02T00:00:00Z' },
    { id: 'b', createdAt: '2026-01-01T00:00:00Z' },
    { id: 'c', createdAt: '2026-01-02T00:00:00Z' },
  ];

  it('oldest first keeps the stored order of equal times; newest first puts the later stored one first', () => {
    expect(oldestFirst(items).map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(newestFirst(items).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('pages start at 1; a page past the end is empty with the right meta', () => {
    expect(paginate(items, 2, 2)).toEqual({ items: [items[2]], meta: { page: 2, pages: 2, total: 3 } });
    expect(paginate(items, 3, 2)).toEqual({ items: [], meta: { page: 3, pages: 2, total: 3 } });
    expect(paginate([], 1)).toEqual({ items: [], meta: { page: 1, pages: 0, total: 0 } });
  });
});
