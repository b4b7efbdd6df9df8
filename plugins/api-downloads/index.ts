/**
 * Docusaurus plugin: /downloads/openapi.yaml, /downloads/openapi.json and
 * /downloads/callbell-api.postman_collection.json, generated from the spec
 * when the site loads (dev and build), so the downloads never drift from it.
 * Each locale serves its own files under its base URL (`/it/downloads/...`),
 * carrying its translated descriptions (`i18n/<locale>/openapi.json`; see ./build.ts).
 * The files land in a generated static directory (see `staticDirectories`
 * in docusaurus.config.ts), which both the dev server and the build serve;
 * after a locale's build they are written again into its output folder, so a
 * locale's files never depend on the order in which the locales are built.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { SPEC_PATH } from '../../src/lib/api/load';
import { stringsFilePath } from '../../src/lib/api/localeStrings';
import { buildDownloads, type ApiDownloads } from './build';

/** Relative to the site directory, inside Docusaurus's generated-files folder (movable by DOCUSAURUS_GENERATED_FILES_DIR_NAME); listed in `staticDirectories`. */
export const DOWNLOADS_STATIC_DIR = `${process.env.DOCUSAURUS_GENERATED_FILES_DIR_NAME ?? '.docusaurus'}/api-downloads`;

function writeAll(dir: string, files: ApiDownloads): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

export default function apiDownloads(context: LoadContext): Plugin<ApiDownloads> {
  const locale = context.i18n.currentLocale;
  return {
    name: 'api-downloads',
    getPathsToWatch: () => [SPEC_PATH, stringsFilePath(locale, context.siteDir)],
    async loadContent() {
      const files = await buildDownloads({ locale });
      writeAll(path.join(context.siteDir, DOWNLOADS_STATIC_DIR, 'downloads'), files);
      return files;
    },
    async postBuild({ outDir, content }) {
      writeAll(path.join(outDir, 'downloads'), content);
    },
  };
}
