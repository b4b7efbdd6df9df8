/**
 * What a page asks Docusaurus to prefetch and preload, by path: the specs that check when a
 * link loads its page (the sidebar's IntentLink, a kept table's links) read it.
 */
import type { Page } from '@playwright/test';

/**
 * Before the page loads, wraps `window.docusaurus` so every `prefetch(path)` and `preload(path)`
 * is recorded as `prefetch <path>` / `preload <path>`. Returns a reader of that list.
 */
export async function recordRouteRequests(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const asked: string[] = [];
    Object.assign(window, { routesAsked: asked });
    let current: Window['docusaurus'] | undefined;
    Object.defineProperty(window, 'docusaurus', {
      configurable: true,
      get: () => current,
      set: (value: Window['docusaurus']) => {
        current = {
          prefetch: (path) => (asked.push(`prefetch ${path}`), value.prefetch(path)),
          preload: (path) => (asked.push(`preload ${path}`), value.preload(path)),
        };
      },
    });
  });
  return () => page.evaluate(() => (window as unknown as { routesAsked: string[] }).routesAsked);
}
