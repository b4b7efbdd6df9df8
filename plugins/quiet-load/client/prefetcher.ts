/**
 * The pure part of ./prefetch.ts: a prefetch function that asks for each URL
 * once and never for one the page has already loaded.
 */
export interface PrefetchDeps {
  /** True when the page already has this file (a script element with this URL). */
  isLoaded(url: string): boolean;
  /** Asks the browser for the file; settles when it has it or gave up. */
  request(url: string): Promise<void>;
}

export function createPrefetch({ isLoaded, request }: PrefetchDeps): (url: string) => Promise<void> {
  const requested = new Map<string, Promise<void>>();
  return (url) => {
    const pending = requested.get(url);
    if (pending) return pending;
    if (isLoaded(url)) return Promise.resolve();
    // A failed prefetch is only a missed head start: the chunk loads when the page is opened.
    const result = request(url).catch(() => undefined);
    requested.set(url, result);
    return result;
  };
}
