/**
 * The stored types (src/data/types.ts, the one declaration of each stored
 * entity) agree with the spec's schemas: every field of a schema that the
 * store keeps has the schema's name and type family (see ./type-shapes.ts);
 * what it does not keep, and what it keeps beyond the schema, is listed below
 * with the reason. A field added to the spec, renamed or retyped on either
 * side fails here until the store follows or the list says why not.
 */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/api/types';
import { componentSchema } from '../../src/lib/api/model';
import { responseSchema } from '../src/spec';
import { doc } from './helpers';
import { compareObject, createTypeProgram, exportedInterfaces, exportedType, type Exceptions } from './type-shapes';

const TYPES = 'sandbox/src/data/types.ts';
const component = (name: string): Schema => componentSchema(doc, name);
const joined = 'joined when answering';

/** Each stored interface, the schema it keeps, and the fields that differ. */
const STORED: Record<string, { schema: Schema; name: string } & Exceptions> = {
  StoredContact: {
    name: 'Contact',
    schema: component('Contact'),
    notKept: {
      blockedAt: 'the sandbox never blocks a contact',
      customFieldsMetadata: "computed from the account's field definitions",
      team: `${joined}, from teamUuid`,
      channel: `${joined}, from channelUuid`,
    },
    extra: { teamUuid: 'shown as team', channelUuid: 'shown as channel', bot: "the contact's side of Bot (ContactBot)" },
  },
  ContactBot: {
    name: 'Bot',
    schema: component('Bot'),
    notKept: { uuid: "the account's bot", name: "the account's bot", version: "the account's bot", latestBotVersion: "the account's bot" },
  },
  StoredBot: {
    name: 'Bot',
    schema: component('Bot'),
    notKept: { status: "the contact's (ContactBot)", conversationStartedAt: "the contact's (ContactBot)" },
  },
  StoredMessage: {
    name: 'Message',
    schema: component('Message'),
    notKept: {
      contact: `${joined}, from contactUuid`,
      messageContactCard: 'the sandbox sends and keeps text and media only',
      messageContext: 'the sandbox sends and keeps text and media only',
      messageForward: 'the sandbox sends and keeps text and media only',
      messageInteractiveList: 'the sandbox sends and keeps text and media only',
      messageLocation: 'the sandbox sends and keeps text and media only',
      messageReplyButton: 'the sandbox sends and keeps text and media only',
    },
    extra: { contactUuid: 'the conversation it belongs to', delivery: 'the delivery side (MessageSendRequest)' },
  },
  MessageDelivery: {
    name: 'MessageSendRequest',
    schema: component('MessageSendRequest'),
    notKept: { uuid: "the message's", metadata: "the message's", contact: joined, conversation: joined },
  },
  StoredChannel: { name: 'Channel', schema: component('Channel'), extra: { address: 'where sent messages leave from' } },
  StoredTeam: {
    name: 'Team',
    schema: component('Team'),
    notKept: { members: 'counted from memberUuids' },
    extra: { memberUuids: 'the members, in order' },
  },
  StoredUser: {
    name: 'TeamMember',
    schema: component('TeamMember'),
    notKept: { userCustomStatus: `${joined}, from customStatus` },
    extra: { customStatus: 'the custom status shown, by id' },
  },
  UserCustomStatusRef: {
    name: 'UserCustomStatus',
    schema: component('UserCustomStatus'),
    notKept: { name: `${joined}, from the custom status`, emoji: `${joined}, from the custom status`, updatedAt: 'kept as setAt' },
    extra: { setAt: 'shown as updatedAt' },
  },
  CustomStatus: { name: 'CustomStatus', schema: component('CustomStatus') },
  Funnel: { name: 'Funnel', schema: component('Funnel') },
  Template: { name: 'Template', schema: component('Template') },
  Webhook: { name: 'Webhook', schema: component('Webhook') },
  WebhookEventRecord: { name: 'WebhookEvent', schema: component('WebhookEvent') },
  StoredPlan: {
    name: 'GET /plan',
    schema: responseSchema(doc, '/plan', 'get', 200),
    notKept: { activeUsers: 'counted from the users', teams: 'the teams' },
  },
  Me: { name: 'GET /auth/me', schema: responseSchema(doc, '/auth/me', 'get', 200), notKept: { status: 'always ok' } },
  FieldDefinition: {
    name: 'CustomFieldMetadata',
    schema: component('CustomFieldMetadata'),
    notKept: { value: "the contact's (customFields)" },
  },
};

/** Stored interfaces that are not the shape of a schema. */
const NOT_A_SCHEMA: Record<string, string> = { Account: 'the whole account: its parts are compared one by one above' };

const program = createTypeProgram([TYPES]);
const checker = program.getTypeChecker();

describe('the stored types agree with the spec', () => {
  it('every exported interface of data/types.ts is compared (or says why not)', () => {
    const declared = exportedInterfaces(program, TYPES);
    expect(declared.filter((name) => !(name in STORED) && !(name in NOT_A_SCHEMA))).toEqual([]);
    expect([...Object.keys(STORED), ...Object.keys(NOT_A_SCHEMA)].filter((name) => !declared.includes(name))).toEqual([]);
  });

  it.each(Object.entries(STORED))('%s keeps the fields of its schema under their names and types', (typeName, { schema, name, ...exceptions }) => {
    expect(compareObject(checker, exportedType(program, TYPES, typeName), schema, 'stored', `${typeName} (${name})`, exceptions)).toEqual([]);
  });
});
