/**
 * Docusaurus plugin: each page's HTML loads the page's own chunks with
 * `<script defer>` next to main.js, so the browser fetches them while it
 * fetches main.js instead of after running it. Why Docusaurus leaves them out,
 * and how the client manifest is completed: ./manifest.ts.
 *
 * Runs in the production client build, after react-loadable-ssr-addon has
 * written the manifest and before Docusaurus reads it to render the pages.
 * The dev server (`npm start`) renders no HTML from the manifest, and its
 * manifest names no page chunks: the plugin leaves it alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { registryModules, withModuleOrigins, type ClientManifest } from './manifest';

const NAME = 'route-chunk-scripts';

export default function routeChunkScripts(context: { generatedFilesDir: string }): Plugin<void> {
  const manifestPath = path.join(context.generatedFilesDir, 'client-manifest.json');
  const registryPath = path.join(context.generatedFilesDir, 'registry.js');
  return {
    name: NAME,
    configureWebpack(config, isServer) {
      if (isServer || config.mode !== 'production') return {};
      const complete = {
        apply(compiler: { hooks: { afterEmit: { tap(name: string, fn: () => void): void } } }) {
          compiler.hooks.afterEmit.tap(NAME, () => {
            const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ClientManifest;
            const modules = registryModules(readFileSync(registryPath, 'utf8'));
            writeFileSync(manifestPath, JSON.stringify(withModuleOrigins(manifest, modules)));
          });
        },
      };
      return { plugins: [complete] };
    },
  };
}
