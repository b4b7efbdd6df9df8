/**
 * The seed of a sandbox account (every API key starts from a copy of it), and
 * the check of a saved account.
 *
 * The seed is read from the spec's documented examples, so that every
 * documented example request, sent first on fresh data, gets exactly its
 * documented answer:
 *
 *   - contacts: the 64 of GET /contacts (see ./seed.ts); the documented total
 *     is 64, so the two documented contacts that are not on the first page
 *     (Ana Lima of GET /contacts/phone, Sanne Jansen of POST /messages/send)
 *     take the places of the last two generated ones;
 *   - teams (GET /teams), their members (GET /teams/{uuid}/members and the
 *     users shown in webhook examples), channels (GET /channels "all"),
 *     templates, custom statuses, funnels, plan, GET /auth/me;
 *   - John Doe's conversation (GET /contacts/{uuid}/messages), the delivery
 *     status of its sent message (GET /messages/status/{uuid}), his bot
 *     (GET /contacts/{uuid}/bot);
 *   - the webhook (POST /webhooks/subscribe says it exists and when it was
 *     created) and its delivery log (GET /webhooks/events).
 *
 * The few facts the spec does not give (who the members of the teams other
 * than Sales are, the fifth user, the addresses of the channels) are made up
 * below, deterministically, and checked against the numbers the spec does give.
 *
 * The shapes are declared in ./types.ts; this module only fills them.
 */
import { customFieldsMetadata, type CustomFieldMetadata } from '../domain/custom-fields';
import {
  componentEnum,
  contactsOperation,
  exampleResponse,
  exampleValue,
  loadSpec,
  operationById,
  webhookEvents,
  type OpenApiDocument,
} from '../spec';
import { createSeed, mulberry32, storedContact, type SeedData } from './seed';
import type {
  Account,
  ContactBot,
  CustomStatus,
  FieldDefinition,
  Funnel,
  Me,
  ShownContact,
  StoredBot,
  StoredChannel,
  StoredMessage,
  StoredPlan,
  StoredTeam,
  StoredUser,
  TeamRef,
  Template,
  Webhook,
  WebhookEventRecord,
} from './types';

// For the modules that imported the account's types from here before ./types.ts held them.
export type { Account, WebhookEventRecord } from './types';

/** Bump when the shape of ./types.ts changes: older snapshots are then replaced by the seed. */
export const ACCOUNT_VERSION = 1;

/** The keys of Account that hold lists. */
type ListKey = { [K in keyof Account]: Account[K] extends unknown[] ? K : never }[keyof Account];

/** The collections a snapshot must hold, as arrays, to be loaded: every list of Account (`satisfies` keeps them in step). */
const ARRAY_KEYS = Object.keys({
  tags: true,
  contacts: true,
  messages: true,
  channels: true,
  teams: true,
  users: true,
  customStatuses: true,
  funnels: true,
  templates: true,
  webhookEvents: true,
} satisfies Record<ListKey, true>) as ListKey[];

/** A cheap structural check of a loaded snapshot (the store replaces anything else by the seed). */
export function isAccount(value: unknown): value is Account {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.version !== ACCOUNT_VERSION || typeof v.idState !== 'number') return false;
  for (const key of ARRAY_KEYS) {
    const list = v[key];
    if (!Array.isArray(list)) return false;
    if (key !== 'tags' && !list.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) return false;
  }
  for (const key of ['me', 'plan', 'links', 'fields'] as const) {
    if (typeof v[key] !== 'object' || v[key] === null) return false;
  }
  return v.webhook === null || (typeof v.webhook === 'object' && typeof (v.webhook as Webhook).url === 'string');
}

/** Where documented contacts other than the first page's are shown as they are before any request. */
const EXTRA_CONTACTS: Array<{ operationId: string; example: string; path: string[] }> = [
  { operationId: 'get_contact_by_phone', example: 'default', path: ['contact'] },
  { operationId: 'post_messages', example: 'withContactAndConversation', path: ['message', 'contact'] },
];

