/**
 * The layout of an account in its Redis hash (src/redis/fields.ts), without
 * Redis: a hash is a Map of fields here, and a write is applied to it as the
 * store's Lua script does (delete, then set).
 *   - written whole and read back, an account is the same;
 *   - after any sequence of changes (hundreds, from a fixed seed: adds,
 *     renames, nested edits, deletes, splices, sorts, truncations, lists put
 *     in whole, plain values), the fields the tracker wrote rebuild exactly
 *     the changed account, and nothing read through the Proxy is left in it;
 *   - a new contact writes one item and the list's length (a few hundred
 *     bytes), not the list; a read-only change writes nothing;
 *   - a list kept whole (the earlier layout) is read, and rewritten item by
 *     item at its next change;
 *   - a list that misses an item is refused.
 */
import { describe, expect, it } from 'vitest';
import { accountSeed } from '../src/app';
import type { Account, StoredContact } from '../src/data/types';
import { decodeAccount, encodeAccount, itemField, lengthField, shapeOf, track, type Shape, type Writes } from '../src/redis/fields';
import { freshAccount } from '../src/store';

const KEY = 'test_redisFieldsKey0000000000';

function hashOf(pairs: readonly string[]): Map<string, string> {
  const hash = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) hash.set(pairs[i]!, pairs[i + 1]!);
  return hash;
}

function apply(hash: Map<string, string>, writes: Writes): void {
  for (const name of writes.del) hash.delete(name);
  for (const [name, value] of hashOf(writes.set)) hash.set(name, value);
}

function read(hash: Map<string, string>): { account: unknown; shape: Shape } {
  const decoded = decodeAccount([...hash].flat());
  if (!decoded) throw new Error('undecodable');
  return { account: decoded.fields, shape: decoded.shape };
}

const plainData = (account: Account) => JSON.parse(JSON.stringify(account)) as unknown;

/** A small PRNG (mulberry32), so that a failing sequence can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Change = (account: Account, pick: (n: number) => number, step: number) => void;

/** Changes as handlers make them, through the account they are given. */
const CHANGES: Record<string, Change> = {
  addContact(account, _pick, step) {
    const contact: StoredContact = {
      uuid: step.toString(16).padStart(32, 'a'),
      name: `New ${step}`,
      phoneNumber: '4915112345678',
      avatarUrl: null,
      createdAt: '2026-07-02T09:30:00Z',
      source: 'whatsapp',
      href: `x/${step}`,
      conversationHref: `y/${step}`,
      assignedUser: null,
      tags: [],
      customFields: {},
    };
    account.contacts.push(contact);
    contact.note = 'changed after it was added'; // the change keeps its own object
    if (account.contacts.indexOf(contact) !== account.contacts.length - 1) throw new Error('added item not found again');
  },
  rename(account, pick, step) {
    if (account.contacts.length > 0) account.contacts[pick(account.contacts.length)]!.name = `Renamed ${step}`;
  },
  nestedEdit(account, pick, step) {
    const contact = account.contacts.find((_c, i, all) => i === pick(all.length));
    if (!contact) return;
    contact.customFields[`field${step % 3}`] = String(step);
    contact.tags.push(`tag${step}`);
  },
  deleteProperty(account, pick) {
    if (account.contacts.length > 0) delete account.contacts[pick(account.contacts.length)]!.note;
  },
  splice(account, pick) {
    if (account.contacts.length > 0) account.contacts.splice(pick(account.contacts.length), 1);
  },
  filterInWhole(account, pick) {
    const gone = account.contacts[pick(Math.max(1, account.contacts.length))]?.uuid;
    account.contacts = account.contacts.filter((c) => c.uuid !== gone);
  },
  sort(account) {
    account.contacts.sort((a, b) => a.name.localeCompare(b.name));
  },
  reverseMessages(account) {
    account.messages.reverse();
  },
  truncate(account, pick) {
    account.contacts.length = Math.max(0, account.contacts.length - 1 - pick(3));
  },
  logEntry(account, _pick, step) {
    account.webhookEvents.unshift({ event: 'contact_updated', payload: { step }, response: { code: null, body: null, headers: {} }, success: false, createdAt: '2026-07-02T09:30:00Z' });
    if (account.webhookEvents.length > 5) account.webhookEvents.length = 5;
  },
  replaceItemBySpread(account, pick, step) {
    const i = pick(account.teams.length);
    account.teams[i] = { ...account.teams[i]!, name: `Team ${step}` };
  },
  moveItem(account, pick) {
    // An item read through the Proxy, put elsewhere: it must be stored unwrapped.
    if (account.contacts.length < 2) return;
    const [moved] = account.contacts.splice(pick(account.contacts.length), 1);
    account.contacts.unshift(moved!);
  },
  plainValues(account, _pick, step) {
    account.idState = step;
    account.webhook = step % 2 ? null : { url: `https://example.org/${step}`, subscriptions: ['contact_created'], enabled: true, createdAt: '2026-07-02T09:30:00Z' };
    account.links.chatBase = `https://chat.example/${step}/`;
  },
  tags(account, _pick, step) {
    account.tags.push(`T${step}`);
    if (step % 4 === 0) account.tags.shift();
  },
  readOnly(account) {
    account.contacts.some((c) => c.uuid === 'none');
    void account.contacts.length;
  },
};

