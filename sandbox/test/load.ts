/**
 * A bounded load of concurrent clients that create, rename and delete
 * contacts over HTTP, and a ledger of what each answer acknowledged, for the
 * tests that kill things mid-run (Redis: tests/redis.test.ts; file store:
 * tests/file-crash.test.ts).
 *
 * Each client works on its own contacts (one after another, so the order of
 * its writes is known), through the targets it is given in turn, on one of
 * the shared keys (so several clients, through several instances, change
 * the same account at once). Every write is recorded with the time its answer
 * arrived: a 2xx is acknowledged; no answer, or a 5xx, leaves its outcome
 * unknown (it may or may not have happened). `check` then compares what the
 * sandbox holds with what the ledger allows: after every acknowledged write
 * (up to `cutoff`), the contact must be exactly as that write left it, or as
 * a later write of unknown outcome (or one acknowledged after `cutoff`) left
 * it. Bounded: `until` and `maxOps` stop every client.
 */
import { httpCall } from './processes';

type State = { present: false } | { present: true; name: string };

interface Write {
  /** When the answer arrived (epoch ms); unknown outcome: when the request failed. */
  at: number;
  acknowledged: boolean;
  result: State;
}

export interface Ledger {
  /** Per key, per contact uuid: its writes, in order. */
  contacts: Map<string, Map<string, Write[]>>;
  /** Answers by status (0: no answer). */
  statuses: Map<number, number>;
  acknowledged: number;
}

export interface LoadOptions {
  clients: number;
  keys: readonly string[];
  /** The base URLs (`…/v1`) a client may send to now; it takes them in turn. */
  targets: () => readonly string[];
  /** Stops when it returns true (checked before every request), given the writes acknowledged so far. */
  until: (acknowledged: number) => boolean;
  /** The ledger to fill (so that the caller can watch it grow). Default: a new one. */
  ledger?: Ledger;
  /** Most requests per client. */
  maxOps: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function send(url: string, key: string, method: string, body?: unknown): Promise<{ status: number; json?: unknown }> {
  try {
    const res = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: 0 };
  }
}

/** An empty ledger for these keys. */
export function newLedger(keys: readonly string[]): Ledger {
  return { contacts: new Map(keys.map((key) => [key, new Map()])), statuses: new Map(), acknowledged: 0 };
}

export async function runLoad(options: LoadOptions): Promise<Ledger> {
  const ledger = options.ledger ?? newLedger(options.keys);
  const count = (status: number) => ledger.statuses.set(status, (ledger.statuses.get(status) ?? 0) + 1);

  async function client(index: number): Promise<void> {
    const random = rng((options.seed ?? 1) * 1000 + index);
    const key = options.keys[index % options.keys.length]!;
    const mine = ledger.contacts.get(key)!;
    const live: string[] = [];
    for (let op = 0; op < options.maxOps && !options.until(ledger.acknowledged); op++) {
      const targets = options.targets();
      if (targets.length === 0) return;
      const base = targets[(index + op) % targets.length]!;
      const roll = random();
      const name = `c${index}-${op}`;
      if (live.length === 0 || roll < 0.45) {
        const answer = await send(`${base}/contacts`, key, 'POST', { source: 'whatsapp', identifier: `4915${String(index).padStart(3, '0')}${String(op).padStart(5, '0')}`, name });
        count(answer.status);
        if (answer.status >= 200 && answer.status < 300) {
          const uuid = (answer.json as { contact: { uuid: string } }).contact.uuid;
          mine.set(uuid, [{ at: Date.now(), acknowledged: true, result: { present: true, name } }]);
          live.push(uuid);
          ledger.acknowledged++;
        }
        continue;
      }
      const at = Math.floor(random() * live.length);
      const uuid = live[at]!;
      const deleting = roll > 0.8;
      const answer = deleting ? await send(`${base}/contacts/${uuid}`, key, 'DELETE') : await send(`${base}/contacts/${uuid}`, key, 'PATCH', { name });
      count(answer.status);
      const acknowledged = answer.status >= 200 && answer.status < 300;
      const unknown = answer.status === 0 || answer.status >= 500;
      if (!acknowledged && !unknown) throw new Error(`${deleting ? 'DELETE' : 'PATCH'} ${uuid}: ${answer.status} ${JSON.stringify(answer.json)}`);
      mine.get(uuid)!.push({ at: Date.now(), acknowledged, result: deleting ? { present: false } : { present: true, name } });
      if (acknowledged) ledger.acknowledged++;
      // After a delete (or a write of unknown outcome) the client leaves that contact alone.
      if (deleting || unknown) live.splice(at, 1);
    }
  }

  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return ledger;
}

/** Every contact of the key's account, by uuid (walking the pages, bounded). */
export async function contactsOf(base: string, key: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let page = 1; page <= 1000; page++) {
    const res = await httpCall(`${base}/contacts?page=${page}`, { headers: { Authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`GET /contacts?page=${page}: ${res.status} ${res.text}`);
    const body = JSON.parse(res.text) as { contacts: Array<{ uuid: string; name: string }>; meta: { pages: number } };
    for (const contact of body.contacts) found.set(contact.uuid, contact.name);
    if (page >= body.meta.pages) break;
  }
  return found;
}

/** The states a contact may be in now, after its writes (acknowledged up to `cutoff` are certain). */
function allowed(writes: readonly Write[], cutoff: number): State[] {
  let states: State[] = [{ present: false }];
  for (const write of writes) {
    if (write.acknowledged && write.at <= cutoff) states = [write.result];
    else states = [...states, write.result];
  }
  return states;
}

const same = (a: State, b: State) => a.present === b.present && (!a.present || (b.present && a.name === b.name));

/** What the sandbox holds that no acknowledged write allows: lost creates, lost renames, deleted contacts back. */
export function lostWrites(ledger: Ledger, holdings: Map<string, Map<string, string>>, cutoff = Number.POSITIVE_INFINITY): string[] {
  const problems: string[] = [];
  for (const [key, contacts] of ledger.contacts) {
    const held = holdings.get(key)!;
    for (const [uuid, writes] of contacts) {
      const name = held.get(uuid);
      const now: State = name === undefined ? { present: false } : { present: true, name };
      const options = allowed(writes, cutoff);
      if (!options.some((state) => same(state, now))) {
        problems.push(`${key.slice(0, 12)}… ${uuid}: holds ${JSON.stringify(now)}, expected one of ${JSON.stringify(options)}`);
      }
    }
  }
  return problems;
}
