/**
 * Docusaurus's `prefetch(url)` (core/lib/client/prefetch), asking for each chunk
 * once, skipping the chunks the page has loaded (../index.ts), and asking when
 * the browser is idle, a few at a time (./prefetcher.ts says why). Like the
 * original it uses `<link rel=prefetch>` where the browser supports it and a
 * plain request elsewhere.
 */
import { createIdleQueue, createPrefetch } from './prefetcher';

/** How long one idle batch of prefetches may run, in milliseconds. */
const BATCH_MS = 2;

function whenIdle(run: () => void): void {
  // Within a second even on a page that is never idle: a prefetch still helps the next click.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: 1000 });
  else setTimeout(run, 50);
}

function supportsLinkPrefetch(): boolean {
  try {
    return document.createElement('link').relList.supports('prefetch');
  } catch {
    return false;
  }
}

function linkPrefetch(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = url;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`prefetch of ${url} failed`));
    document.head.appendChild(link);
  });
}

async function fetchPrefetch(url: string): Promise<void> {
  await fetch(url, { credentials: 'include' });
}

let prefetchOnce: ((url: string) => Promise<void>) | undefined;

export default function prefetch(url: string): Promise<void> {
  if (typeof document === 'undefined') return Promise.resolve();
  prefetchOnce ??= createPrefetch({
    // Whatever the page has fetched so far (its HTML's scripts, the chunks webpack loaded: webpack
    // removes their script elements once they have run), the browser lists in Resource Timing.
    isLoaded: (wanted) => performance.getEntriesByName(new URL(wanted, document.baseURI).href, 'resource').length > 0,
    request: supportsLinkPrefetch() ? linkPrefetch : fetchPrefetch,
    later: createIdleQueue({ whenIdle, now: () => performance.now(), budgetMs: BATCH_MS }),
  });
  return prefetchOnce(url);
}
