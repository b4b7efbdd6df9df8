/**
 * Docusaurus's `prefetch(url)` (core/lib/client/prefetch), asking for each chunk
 * once and skipping the chunks the page has loaded (../index.ts). Like the
 * original it uses `<link rel=prefetch>` where the browser supports it and a
 * plain request elsewhere.
 */
import { createPrefetch } from './prefetcher';

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
  });
  return prefetchOnce(url);
}
