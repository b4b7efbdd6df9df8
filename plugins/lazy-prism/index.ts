/**
 * Docusaurus plugin: in the browser bundle only, `prism-react-renderer` is
 * ./client.tsx, which evaluates the package on first use (or when the page is
 * first idle) instead of while the page loads. The server build, which
 * highlights every code block and snippet of the static HTML, uses the package
 * itself. Why, and what counts as a use: see client.tsx.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

export const LAZY_PRISM_CLIENT = path.join(__dirname, 'client.tsx');

export default function lazyPrism(): Plugin<void> {
  return {
    name: 'lazy-prism',
    configureWebpack(_config, isServer) {
      // `$`: the package's name exactly; the client's own import of the package file is not aliased.
      return isServer ? {} : { resolve: { alias: { 'prism-react-renderer$': LAZY_PRISM_CLIENT } } };
    },
  };
}
