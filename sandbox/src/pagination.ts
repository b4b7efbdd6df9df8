/**
 * Lists as the API pages them: fixed-size pages from 1, and the two orders
 * lists come in. Pure.
 */

/** The documented page size of every list but GET /webhooks/events. */
export const PAGE_SIZE = 25;

export interface PageMeta {
  page: number;
  pages: number;
  total: number;
}

/** One page of `items` (pages start at 1); a page past the end is empty, with the right meta. */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): { items: T[]; meta: PageMeta } {
  const total = items.length;
  return { items: items.slice((page - 1) * size, page * size), meta: { page, pages: Math.ceil(total / size), total } };
}

/** Oldest first by `createdAt`; equal times keep their stored order. */
export function oldestFirst<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** Newest first by `createdAt`; equal times put the later stored one first (a conversation, newest entry on top). */
export function newestFirst<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Date.parse(b.item.createdAt) - Date.parse(a.item.createdAt) || b.index - a.index)
    .map(({ item }) => item);
}
