/**
 * Deterministic demo data for the sandbox. Pure: no I/O, no clock, no global
 * random; the same input always gives the same contacts (mulberry32, fixed seed).
 *
 * The list opens with the contacts of the spec's documented first page,
 * unchanged, so the sandbox answers exactly as the docs show; the rest is
 * generated until the documented total is reached. Custom field definitions
 * (type, options) live in one place, `SeedData.fields`: the fields the spec's
 * `withFieldTypes` example shows take their type and options from it, the
 * extra fields below cover the remaining CustomFieldType values. Contacts come
 * out as the store keeps them (../data/types.ts).
 */
import { encodeList, type CustomFieldMetadata } from '../domain/custom-fields';
import type { FieldDefinition, ShownContact, StoredContact, TeamRef } from './types';


export interface SeedInput {
  /** The documented first-page contacts, oldest first; they open the list unchanged. */
  exampleContacts: ShownContact[];
  /** `customFieldsMetadata` of the documented example: type and options of the fields it shows. */
  exampleFieldMetadata: Record<string, CustomFieldMetadata>;
  /** The documented number of contacts. */
  total: number;
  /** The spec's `Source` enum. */
  sources: string[];
  /** The spec's `CustomFieldType` enum; every type gets at least one field. */
  fieldTypes: string[];
  /**
   * The documented teams of the account. Generated contacts join these (by
   * name); without them the generator makes up team uuids. Either way the
   * random sequence is the same, so the rest of the data does not change.
   */
  teams?: TeamRef[];
}

export interface SeedData {
  contacts: StoredContact[];
  teams: TeamRef[];
  fields: Record<string, FieldDefinition>;
}

export const SEED = 0xca11be11;

/** Fields beyond the documented example, so every CustomFieldType occurs. */
const EXTRA_FIELDS: Record<string, FieldDefinition> = {
  'Work Email': { type: 'email' },
  'Lifetime Value': { type: 'number' },
  Plan: { type: 'dropdown', options: ['Free', 'Starter', 'Pro', 'Enterprise'] },
};

const TEAM_NAMES = ['Sales', 'Customer Support', 'Marketing'];
const TAGS = ['sales', 'lead', 'hot', 'vip', 'support', 'churn-risk', 'newsletter', 'partner'];
/** Other spellings some contacts carry, to exercise case-insensitive matching. */
const TAG_SPELLINGS: Record<string, string> = { vip: 'VIP', lead: 'Lead', newsletter: 'Newsletter', sales: 'SALES' };
const AGENTS = ['anna.ricci@example.com', 'sam.taylor@example.com', 'lucia.moreno@example.com', 'felix.wagner@example.com'];
const MAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
const DAY_MS = 86_400_000;

type Rng = () => number;

interface Locale {
  first: string[];
  last: string[];
  phone: (r: Rng) => string;
  cities: string[];
  streets: string[];
}

