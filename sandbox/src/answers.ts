/**
 * Answers of reads, kept while the account they were computed from has not
 * changed. A GET of the API is a pure function of the account and of the
 * URL (no handler reads the clock), so its serialised answer can be sent
 * again as long as the account object is the same and has seen no change
 * since (`generation`, counted by the stores). Errors are never kept.
 *
 * One cache per sandbox, least recently used out first, at most `maxEntries`
 * answers (and MAX_ANSWER_CHARS each): bounded memory whatever the number of
 * keys. Keyed by the account (its object) and the request's path and query,
 * exactly as sent: a URL that was valid once is valid again, so a hit skips
 * the parameter checks too.
 */
import type { Account } from './data/types';
import { generation } from './store';

export const DEFAULT_MAX_ANSWERS = 500;
/** Larger answers are not kept (a long page of messages): they are rare, and keeping them would cost more than it saves. */
export const MAX_ANSWER_CHARS = 256 * 1024;

export interface Answer {
  status: number;
  /** The JSON text of the body. */
  text: string;
}

interface Entry extends Answer {
  account: Account;
  generation: number;
}

export interface AnswerCache {
  get(account: Account, url: string): Answer | undefined;
  set(account: Account, url: string, answer: Answer): void;
  readonly size: number;
}

export function answerCache(maxEntries = DEFAULT_MAX_ANSWERS): AnswerCache {
  const entries = new Map<string, Entry>();
  /** Accounts get a short name here, so that entries need no key text. */
  const names = new WeakMap<Account, number>();
  let next = 0;
  const name = (account: Account) => {
    let found = names.get(account);
    if (found === undefined) names.set(account, (found = ++next));
    return found;
  };
  return {
    get size() {
      return entries.size;
    },
    get(account, url) {
      const id = `${name(account)} ${url}`;
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.account !== account || entry.generation !== generation(account)) {
        entries.delete(id);
        return undefined;
      }
      entries.delete(id); // now the most recently used
      entries.set(id, entry);
      return entry;
    },
    set(account, url, answer) {
      if (answer.text.length > MAX_ANSWER_CHARS) return;
      const id = `${name(account)} ${url}`;
      entries.delete(id);
      entries.set(id, { ...answer, account, generation: generation(account) });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
