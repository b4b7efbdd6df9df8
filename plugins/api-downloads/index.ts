/**
 * Docusaurus plugin: /downloads/openapi.yaml, /downloads/openapi.json and
 * /downloads/callbell-api.postman_collection.json, generated from the spec
 * when the site loads (dev and build), so the downloads never drift from it.
 * The files land in a generated static directory (see `staticDirectories`
 * in docusaurus.config.ts), which both the dev server and the build serve.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { SPEC_PATH } from '../../src/lib/api/load';
import { buildDownloads } from './build';

/** Relative to the site directory; listed in `staticDirectories`. */
export const DOWNLOADS_STATIC_DIR = '.docusaurus/api-downloads';

export default function apiDownloads(context: LoadContext): Plugin<void> {
  return {
    name: 'api-downloads',
    getPathsToWatch: () => [SPEC_PATH],
    async loadContent() {
      const dir = path.join(context.siteDir, DOWNLOADS_STATIC_DIR, 'downloads');
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(await buildDownloads())) writeFileSync(path.join(dir, name), text);
    },
  };
}
