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
import { valueToEstree } from 'estree-util-value-to-estree';
import { loadCurrentSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { clientOperation, type ClientOperation } from '../src/lib/api/clientModel';
import { localizedOperation } from '../src/lib/api/localize';

export const COMPONENT = 'RequestTabs';

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | null | { type: string; value: string; data?: unknown };
}

interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<JsxAttribute | { type: string }>;
  position?: { start: { line: number; column: number } };
}

function literalAttribute(node: JsxElement, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxAttribute' && (attr as JsxAttribute).name === name) {
      const value = (attr as JsxAttribute).value;
      return typeof value === 'string' ? value : undefined;
    }
  }
  return undefined;
}

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

/** True when the page already imports the component itself (the seeds' form). */
function importsComponent(tree: Root): boolean {
  return tree.children.some((node) => node.type === 'mdxjsEsm' && new RegExp(`\\bimport\\s+${COMPONENT}\\b`).test(node.value));
}

/**
 * `import RequestTabs from '@site/…/RequestTabs';` as an MDX ESM node (with the
 * estree MDX compiles from). Added per page rather than registered globally in
 * MDXComponents, so only pages that show RequestTabs carry its code.
 */
function importNode(): Root['children'][number] {
  const literal = { type: 'Literal', value: COMPONENT_SOURCE, raw: JSON.stringify(COMPONENT_SOURCE) };
  const declaration = {
    type: 'ImportDeclaration',
    specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: COMPONENT } }],
    source: literal,
    attributes: [],
  };
  return {
    type: 'mdxjsEsm',
    value: `import ${COMPONENT} from '${COMPONENT_SOURCE}';`,
    data: { estree: { type: 'Program', sourceType: 'module', body: [declaration], comments: [] } },
  } as unknown as Root['children'][number];
}

const remarkRequestTabs: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  let used = false;
  visit(tree, (node, index, parent) => {
    const el = node as unknown as JsxElement;
    if ((el.type !== 'mdxJsxFlowElement' && el.type !== 'mdxJsxTextElement') || el.name !== COMPONENT) return;
    if (STRIP && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    used = true;
    let operation: ClientOperation;
    try {
      operation = resolveTag(literalAttribute(el, 'endpoint'), literalAttribute(el, 'request'), pageLocale(file.path));
    } catch (error) {
      const where = el.position ? `${file.path}:${el.position.start.line}` : file.path;
      throw new Error(`${where}: ${(error as Error).message}`);
    }
    const expression = valueToEstree(operation);
    el.attributes = el.attributes.filter(
      (attr) => !(attr.type === 'mdxJsxAttribute' && (attr as JsxAttribute).name === 'operation'),
    );
    el.attributes.push({
      type: 'mdxJsxAttribute',
      name: 'operation',
      value: {
        type: 'mdxJsxAttributeValueExpression',
        value: JSON.stringify(operation),
        data: {
          estree: {
            type: 'Program',
            sourceType: 'module',
            body: [{ type: 'ExpressionStatement', expression }],
          },
        },
      },
    } as JsxAttribute);
  });
  // The tag works without an import line: add it where the page has none.
  if (used && !importsComponent(tree)) {
    const afterFrontMatter = tree.children.findIndex((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
    tree.children.splice(afterFrontMatter === -1 ? tree.children.length : afterFrontMatter, 0, importNode());
  }
};

export default remarkRequestTabs;
