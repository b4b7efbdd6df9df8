/**
 * The field tree of a schema: what `<FieldTree …/>` shows for a request body, a success
 * response, a webhook payload or an object type. Pure: a (localized) spec in, plain JSON out.
 *
 * - `fieldTreeTarget(…)` names the schema a tag points at; `buildFieldTree(doc, target, …)`
 *   reads it from `doc`, which is openapi/openapi.yaml or its overlay in the page's locale
 *   (`localizeSpec(doc, entries, { mark: true, lang })` of ./localize.ts): the descriptions
 *   are that document's, and a description left in English (`x-description-lang`) keeps
 *   its language in `descriptionLang`. Nothing else differs between locales.
 * - Each node says its type (`Contact[]`, `string | null` is `string` + `nullable`), whether
 *   it is required (request) or always present (response), enum values, default, ranges,
 *   format, pattern and description. Object types with a page (`OBJECT_TYPES`) link to it.
 * - Named object types are stored once in `types` and referenced by `of`, so a tree is
 *   small however deep it goes, and a type met again below itself is never unrolled.
 *   Inline objects carry their `fields`. The values of a map (`additionalProperties`) are
 *   one child node with `key: true`.
 * No I/O and no Node import: the browser may import it.
 */
import { isObject } from '../isObject';
import { OBJECT_TYPES } from '../docs/paths';
import { resolvePointer, type OpenApiDocument } from './model';

type Raw = Record<string, unknown>;

/** `request`: a body the client sends (`required`); `response`: data the API sends (`always present`). */
export type FieldMode = 'request' | 'response';

export type RangeKind = 'value' | 'length' | 'items' | 'keys' | 'itemLength' | 'keyLength';

/** A bound pair of one kind; `exclusive…` for `exclusiveMinimum` / `exclusiveMaximum`. */
export interface FieldRange {
  kind: RangeKind;
  min?: number;
  max?: number;
  exclusiveMin?: true;
  exclusiveMax?: true;
}

export interface FieldNode {
  /** The property name; empty for the values of a map (`key`). */
  name: string;
  /** The values of a map: any key, this node describes each value. */
  key?: true;
  /** `string`, `integer`, `object`, `string[]`, `Contact`, `Contact[]`, `string | string[]`. */
  type: string;
  /** An object type with a page (`Contact`): the type links to it. */
  link?: string;
  /** In the parent's `required`: required (request) or always present (response). */
  required?: true;
  nullable?: true;
  /** The allowed values, as JSON text for anything but a string (`true`, `null`, `1`). */
  enum?: string[];
  /** The default, as JSON text. */
  default?: string;
  format?: string;
  pattern?: string;
  /** Array items must differ. */
  unique?: true;
  ranges?: FieldRange[];
  description?: string;
  /** The description's language when it is not the page's (a string without translation). */
  descriptionLang?: string;
  /** Child fields of an inline object (or of the items of an array of inline objects). */
  fields?: FieldNode[];
  /** Child fields are those of the named type in the tree's `types`. */
  of?: string;
}

export interface FieldTreeModel {
  mode: FieldMode;
  /** The locale whose strings the tree carries (`en` for the English spec). */
  locale: string;
  fields: FieldNode[];
  /** The fields of every named object type the tree reaches, by schema name. */
  types: Record<string, FieldNode[]>;
}

/** What a tag points at, from its literal props. */
export type FieldTreeTarget =
  | { kind: 'body' | 'response'; path: string; method: string }
  | { kind: 'webhook'; event: string }
  | { kind: 'object'; name: string };

