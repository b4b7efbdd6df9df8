/**
 * Remark plugin: resolves `<RequestTabs endpoint='group' request="id"/>` against
 * openapi/openapi.yaml at build time and hands the operation to the component as
 * an `operation` prop: only what the browser reads of it (src/lib/api/clientModel.ts;
 * no response bodies, no schema descriptions), in the page's language: a page under
 * `i18n/<locale>/` gets the spec's strings of that locale (`i18n/<locale>/openapi.json`,
 * src/lib/api/localize.ts), so the Try it panel's hints are translated; a string
 * without translation stays English and says so (`descriptionLang: 'en'`). An
 * English page, or the English file Docusaurus serves for an untranslated one,
 * gets the English model. The tag stays exactly as authors write it; an unknown
 * endpoint or request fails the build with the file and line.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { loadCurrentSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { clientOperation, type ClientOperation } from '../src/lib/api/clientModel';
import { localizedOperation } from '../src/lib/api/localize';
import { ensureDefaultImport, jsxElementNamed, literalAttribute, setExpressionAttribute, tagError } from './mdx-jsx';

export const COMPONENT = 'RequestTabs';

/** The locale of a page from its file path: `i18n/<locale>/docusaurus-plugin-content-docs/...`, else English. */
export function pageLocale(filePath: string | undefined): string {
  const m = /(?:^|[\\/])i18n[\\/]([^\\/]+)[\\/]docusaurus-plugin-content-docs[\\/]/.exec(filePath ?? '');
  return m?.[1] ?? 'en';
}

/** The operation for one tag, in `locale`, as the page embeds it; throws a message naming the problem. */
export function resolveTag(endpoint: string | undefined, request: string | undefined, locale = 'en'): ClientOperation {
  if (!endpoint || !request) {
    throw new Error(`<${COMPONENT}> needs literal string props endpoint and request`);
  }
  return clientOperation(localizedOperation(loadCurrentSpec(), localeStrings(locale).spec, locale, endpoint, request));
}

/** `npm run bench` builds the site once with every RequestTabs removed, to measure its weight. */
const STRIP = process.env.BENCH_STRIP_REQUEST_TABS === '1';

/** Where the component lives; the import the plugin adds to a page that uses the tag without importing it. */
export const COMPONENT_SOURCE = '@site/src/components/Requests/RequestTabs';

const remarkRequestTabs: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  let used = false;
  visit(tree, (node, index, parent) => {
    const el = jsxElementNamed(node, COMPONENT);
    if (!el) return;
    if (STRIP && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    used = true;
    let operation: ClientOperation;
    try {
      operation = resolveTag(literalAttribute(el, 'endpoint'), literalAttribute(el, 'request'), pageLocale(file.path));
    } catch (error) {
      throw tagError(file, el, (error as Error).message);
    }
    setExpressionAttribute(el, 'operation', operation);
  });
  // The tag works without an import line: add it where the page has none. Added per page rather
  // than registered globally in MDXComponents, so only pages that show RequestTabs carry its code.
  if (used) ensureDefaultImport(tree, COMPONENT, COMPONENT_SOURCE);
};

export default remarkRequestTabs;
