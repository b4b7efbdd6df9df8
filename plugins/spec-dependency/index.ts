/**
 * Docusaurus plugin: makes every MDX page that uses `<RequestTabs>` or `<FieldTree>` depend on
 * openapi/openapi.yaml. With it, editing the spec while `npm start` runs
 * recompiles the pages that show it (no restart), and Rspack's persistent cache
 * can never serve a page built from an older spec.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { SPEC_PATH } from '../../src/lib/api/load';
import { FIELD_TREE } from '../remark-field-tree';
import { COMPONENT } from '../remark-request-tabs';

const MDX_FILE = /\.mdx?$/i;

export default function specDependency(): Plugin<void> {
  return {
    name: 'spec-dependency',
    getPathsToWatch: () => [SPEC_PATH],
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              // A function, not a RegExp: a RegExp made in the config's module loader fails Rspack's `instanceof` check.
              test: (resource: string) => MDX_FILE.test(resource),
              enforce: 'pre',
              use: [{ loader: path.join(__dirname, 'loader.cjs'), options: { files: [SPEC_PATH], marker: [`<${COMPONENT}`, `<${FIELD_TREE}`] } }],
            },
          ],
        },
      };
    },
  };
}
