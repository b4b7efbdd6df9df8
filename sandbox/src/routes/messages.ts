/**
 * /messages (Messages API), as documented in openapi/openapi.yaml.
 *
 * POST /messages/send, checked completely before anything changes:
 *   - the channel: `channel_uuid` (must exist, be of the `from` platform and be
 *     in use), else the main channel of `from` (it must be in use);
 *   - the recipient: `to` wins over `bsuid`. `to` finds the contact of the
 *     `from` platform with the same number (digits compared) or platform id
 *     (compared exactly); the oldest, if several. When none
 *     exists one is created (named after the number; contact_created and
 *     conversation_opened are sent), as sending to a new number does. On
 *     WhatsApp `to` must be a phone number. `bsuid` must name a contact;
 *   - media types need `content.url`; text needs `content.text` unless a
 *     template supplies it; audio and video need `from: whatsapp`;
 *   - templates: the template must exist, be approved and the message go out on
 *     WhatsApp; `optin_contact` must be true; one placeholder takes
 *     `content.text`, several take `template_values` (exactly as many), media
 *     templates also need `content.url`. The stored text is the filled template;
 *   - `assigned_user`, `team_uuid` must exist and are applied to the contact;
 *     `bot_status` sets the contact's bot.
 * The message is stored in the contact's conversation (status `sent`, delivery
 * status `enqueued`; the sandbox has no provider, so it stays there and no
 * message_status_updated event ever fires) and message_created is sent.
 * The 24-hour customer service window is not simulated.
 *
 * GET /messages/status/{uuid} answers for messages the account sent; received
 * messages and notes have no delivery side (404). DELETE /messages/{uuid}
 * removes the message from the sandbox (204); afterwards it is 404 everywhere.
 */
import type { StoredContact, StoredMessage } from '../data/types';
import { botAfter, type BotRequest } from '../domain/bot';
import { addContact, contactAddress, updating } from '../domain/contacts';
import { fillTemplate, placeholders } from '../domain/templates';
import { apiErrors } from '../errors';
import { oldestFirst } from '../pagination';
import { addressKey, channelFor, findOr404, isPhoneNumber, Problems, teamByUuid, userByEmail } from '../rules';
import { contactView, conversationView, deliveryView, messageView, type Json } from '../views';
import { handler, type ByUuid, type OperationHandlers } from './route';

const MEDIA_TYPES = new Set(['image', 'document', 'audio', 'video']);

interface SendBody {
  to?: string;
  bsuid?: string;
  from: string;
  type: string;
  content: { text?: string; url?: string };
  channel_uuid?: string;
  template_uuid?: string;
  optin_contact?: boolean;
  template_values?: string[];
  assigned_user?: string;
  team_uuid?: string;
  fields?: string;
  bot_status?: BotRequest;
  metadata?: Record<string, string>;
}