/** Keys that only annotate a schema: a `$ref` with only these siblings is still its target type. */
const ANNOTATIONS = new Set(['description', 'summary', 'title', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly']);

function componentName(ref: string): string | undefined {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return m?.[1];
}


interface Resolved {
  schema: Raw;
  /** The component schema this is, when the `$ref` only adds annotations. */
  name?: string;
}

/**
 * One level of `$ref`s resolved (chains too): the target's keywords with the referring
 * object's siblings on top, as ./model.ts `deref` merges them. Nested schemas stay as written.
 */
function resolve(doc: OpenApiDocument, schema: unknown, seen: readonly string[] = []): Resolved {
  if (!isObject(schema)) return { schema: {} };
  if (typeof schema.$ref !== 'string') return { schema };
  const ref = schema.$ref;
  if (seen.includes(ref)) throw new Error(`Cyclic $ref: ${[...seen, ref].join(' -> ')}`);
  const { $ref: _ignored, ...siblings } = schema;
  const target = resolve(doc, resolvePointer(doc, ref), [...seen, ref]);
  const structural = Object.keys(siblings).some((k) => !ANNOTATIONS.has(k) && !k.startsWith('x-'));
  const name = structural ? undefined : (componentName(ref) ?? target.name);
  return { schema: { ...target.schema, ...siblings }, ...(name ? { name } : {}) };
}

function typesOf(schema: Raw): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return typeof schema.type === 'string' ? [schema.type] : [];
}

function isObjectSchema(schema: Raw): boolean {
  return typesOf(schema).includes('object') || isObject(schema.properties);
}

function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A range from two bounds (either may be missing); undefined when both are. */
function range(kind: RangeKind, min: unknown, max: unknown, exclusiveMin?: unknown, exclusiveMax?: unknown): FieldRange | undefined {
  const lo = num(exclusiveMin) ?? num(min);
  const hi = num(exclusiveMax) ?? num(max);
  if (lo === undefined && hi === undefined) return undefined;
  return {
    kind,
    ...(lo !== undefined ? { min: lo } : {}),
    ...(hi !== undefined ? { max: hi } : {}),
    ...(num(exclusiveMin) !== undefined ? { exclusiveMin: true as const } : {}),
    ...(num(exclusiveMax) !== undefined ? { exclusiveMax: true as const } : {}),
  };
}

function ranges(schema: Raw, items?: Raw, keys?: Raw): FieldRange[] {
  return [
    range('value', schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum),
    range('length', schema.minLength, schema.maxLength),
    range('items', schema.minItems, schema.maxItems),
    range('keys', schema.minProperties, schema.maxProperties),
    items ? range('itemLength', items.minLength, items.maxLength) : undefined,
    keys ? range('keyLength', keys.minLength, keys.maxLength) : undefined,
  ].filter((r): r is FieldRange => r !== undefined);
}

/** The page's language marks only the exceptions: a mark equal to the page's locale is dropped. */
function foreignLang(schema: Raw, locale: string): string | undefined {
  const lang = schema['x-description-lang'];
  return typeof lang === 'string' && lang !== locale ? lang : undefined;
}

class TreeBuilder {
  readonly types: Record<string, FieldNode[]> = {};
  private readonly building = new Set<string>();

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly locale: string,
  ) {}

  /** The child fields of an object schema (its properties, or the values of a map). */
  fieldsOf(schema: Raw, keyNames?: Raw): FieldNode[] {
    const out: FieldNode[] = [];
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    if (isObject(schema.properties)) {
      for (const [name, prop] of Object.entries(schema.properties)) out.push(this.node(name, prop, required.has(name)));
    }
    if (!out.length && isObject(schema.additionalProperties)) {
      out.push({ ...this.node('', schema.additionalProperties, false, keyNames), key: true });
    }
    return out;
  }

  /** Children of a resolved schema: a reference to a named type (built once) or inline fields. */
  private children(resolved: Resolved, keyNames?: Raw): Pick<FieldNode, 'fields' | 'of'> {
    const { schema, name } = resolved;
    const hasChildren = isObject(schema.properties) || isObject(schema.additionalProperties);
    if (!hasChildren) return {};
    if (name) {
      if (!this.types[name] && !this.building.has(name)) {
        this.building.add(name);
        this.types[name] = this.fieldsOf(schema, keyNames);
        this.building.delete(name);
      }
      return (this.types[name]?.length ?? 1) > 0 ? { of: name } : {};
    }
    const fields = this.fieldsOf(schema, keyNames);
    return fields.length ? { fields } : {};
  }

  private typeLabel(resolved: Resolved): { type: string; link?: string } {
    const { schema, name } = resolved;
    const union = (Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined) as unknown[] | undefined;
    if (union && !typesOf(schema).length) {
      const branches = union.map((s) => resolve(this.doc, s)).filter((b) => !(typesOf(b.schema).length === 1 && typesOf(b.schema)[0] === 'null'));
      const labels = branches.map((b) => this.typeLabel(b).type);
      return { type: [...new Set(labels)].join(' | ') || 'any' };
    }
    const types = typesOf(schema).filter((t) => t !== 'null');
    if (types.includes('array')) {
      const inner = this.typeLabel(resolve(this.doc, schema.items));
      return { type: `${inner.type}[]`, ...(inner.link ? { link: inner.link } : {}) };
    }
    // A named object type is worth its name where it has a page to link to; else it is an object.
    if (name && isObjectSchema(schema) && (OBJECT_TYPES as readonly string[]).includes(name)) return { type: name, link: name };
    if (types.length) return { type: types.join(' | ') };
    return { type: isObjectSchema(schema) ? 'object' : 'any' };
  }

  node(name: string, raw: unknown, required: boolean, keyNames?: Raw): FieldNode {
    const resolved = resolve(this.doc, raw);
    const { schema } = resolved;
    const { type, link } = this.typeLabel(resolved);
    const isArray = typesOf(schema).includes('array');
    const items = isArray ? resolve(this.doc, schema.items) : undefined;
    // An array's facts are its items' (enum, format, pattern) when the items are plain values.
    const facts = items && !isObjectSchema(items.schema) ? items.schema : schema;
    const union = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
    const nullable =
      typesOf(schema).includes('null') ||
      schema.nullable === true ||
      union.some((s) => typesOf(resolve(this.doc, s).schema).includes('null'));
    const enumValues = Array.isArray(facts.enum) ? facts.enum.filter((v) => v !== null || !nullable).map(jsonText) : undefined;
    const description = typeof schema.description === 'string' ? schema.description.replace(/\s+/g, ' ').trim() : '';
    const lang = description ? foreignLang(schema, this.locale) : undefined;
    const itemFacts = items && !isObjectSchema(items.schema) ? items.schema : undefined;
    const found = ranges(schema, itemFacts, keyNames);
    const kids = items && isObjectSchema(items.schema) ? this.children(items) : this.children(resolved, isObject(schema.propertyNames) ? schema.propertyNames : undefined);
    return {
      name,
      type,
      ...(link ? { link } : {}),
      ...(required ? { required: true as const } : {}),
      ...(nullable ? { nullable: true as const } : {}),
      ...(enumValues?.length ? { enum: enumValues } : {}),
      ...(schema.default !== undefined ? { default: jsonText(schema.default) } : {}),
      ...(typeof facts.format === 'string' ? { format: facts.format } : {}),
      ...(typeof facts.pattern === 'string' ? { pattern: facts.pattern } : {}),
      ...(schema.uniqueItems === true ? { unique: true as const } : {}),
      ...(found.length ? { ranges: found } : {}),
      ...(description ? { description } : {}),
      ...(lang ? { descriptionLang: lang } : {}),
      ...kids,
    };
  }
}