/**
 * Made up: the spec lists the members of Sales only and gives the sizes of the
 * other teams (Customer Support 2, Marketing 1); Felix Wagner cannot be in
 * Marketing yet (the team_membership_updated example adds him to it).
 */
const UNLISTED_MEMBERS: Record<string, string[]> = {
  'Customer Support': ['anna.ricci@example.com', 'felix.wagner@example.com'],
  Marketing: ['lucia.moreno@example.com'],
};

/** Made up: users that generated contacts are assigned to but no example shows. */
const UNLISTED_USERS: Array<Omit<StoredUser, 'uuid' | 'customStatus'>> = [
  { email: 'lucia.moreno@example.com', name: 'Lucia Moreno', available: true, lastUpdatedAt: '2026-07-01T14:12:37Z' },
];

/** The seed of ids and addresses made up here (separate from the contacts' generator). */
const ACCOUNT_SEED = 0x5eed_ca11;

type Json = Record<string, unknown>;

/** A user as TeamMember shows it (the team-members and webhook examples). */
type ShownUser = Omit<StoredUser, 'customStatus'> & { userCustomStatus: { id: string; updatedAt: string } | null };

function at(value: unknown, path: string[]): unknown {
  let node = value;
  for (const key of path) node = (node as Json | undefined)?.[key];
  return node;
}

/** The contacts of GET /contacts: generated around the documented ones, joined to the documented teams. */
export function seedFromSpec(doc: OpenApiDocument = loadSpec()): SeedData {
  const op = contactsOperation(doc);
  const list = exampleResponse(op, 'default').value as { contacts: ShownContact[]; meta: { total: number } };
  const typed = exampleResponse(op, 'withFieldTypes').value as {
    contacts: Array<{ customFieldsMetadata: Record<string, CustomFieldMetadata> }>;
  };
  const teams = exampleValue<{ teams: TeamRef[] }>(doc, 'get_teams').teams.map(({ uuid, name }) => ({ uuid, name }));
  const extras = EXTRA_CONTACTS.map(({ operationId, example, path }) => {
    const contact = at(exampleValue(doc, operationId, example), path) as ShownContact | undefined;
    if (!contact?.uuid) throw new Error(`The ${operationId} example "${example}" shows no contact at ${path.join('.')}`);
    return storedContact(contact);
  });
  const seed = createSeed({
    exampleContacts: list.contacts,
    exampleFieldMetadata: typed.contacts[0]?.customFieldsMetadata ?? {},
    total: list.meta.total - extras.length,
    sources: componentEnum(doc, 'Source'),
    fieldTypes: componentEnum(doc, 'CustomFieldType'),
    teams,
  });
  const contacts = [...seed.contacts, ...extras].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return { contacts, teams: seed.teams, fields: seed.fields };
}

