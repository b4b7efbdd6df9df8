/**
 * /contacts and everything under it (Contacts API), as documented in
 * openapi/openapi.yaml.
 *
 * Lists: GET /contacts is 25 per page, oldest first; `source` and `team_uuid`
 * match exactly; `tags` is a comma list, trimmed, matched without regard to
 * letter case, and a contact must carry ALL the tags given; filters combine;
 * `include_field_types=true` adds `customFieldsMetadata`. A contact's
 * messages come newest first, 25 per page.
 *
 * Changes: create/update follow the documented existence and type rules
 * (../rules.ts). Closing an already closed conversation, or opening an open
 * one, changes nothing. Webhook events: contact_created (+ conversation_opened,
 * the new conversation starts), contact_updated whenever what GET
 * /contacts/{uuid} shows changes (closedAt and funnelId included),
 * contact_deleted, conversation_closed / conversation_opened, and
 * message_created for a note (a note is a conversation entry, status `note`).
 */
import type { StoredMessage } from '../data/types';
import { botAfter, type BotRequest } from '../domain/bot';
import { addContact, contactAddress, updating } from '../domain/contacts';
import type { CustomFieldValues } from '../domain/custom-fields';
import { apiErrors } from '../errors';
import { newestFirst, oldestFirst, paginate } from '../pagination';
import {
  applyCustomFields,
  channelFor,
  checkTags,
  contactChannel,
  contactOr404,
  digits,
  isPhoneNumber,
  Problems,
  teamByUuid,
  userByEmail,
} from '../rules';
import { confirmationText, type OpenApiDocument } from '../spec';
import { botView, contactView, conversationView, messageView } from '../views';
import { handler, type ByUuid, type OperationHandlers, type Paged } from './route';

interface ContactsQuery extends Paged {
  source?: string;
  tags?: string[];
  team_uuid?: string;
  include_field_types: boolean;
}

interface CreateBody {
  identifier: string;
  source: string;
  name: string;
  tags?: string[];
  custom_fields?: CustomFieldValues;
  assigned_user?: string;
  team_uuid?: string;
  channel_uuid?: string;
  bot_status?: BotRequest;
  note?: string;
}

interface UpdateBody {
  name?: string;
  tags?: string[];
  custom_fields?: CustomFieldValues;
  assigned_user?: string;
  unassign_user?: boolean;
  team_uuid?: string;
  bot_status?: BotRequest;
  note?: string;
}

/** Case-insensitive comparison key of a tag. */
function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