function rawOperation(doc: OpenApiDocument, path: string, method: string): Raw {
  const item = doc.paths[path];
  const op = isObject(item) ? item[method.toLowerCase()] : undefined;
  if (!isObject(op)) throw new Error(`No operation ${method.toUpperCase()} ${path} in the spec`);
  return op;
}

function jsonSchemaOf(doc: OpenApiDocument, holder: unknown): unknown {
  const resolved = resolve(doc, holder).schema;
  const content = isObject(resolved.content) ? resolved.content['application/json'] : undefined;
  return isObject(content) ? content.schema : undefined;
}

/** The schema a target names, as written in `doc` (a `$ref` or an inline schema); undefined when it has none. */
export function targetSchema(doc: OpenApiDocument, target: FieldTreeTarget): unknown {
  switch (target.kind) {
    case 'body':
      return jsonSchemaOf(doc, rawOperation(doc, target.path, target.method).requestBody);
    case 'response': {
      const responses = rawOperation(doc, target.path, target.method).responses;
      if (!isObject(responses)) return undefined;
      const status = Object.keys(responses).find((s) => /^2\d\d$/.test(s));
      return status ? jsonSchemaOf(doc, responses[status]) : undefined;
    }
    case 'webhook': {
      const hooks = isObject(doc.webhooks) ? doc.webhooks : {};
      const hook = hooks[target.event];
      const post = isObject(hook) ? hook.post : undefined;
      if (!isObject(post)) throw new Error(`No webhook "${target.event}" in the spec`);
      const name = post['x-event-schema'];
      return typeof name === 'string' && name ? { $ref: `#/components/schemas/${name}` } : undefined;
    }
    case 'object': {
      const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
      if (!(target.name in schemas)) throw new Error(`No schema "${target.name}" in components.schemas`);
      return { $ref: `#/components/schemas/${target.name}` };
    }
  }
}