function hex(r: () => number, digits: number): string {
  let out = '';
  while (out.length < digits) out += Math.floor(r() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

function numeric(r: () => number, digits: number): string {
  return Array.from({ length: digits }, (_, i) => String(i === 0 ? 1 + Math.floor(r() * 9) : Math.floor(r() * 10))).join('');
}

/** The whole seeded account; every API key starts from a deep copy of it. */
export function seedAccount(doc: OpenApiDocument = loadSpec()): Account {
  const r = mulberry32(ACCOUNT_SEED);
  const seed = seedFromSpec(doc);
  const { contacts } = seed;
  const [first] = contacts;
  if (!first) throw new Error('The seed has no contacts');
  const links = {
    contactBase: first.href.slice(0, first.href.length - first.uuid.length),
    chatBase: first.conversationHref.slice(0, first.conversationHref.lastIndexOf('/') + 1),
  };

  // Custom fields: the generator's, plus those documented request bodies set (as text).
  const fields: Record<string, FieldDefinition> = structuredClone(seed.fields);
  for (const operationId of ['post_contacts', 'patch_contacts']) {
    const op = operationById(doc, operationId);
    const bodies = [op.body?.example, ...op.examples.map((e) => (e.request.body ? JSON.parse(e.request.body) : undefined))];
    for (const body of bodies) {
      const values = (body as { custom_fields?: Record<string, unknown> } | undefined)?.custom_fields ?? {};
      for (const name of Object.keys(values)) fields[name] ??= { type: 'text' };
    }
  }

  // Teams and users.
  const documentedTeams = exampleValue<{ teams: Array<Omit<StoredTeam, 'memberUuids'> & { members: number }> }>(doc, 'get_teams').teams;
  const membersOp = operationById(doc, 'get_team_members');
  const listed = exampleResponse(membersOp, 'default');
  const listedTeam = listed.request.path?.uuid;
  const listedUsers = (listed.value as { users: ShownUser[] }).users;
  const events = webhookEvents(doc);
  const eventUsers: ShownUser[] = [];
  for (const name of ['agent_session_updated', 'team_membership_updated']) {
    const user = events.find((e) => e.name === name)?.example.payload.user as ShownUser | undefined;
    if (user) eventUsers.push(user);
  }
  const users: StoredUser[] = [];
  for (const { userCustomStatus: status, ...user } of [...listedUsers, ...eventUsers]) {
    if (users.some((known) => known.email === user.email)) continue;
    const { uuid, email, name, available, lastUpdatedAt } = user;
    users.push({ uuid, email, name, available, lastUpdatedAt, customStatus: status ? { id: status.id, setAt: status.updatedAt } : null });
  }
  for (const extra of UNLISTED_USERS) {
    if (!users.some((u) => u.email === extra.email)) users.push({ ...extra, uuid: hex(r, 32), customStatus: null });
  }
  const byEmail = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`Seed: no user ${email}`);
    return user.uuid;
  };
  const teams: StoredTeam[] = documentedTeams.map((t) => ({
    uuid: t.uuid,
    name: t.name,
    createdAt: t.createdAt,
    default: t.default,
    memberUuids:
      t.uuid === listedTeam ? listedUsers.map((u) => u.uuid) : (UNLISTED_MEMBERS[t.name] ?? []).map(byEmail),
  }));
  for (const [i, t] of teams.entries()) {
    if (t.memberUuids.length !== documentedTeams[i]!.members) {
      throw new Error(`Seed: team ${t.name} has ${t.memberUuids.length} members, the spec says ${documentedTeams[i]!.members}`);
    }
  }

  // Conversation of John Doe, the delivery status of its sent message, his bot.
  const messagesExample = exampleResponse(operationById(doc, 'get_contact_messages'), 'default');
  const conversationOf = String(messagesExample.request.path?.uuid);
  const documentedMessages = (messagesExample.value as { messages: Array<Omit<StoredMessage, 'contactUuid'>> }).messages;
  const statusExample = exampleResponse(operationById(doc, 'get_message_status'), 'default');
  const status = (statusExample.value as { message: StoredMessage['delivery'] & { uuid: string } }).message;
  const messages: StoredMessage[] = [...documentedMessages].reverse().map((m) => {
    const stored: StoredMessage = { ...m, contactUuid: conversationOf };
    if (m.status === 'sent') {
      stored.delivery =
        m.uuid === status.uuid
          ? { status: status.status, ...(status.messageStatusPayload ? { messageStatusPayload: status.messageStatusPayload } : {}) }
          : { status: 'sent' };
    }
    return stored;
  });
  const botExample = exampleResponse(operationById(doc, 'get_contact_bot'), 'default');
  const documentedBot = (botExample.value as { bot: StoredBot & ContactBot }).bot;
  const botContact = contacts.find((c) => c.uuid === botExample.request.path?.uuid);
  if (!botContact) throw new Error('Seed: the bot example names an unknown contact');
  botContact.bot = { status: documentedBot.status, conversationStartedAt: documentedBot.conversationStartedAt };

  // Channels; the main WhatsApp channel sends from the number John Doe's conversation shows.
  const documentedChannels = exampleValue<{ channels: Array<Omit<StoredChannel, 'address'>> }>(doc, 'get_channels', 'all').channels;
  const mainWhatsapp = documentedChannels.find((ch) => ch.type === 'whatsapp' && ch.main);
  const sentFrom = documentedMessages.find((m) => m.status === 'sent')?.from;
  const channels: StoredChannel[] = documentedChannels.map((ch) => ({
    ...ch,
    address: ch === mainWhatsapp && sentFrom ? sentFrom : ch.type === 'whatsapp' ? `39${numeric(r, 10)}` : numeric(r, 15),
  }));

  // Webhook and its delivery log; it is subscribed to the events its log shows.
  const subscribed = exampleValue<{ webhook: Webhook }>(doc, 'post_webhooks_subscribe').webhook;
  const log = exampleValue<{ webhook_events: WebhookEventRecord[] }>(doc, 'get_webhooks_events').webhook_events;
  const eventOrder = componentEnum(doc, 'WebhookEventName');
  const webhook: Webhook = {
    url: subscribed.url,
    subscriptions: eventOrder.filter((name) => log.some((e) => e.event === name)),
    enabled: true,
    createdAt: subscribed.createdAt,
  };

  const plan = exampleValue<StoredPlan & { activeUsers: number }>(doc, 'get_plan');
  if (plan.activeUsers !== users.length) throw new Error(`Seed: ${users.length} users, the plan says ${plan.activeUsers}`);

  const tags: string[] = [];
  for (const c of contacts) {
    for (const tag of c.tags) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }

  const { status: _ok, ...me } = exampleValue<Me & { status: string }>(doc, 'get_me');
  const account: Account = {
    version: ACCOUNT_VERSION,
    idState: 0,
    me,
    plan: { plan: plan.plan, includedChannels: plan.includedChannels, licenses: plan.licenses },
    bot: { uuid: documentedBot.uuid, name: documentedBot.name, version: documentedBot.version, latestBotVersion: documentedBot.latestBotVersion },
    links,
    fields,
    tags,
    contacts,
    messages,
    channels,
    teams,
    users,
    customStatuses: exampleValue<{ customStatuses: CustomStatus[] }>(doc, 'get_custom_statuses').customStatuses,
    funnels: exampleValue<{ funnels: Funnel[] }>(doc, 'get_funnels').funnels,
    templates: exampleValue<{ templates: Template[] }>(doc, 'get_templates').templates,
    webhook,
    webhookEvents: log,
  };
  checkSeed(account);
  return account;
}

