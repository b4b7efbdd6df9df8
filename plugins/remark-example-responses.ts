/**
 * Remark plugin: tells each `<RequestTabs endpoint=… request=…/>` where the page shows the
 * operation's response examples, so its example selector can point at (and mark) the
 * response of the chosen request. It adds a `responseAnchors` prop: for each response
 * example of the operation, in the spec's order, the id of the heading of the section
 * whose ```` ```json title=response.json ```` block shows it (the page's k-th such block is
 * the operation's k-th example, in every locale: the pages are rendered from the spec, the
 * handwritten ones follow the same order). A page with another number of those blocks than
 * the operation has examples fails the build with the file and line.
 *
 * Runs after Docusaurus's own heading plugin (user remark plugins come after the defaults),
 * so the ids are the ones the HTML carries, whatever the page's language. The page's
 * source is left as written; only the compiled tag gets the prop.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { loadCurrentSpec } from '../src/lib/api/load';
import { operationModels, type OpenApiDocument } from '../src/lib/api/model';
import { jsxElementNamed, literalAttribute, setExpressionAttribute, tagError } from './mdx-jsx';
import { COMPONENT } from './remark-request-tabs';

export const RESPONSE_ANCHORS_PROP = 'responseAnchors';

/** The fence that shows a response example. */
export function isResponseExample(node: RootContent): boolean {
  return node.type === 'code' && node.lang === 'json' && /(?:^|\s)title=["']?response\.json["']?(?:\s|$)/.test(node.meta ?? '');
}

/** The operations' response example counts by `group/request`, per spec (the build reads it once). */
const counts = new WeakMap<OpenApiDocument, Map<string, number>>();

/** Number of response examples of the operation (`examples` of src/lib/api/model.ts). */
export function responseExampleCount(doc: OpenApiDocument, group: string, request: string): number {
  let byOperation = counts.get(doc);
  if (!byOperation) {
    byOperation = new Map(operationModels(doc).map((op) => [`${op.group}/${op.request}`, op.examples.length]));
    counts.set(doc, byOperation);
  }
  const count = byOperation.get(`${group}/${request}`);
  if (count === undefined) throw new Error(`No operation "${request}" in group "${group}"`);
  return count;
}

function headingId(heading: Heading): string | undefined {
  const data = heading.data as { id?: unknown; hProperties?: { id?: unknown } } | undefined;
  const id = data?.hProperties?.id ?? data?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The ids of the headings above each response example block, in page order (top-level blocks only). */
export function responseAnchors(tree: Root): string[] {
  const out: string[] = [];
  let heading: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') heading = headingId(node);
    else if (isResponseExample(node)) out.push(heading ?? '');
  }
  return out;
}

const remarkExampleResponses: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  let anchors: string[] | undefined;
  visit(tree, (node) => {
    const el = jsxElementNamed(node, COMPONENT);
    if (!el) return;
    const endpoint = literalAttribute(el, 'endpoint');
    const request = literalAttribute(el, 'request');
    if (!endpoint || !request) return; // remark-request-tabs reports it
    anchors ??= responseAnchors(tree);
    const expected = responseExampleCount(loadCurrentSpec(), endpoint, request);
    if (anchors.length !== expected) {
      throw tagError(
        file,
        el,
        `the page shows ${anchors.length} response example(s) (\`\`\`json title=response.json) but ${endpoint}/${request} documents ${expected}; keep one block per example, in the spec's order`,
      );
    }
    setExpressionAttribute(el, RESPONSE_ANCHORS_PROP, anchors);
  });
};

export default remarkExampleResponses;
