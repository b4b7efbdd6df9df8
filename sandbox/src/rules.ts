/**
 * Rules the schema cannot express, shared by the routes: references to
 * things that must exist in the account (tags, custom fields, users, teams,
 * channels, ...) and the types of custom field values. A request is checked
 * completely before anything changes, and every problem is reported at once
 * (400 invalid_body, one entry of `fields` per offending key).
 */
import type { Account, StoredChannel, StoredContact, StoredTeam, StoredUser } from './data/types';
import { encodeList, type CustomFieldValues } from './domain/custom-fields';
import { apiErrors, type FieldError } from './errors';

/**
 * Collects body problems; `throwIfAny` answers 400 invalid_body naming them
 * (at most MAX_ERROR_FIELDS; the message counts the rest, see ../errors.ts).
 * The first problem of a field wins. Adding is O(1): a body of a million
 * bad items costs a million map operations, never a scan of earlier problems.
 */
export class Problems {
  readonly #byName = new Map<string, FieldError>();

  add(name: string, message: string): void {
    if (!this.#byName.has(name)) this.#byName.set(name, { name, in: 'body', message });
  }

  /** The problems in the order they were found. */
  get fields(): FieldError[] {
    return [...this.#byName.values()];
  }

  get empty(): boolean {
    return this.#byName.size === 0;
  }

  throwIfAny(): void {
    if (this.#byName.size > 0) throw apiErrors.invalidBody(this.fields);
  }
}

/** Only the digits of a phone number: `+123 456-789` -> `123456789`. */
export function digits(value: string): string {
  return value.replace(/\D/g, '');
}

/** A phone number as the sandbox accepts it on WhatsApp: 5 to 15 digits, an optional `+`, spaces, dashes, dots, parentheses. */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[0-9 ().-]+$/.test(value) && digits(value).length >= 5 && digits(value).length <= 15;
}

/**
 * How a recipient is compared and shown: phone numbers by their digits only
 * (`+31 6 1234 5678` = `31612345678`), other platform ids exactly as written.
 */
export function addressKey(value: string): string {
  return isPhoneNumber(value) ? digits(value) : value;
}

/** The contact with this uuid, or 404 not_found. */
export function contactOr404(account: Account, uuid: string): StoredContact {
  const contact = account.contacts.find((c) => c.uuid === uuid);
  if (!contact) throw apiErrors.unknownId();
  return contact;
}

/** Generic lookup by a key, or 404 not_found. */
export function findOr404<T>(items: readonly T[], match: (item: T) => boolean): T {
  const found = items.find(match);
  if (found === undefined) throw apiErrors.unknownId();
  return found;
}

/** Existing tags, matched ignoring letter case; duplicates (in any case) are dropped, the first spelling kept. */
export function checkTags(account: Account, tags: string[], problems: Problems, field = 'tags'): string[] {
  const known = new Set(account.tags.map((t) => t.toLowerCase()));
  const kept = new Map<string, string>();
  tags.forEach((tag, i) => {
    const key = tag.trim().toLowerCase();
    if (!known.has(key)) {
      problems.add(`${field}[${i}]`, `is not a tag of the account ("${tag}")`);
      return;
    }
    if (!kept.has(key)) kept.set(key, tag.trim());
  });
  return [...kept.values()];
}

function isValidDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The contact's custom fields after applying `values`: only the named fields
 * change. Every field must exist; values must suit its type (text: any;
 * email: an address; number: decimal; date: YYYY-MM-DD; dropdown: one of the
 * options; checkbox: an array of its options, stored JSON-encoded). An empty
 * string, or an empty array for a checkbox, clears the field.
 */
export function applyCustomFields(
  account: Account,
  current: Record<string, string>,
  values: CustomFieldValues,
  problems: Problems,
  field = 'custom_fields',
): Record<string, string> {
  const next: Record<string, string> = { ...current };
  for (const [name, value] of Object.entries(values)) {
    const path = `${field}.${name}`;
    const def = Object.hasOwn(account.fields, name) ? account.fields[name] : undefined;
    if (!def) {
      problems.add(path, 'is not a custom field of the account');
      continue;
    }
    if ((typeof value === 'string' && value === '') || (Array.isArray(value) && value.length === 0)) {
      delete next[name];
      continue;
    }
    const options = def.options ?? [];
    if (def.type === 'checkbox') {
      if (!Array.isArray(value)) {
        problems.add(path, `must be an array of options (${options.join(', ')})`);
      } else if (!value.every((v) => options.includes(v)) || new Set(value).size !== value.length) {
        problems.add(path, `must list distinct options among: ${options.join(', ')}`);
      } else {
        next[name] = encodeList(value);
      }
      continue;
    }
    if (typeof value !== 'string') {
      problems.add(path, `must be a string (a ${def.type} field)`);
      continue;
    }
    const ok =
      def.type === 'email'
        ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        : def.type === 'number'
          ? /^-?\d+(\.\d+)?$/.test(value)
          : def.type === 'date'
            ? isValidDate(value)
            : def.type === 'dropdown'
              ? options.includes(value)
              : true;
    if (!ok) {
      const expected: Record<string, string> = {
        email: 'must be an email address',
        number: 'must be a decimal number written as a string, e.g. "42" or "3.5"',
        date: 'must be a date written YYYY-MM-DD',
        dropdown: `must be one of: ${options.join(', ')}`,
      };
      problems.add(path, expected[def.type] ?? 'is not a valid value');
      continue;
    }
    next[name] = value;
  }
  return next;
}

export function userByEmail(account: Account, email: string, problems: Problems, field: string): StoredUser | undefined {
  const user = account.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!user) problems.add(field, 'is not the email of a user of the account');
  return user;
}

export function teamByUuid(account: Account, uuid: string, problems: Problems, field: string): StoredTeam | undefined {
  const team = account.teams.find((t) => t.uuid === uuid);
  if (!team) problems.add(field, 'is not a team of the account');
  return team;
}

/**
 * The channel a contact or message uses: the given one (it must exist, be of
 * the given platform and be in use) or the account's main channel of the
 * platform (it must be in use).
 */
export function channelFor(
  account: Account,
  platform: string,
  channelUuid: string | undefined,
  problems: Problems,
  fields: { channel: string; platform: string },
): StoredChannel | undefined {
  if (channelUuid !== undefined) {
    const channel = account.channels.find((ch) => ch.uuid === channelUuid);
    if (!channel) problems.add(fields.channel, 'is not a channel of the account');
    else if (channel.type !== platform) problems.add(fields.channel, `is a ${channel.type} channel, not ${platform}`);
    else if (channel.discardedAt !== null) problems.add(fields.channel, 'is a discarded channel');
    else return channel;
    return undefined;
  }
  const main = account.channels.find((ch) => ch.type === platform && ch.main && ch.discardedAt === null);
  if (!main) problems.add(fields.platform, `the account has no ${platform} channel in use`);
  return main;
}

/** The channel a contact belongs to: its own, else the main channel of its source. */
export function contactChannel(account: Account, contact: StoredContact): StoredChannel | undefined {
  if (contact.channelUuid) return account.channels.find((ch) => ch.uuid === contact.channelUuid);
  return account.channels.find((ch) => ch.type === contact.source && ch.main);
}
