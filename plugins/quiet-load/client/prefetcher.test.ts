/** quiet-load's prefetch: each URL once, never a loaded one, failures swallowed. */
import { describe, expect, it } from 'vitest';
import { createPrefetch } from './prefetcher';

function harness(loaded: string[] = [], fail: string[] = []) {
  const requests: string[] = [];
  const prefetch = createPrefetch({
    isLoaded: (url) => loaded.includes(url),
    request: (url) => {
      requests.push(url);
      return fail.includes(url) ? Promise.reject(new Error('404')) : Promise.resolve();
    },
  });
  return { prefetch, requests };
}

describe('createPrefetch', () => {
  it('asks for each URL once, however many links point at routes that share it', async () => {
    const { prefetch, requests } = harness();
    await Promise.all(['/a.js', '/b.js', '/a.js', '/a.js', '/b.js'].map(prefetch));
    expect(requests).toEqual(['/a.js', '/b.js']);
  });

  it('never asks for a file the page has already loaded', async () => {
    const { prefetch, requests } = harness(['/page.js']);
    await prefetch('/page.js');
    await prefetch('/other.js');
    expect(requests).toEqual(['/other.js']);
  });

  it('settles without error when the request fails, and does not ask again', async () => {
    const { prefetch, requests } = harness([], ['/gone.js']);
    await expect(prefetch('/gone.js')).resolves.toBeUndefined();
    await expect(prefetch('/gone.js')).resolves.toBeUndefined();
    expect(requests).toEqual(['/gone.js']);
  });

  it('gives concurrent callers the same pending request', () => {
    const { prefetch } = harness();
    expect(prefetch('/a.js')).toBe(prefetch('/a.js'));
  });
});
