/**
 * How an account is laid out in its Redis hash (./store.ts), and what a
 * change has to write there. Pure: no Redis here.
 *
 * Layout: one field per top-level property (`me`, `plan`, `webhook`, ...:
 * JSON), except lists, which are kept item by item: `contacts[]` holds the
 * length and `contacts[0]`, `contacts[1]`, ... the items (JSON). So a new
 * contact costs one item and the length, not the whole list (tens of
 * kilobytes that every write would otherwise serialise and send). A list
 * kept whole under its own name (the layout before this one) is still read,
 * and written item by item the next time it changes.
 *
 * What a change wrote is found by watching it (`track`): the account is
 * handed to the change behind a Proxy that records which properties were
 * set, and which list items were set, deleted or might have been changed. A
 * list item is one Proxy level deep only: reading a nested object of it (its
 * `customFields`, its `tags`) counts as a possible change of the item, so a
 * change made through that object is never missed, and reading its plain
 * values (`uuid`, `name`) costs nothing. Items a change adds are handed back
 * as they are, so a change can find again what it added. Whatever is read
 * through the Proxy and stored elsewhere in the account is stored unwrapped.
 */
import type { Account } from '../data/types';

/** What the hash holds, as far as writes need to know: each list's stored length, and the lists still kept whole. */
export interface Shape {
  lengths: Map<string, number>;
  plain: Set<string>;
}

/** Hash fields to set (name, value, name, value, ...) and to delete. */
export interface Writes {
  set: string[];
  del: string[];
}

/** The field of a list's length, and of its item at `index`. */
export const lengthField = (name: string): string => `${name}[]`;
export const itemField = (name: string, index: number): string => `${name}[${index}]`;

const ITEM = /^(.+)\[(\d+)\]$/;
const LENGTH = /^(.+)\[\]$/;

type Record_ = Record<string, unknown>;

/** The shape of an account just written whole, or brought up to date by a write. */
export function shapeOf(account: Account, plain: ReadonlySet<string> = new Set()): Shape {
  const lengths = new Map<string, number>();
  for (const [name, value] of Object.entries(account)) if (Array.isArray(value) && !plain.has(name)) lengths.set(name, value.length);
  return { lengths, plain: new Set(plain) };
}

/** The fields of one property: a list item by item, anything else as one JSON field. */
function propertyFields(name: string, value: unknown, out: string[]): void {
  if (name === 'v') return; // the hash's version field
  if (!Array.isArray(value)) {
    out.push(name, JSON.stringify(value));
    return;
  }
  out.push(lengthField(name), String(value.length));
  value.forEach((item, index) => out.push(itemField(name, index), JSON.stringify(item)));
}

/** Every field of the account (a new account, a reset). */
export function encodeAccount(account: Account): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(account)) propertyFields(name, value, out);
  return out;
}

/**
 * The properties in a hash's fields (`HGETALL`: name, value, ...; `v`, the hash's version, is
 * skipped), and their shape. Undefined when a list misses an item or a value is not JSON.
 */