/** mulberry32: a tiny, well-known 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
const hex32 = (r: Rng) => Array.from({ length: 4 }, () => int(r, 0, 0xffffffff).toString(16).padStart(8, '0')).join('');

const LOCALES: Locale[] = [
  { first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Emily'], last: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Evans'],
    phone: (r) => `+44 7${digits(r, 3)} ${digits(r, 6)}`, cities: ['London', 'Manchester', 'Bristol'], streets: ['High Street', 'Station Road'] },
  { first: ['Giulia', 'Luca', 'Francesca', 'Matteo', 'Chiara'], last: ['Bianchi', 'Romano', 'Esposito', 'Ricci', 'Colombo'],
    phone: (r) => `+39 3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`, cities: ['Milano', 'Roma', 'Torino'], streets: ['Via Roma', 'Corso Italia'] },
  { first: ['Lucía', 'Javier', 'Carmen', 'Pablo', 'Sofía'], last: ['García', 'Martínez', 'López', 'Sánchez', 'Fernández'],
    phone: (r) => `+34 6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`, cities: ['Madrid', 'Sevilla', 'Valencia'], streets: ['Calle Mayor', 'Gran Vía'] },
  { first: ['João', 'Inês', 'Tiago', 'Beatriz', 'Rafael'], last: ['Gonçalves', 'Silva', 'Santos', 'Ferreira'],
    phone: (r) => `+351 9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`, cities: ['Lisboa', 'Porto', 'Coimbra'], streets: ['Rua Augusta', 'Avenida da Liberdade'] },
  { first: ['João', 'Ana', 'Gabriel', 'Larissa'], last: ['Gonçalves', 'Oliveira', 'Souza', 'Araújo'],
    phone: (r) => `+55 11 9${digits(r, 4)}-${digits(r, 4)}`, cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte'], streets: ['Avenida Paulista', 'Rua Oscar Freire'] },
  { first: ['Zoë', 'Lukas', 'Jürgen', 'Lena', 'Felix'], last: ['Müller', 'Schmidt', 'Schäfer', 'Wagner', 'Köhler'],
    phone: (r) => `+49 15${digits(r, 1)} ${digits(r, 8)}`, cities: ['Berlin', 'München', 'Köln'], streets: ['Hauptstraße', 'Bahnhofstraße'] },
  { first: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Théo'], last: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau'],
    phone: (r) => `+33 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`, cities: ['Paris', 'Lyon', 'Marseille'], streets: ['rue de Rivoli', 'avenue Victor Hugo'] },
  { first: ['Daan', 'Sanne', 'Bram', 'Fleur'], last: ['de Vries', 'Jansen', 'Bakker', 'Visser'],
    phone: (r) => `+31 6 ${digits(r, 8)}`, cities: ['Amsterdam', 'Utrecht', 'Rotterdam'], streets: ['Keizersgracht', 'Damrak'] },
];

/** "Zoë Müller" -> "zoe.muller" (for generated e-mail addresses). */
function mailbox(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(' ')
    .map((part) => part.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join('.');
}

interface FieldContext {
  r: Rng;
  locale: Locale;
  name: string;
  createdAtMs: number;
}

function fieldValue(field: string, def: FieldDefinition, ctx: FieldContext): string {
  const { r } = ctx;
  switch (def.type) {
    case 'email':
      return `${mailbox(ctx.name)}@${pick(r, MAIL_DOMAINS)}`;
    case 'number':
      return (int(r, 0, 500_000) / 100).toFixed(2);
    case 'date':
      return new Date(ctx.createdAtMs + int(r, 0, 400) * DAY_MS).toISOString().slice(0, 10);
    case 'dropdown':
      return pick(r, def.options ?? ['']);
    case 'checkbox': {
      const options = def.options ?? [];
      const chosen = options.filter(() => r() < 0.5);
      return encodeList(chosen.length > 0 ? chosen : options.slice(0, 1));
    }
    default:
      if (/address/i.test(field)) return `${int(r, 1, 200)} ${pick(r, ctx.locale.streets)}, ${pick(r, ctx.locale.cities)}`;
      if (/stripe/i.test(field)) return `https://stripe.com/contacts/cus${digits(r, 9)}`;
      return `${field} ${int(r, 100, 999)}`;
  }
}

/** A documented contact as the store keeps it: the joined team and channel become references. */
export function storedContact(shown: ShownContact & { customFieldsMetadata?: unknown }): StoredContact {
  const { team, channel, customFieldsMetadata: _computed, ...kept } = shown;
  const stored: StoredContact = kept;
  if (team) stored.teamUuid = team.uuid;
  if (channel) stored.channelUuid = channel.uuid;
  return stored;
}

/** Builds the whole data set. Throws when the documented input cannot be honoured. */
export function createSeed(input: SeedInput): SeedData {
  const r = mulberry32(SEED);
  const fields: Record<string, FieldDefinition> = {};
  for (const [name, meta] of Object.entries(input.exampleFieldMetadata)) {
    fields[name] = meta.options ? { type: meta.type, options: [...meta.options] } : { type: meta.type };
  }
  for (const [name, def] of Object.entries(EXTRA_FIELDS)) fields[name] ??= def;
  for (const type of input.fieldTypes) {
    if (!Object.values(fields).some((def) => def.type === type)) throw new Error(`No seed field of type "${type}"`);
  }
  const examples = structuredClone(input.exampleContacts).map(storedContact);
  for (const contact of examples) {
    for (const name of Object.keys(contact.customFields)) {
      if (!fields[name]) throw new Error(`Example field "${name}" has no documented type`);
    }
  }
  if (input.total < examples.length) throw new Error('The documented total is smaller than the example page');

  const teams: TeamRef[] = TEAM_NAMES.map((name) => {
    const generated = hex32(r); // drawn in every case, to keep the sequence
    const documented = input.teams?.find((team) => team.name === name);
    return { uuid: documented?.uuid ?? generated, name };
  });
  const [first] = examples;
  const last = examples[examples.length - 1];
  if (!first || !last) throw new Error('The documented example lists no contacts');
  const contactBase = first.href.slice(0, first.href.length - first.uuid.length);
  const chatBase = first.conversationHref.slice(0, first.conversationHref.lastIndexOf('/') + 1);

  const contacts: StoredContact[] = [...examples];
  const usedNames = new Set(contacts.map((c) => c.name));
  let time = Date.parse(last.createdAt);
  while (contacts.length < input.total) {
    const locale = pick(r, LOCALES);
    let name = '';
    for (let attempt = 0; attempt < 20 && (name === '' || usedNames.has(name)); attempt++) {
      name = `${pick(r, locale.first)} ${pick(r, locale.last)}`;
    }
    usedNames.add(name);
    time += int(r, 1, 25) * DAY_MS + int(r, 0, 86_399) * 1000;
    const uuid = hex32(r);
    const tagCount = int(r, 0, 3);
    const tags: string[] = [];
    while (tags.length < tagCount) {
      const tag = pick(r, TAGS);
      if (tags.some((t) => t.toLowerCase() === tag)) continue;
      const spelling = TAG_SPELLINGS[tag];
      tags.push(spelling && r() < 0.3 ? spelling : tag);
    }
    const contact: StoredContact = {
      uuid,
      name,
      phoneNumber: locale.phone(r),
      avatarUrl: r() < 0.2 ? `https://avatars.example.com/${uuid}.jpg` : null,
      createdAt: new Date(time).toISOString().replace('.000Z', 'Z'),
      source: pick(r, input.sources),
      href: `${contactBase}${uuid}`,
      conversationHref: `${chatBase}${hex32(r)}`,
      assignedUser: r() < 0.6 ? pick(r, AGENTS) : null,
      tags,
      customFields: {},
    };
    for (const [field, def] of Object.entries(fields)) {
      if (r() < 0.5) contact.customFields[field] = fieldValue(field, def, { r, locale, name, createdAtMs: time });
    }
    if (r() < 0.8) contact.teamUuid = pick(r, teams).uuid;
    contacts.push(contact);
  }
  return { contacts, teams, fields };
}
