/**
 * The data of one sandbox account (one API key), as the store keeps it: every
 * stored entity is declared here, once. The seed (./seed.ts, ./account.ts),
 * the store, the domain helpers, the views and the routes all import these.
 * Plain JSON data: it is what the file store writes to disk.
 *
 * A stored entity keeps the fields of its spec schema under the spec's names
 * and types (test/stored-types.test.ts compares each type below with its
 * schema in openapi/openapi.yaml). What the API shows but the store does not
 * keep is computed when answering (../views.ts): a contact's `team` and
 * `channel` from `teamUuid` and `channelUuid`, a team's `members` from
 * `memberUuids`, ... so a rename shows everywhere at once. Fields the spec
 * does not have (store-only) say below what they are for.
 */

/** Bot.status: where the account's bot stands with a contact. */
export type BotStatus = 'in_progress' | 'started' | 'ended';

/** Message.status: sent by the account, received from the contact, or an internal note. */
export type MessageKind = 'sent' | 'received' | 'note';

/** The contact's side of Bot (the account's side is StoredBot). */
export interface ContactBot {
  status: BotStatus;
  conversationStartedAt: string | null;
}

/** Contact. */
export interface StoredContact {
  uuid: string;
  name: string;
  phoneNumber: string;
  avatarUrl: string | null;
  createdAt: string;
  source: string;
  /** Absent until the conversation is first put in a funnel stage; never null (Contact.funnelId). */
  funnelId?: string;
  /** Absent until the conversation is first closed; null once reopened. */
  closedAt?: string | null;
  href: string;
  conversationHref: string;
  assignedUser: string | null;
  tags: string[];
  /** Values by field name; checkbox values are JSON-encoded arrays (../domain/custom-fields.ts). */
  customFields: Record<string, string>;
  /** Store-only: the team, shown as `team`. */
  teamUuid?: string;
  /** Store-only: set when the contact was created on an explicit channel; shown as `channel`. */
  channelUuid?: string;
  bsuid?: string;
  note?: string | null;
  /** Store-only: where the account's bot stands with this contact; absent when no bot handles it. */
  bot?: ContactBot;
}

/** The delivery side of a message the account sent (MessageSendRequest, GET /messages/status/{uuid}). */
export interface MessageDelivery {
  status: string;
  messageStatusPayload?: Record<string, unknown>;
}

/** Message: one entry of a conversation. */
export interface StoredMessage {
  uuid: string;
  /** Store-only: the contact whose conversation holds it. */
  contactUuid: string;
  createdAt: string;
  text: string;
  status: MessageKind;
  channel: string;
  from: string;
  to: string;
  attachments?: string[];
  metadata?: Record<string, string>;
  /** Store-only: the delivery side, for messages the account sent. */
  delivery?: MessageDelivery;
}

/** Channel. */
export interface StoredChannel {
  uuid: string;
  title: string;
  type: string;
  main: boolean;
  discardedAt: string | null;
  /** Store-only: the number or platform id messages leave from (`from` of sent messages). */
  address: string;
}

/** Team (its `members` is the length of `memberUuids`). */
export interface StoredTeam {
  uuid: string;
  name: string;
  createdAt: string;
  default: boolean;
  /** Store-only: the team's users, in the team's order. */
  memberUuids: string[];
}

/** A custom status a user shows, and when it was set (shown as TeamMember.userCustomStatus, UserStatus.custom_status). */
export interface UserCustomStatusRef {
  id: string;
  setAt: string;
}

/** TeamMember: a user of the account. */
export interface StoredUser {
  uuid: string;
  email: string;
  name: string;
  available: boolean;
  lastUpdatedAt: string;
  /** Store-only: the custom status shown, by id (its name and emoji are read from `customStatuses`). */
  customStatus: UserCustomStatusRef | null;
}

/** CustomStatus. */
export interface CustomStatus {
  id: string;
  name: string;
  emoji: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Funnel: a funnel stage. */
export interface Funnel {
  uuid: string;
  name: string;
  emoji: string;
  position: number;
  createdAt: string;
}

/** Template. */
export interface Template {
  uuid: string;
  title: string;
  text: string;
  templateType: string;
  category: string;
  status: string;
  createdAt: string;
}

/** Webhook. */
export interface Webhook {
  url: string;
  subscriptions: string[];
  enabled: boolean;
  createdAt: string;
}

/** WebhookEvent: one delivery of the log. */
export interface WebhookEventRecord {
  event: string;
  payload: Record<string, unknown>;
  response: { code: number | null; body: string | null; headers: Record<string, string> };
  success: boolean;
  createdAt: string;
}

/** The account's side of Bot (the contact's side is ContactBot). */
export interface StoredBot {
  uuid: string;
  name: string;
  version: number;
  latestBotVersion: boolean;
}

/** GET /plan, less what is counted when answering (`activeUsers`, `teams`). */
export interface StoredPlan {
  plan: string;
  includedChannels: number;
  licenses: number;
}

/** GET /auth/me, less its fixed `status`. */
export interface Me {
  user_email: string;
  user_name: string;
  api_key: string;
}

/** A custom field of the account (CustomFieldMetadata less the value). */
export interface FieldDefinition {
  type: string;
  /** Allowed values, for dropdown and checkbox fields. */
  options?: string[];
}

export interface Account {
  version: number;
  /** State of the generator of new ids (see ../ids.ts); per key, so answers are reproducible. */
  idState: number;
  me: Me;
  plan: StoredPlan;
  /** The account's bot, or null when it has none. */
  bot: StoredBot | null;
  /** Where contact and conversation links start: `href` and `conversationHref` of new contacts. */
  links: { contactBase: string; chatBase: string };
  fields: Record<string, FieldDefinition>;
  /** Tags that exist in the account (matched ignoring letter case). */
  tags: string[];
  contacts: StoredContact[];
  /** Every message and note, oldest first. */
  messages: StoredMessage[];
  channels: StoredChannel[];
  teams: StoredTeam[];
  users: StoredUser[];
  customStatuses: CustomStatus[];
  funnels: Funnel[];
  templates: Template[];
  webhook: Webhook | null;
  /** The delivery log, newest first. */
  webhookEvents: WebhookEventRecord[];
}

/** A team as a contact shows it (Contact.team). */
export type TeamRef = Pick<StoredTeam, 'uuid' | 'name'>;

/** A channel as a contact shows it (Contact.channel). */
export type ChannelRef = Pick<StoredChannel, 'uuid' | 'title' | 'type'>;

/**
 * A contact as the API shows it and the spec's examples write it, less
 * `customFieldsMetadata` (computed from the account's fields): the stored
 * fields with the team and channel joined. The seed reads documented
 * contacts in this shape.
 */
export type ShownContact = Omit<StoredContact, 'teamUuid' | 'channelUuid' | 'bot'> & { team?: TeamRef; channel?: ChannelRef };