export function decodeAccount(reply: readonly string[]): { fields: Record_; shape: Shape } | undefined {
  const fields: Record_ = {};
  const lists = new Map<string, { length: number; items: Map<number, string> }>();
  const list = (name: string) => {
    let found = lists.get(name);
    if (!found) lists.set(name, (found = { length: -1, items: new Map() }));
    return found;
  };
  const plain = new Set<string>();
  try {
    for (let i = 0; i + 1 < reply.length; i += 2) {
      const name = reply[i]!;
      const value = reply[i + 1]!;
      if (name === 'v') continue;
      const item = ITEM.exec(name);
      const length = LENGTH.exec(name);
      if (item) list(item[1]!).items.set(Number(item[2]), value);
      else if (length) list(length[1]!).length = Number(value);
      else fields[name] = JSON.parse(value) as unknown;
    }
    for (const [name, { length, items }] of lists) {
      if (!Number.isSafeInteger(length) || length < 0) return undefined;
      const values: unknown[] = [];
      for (let index = 0; index < length; index++) {
        const text = items.get(index);
        if (text === undefined) return undefined;
        values.push(JSON.parse(text) as unknown);
      }
      fields[name] = values;
    }
  } catch {
    return undefined;
  }
  for (const [name, value] of Object.entries(fields)) if (Array.isArray(value) && !lists.has(name)) plain.add(name);
  const lengths = new Map([...lists].map(([name, { length }]) => [name, length] as const));
  return { fields, shape: { lengths, plain } };
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
/** The array index a property names (`"3"`), or undefined (`"length"`, `"push"`, symbols). */
function indexOf(property: string | symbol): number | undefined {
  if (typeof property !== 'string') return undefined;
  const index = Number(property);
  return Number.isSafeInteger(index) && index >= 0 && String(index) === property ? index : undefined;
}

export interface Tracked {
  /** The account to hand to the change. */
  proxy: Account;
  /** What the change wrote, to send to Redis, and the shape the hash will have once it is written. */
  writes(): { writes: Writes; shape: Shape };
}

/** Watches a change of `account`, whose hash has `shape` (see the module comment). */
export function track(account: Account, shape: Shape): Tracked {
  /** Properties to write whole (lists included, when replaced or still kept whole). */
  const whole = new Set<string>();
  /** List items that may have changed, by list. */
  const items = new Map<string, Set<number>>();
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  /** Objects this change put in the account: handed back as they are. */
  const added = new WeakSet<object>();
  const unwrap = (value: unknown): unknown => (isObject(value) ? (targets.get(value) ?? value) : value);

  const mark = (name: string, index: number) => {
    let set = items.get(name);
    if (!set) items.set(name, (set = new Set()));
    set.add(index);
  };

  function wrap<T extends object>(target: T, handler: ProxyHandler<T>): T {
    let proxy = proxies.get(target) as T | undefined;
    if (!proxy) {
      proxy = new Proxy(target, handler);
      proxies.set(target, proxy);
      targets.set(proxy, target);
    }
    return proxy;
  }

  /** An item of list `name`, first met at `index` (an item that moves since sits at a marked index anyway). */
  const itemProxy = (name: string, index: number, item: object): object =>
    wrap(item, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (isObject(value)) mark(name, index);
        return value;
      },
      set(target, property, value) {
        mark(name, index);
        return Reflect.set(target, property, unwrap(value));
      },
      deleteProperty(target, property) {
        mark(name, index);
        return Reflect.deleteProperty(target, property);
      },
    });

  const listProxy = (name: string, list: unknown[]): unknown[] =>
    wrap(list, {
      get(target, property) {
        const index = indexOf(property);
        const value = Reflect.get(target, property) as unknown;
        if (index === undefined || !isObject(value) || added.has(value)) return value;
        return itemProxy(name, index, value);
      },
      set(target, property, value) {
        const index = indexOf(property);
        const raw = unwrap(value);
        if (index !== undefined) {
          mark(name, index);
          if (isObject(raw)) added.add(raw);
        } else if (property === 'length' && !items.has(name)) items.set(name, new Set());
        return Reflect.set(target, property, raw);
      },
      deleteProperty(target, property) {
        const index = indexOf(property);
        if (index !== undefined) mark(name, index);
        return Reflect.deleteProperty(target, property);
      },
    });

  const proxy = new Proxy(account, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof property !== 'string') return value;
      if (Array.isArray(value)) return listProxy(property, value);
      if (isObject(value)) whole.add(property); // may be changed through it: written whole, as it is small
      return value;
    },
    set(target, property, value) {
      if (typeof property === 'string') whole.add(property);
      const raw = unwrap(value);
      // A list put in whole may hold items read through the Proxy: unwrapped in place (the change keeps its list).
      if (Array.isArray(raw)) raw.forEach((item, index) => (raw[index] = unwrap(item)));
      return Reflect.set(target, property, raw);
    },
    deleteProperty(target, property) {
      if (typeof property === 'string') whole.add(property);
      return Reflect.deleteProperty(target, property);
    },
  });

  return {
    proxy,
    writes() {
      const set: string[] = [];
      const del: string[] = [];
      const plain = new Set(shape.plain);
      const record = account as unknown as Record_;
      /** Drops the items of list `name` at and past `from` that the hash holds. */
      const dropItems = (name: string, from: number) => {
        for (let index = from; index < (shape.lengths.get(name) ?? 0); index++) del.push(itemField(name, index));
      };
      // A list whose length differs from the hash's (however it came to be) is written too.
      const resized = Object.keys(record).filter((name) => Array.isArray(record[name]) && !plain.has(name) && (record[name] as unknown[]).length !== shape.lengths.get(name));
      for (const name of new Set([...whole, ...items.keys(), ...resized])) {
        const value = record[name];
        if (!Object.prototype.hasOwnProperty.call(record, name)) {
          del.push(name);
          if (shape.lengths.has(name)) del.push(lengthField(name));
          dropItems(name, 0);
          continue;
        }
        if (!Array.isArray(value)) {
          set.push(name, JSON.stringify(value));
          continue;
        }
        if (whole.has(name) || plain.has(name) || !shape.lengths.has(name)) {
          propertyFields(name, value, set);
          dropItems(name, value.length);
          if (plain.delete(name)) del.push(name);
          continue;
        }
        for (const index of items.get(name) ?? []) if (index < value.length) set.push(itemField(name, index), JSON.stringify(value[index]));
        if (value.length !== shape.lengths.get(name)) {
          set.push(lengthField(name), String(value.length));
          dropItems(name, value.length);
        }
      }
      return { writes: { set, del }, shape: shapeOf(account, plain) };
    },
  };
}
