/**
 * The Chromium the bench drives: Debian's by default, the flags the browser tests use
 * (playwright.config.ts) so a run in a container without a GPU or a sandbox works.
 * Lighthouse reads CHROME_PATH (its own convention), the Playwright parts CHROMIUM_PATH
 * (the tests'); either one moves both.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
