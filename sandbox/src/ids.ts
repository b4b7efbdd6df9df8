/**
 * New ids (contacts, conversations, messages, custom statuses), deterministic
 * per API key: the generator's state lives in the account (`idState`),
 * starts from a hash of the key, is saved with the account and starts over on
 * reset. Two fresh sandboxes therefore give the same answers to the same
 * requests, and the two demo keys get different ids. Ids already in use are
 * skipped.
 */
import type { Account } from './data/account';

/** FNV-1a: a small, stable 32-bit hash of the API key. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** One step of mulberry32 over the account's state: a uint32. */
function nextUint32(account: Account): number {
  account.idState = (account.idState + 0x6d2b79f5) >>> 0;
  let t = account.idState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

function hex32(account: Account): string {
  return Array.from({ length: 4 }, () => nextUint32(account).toString(16).padStart(8, '0')).join('');
}

export interface IdSource {
  /** 32 lowercase hex digits (contacts, conversations, messages). */
  hex32(taken: (id: string) => boolean): string;
  /** A version-4 style uuid, 8-4-4-4-12 (custom statuses). */
  uuid(taken: (id: string) => boolean): string;
}

export function idSource(account: Account): IdSource {
  const fresh = (make: () => string, taken: (id: string) => boolean) => {
    for (;;) {
      const id = make();
      if (!taken(id)) return id;
    }
  };
  return {
    hex32: (taken) => fresh(() => hex32(account), taken),
    uuid: (taken) =>
      fresh(() => {
        const h = hex32(account);
        const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
      }, taken),
  };
}