/** Whether the target's data goes to the API (`request`) or comes from it (`response`). */
export function targetMode(target: FieldTreeTarget): FieldMode {
  return target.kind === 'body' ? 'request' : 'response';
}

/**
 * The tree of the target's schema in `doc` (see the module comment). A schema without
 * fields (no body, an empty answer) gives a tree without fields.
 */
export function buildFieldTree(doc: OpenApiDocument, target: FieldTreeTarget, locale = 'en'): FieldTreeModel {
  const builder = new TreeBuilder(doc, locale);
  const root = targetSchema(doc, target);
  const resolved = resolve(doc, root);
  const items = typesOf(resolved.schema).includes('array') ? resolve(doc, resolved.schema.items).schema : undefined;
  const fields = builder.fieldsOf(items ?? resolved.schema);
  return { mode: targetMode(target), locale, fields, types: builder.types };
}

/** The child fields of a node in its tree (inline, or its type's). */
export function childFields(tree: Pick<FieldTreeModel, 'types'>, node: FieldNode): FieldNode[] {
  if (node.fields) return node.fields;
  return node.of ? (tree.types[node.of] ?? []) : [];
}

/** Every node of a tree, depth first, each type unrolled once per path (for tests and counts). */
export function walkTree(tree: FieldTreeModel, visit: (node: FieldNode, path: readonly string[]) => void): void {
  const go = (nodes: FieldNode[], path: readonly string[], types: readonly string[]): void => {
    for (const node of nodes) {
      const here = [...path, node.key ? '*' : node.name];
      visit(node, here);
      if (node.of && types.includes(node.of)) continue;
      go(childFields(tree, node), here, node.of ? [...types, node.of] : types);
    }
  };
  go(tree.fields, [], []);
}

/** `≥ 1`, `≤ 4096`, `≥ 1, ≤ 4096`, `> 0`: a range's bounds, numbers written by `format`. */
export function rangeText(r: Pick<FieldRange, 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'>, format: (n: number) => string = String): string {
  const parts: string[] = [];
  if (r.min !== undefined) parts.push(`${r.exclusiveMin ? '>' : '≥'} ${format(r.min)}`);
  if (r.max !== undefined) parts.push(`${r.exclusiveMax ? '<' : '≤'} ${format(r.max)}`);
  return parts.join(', ');
}

/** A description split into text and `inline code` (a lone backtick stays text). */
export function descriptionParts(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push({ code: false, text: text.slice(last, m.index) });
    parts.push({ code: true, text: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

/** Number of fields a node's expansion shows (for its button). */
export function childCount(tree: Pick<FieldTreeModel, 'types'>, node: FieldNode): number {
  return childFields(tree, node).length;
}
