/**
 * The JSON shapes of the spec, built from the stored account. Keys come in
 * the order of the documented examples; optional keys appear only when they
 * apply (a contact shows `closedAt` once its conversation was closed, `team`
 * when it has one, ...). Joined data (a team's name inside a contact, a
 * custom status's name on a user) is read at answer time, so renames show
 * everywhere at once.
 */
import type { Account, StoredChannel, StoredContact, StoredMessage, StoredTeam, StoredUser } from './data/types';
import { customFieldsMetadata } from './domain/custom-fields';

export type Json = Record<string, unknown>;

export function contactView(account: Account, c: StoredContact, withFieldTypes = false): Json {
  const out: Json = {
    uuid: c.uuid,
    name: c.name,
    phoneNumber: c.phoneNumber,
    avatarUrl: c.avatarUrl,
    createdAt: c.createdAt,
    source: c.source,
  };
  if (c.funnelId !== undefined) out.funnelId = c.funnelId;
  if (c.closedAt !== undefined) out.closedAt = c.closedAt;
  out.href = c.href;
  out.conversationHref = c.conversationHref;
  out.assignedUser = c.assignedUser;
  out.tags = [...c.tags];
  out.customFields = { ...c.customFields };
  if (withFieldTypes) out.customFieldsMetadata = customFieldsMetadata(account.fields, c.customFields);
  const team = c.teamUuid ? account.teams.find((t) => t.uuid === c.teamUuid) : undefined;
  if (team) out.team = { uuid: team.uuid, name: team.name };
  const channel = c.channelUuid ? account.channels.find((ch) => ch.uuid === c.channelUuid) : undefined;
  if (channel) out.channel = { uuid: channel.uuid, title: channel.title, type: channel.type };
  if (c.bsuid !== undefined) out.bsuid = c.bsuid;
  if (c.note !== undefined) out.note = c.note;
  return out;
}

export function conversationView(account: Account, c: StoredContact, withContact: boolean, closingReason?: string): Json {
  const out: Json = { source: c.source, href: c.conversationHref, createdAt: c.createdAt, closedAt: c.closedAt ?? null };
  if (closingReason) out.closingReason = closingReason;
  if (withContact) out.contact = contactView(account, c);
  return out;
}

export function messageView(account: Account, m: StoredMessage, withContact = false): Json {
  const out: Json = { uuid: m.uuid, createdAt: m.createdAt, text: m.text, status: m.status, channel: m.channel, from: m.from, to: m.to };
  if (m.attachments) out.attachments = [...m.attachments];
  if (m.metadata) out.metadata = { ...m.metadata };
  const contact = withContact ? account.contacts.find((c) => c.uuid === m.contactUuid) : undefined;
  if (contact) out.contact = contactView(account, contact);
  return out;
}

/** Bot: the account's bot and where it stands with the contact; undefined when no bot handles the contact. */
export function botView(account: Account, contact: StoredContact): Json | undefined {
  if (!account.bot || !contact.bot) return undefined;
  const { uuid, name, version, latestBotVersion } = account.bot;
  return { uuid, name, status: contact.bot.status, conversationStartedAt: contact.bot.conversationStartedAt, version, latestBotVersion };
}

/** MessageSendRequest: the delivery side of a sent message. */
export function deliveryView(m: StoredMessage): Json {
  const out: Json = { uuid: m.uuid, status: m.delivery?.status ?? 'enqueued' };
  if (m.delivery?.messageStatusPayload) out.messageStatusPayload = structuredClone(m.delivery.messageStatusPayload);
  if (m.metadata) out.metadata = { ...m.metadata };
  return out;
}

export function teamView(t: StoredTeam): Json {
  return { uuid: t.uuid, name: t.name, createdAt: t.createdAt, default: t.default, members: t.memberUuids.length };
}

export function memberView(account: Account, u: StoredUser): Json {
  const status = u.customStatus ? account.customStatuses.find((s) => s.id === u.customStatus!.id) : undefined;
  return {
    uuid: u.uuid,
    email: u.email,
    name: u.name,
    available: u.available,
    lastUpdatedAt: u.lastUpdatedAt,
    userCustomStatus: status ? { id: status.id, name: status.name, emoji: status.emoji, updatedAt: u.customStatus!.setAt } : null,
  };
}

/** UserStatus, the one snake_case answer of the API. */
export function userStatusView(account: Account, u: StoredUser): Json {
  const status = u.customStatus ? account.customStatuses.find((s) => s.id === u.customStatus!.id) : undefined;
  return {
    custom_status: status ? { id: status.id, name: status.name, last_updated_at: u.customStatus!.setAt } : null,
    appearance: { available: u.available, last_updated_at: u.lastUpdatedAt },
  };
}

export function channelView(ch: StoredChannel): Json {
  return { uuid: ch.uuid, title: ch.title, type: ch.type, main: ch.main, discardedAt: ch.discardedAt };
}
