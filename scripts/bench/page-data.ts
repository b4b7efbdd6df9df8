/**
 * Bytes of per-page data: what the build embeds in a page for its React components. The
 * page's `<RequestTabs …/>` and `<FieldTree …/>` tags (read from its source in the page's
 * locale) go through the site's own remark plugins (plugins/remark-request-tabs.ts,
 * plugins/remark-field-tree.ts), and every prop those plugins leave as an expression on
 * any JSX element is turned back into a value from its compiled estree and counted as
 * JSON (UTF-8 bytes). Deterministic, independent of the bundler, and it follows whatever
 * the plugins embed. It reads the working tree, not a build: it matches a build of the
 * same tree (as `npm test` makes). Not counted: remark-example-responses' `responseAnchors` (a few
 * heading ids; that plugin needs the whole page), and the page's prose, which the
 * first-load JavaScript figure covers with the rest of the page's chunk.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import remarkFieldTree from '../../plugins/remark-field-tree';
import remarkRequestTabs from '../../plugins/remark-request-tabs';

/** A node of an ESTree program, as far as this module reads it. */
export interface EsNode {
  type: string;
  [key: string]: unknown;
}

const isNode = (v: unknown): v is EsNode => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

function child(node: EsNode, key: string): EsNode {
  const value = node[key];
  if (!isNode(value)) throw new Error(`estree ${node.type} without ${key}`);
  return value;
}

/**
 * The value an expression of literals stands for: what estree-util-value-to-estree makes
 * (objects, arrays, literals, negative numbers, `undefined`). Throws on anything else, so
 * a change in what the plugins embed is seen rather than counted wrong.
 */
export function estreeValue(node: EsNode): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'Identifier':
      if (node.name === 'undefined') return undefined;
      break;
    case 'UnaryExpression': {
      const arg = estreeValue(child(node, 'argument'));
      if (node.operator === '-' && typeof arg === 'number') return -arg;
      if (node.operator === 'void') return undefined;
      break;
    }
    case 'ArrayExpression':
      return (node.elements as Array<EsNode | null>).map((e) => (e === null ? null : estreeValue(e)));
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties as EsNode[]) {
        if (p.type !== 'Property') throw new Error(`estree object member ${p.type} is not a plain property`);
        const key = child(p, 'key');
        const name = key.type === 'Identifier' && !p.computed ? key.name : estreeValue(key);
        out[String(name)] = estreeValue(child(p, 'value'));
      }
      return out;
    }
    case 'TemplateLiteral':
      if ((node.expressions as unknown[]).length === 0) return (node.quasis as Array<{ value: { cooked: string } }>)[0]?.value.cooked ?? '';
      break;
  }
  throw new Error(`estree ${node.type} is not a literal value`);
}

/** The source of a doc page in a locale: the translation when there is one, else the English page (as Docusaurus serves it). */
export function pageSource(root: string, docPath: string, locale: string, defaultLocale: string): string {
  const dirs = [
    ...(locale === defaultLocale ? [] : [path.join(root, 'i18n', locale, 'docusaurus-plugin-content-docs', 'current')]),
    path.join(root, 'docs'),
  ];
  for (const dir of dirs) {
    for (const file of [`${docPath}.mdx`, `${docPath}.md`, `${docPath}/index.mdx`, `${docPath}/index.md`]) {
      const full = path.join(dir, file);
      if (existsSync(full)) return full;
    }
  }
  throw new Error(`No source for doc page "${docPath}" (${locale}) under docs/ or i18n/${locale}/`);
}

/** The component tags the plugins resolve, with their literal props, in page order. */
export function componentTags(source: string): Array<{ name: string; props: Record<string, string> }> {
  const tags: Array<{ name: string; props: Record<string, string> }> = [];
  for (const m of source.matchAll(/<(RequestTabs|FieldTree)\b([^>]*?)\/>/g)) {
    const props: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([A-Za-z]+)=(?:"([^"]*)"|'([^']*)')/g)) props[a[1] as string] = a[2] ?? a[3] ?? '';
    tags.push({ name: m[1] as string, props });
  }
  return tags;
}

interface JsxAttributeNode {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxNode {
  type: 'mdxJsxFlowElement';
  name: string;
  attributes: JsxAttributeNode[];
  children: never[];
}

type Transformer = (tree: Root, file: VFile) => void;
/** The plugins run as Docusaurus runs them (they read no processor state). */
const PLUGINS = [remarkRequestTabs, remarkFieldTree].map((plugin) => (plugin as unknown as () => Transformer)());

export interface PageData {
  bytes: number;
  /** Per embedded prop: `RequestTabs.operation`, `FieldTree.tree`, … */
  props: Array<{ prop: string; bytes: number }>;
}

/** The per-page data of the doc page at `docPath` (no extension, relative to docs/) in `locale`. */
export function pageData(root: string, docPath: string, locale: string, defaultLocale: string): PageData {
  const file = pageSource(root, docPath, locale, defaultLocale);
  const elements: JsxNode[] = componentTags(readFileSync(file, 'utf8')).map(({ name, props }) => ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(props).map(([k, v]) => ({ type: 'mdxJsxAttribute', name: k, value: v })),
    children: [],
  }));
  const tree: Root = { type: 'root', children: elements as unknown as RootContent[] };
  for (const transform of PLUGINS) transform(tree, { path: file } as VFile);
  const props: PageData['props'] = [];
  const visit = (node: { type: string; name?: unknown; attributes?: JsxAttributeNode[]; children?: unknown[] }) => {
    for (const attr of node.attributes ?? []) {
      const value = attr.value as { type?: string; data?: { estree?: { body?: Array<{ expression?: unknown }> } } } | undefined;
      const expression = value?.data?.estree?.body?.[0]?.expression;
      if (value?.type !== 'mdxJsxAttributeValueExpression' || !isNode(expression)) continue;
      const json = JSON.stringify(estreeValue(expression)) ?? '';
      props.push({ prop: `${String(node.name)}.${attr.name}`, bytes: Buffer.byteLength(json, 'utf8') });
    }
    for (const c of node.children ?? []) visit(c as typeof node);
  };
  visit(tree);
  return { bytes: props.reduce((sum, p) => sum + p.bytes, 0), props };
}