export function messagesOperations(): OperationHandlers {
  return {
    post_messages: handler<{ body: SendBody }>(({ body: b }, ctx) => {
      const { account } = ctx;
      const problems = new Problems();
      const channel = channelFor(account, b.from, b.channel_uuid, problems, { channel: 'channel_uuid', platform: 'from' });

      // Recipient.
      let contact: StoredContact | undefined;
      let newContactNumber: string | undefined;
      if (b.to !== undefined) {
        if (b.from === 'whatsapp' && !isPhoneNumber(b.to)) {
          problems.add('to', 'must be a phone number, country code first (5 to 15 digits)');
        } else {
          const wanted = addressKey(b.to);
          contact = oldestFirst(account.contacts).find((c) => c.source === b.from && addressKey(c.phoneNumber) === wanted);
          if (!contact) newContactNumber = b.to;
        }
      } else if (b.bsuid !== undefined) {
        contact = account.contacts.find((c) => c.bsuid === b.bsuid && c.source === b.from);
        if (!contact) problems.add('bsuid', `is not the BSUID of a ${b.from} contact of the account`);
      }

      // Content, by type.
      const isMedia = MEDIA_TYPES.has(b.type);
      if ((b.type === 'audio' || b.type === 'video') && b.from !== 'whatsapp') {
        problems.add('type', `${b.type} messages can only be sent on whatsapp (WhatsApp Business API accounts)`);
      }
      if (isMedia && b.content.url === undefined) problems.add('content.url', `is required for ${b.type} messages`);

      // Template.
      let text = b.content.text ?? '';
      if (b.template_uuid !== undefined) {
        const template = account.templates.find((t) => t.uuid === b.template_uuid);
        if (!template) problems.add('template_uuid', 'is not a template of the account');
        else if (template.status !== 'approved') problems.add('template_uuid', `is ${template.status}; only approved templates can be sent`);
        else if (b.from !== 'whatsapp') problems.add('template_uuid', 'templates can only be sent on whatsapp');
        if (b.optin_contact !== true) problems.add('optin_contact', 'must be true to send a template');
        if (template) {
          const count = placeholders(template.text).length;
          let values: string[] = [];
          if (b.template_values !== undefined) {
            if (b.template_values.length !== count) problems.add('template_values', `must hold ${count} value${count === 1 ? '' : 's'}, one per placeholder`);
            values = b.template_values;
          } else if (count === 1) {
            if (b.content.text === undefined) problems.add('content.text', "is required: it fills the template's placeholder");
            values = [b.content.text ?? ''];
          } else if (count > 1) {
            problems.add('template_values', `is required: the template has ${count} placeholders`);
          }
          if (template.templateType !== 'text' && b.content.url === undefined) problems.add('content.url', `is required for a ${template.templateType} template`);
          text = fillTemplate(template.text, values);
        }
      } else if (b.type === 'text' && b.content.text === undefined) {
        problems.add('content.text', 'is required for text messages');
      } else if (b.template_values !== undefined) {
        problems.add('template_values', 'is only for templates (give template_uuid)');
      }

      const user = b.assigned_user !== undefined ? userByEmail(account, b.assigned_user, problems, 'assigned_user') : undefined;
      const team = b.team_uuid !== undefined ? teamByUuid(account, b.team_uuid, problems, 'team_uuid') : undefined;
      if (b.bot_status && !account.bot) problems.add('bot_status', 'the account has no bot');
      problems.throwIfAny();
      if (!channel) throw apiErrors.invalidField('from', 'has no channel'); // unreachable: channelFor reported it

      // Apply.
      if (!contact && newContactNumber !== undefined) {
        contact = addContact(ctx, {
          name: newContactNumber,
          phoneNumber: newContactNumber,
          source: b.from,
          assignedUser: null,
          tags: [],
          customFields: {},
          ...(b.channel_uuid !== undefined ? { channelUuid: channel.uuid } : {}),
        });
      }
      const recipient = contact!;
      updating(ctx, recipient, () => {
        if (user) recipient.assignedUser = user.email;
        if (team) recipient.teamUuid = team.uuid;
      });
      if (b.bot_status) recipient.bot = botAfter(recipient.bot, b.bot_status);

      const message: StoredMessage = {
        uuid: ctx.ids.hex32((id) => account.messages.some((m) => m.uuid === id)),
        contactUuid: recipient.uuid,
        createdAt: ctx.now(),
        text,
        status: 'sent',
        channel: b.from,
        from: channel.address,
        to: contactAddress(recipient),
        ...(b.content.url !== undefined ? { attachments: [b.content.url] } : {}),
        ...(b.metadata ? { metadata: { ...b.metadata } } : {}),
        delivery: { status: 'enqueued' },
      };
      account.messages.push(message);
      ctx.emit('message_created', messageView(account, message, true));

      const wanted = new Set((b.fields ?? '').split(',').filter(Boolean));
      const answer: Json = { uuid: message.uuid, status: 'enqueued' };
      if (wanted.has('contact')) answer.contact = contactView(account, recipient);
      if (wanted.has('conversation')) answer.conversation = conversationView(account, recipient, false);
      return { body: { message: answer } };
    }),

    get_message_status: handler<{ path: ByUuid }>(({ path }, { account }) => {
      const message = findOr404(account.messages, (m) => m.uuid === path.uuid && m.delivery !== undefined);
      return { body: { message: deliveryView(message) } };
    }),

    delete_message: handler<{ path: ByUuid }>(({ path }, { account }) => {
      const message = findOr404(account.messages, (m) => m.uuid === path.uuid);
      account.messages = account.messages.filter((m) => m !== message);
      return {};
    }),
  };
}
