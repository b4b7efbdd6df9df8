/**
 * What the remark plugins that resolve a JSX tag at build time share
 * (remark-request-tabs, remark-field-tree, remark-example-responses): finding
 * the tag, reading its literal props, handing the component a computed value
 * as a prop, adding the component's import to a page that lacks it, and
 * naming the tag's file and line in an error.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { valueToEstree } from 'estree-util-value-to-estree';

/** A `name="value"` attribute (a string value), or `name={…}` (an expression), of an MDX JSX tag. */
export interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: unknown;
}

/** An MDX JSX tag; its attributes also hold `{...spread}` expressions (another `type`). */
export interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<JsxAttribute | { type: string }>;
  position?: { start: { line: number } };
}

export function isAttribute(attr: JsxAttribute | { type: string }): attr is JsxAttribute {
  return attr.type === 'mdxJsxAttribute';
}

/** The node as a JSX tag named `name` (flow or inline), or null. */
export function jsxElementNamed(node: unknown, name: string): JsxElement | null {
  const el = node as JsxElement;
  return (el.type === 'mdxJsxFlowElement' || el.type === 'mdxJsxTextElement') && el.name === name ? el : null;
}

/** The value of the prop `name` when it is a literal string (`name="…"`), else undefined. */
export function literalAttribute(el: JsxElement, name: string): string | undefined {
  const attr = el.attributes.find((a): a is JsxAttribute => isAttribute(a) && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** Sets the prop `name` to `value` as an expression (`name={…}`), replacing any prop of that name. */
export function setExpressionAttribute(el: JsxElement, name: string, value: unknown): void {
  el.attributes = el.attributes.filter((a) => !(isAttribute(a) && a.name === name));
  el.attributes.push({
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: JSON.stringify(value),
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression: valueToEstree(value) }] } },
    },
  });
}

/**
 * Adds `import <name> from '<source>';` right after the front matter, unless
 * the page imports `name` already (as the seeds do).
 */
export function ensureDefaultImport(tree: Root, name: string, source: string): void {
  const imported = new RegExp(`\\bimport\\s+${name}\\b`);
  if (tree.children.some((node) => node.type === 'mdxjsEsm' && imported.test(node.value))) return;
  const declaration = {
    type: 'ImportDeclaration',
    specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
    source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
    attributes: [],
  };
  const node = {
    type: 'mdxjsEsm',
    value: `import ${name} from '${source}';`,
    data: { estree: { type: 'Program', sourceType: 'module', body: [declaration], comments: [] } },
  } as unknown as Root['children'][number];
  const afterFrontMatter = tree.children.findIndex((child) => child.type !== 'yaml' && (child.type as string) !== 'toml');
  tree.children.splice(afterFrontMatter === -1 ? tree.children.length : afterFrontMatter, 0, node);
}

/** An error naming the tag's file and line: `docs/x.mdx:12: message`. */
export function tagError(file: VFile, el: JsxElement, message: string): Error {
  return new Error(`${el.position ? `${file.path}:${el.position.start.line}` : file.path}: ${message}`);
}