describe('the account in its Redis hash', () => {
  it('written whole and read back, is the same account', () => {
    const account = freshAccount(accountSeed(), KEY);
    const hash = hashOf(encodeAccount(account));
    expect(hash.get(lengthField('contacts'))).toBe(String(account.contacts.length));
    expect(hash.has(itemField('contacts', 0))).toBe(true);
    expect(hash.has('contacts')).toBe(false);
    const back = read(hash);
    expect(back.account).toEqual(plainData(account));
    expect(back.shape).toEqual(shapeOf(account));
  });

  it('after 600 random changes, the fields written rebuild the account exactly', () => {
    const random = prng(14);
    const pick = (n: number) => Math.floor(random() * n);
    const names = Object.keys(CHANGES);
    const account = freshAccount(accountSeed(), KEY);
    const hash = hashOf(encodeAccount(account));
    let shape = shapeOf(account);
    for (let step = 0; step < 600; step++) {
      const name = names[pick(names.length)]!;
      const watched = track(account, shape);
      CHANGES[name]!(watched.proxy, pick, step);
      const { writes, shape: next } = watched.writes();
      apply(hash, writes);
      shape = next;
      const back = read(hash);
      expect(back.account, `step ${step}: ${name}`).toEqual(plainData(account));
      expect(back.shape, `step ${step}: ${name}`).toEqual(shape);
    }
    // Nothing read through a Proxy was left in the account: it clones (a Proxy does not).
    expect(() => structuredClone(account)).not.toThrow();
  });

  it('a new contact writes one item and the length; a read-only change writes nothing', () => {
    const account = freshAccount(accountSeed(), KEY);
    const before = account.contacts.length;
    const add = track(account, shapeOf(account));
    CHANGES.addContact!(add.proxy, () => 0, 1);
    const { writes } = add.writes();
    const written = hashOf(writes.set);
    expect([...written.keys()]).toEqual([itemField('contacts', before), lengthField('contacts')]);
    expect(writes.del).toEqual([]);
    expect(JSON.stringify(account.contacts).length).toBeGreaterThan(30_000);
    expect(writes.set.join('').length).toBeLessThan(1000);

    const look = track(account, shapeOf(account));
    CHANGES.readOnly!(look.proxy, () => 0, 2);
    expect(look.writes().writes).toEqual({ set: [], del: [] });
  });

  it('reads a list kept whole (the earlier layout), and rewrites it item by item at its next change', () => {
    const account = freshAccount(accountSeed(), KEY);
    const legacy = new Map(Object.entries(account).map(([name, value]) => [name, JSON.stringify(value)]));
    const old = read(legacy);
    expect(old.account).toEqual(plainData(account));
    expect(old.shape.plain).toContain('contacts');
    const watched = track(old.account as Account, old.shape);
    (watched.proxy.contacts[0] as StoredContact).name = 'Renamed';
    const { writes } = watched.writes();
    expect(writes.del).toContain('contacts');
    apply(legacy, writes);
    expect(legacy.has('contacts')).toBe(false);
    expect(legacy.get(lengthField('contacts'))).toBe(String(account.contacts.length));
    expect((read(legacy).account as Account).contacts[0]!.name).toBe('Renamed');
  });

  it('refuses a list that misses an item', () => {
    const hash = hashOf(encodeAccount(freshAccount(accountSeed(), KEY)));
    hash.delete(itemField('contacts', 3));
    expect(decodeAccount([...hash].flat())).toBeUndefined();
  });
});
