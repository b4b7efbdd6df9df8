/**
 * One search over a locale's index, the same in the browser (the search box) and
 * in Node (src/lib/search/node.ts): normalise the query, ask Pagefind, put the pages
 * the query names exactly (`GET /contacts`, a sidebar label) first, one line per page.
 */
import { mergeResults, normalizeQuery, pinnedPages } from './query';
import { pageOf, pinnedHit, toHit, type PagefindApi } from './results';
import type { SearchHit, SearchPage } from './types';
import { META_WEIGHTS } from './html';

/** Lines the box shows at most. */
export const RESULT_LIMIT = 8;

/** Options for `pagefind.options()`; `basePath` is the folder of the locale's bundle. */
export function pagefindOptions(basePath: string): Record<string, unknown> {
  // baseUrl '/': result URLs are the site URLs the builder gave each page, as they are.
  return { basePath, baseUrl: '/', excerptLength: 24, ranking: { metaWeights: { ...META_WEIGHTS } } };
}

export async function searchIndex(api: PagefindApi, pages: readonly SearchPage[], raw: string, limit = RESULT_LIMIT): Promise<SearchHit[]> {
  const query = normalizeQuery(raw);
  if (!query) return [];
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const pinned = pinnedPages(query, pages);
  const response = await api.search(query);
  const ranked = response?.results ?? [];
  const data = await Promise.all(ranked.slice(0, limit + pinned.length).map((r) => r.data()));
  const hits = data.map((d) => toHit(d, byUrl.get(pageOf(d.url))));
  const byPage = new Map(hits.map((h) => [h.page, h]));
  // A page the query names is opened at its top, whatever section matched best.
  const pinnedHits = pinned.map((p): SearchHit => {
    const hit = byPage.get(p.url);
    if (!hit) return pinnedHit(p);
    const { section: _section, ...rest } = hit;
    return { ...rest, url: p.url };
  });
  return mergeResults(pinnedHits, hits, limit);
}
