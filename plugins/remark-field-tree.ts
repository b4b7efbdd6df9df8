/**
 * Remark plugin: resolves `<FieldTree …/>` against openapi/openapi.yaml at build time and
 * hands the component its field tree (src/lib/api/fieldTree.ts) as a `tree` prop, in the
 * page's language: a page under `i18n/<locale>/` reads the descriptions from the same
 * overlay the Try it panel's model comes from (`i18n/<locale>/openapi.json` applied by
 * src/lib/api/localize.ts `localizeSpec`, strings without translation marked English).
 *
 * The tag names its schema with literal props, identical in every locale:
 * - `<FieldTree endpoint='contacts_api' request="get_contacts" of="response"/>` (or `of="body"`);
 * - `<FieldTree webhook="message_created"/>`: the event's payload (`x-event-schema`);
 * - `<FieldTree object="Contact"/>`: a component schema.
 * An unknown name, a missing or non-literal prop, or a schema without fields fails the build
 * with the file and line. The plugin also adds a `numbers` prop: every number the tree's ranges
 * show, written in the page's language at build time (`numberTexts`), so the browser formats
 * none (the page's first `Intl.NumberFormat` cost more than the whole tree's hydration). The plugin adds `import FieldTree …` to a page that uses the tag
 * without importing it (only those pages carry the component's code).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { localeConfig } from '../src/config/locales';
import { loadCurrentSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { localizeSpec, type StringEntries } from '../src/lib/api/localize';
import type { OpenApiDocument } from '../src/lib/api/model';
import { buildFieldTree, type FieldNode, type FieldTreeModel, type FieldTreeTarget } from '../src/lib/api/fieldTree';
import { isObject } from '../src/lib/isObject';
import { ensureDefaultImport, isAttribute, jsxElementNamed, setExpressionAttribute, tagError, type JsxElement } from './mdx-jsx';
import { pageLocale } from './remark-request-tabs';

export const FIELD_TREE = 'FieldTree';
export const FIELD_TREE_SOURCE = '@site/src/components/FieldTree';

/** The props the plugin adds (a page never writes them). */
const ADDED = ['tree', 'numbers'];

/** The props a tag may have; each is a literal string. */
const PROPS = ['endpoint', 'request', 'of', 'webhook', 'object'] as const;
type TagProps = Partial<Record<(typeof PROPS)[number], string>>;

function tagProps(el: JsxElement): TagProps {
  const props: TagProps = {};
  for (const attr of el.attributes) {
    if (!isAttribute(attr)) throw new Error(`<${FIELD_TREE}> takes literal string props only`);
    const { name, value } = attr;
    if (ADDED.includes(name)) continue;
    if (!(PROPS as readonly string[]).includes(name)) throw new Error(`<${FIELD_TREE}> has no prop "${name}" (${PROPS.join(', ')})`);
    if (typeof value !== 'string') throw new Error(`<${FIELD_TREE}> takes literal string props only ("${name}")`);
    props[name as (typeof PROPS)[number]] = value;
  }
  return props;
}

/** The operation `group`/`request` as a path and method, read from the spec as written. */
function operationAt(doc: OpenApiDocument, group: string, request: string): { path: string; method: string } {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (isObject(op) && op.operationId === request && Array.isArray(op.tags) && op.tags[0] === group) return { path, method };
    }
  }
  throw new Error(`No operation "${request}" in group "${group}"`);
}

/** The target of a tag's props; throws a message naming what is wrong. */
export function tagTarget(doc: OpenApiDocument, props: TagProps): FieldTreeTarget {
  if (props.webhook !== undefined && Object.keys(props).length === 1) return { kind: 'webhook', event: props.webhook };
  if (props.object !== undefined && Object.keys(props).length === 1) return { kind: 'object', name: props.object };
  if (props.endpoint && props.request && (props.of === 'body' || props.of === 'response') && Object.keys(props).length === 3) {
    return { kind: props.of, ...operationAt(doc, props.endpoint, props.request) };
  }
  throw new Error(`<${FIELD_TREE}> needs endpoint, request and of="body|response"; or webhook; or object`);
}

/** The spec with one locale's strings in place and marked, per spec and strings file (a build asks once per locale). */
const localized = new WeakMap<OpenApiDocument, Map<string, { entries: StringEntries; doc: OpenApiDocument }>>();

export function localizedSpec(doc: OpenApiDocument, locale: string): OpenApiDocument {
  if (locale === 'en') return doc;
  const entries = localeStrings(locale).spec;
  let byLocale = localized.get(doc);
  if (!byLocale) localized.set(doc, (byLocale = new Map()));
  const hit = byLocale.get(locale);
  if (hit && hit.entries === entries) return hit.doc;
  const out = localizeSpec(doc, entries, { mark: true, lang: locale }).doc;
  byLocale.set(locale, { entries, doc: out });
  return out;
}

/** The tree of one tag in `locale`; throws when the tag is wrong or its schema has no fields. */
export function resolveFieldTree(props: TagProps, locale = 'en', doc: OpenApiDocument = loadCurrentSpec()): FieldTreeModel {
  const target = tagTarget(doc, props);
  const tree = buildFieldTree(localizedSpec(doc, locale), target, locale);
  if (!tree.fields.length) throw new Error(`<${FIELD_TREE}> points at a schema without fields`);
  return tree;
}

/** Every range bound of the tree (nested fields and named types included), as `lang` writes it. */
export function numberTexts(tree: FieldTreeModel, lang: string): Record<string, string> {
  const format = new Intl.NumberFormat(lang);
  const out: Record<string, string> = {};
  const visit = (nodes: readonly FieldNode[]): void => {
    for (const node of nodes) {
      for (const r of node.ranges ?? []) for (const n of [r.min, r.max]) if (n !== undefined) out[String(n)] = format.format(n);
      if (node.fields) visit(node.fields);
    }
  };
  visit(tree.fields);
  for (const fields of Object.values(tree.types)) visit(fields);
  return out;
}

const remarkFieldTree: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  let used = false;
  const locale = pageLocale(file.path);
  visit(tree, (node) => {
    const el = jsxElementNamed(node, FIELD_TREE);
    if (!el) return;
    used = true;
    let model: FieldTreeModel;
    try {
      model = resolveFieldTree(tagProps(el), locale);
    } catch (error) {
      throw tagError(file, el, (error as Error).message);
    }
    setExpressionAttribute(el, 'tree', model);
    setExpressionAttribute(el, 'numbers', numberTexts(model, localeConfig(locale).htmlLang));
  });
  if (used) ensureDefaultImport(tree, FIELD_TREE, FIELD_TREE_SOURCE);
};

export default remarkFieldTree;
