/**
 * Docusaurus plugin: less work for the browser right after a page has loaded.
 * In the browser bundle only, three modules of Docusaurus are replaced by ones
 * that keep their exports and behaviour but schedule their work differently:
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
 *
 * Each replacement is keyed on the resolved path of the file it replaces, so
 * it catches the relative imports inside Docusaurus's packages; `index.test.ts`
 * fails when a Docusaurus upgrade moves one of those files.
 */
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

export default function quietLoad(): Plugin<void> {
  return {
    name: 'quiet-load',
    configureWebpack(_config, isServer) {
      return isServer ? {} : { resolve: { alias: replacements() } };
    },
  };
}
