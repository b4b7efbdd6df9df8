/**
 * Remark plugin: resolves `<RequestTabs endpoint='group' request="id"/>` against
 * openapi/openapi.yaml at build time and hands the operation model to the
 * component as an `operation` prop. The tag stays exactly as authors write it;
 * an unknown endpoint or request fails the build with the file and line.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { valueToEstree } from 'estree-util-value-to-estree';
import { loadCurrentSpec } from '../src/lib/api/load';
import { findOperation } from '../src/lib/api/model';
import type { OperationModel } from '../src/lib/api/types';

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

/** Resolves the operation for one tag; throws a message naming the problem. */
export function resolveTag(endpoint: string | undefined, request: string | undefined): OperationModel {
  if (!endpoint || !request) {
    throw new Error(`<${COMPONENT}> needs literal string props endpoint and request`);
  }
  return findOperation(loadCurrentSpec(), endpoint, request);
}

/** `npm run bench` builds the site once with every RequestTabs removed, to measure its weight. */
const STRIP = process.env.BENCH_STRIP_REQUEST_TABS === '1';

const remarkRequestTabs: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  visit(tree, (node, index, parent) => {
    const el = node as unknown as JsxElement;
    if ((el.type !== 'mdxJsxFlowElement' && el.type !== 'mdxJsxTextElement') || el.name !== COMPONENT) return;
    if (STRIP && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    let operation: OperationModel;
    try {
      operation = resolveTag(literalAttribute(el, 'endpoint'), literalAttribute(el, 'request'));
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
};

export default remarkRequestTabs;