export function contactsOperations(doc: OpenApiDocument): OperationHandlers {
  const destroyed = confirmationText(doc, 'delete_contact');

  return {
    get_contacts: handler<{ query: ContactsQuery }>(({ query: q }, { account }) => {
      let matches = oldestFirst(account.contacts);
      if (q.source !== undefined) matches = matches.filter((contact) => contact.source === q.source);
      if (q.tags !== undefined) {
        const wanted = q.tags.map(tagKey);
        matches = matches.filter((contact) => {
          const carried = new Set(contact.tags.map(tagKey));
          return wanted.every((tag) => carried.has(tag));
        });
      }
      if (q.team_uuid !== undefined) matches = matches.filter((contact) => contact.teamUuid === q.team_uuid);
      const { items, meta } = paginate(matches, q.page);
      return { body: { contacts: items.map((contact) => contactView(account, contact, q.include_field_types)), meta } };
    }),

    post_contacts: handler<{ body: CreateBody }>(({ body: b }, ctx) => {
      const { account } = ctx;
      const problems = new Problems();
      if (b.source === 'whatsapp' && !isPhoneNumber(b.identifier)) {
        problems.add('identifier', 'must be a phone number, country code first (5 to 15 digits)');
      }
      const channel = channelFor(account, b.source, b.channel_uuid, problems, { channel: 'channel_uuid', platform: 'source' });
      const tags = b.tags ? checkTags(account, b.tags, problems) : [];
      const customFields = b.custom_fields ? applyCustomFields(account, {}, b.custom_fields, problems) : {};
      const user = b.assigned_user !== undefined ? userByEmail(account, b.assigned_user, problems, 'assigned_user') : undefined;
      const team = b.team_uuid !== undefined ? teamByUuid(account, b.team_uuid, problems, 'team_uuid') : undefined;
      if (b.bot_status && !account.bot) problems.add('bot_status', 'the account has no bot');
      problems.throwIfAny();

      const contact = addContact(ctx, {
        name: b.name,
        phoneNumber: b.identifier,
        source: b.source,
        assignedUser: user?.email ?? null,
        tags,
        customFields,
        ...(team ? { teamUuid: team.uuid } : {}),
        ...(b.channel_uuid !== undefined && channel ? { channelUuid: channel.uuid } : {}),
        ...(b.note !== undefined ? { note: b.note === '' ? null : b.note } : {}),
        ...(b.bot_status ? { bot: botAfter(undefined, b.bot_status) } : {}),
      });
      return { body: { contact: contactView(account, contact) } };
    }),

    get_contact: handler<{ path: ByUuid; query: { include_field_types: boolean } }>(({ path, query }, { account }) => {
      const contact = contactOr404(account, path.uuid);
      return { body: { contact: contactView(account, contact, query.include_field_types) } };
    }),

    patch_contacts: handler<{ path: ByUuid; body: UpdateBody }>(({ path, body: b }, ctx) => {
      const { account } = ctx;
      const contact = contactOr404(account, path.uuid);
      const problems = new Problems();
      const tags = b.tags ? checkTags(account, b.tags, problems) : undefined;
      const customFields = b.custom_fields ? applyCustomFields(account, contact.customFields, b.custom_fields, problems) : undefined;
      let assignee: string | null | undefined;
      if (b.assigned_user !== undefined) {
        if (b.unassign_user === true) problems.add('unassign_user', 'cannot be true together with assigned_user');
        assignee = userByEmail(account, b.assigned_user, problems, 'assigned_user')?.email;
      } else if (b.unassign_user === true) {
        assignee = null;
      }
      const team = b.team_uuid !== undefined ? teamByUuid(account, b.team_uuid, problems, 'team_uuid') : undefined;
      if (b.bot_status && !account.bot) problems.add('bot_status', 'the account has no bot');
      problems.throwIfAny();

      updating(ctx, contact, () => {
        if (b.name !== undefined) contact.name = b.name;
        if (tags) contact.tags = tags;
        if (customFields) contact.customFields = customFields;
        if (assignee !== undefined) contact.assignedUser = assignee;
        if (team) contact.teamUuid = team.uuid;
        if (b.note !== undefined) contact.note = b.note === '' ? null : b.note;
      });
      if (b.bot_status) contact.bot = botAfter(contact.bot, b.bot_status);
      return { body: { contact: contactView(account, contact) } };
    }),

    delete_contact: handler<{ path: ByUuid }>(({ path }, ctx) => {
      const { account } = ctx;
      const contact = contactOr404(account, path.uuid);
      account.contacts = account.contacts.filter((c) => c !== contact);
      account.messages = account.messages.filter((m) => m.contactUuid !== contact.uuid);
      ctx.emit('contact_deleted', { uuid: contact.uuid, deleted: ctx.now() });
      return { body: { status: destroyed } };
    }),

    get_contact_by_phone: handler<{ path: { phone_number: string }; query: { channel_uuid?: string } }>(({ path, query }, { account }) => {
      const wanted = digits(path.phone_number);
      const channel =
        query.channel_uuid !== undefined
          ? account.channels.find((ch) => ch.uuid === query.channel_uuid)
          : account.channels.find((ch) => ch.type === 'whatsapp' && ch.main);
      const contact = channel
        ? oldestFirst(account.contacts).find((c) => digits(c.phoneNumber) === wanted && contactChannel(account, c)?.uuid === channel.uuid)
        : undefined;
      if (!contact) throw apiErrors.unknownId();
      return { body: { contact: contactView(account, contact) } };
    }),

    get_contact_by_bsuid: handler<{ path: { bsuid: string } }>(({ path }, { account }) => {
      const contact = oldestFirst(account.contacts).find((c) => c.bsuid !== undefined && c.bsuid === path.bsuid);
      if (!contact) throw apiErrors.unknownId();
      return { body: { contact: contactView(account, contact) } };
    }),

    get_contact_messages: handler<{ path: ByUuid; query: Paged }>(({ path, query }, { account }) => {
      const contact = contactOr404(account, path.uuid);
      const { items, meta } = paginate(newestFirst(account.messages.filter((m) => m.contactUuid === contact.uuid)), query.page);
      return { body: { messages: items.map((m) => messageView(account, m)), meta } };
    }),

    post_contact_conversation_close: handler<{ path: ByUuid }>(({ path }, ctx) => {
      const { account } = ctx;
      const contact = contactOr404(account, path.uuid);
      if (typeof contact.closedAt !== 'string') {
        updating(ctx, contact, () => {
          contact.closedAt = ctx.now();
        });
        ctx.emit('conversation_closed', conversationView(account, contact, true));
      }
      return { body: { contact: contactView(account, contact) } };
    }),

    post_contact_conversation_open: handler<{ path: ByUuid }>(({ path }, ctx) => {
      const { account } = ctx;
      const contact = contactOr404(account, path.uuid);
      if (typeof contact.closedAt === 'string') {
        updating(ctx, contact, () => {
          contact.closedAt = null;
        });
        ctx.emit('conversation_opened', conversationView(account, contact, true));
      }
      return { body: { contact: contactView(account, contact) } };
    }),

    get_contact_bot: handler<{ path: ByUuid }>(({ path }, { account }) => {
      const bot = botView(account, contactOr404(account, path.uuid));
      if (!bot) throw apiErrors.unknownId();
      return { body: { bot } };
    }),

    post_contact_bot: handler<{ path: ByUuid; body: { status: BotRequest } }>(({ path, body }, { account }) => {
      const contact = contactOr404(account, path.uuid);
      if (!account.bot) throw apiErrors.invalidField('status', 'cannot be set: the account has no bot');
      contact.bot = botAfter(contact.bot, body.status);
      return { body: { bot: botView(account, contact) } };
    }),

    post_contact_conversation_create_note: handler<{ path: ByUuid; body: { text: string } }>(({ path, body }, ctx) => {
      const { account } = ctx;
      const contact = contactOr404(account, path.uuid);
      const note: StoredMessage = {
        uuid: ctx.ids.hex32((id) => account.messages.some((m) => m.uuid === id)),
        contactUuid: contact.uuid,
        createdAt: ctx.now(),
        text: body.text,
        status: 'note',
        channel: contact.source,
        from: account.me.user_email,
        to: contactAddress(contact),
      };
      account.messages.push(note);
      ctx.emit('message_created', messageView(account, note, true));
      return { body: { success: true } };
    }),

    put_contact_conversation_update_funnel: handler<{ path: ByUuid; body: { funnel_id: string } }>(({ path, body }, ctx) => {
      const { account } = ctx;
      const contact = contactOr404(account, path.uuid);
      const funnelId = body.funnel_id;
      if (!account.funnels.some((f) => f.uuid === funnelId)) throw apiErrors.invalidField('funnel_id', 'is not a funnel stage of the account');
      updating(ctx, contact, () => {
        contact.funnelId = funnelId;
      });
      return { body: { contact: contactView(account, contact) } };
    }),
  };
}
