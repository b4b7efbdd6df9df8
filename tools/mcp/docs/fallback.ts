/**
 * The docs search when no built index exists: a word search over the pages' Markdown,
 * in memory. Words are compared folded (lower case, accents removed, as the search box
 * does) and loosely (a query word of 5 letters or more also matches words that share
 * all but its last two letters: `contatti` finds `contatto`). A page scores by where its
 * words match: title and sidebar label, headings, then text; pages matching more of
 * the query's words come first. Pure.
 */
import { fold, normalizeQuery } from '../../../src/lib/search/query';
import type { DocPage } from '../../../src/lib/markdown-export/page';

export interface FallbackHit {
  page: DocPage;
  section?: string;
  excerpt: string;
}

const WEIGHTS = { title: 8, heading: 3, text: 1 } as const;
/** Matches in a page's text count up to this many times per word. */
const TEXT_CAP = 5;
const EXCERPT_CHARS = 200;

export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length > 0);
}

function matcher(word: string): (candidate: string) => boolean {
  if (word.length < 5) return (candidate) => candidate === word;
  const stem = word.slice(0, word.length - 2);
  return (candidate) => candidate === word || candidate.startsWith(stem);
}

interface Indexed {
  page: DocPage;
  title: string[];
  headings: Array<{ text: string; words: string[] }>;
  lines: string[];
}

function indexPage(page: DocPage, markdown: string): Indexed {
  const headings: Indexed['headings'] = [];
  const lines: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = !fence && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) headings.push({ text: heading[1]!.trim(), words: words(heading[1]!) });
    else if (line.trim()) lines.push(line.trim());
  }
  return { page, title: words(`${page.title} ${page.sidebarLabel ?? ''}`), headings, lines };
}

function excerptOf(line: string, hit: (w: string) => boolean): string {
  const plain = line.replace(/[*_`>#|]+/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  if (plain.length <= EXCERPT_CHARS) return plain;
  const at = plain.split(' ').findIndex((w) => words(w).some(hit));
  const before = plain.split(' ').slice(0, Math.max(0, at)).join(' ').length;
  const startAt = Math.max(0, before - 60);
  return `${startAt > 0 ? '…' : ''}${plain.slice(startAt, startAt + EXCERPT_CHARS).trim()}…`;
}

/** The best pages for `query`, at most `limit`. */
export function fallbackSearch(pages: ReadonlyArray<{ page: DocPage; markdown: string }>, query: string, limit: number): FallbackHit[] {
  const terms = [...new Set(words(normalizeQuery(query)))].filter((w) => w.length >= 2);
  if (terms.length === 0) return [];
  const matchers = terms.map(matcher);
  const scored = pages.map(({ page, markdown }) => {
    const doc = indexPage(page, markdown);
    let score = 0;
    let matched = 0;
    let section: string | undefined;
    let excerpt: string | undefined;
    matchers.forEach((m) => {
      let found = false;
      if (doc.title.some(m)) {
        score += WEIGHTS.title;
        found = true;
      }
      const heading = doc.headings.find((h) => h.words.some(m));
      if (heading) {
        score += WEIGHTS.heading;
        section ??= heading.text;
        found = true;
      }
      let inText = 0;
      for (const line of doc.lines) {
        const n = words(line).filter(m).length;
        if (n > 0 && excerpt === undefined) excerpt = excerptOf(line, m);
        inText += n;
        if (inText >= TEXT_CAP) break;
      }
      if (inText > 0) found = true;
      score += Math.min(inText, TEXT_CAP) * WEIGHTS.text;
      if (found) matched += 1;
    });
    return { page, score, matched, section, excerpt: excerpt ?? page.description ?? '' };
  });
  return scored
    .filter((s) => s.matched > 0)
    .sort((a, b) => b.matched - a.matched || b.score - a.score || a.page.permalink.localeCompare(b.page.permalink))
    .slice(0, limit)
    .map((s) => ({ page: s.page, ...(s.section ? { section: s.section } : {}), excerpt: s.excerpt }));
}
