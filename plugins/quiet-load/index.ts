/**
 * Docusaurus plugin: less work for the browser right after a page has loaded.
 * In the browser bundle only, the entry and three modules of Docusaurus are
 * replaced by ones that keep their exports and behaviour but schedule their
 * work differently:
 *
 * - The entry (client/entry.ts) evaluates the same modules in the same order
 *   as Docusaurus's client entry, each in a task after main.js's own: React
 *   DOM, the application, then the start (matching the route, hydrating). On a
 *   docs page the single task took 13 to 15 ms on a phone viewport, a long
 *   task under Lighthouse's four-fold CPU slowdown; main.js's own task is now
 *   5 to 6 ms, and the others shorter.
 *
 * - `browserContext` (`useIsBrowser`) and `useWindowSize` change their value
 *   right after hydration in a transition. Every reader renders again then
 *   (the navbar, the code blocks' buttons, the sidebar for the screen size);
 *   as an urgent update that render is one long task, as a transition React
 *   renders it in slices of a few milliseconds between which the browser can
 *   answer the reader.
 * - `prefetch` asks for each chunk once. Docusaurus prefetches every route a
 *   visible link points to, and with it every chunk of that route: the same
 *   layout chunks again for every link, and the current page's own chunks,
 *   which are already loaded (74 `<link rel=prefetch>` on GET /contacts for
 *   about 10 distinct files).
 *   It asks when the browser is idle, a few at a time: every link on the
 *   first screen comes into view in the same task right after the load, and
 *   adding their `<link rel=prefetch>` there made it a 5 ms task.
 *
 * Each replacement is keyed on the resolved path of the file it replaces, so
 * it catches the relative imports inside Docusaurus's packages; `index.test.ts`
 * fails when a Docusaurus upgrade moves one of those files.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

const require = createRequire(__filename);

/** Docusaurus's file (without extension, as a relative import names it) → its replacement. */
export function replacements(): Record<string, string> {
  const core = path.dirname(require.resolve('@docusaurus/core/package.json'));
  // theme-common exports no package.json: its entry point is lib/index.js.
  const themeCommonLib = path.dirname(require.resolve('@docusaurus/theme-common'));
  return {
    [path.join(core, 'lib/client/browserContext')]: path.join(__dirname, 'client/browserContext.tsx'),
    [path.join(core, 'lib/client/prefetch')]: path.join(__dirname, 'client/prefetch.ts'),
    [path.join(themeCommonLib, 'hooks/useWindowSize')]: path.join(__dirname, 'client/useWindowSize.ts'),
  };
}

/**
 * The aliases under which client/entry.ts imports React DOM, Docusaurus's
 * client entry and its App module, from the path of the entry Docusaurus
 * configured (React DOM ships no types: an alias keeps `any` out of the code).
 * Throws when that is not the client entry this split was written for.
 */
export function entryModules(docusaurusEntry: unknown): Record<string, string> {
  if (typeof docusaurusEntry !== 'string' || !/clientEntry\.js$/.test(docusaurusEntry)) {
    throw new Error(`quiet-load: Docusaurus's browser entry is ${JSON.stringify(docusaurusEntry)}, not its clientEntry.js; has Docusaurus changed how it starts?`);
  }
  const app = path.join(path.dirname(docusaurusEntry), 'App.js');
  if (!existsSync(app)) throw new Error(`quiet-load: no App.js beside Docusaurus's client entry (${app})`);
  return {
    '@quiet-load/react-dom-client$': require.resolve('react-dom/client'),
    '@quiet-load/docusaurus-app$': app,
    '@quiet-load/docusaurus-client-entry$': docusaurusEntry,
  };
}

export default function quietLoad(): Plugin<void> {
  return {
    name: 'quiet-load',
    configureWebpack(config, isServer) {
      if (isServer) return {};
      return {
        mergeStrategy: { entry: 'replace' },
        entry: path.join(__dirname, 'client/entry.ts'),
        resolve: { alias: { ...replacements(), ...entryModules(config.entry) } },
      };
    },
  };
}