/** Every reference in the seed must resolve; a spec change that breaks one fails loudly here. */
function checkSeed(a: Account): void {
  const problems: string[] = [];
  const has = <T>(list: T[], pred: (x: T) => boolean) => list.some(pred);
  for (const c of a.contacts) {
    if (c.assignedUser !== null && !has(a.users, (u) => u.email === c.assignedUser)) problems.push(`${c.name}: user ${c.assignedUser}`);
    if (c.teamUuid && !has(a.teams, (t) => t.uuid === c.teamUuid)) problems.push(`${c.name}: team ${c.teamUuid}`);
    if (c.channelUuid && !has(a.channels, (ch) => ch.uuid === c.channelUuid)) problems.push(`${c.name}: channel ${c.channelUuid}`);
    if (c.funnelId && !has(a.funnels, (f) => f.uuid === c.funnelId)) problems.push(`${c.name}: funnel ${c.funnelId}`);
    for (const name of Object.keys(c.customFields)) if (!Object.hasOwn(a.fields, name)) problems.push(`${c.name}: field ${name}`);
    customFieldsMetadata(a.fields, c.customFields);
  }
  for (const m of a.messages) if (!has(a.contacts, (c) => c.uuid === m.contactUuid)) problems.push(`message ${m.uuid}: contact`);
  for (const u of a.users) {
    if (u.customStatus && !has(a.customStatuses, (s) => s.id === u.customStatus!.id)) problems.push(`${u.name}: custom status`);
  }
  if (!a.me.user_email || !has(a.users, (u) => u.email === a.me.user_email)) problems.push(`me: ${a.me.user_email}`);
  if (problems.length > 0) throw new Error(`The seed does not hold together: ${problems.join('; ')}`);
}
