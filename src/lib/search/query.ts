/**
 * What the search box does with a query before and after the engine (Pagefind):
 * - `normalizeQuery` makes any input safe and bounded (trimmed, one space, at most
 *   MAX_QUERY characters, no control characters); shorter than MIN_QUERY means "do not search";
 * - `fold` is the comparison form (lower case, accents removed);
 * - `pinnedPages` finds the pages a query names exactly (a title or sidebar label, a
 *   method and path such as `GET /contacts`, `/contacts/phone`, `post messages send`, or
 *   an error code a guide explains), which the box lists before the engine's ranked results.
 * Pure: no DOM, no I/O.
 */
import type { SearchPage } from './types';

export const MIN_QUERY = 2;
export const MAX_QUERY = 200;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
// Control characters (C0, DEL, C1) never reach the engine.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The query as the engine receives it, or '' when it is too short to search. */
export function normalizeQuery(raw: string): string {
  const text = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  // Cut on a code point, never inside a surrogate pair (emoji).
  const cut = Array.from(text).slice(0, MAX_QUERY).join('').trim();
  return Array.from(cut).length >= MIN_QUERY ? cut : '';
}

/** Lower case without diacritics: `Página` -> `pagina`. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a folded text (letters, digits, `_`), for label comparisons. */
function words(text: string): string {
  return fold(text)
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .join(' ');
}

export interface EndpointQuery {
  method?: string;
  /** Lower-case path segments; placeholders (`:uuid`, `{uuid}`) become `*`. */
  segments: string[];
}

/**
 * Reads `GET /contacts`, `/contacts/phone`, `post messages send`,
 * `https://api.callbell.eu/v1/contacts/{uuid}?x=1`. Undefined when the query is
 * not shaped like an endpoint: it needs a leading method or a `/`.
 */
export function parseEndpointQuery(query: string): EndpointQuery | undefined {
  let text = fold(query).trim();
  let method: string | undefined;
  const first = /^([a-z]+)\b\s*/.exec(text);
  if (first && (METHODS as readonly string[]).includes(first[1]!)) {
    method = first[1]!.toUpperCase();
    text = text.slice(first[0].length);
  }
  if (!method && !text.includes('/')) return undefined;
  text = text.replace(/^[a-z]+:\/\/[^/]+/, '').replace(/[?#].*$/, '');
  const segments = text
    .split(/[\s/]+/)
    .filter(Boolean)
    .map((s) => (/^(:\w+|\{\w+\})$/.test(s) ? '*' : s));
  if (segments[0] === 'v1') segments.shift();
  if (segments.length === 0 || segments.some((s) => !/^[\w*.-]+$/.test(s))) return undefined;
  return { ...(method ? { method } : {}), segments };
}

/**
 * How well an endpoint (method + path template) answers an endpoint query, 0 = not at all:
 * 100 every segment in place (a placeholder in the query standing for a parameter);
 * 80 the query names the literal segments and leaves the parameters out (`/contacts/phone`);
 * 60 every segment in place, a query word standing for a parameter (`/contacts/414a6d69...`).
 */
export function endpointScore(q: EndpointQuery, method: string, pathTemplate: string): number {
  if (q.method && q.method !== method) return 0;
  const segs = pathTemplate
    .toLowerCase()
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\{\w+\}$/.test(s) ? '*' : s));
  if (segs.length === q.segments.length) {
    const pairs = segs.map((s, i) => [s, q.segments[i]!] as const);
    if (pairs.every(([s, w]) => s === w)) return 100;
    if (pairs.every(([s, w]) => s === w || s === '*')) return pairs.some(([s, w]) => s === '*' && w !== '*') ? 60 : 100;
  }
  const literal = segs.filter((s) => s !== '*');
  const asked = q.segments.filter((s) => s !== '*');
  if (literal.length === asked.length && literal.every((s, i) => s === asked[i])) return 80;
  return 0;
}

/** At most this many pages are pinned above the engine's results. */
export const MAX_PINNED = 3;

/**
 * The pages a query names exactly, best first: an endpoint matching a method and
 * path (100/80/60, see endpointScore), a title or sidebar label equal to the query
 * (90; case and accents ignored), a guide that explains the error code the query is
 * (85). Only the best-scoring tier is pinned: the engine ranks the rest.
 */
export function pinnedPages(query: string, pages: readonly SearchPage[]): SearchPage[] {
  const q = words(query);
  if (!q) return [];
  const endpoint = parseEndpointQuery(query);
  const code = fold(query).trim();
  const scored: Array<{ page: SearchPage; score: number }> = [];
  for (const page of pages) {
    let score = 0;
    if (words(page.title) === q || (page.label !== undefined && words(page.label) === q)) score = 90;
    if (endpoint && page.method && page.path) score = Math.max(score, endpointScore(endpoint, page.method, page.path));
    if (page.codes?.includes(code)) score = Math.max(score, 85);
    if (score > 0) scored.push({ page, score });
  }
  const best = Math.max(0, ...scored.map((s) => s.score));
  // Among guides, the one that explains the most codes (the errors guide) comes first.
  return scored
    .filter((s) => s.score === best)
    .sort((a, b) => (b.page.codes?.length ?? 0) - (a.page.codes?.length ?? 0))
    .slice(0, MAX_PINNED)
    .map((s) => s.page);
}

/** Pinned pages first, then the engine's results without the pages already listed. */
export function mergeResults<T extends { page: string }>(pinned: readonly T[], ranked: readonly T[], limit: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...pinned, ...ranked]) {
    if (seen.has(item.page)) continue;
    seen.add(item.page);
    out.push(item);
    if (out.length === limit) break;
  }
  return out;
}
