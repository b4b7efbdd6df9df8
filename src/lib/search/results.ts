/**
 * Turns what Pagefind answers into result lines for the search box and Node
 * readers: one line per page, pointing at the section that matched best, with
 * the excerpt split into text and highlighted parts (rendered as text, never as HTML).
 * Pure: the Pagefind types below describe its JavaScript API's data (pagefind.js).
 */
import type { ExcerptPart, SearchHit, SearchPage } from './types';

/** A section of a result (`sub_results` in Pagefind). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}

/** `await result.data()` in Pagefind's API (the fields this site uses). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
}

/** The part of pagefind.js this site calls. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string) => Promise<PagefindSearchResponse | null>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Pagefind's excerpts carry (`&lt;`, `&#39;`, `&#x2F;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** `a <mark>b</mark> c` -> [{a}, {b, match}, {c}]; any other tag is dropped. */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let match = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) match = true;
    else if (/^<\/mark>$/i.test(piece)) match = false;
    else {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (!text) continue;
      const last = parts[parts.length - 1];
      if (last && last.match === match) last.text += text;
      else parts.push({ text, match });
    }
  }
  return parts;
}

function strength(sub: PagefindSubResult): number {
  if (sub.weighted_locations?.length) return sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
  return sub.locations?.length ?? 0;
}

/** The section that matched best (ties: the first in the page). */
export function bestSection(subs: readonly PagefindSubResult[] | undefined): PagefindSubResult | undefined {
  let best: PagefindSubResult | undefined;
  for (const sub of subs ?? []) if (!best || strength(sub) > strength(best)) best = sub;
  return best;
}

/** Pagefind percent-encodes anchors (`#controlli-di-integrit%C3%A0`): the heading id as written. */
export function readableUrl(url: string): string {
  const i = url.indexOf('#');
  if (i === -1) return url;
  try {
    return url.slice(0, i + 1) + decodeURIComponent(url.slice(i + 1));
  } catch {
    return url;
  }
}

/** Strips the anchor: `/a/b#c` -> `/a/b`. */
export function pageOf(url: string): string {
  return url.replace(/#.*$/, '');
}

/** One result line from Pagefind's data for a page, completed by the page's manifest entry. */
export function toHit(data: PagefindResultData, page: SearchPage | undefined): SearchHit {
  const best = bestSection(data.sub_results);
  const title = page?.title ?? data.meta.title ?? data.url;
  const url = readableUrl(best?.url ?? data.url);
  const section = best && best.title && best.title !== title && url.includes('#') ? best.title : undefined;
  return {
    page: pageOf(data.url),
    url,
    title,
    ...(page?.label ? { label: page.label } : {}),
    ...(section ? { section } : {}),
    excerpt: parseExcerpt(best?.excerpt || data.excerpt),
  };
}

/** A line for a pinned page the engine did not return: its description stands for the excerpt. */
export function pinnedHit(page: SearchPage): SearchHit {
  return {
    page: page.url,
    url: page.url,
    title: page.title,
    ...(page.label ? { label: page.label } : {}),
    excerpt: page.description ? [{ text: page.description, match: false }] : [],
  };
}
