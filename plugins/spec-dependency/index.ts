/**
 * Docusaurus plugin: makes every MDX page that uses `<RequestTabs>` or `<FieldTree>` depend on
 * openapi/openapi.yaml, and a translated one also on its locale's API strings
 * (`i18n/<locale>/openapi.json`). With it, editing the spec or the strings while
 * `npm start` runs recompiles the pages that show them (no restart), and
 * Rspack's persistent cache can never serve a page built from older ones.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { SPEC_PATH } from '../../src/lib/api/load';
import { stringsFile } from '../../src/lib/api/stringsFile';
import { translatedLocaleCodes } from '../../src/config/locales';
import { FIELD_TREE } from '../remark-field-tree';
import { COMPONENT } from '../remark-request-tabs';

const MDX_FILE = /\.mdx?$/i;

const ROOT = path.dirname(path.dirname(SPEC_PATH));

/** Each translated locale's API strings file, absolute. */
export function localeStringsFiles(): Record<string, string> {
  return Object.fromEntries(translatedLocaleCodes().map((code) => [code, path.join(ROOT, stringsFile(code))]));
}

export default function specDependency(): Plugin<void> {
  const localeFiles = localeStringsFiles();
  return {
    name: 'spec-dependency',
    getPathsToWatch: () => [SPEC_PATH, ...Object.values(localeFiles)],
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              // A function, not a RegExp: a RegExp made in the config's module loader fails Rspack's `instanceof` check.
              test: (resource: string) => MDX_FILE.test(resource),
              enforce: 'pre',
              use: [{ loader: path.join(__dirname, 'loader.cjs'), options: { files: [SPEC_PATH], localeFiles, marker: [`<${COMPONENT}`, `<${FIELD_TREE}`] } }],
            },
          ],
        },
      };
    },
  };
}
