/**
 * The schema checks of every request value, for the "try it" panel and the
 * sandbox alike: the part of JSON Schema 2020-12 that openapi/openapi.yaml
 * uses, with Ajv's semantics (Ajv 2020 with ajv-formats is the oracle of the
 * agreement test, sandbox/test/agreement.test.ts). Interpreted, not compiled:
 * no `eval`/`new Function`, so it runs under any Content-Security-Policy, and
 * it only loads with the lazy Try it chunk.
 *
 * Supported keywords: type (one or a list), enum, minimum, maximum,
 * minLength, maxLength (in code points), pattern (a `u` regular expression),
 * format (ajv-formats' own `email` and `uri` checks, and any other format of
 * theirs), items, minItems, maxItems, uniqueItems, properties, required,
 * additionalProperties (false or a schema), minProperties, maxProperties,
 * propertyNames, dependentRequired, anyOf, oneOf; annotations (description,
 * default, examples, ...) and `x-` extensions are ignored. A schema with any
 * other keyword is refused when first checked (`UnsupportedSchemaError`), as
 * Ajv's strict mode does: the spec cannot gain a rule the checks would skip.
 *
 * Every broken rule is one issue (./issues.ts) at its place; the walk follows
 * the schema, so a deeply nested value costs nothing past the schema's depth,
 * and uniqueItems compares canonical texts (linear, any depth).
 */
import { fullFormats } from 'ajv-formats/dist/formats';
import type { Schema } from '../api/types';
import type { IssueParams, JsonPath, SchemaCode, SchemaIssue } from './issues';

/** Receives issues (an IssueCollector, or a verdict-only sink for the branches of anyOf/oneOf). */
export interface IssueSink {
  add(issue: SchemaIssue): void;
}

/** A schema uses a keyword or format these checks do not implement. */
export class UnsupportedSchemaError extends Error {
  override name = 'UnsupportedSchemaError';
}

const RULES = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'dependentRequired',
  'anyOf',
  'oneOf',
]);
const ANNOTATIONS = new Set(['description', 'title', 'default', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment']);
const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);

type FormatCheck = (text: string) => boolean;
const formatChecks = new Map<string, FormatCheck>();

/** ajv-formats' check of a format (a RegExp, a function, or a definition holding one). */
function formatCheck(name: string): FormatCheck {
  let check = formatChecks.get(name);
  if (check) return check;
  const known: unknown = (fullFormats as Record<string, unknown>)[name];
  const isDefinition = typeof known === 'object' && known !== null && 'validate' in known;
  if (isDefinition && 'type' in known && known.type !== 'string') throw new UnsupportedSchemaError(`The format "${name}" is not a string format`);
  const definition: unknown = isDefinition ? known.validate : known;
  if (definition instanceof RegExp) check = (text) => definition.test(text);
  else if (typeof definition === 'function') check = (text) => Boolean((definition as FormatCheck)(text));
  else throw new UnsupportedSchemaError(`The format "${name}" has no check`);
  formatChecks.set(name, check);
  return check;
}

const patterns = new Map<string, RegExp>();

function regExp(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patterns.set(pattern, re);
  }
  return re;
}

const supported = new WeakSet<Schema>();

/** Throws UnsupportedSchemaError when `schema` (or a schema inside it) has a keyword these checks do not implement. */
export function assertSupported(schema: Schema, where = '#'): void {
  if (supported.has(schema)) return;
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    if (!RULES.has(keyword)) throw new UnsupportedSchemaError(`${where}: the keyword "${keyword}" is not supported (src/lib/validation/schema.ts)`);
    if (keyword === 'type') {
      for (const type of Array.isArray(value) ? value : [value]) {
        if (!TYPES.has(String(type))) throw new UnsupportedSchemaError(`${where}: unknown type "${String(type)}"`);
      }
    }
    if (keyword === 'format') formatCheck(String(value));
    if (keyword === 'pattern') regExp(String(value));
  }
  for (const [keyword, child] of [
    ['items', schema.items],
    ['additionalProperties', schema.additionalProperties],
    ['propertyNames', schema.propertyNames],
  ] as const) {
    if (typeof child === 'object' && child !== null) assertSupported(child as Schema, `${where}/${keyword}`);
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) assertSupported(child, `${where}/properties/${name}`);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) (branches as Schema[]).forEach((branch, i) => assertSupported(branch, `${where}/${keyword}/${i}`));
  }
  supported.add(schema);
}

/** The schema's types as a list (`[]`: any type). */
export function schemaTypes(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return typeof schema.type === 'string' ? [schema.type] : [];
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isJsonObject(value);
    default:
      return false;
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length in code points, as JSON Schema counts it (an emoji is one character). */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/**
 * A text equal for equal JSON values and different otherwise (object keys sorted),
 * written without recursion, so any depth is safe.
 */
export function canonicalJson(root: unknown): string {
  const out: string[] = [];
  const steps: Array<{ text: string } | { value: unknown }> = [{ value: root }];
  while (steps.length > 0) {
    const step = steps.pop()!;
    if ('text' in step) {
      out.push(step.text);
      continue;
    }
    const { value } = step;
    if (Array.isArray(value)) {
      steps.push({ text: ']' });
      for (let i = value.length - 1; i >= 0; i--) {
        steps.push({ value: value[i] });
        if (i > 0) steps.push({ text: ',' });
      }
      steps.push({ text: '[' });
    } else if (isJsonObject(value)) {
      const keys = Object.keys(value).sort();
      steps.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        steps.push({ value: value[keys[i]!] });
        steps.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:` });
      }
      steps.push({ text: '{' });
    } else {
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function inEnum(values: readonly unknown[], value: unknown): boolean {
  if (isScalar(value)) return values.includes(value);
  const candidates = values.filter((candidate) => !isScalar(candidate));
  if (candidates.length === 0) return false;
  const text = canonicalJson(value);
  return candidates.some((candidate) => canonicalJson(candidate) === text);
}

/** A sink that only remembers whether anything broke (for the branches of anyOf and oneOf). */
class Verdict implements IssueSink {
  failed = false;
  add(): void {
    this.failed = true;
  }
}

/** Whether `value` satisfies `schema`, issues discarded. */
export function satisfies(schema: Schema, value: unknown): boolean {
  const verdict = new Verdict();
  walk(schema, value, [], verdict);
  return !verdict.failed;
}

/**
 * Checks `value` against `schema` and reports every broken rule to `sink`
 * (`path` is where `value` sits in the document).
 */
export function checkSchema(schema: Schema, value: unknown, sink: IssueSink, path: JsonPath = []): void {
  assertSupported(schema);
  walk(schema, value, path, sink);
}

function walk(schema: Schema, value: unknown, path: JsonPath, sink: IssueSink): void {
  const issue = (code: SchemaCode, params: IssueParams = {}, key?: string) =>
    sink.add({ code, path, schema, params, ...(key === undefined ? {} : { key }) });

  const types = schemaTypes(schema);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    issue('type', { expected: types.join(' | ') });
  }
  if (Array.isArray(schema.enum) && !inEnum(schema.enum, value)) {
    issue('enum', { allowed: schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') });
  }

  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) issue('minimum', { limit: schema.minimum });
    if (typeof schema.maximum === 'number' && value > schema.maximum) issue('maximum', { limit: schema.maximum });
  } else if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' || typeof schema.maxLength === 'number') {
      const length = codePointLength(value);
      if (typeof schema.minLength === 'number' && length < schema.minLength) issue('minLength', { limit: schema.minLength });
      if (typeof schema.maxLength === 'number' && length > schema.maxLength) issue('maxLength', { limit: schema.maxLength });
    }
    if (typeof schema.pattern === 'string' && !regExp(schema.pattern).test(value)) issue('pattern', { pattern: schema.pattern });
    if (typeof schema.format === 'string' && !formatCheck(schema.format)(value)) issue('format', { format: schema.format });
  } else if (Array.isArray(value)) {
    walkArray(schema, value, path, sink, issue);
  } else if (isJsonObject(value)) {
    walkObject(schema, value, path, sink, issue);
  }

  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as Schema[];
    if (!branches.some((branch) => satisfies(branch, value))) {
      const single = branches.map((b) => (Array.isArray(b.required) && b.required.length === 1 && Object.keys(b).length === 1 ? b.required[0]! : undefined));
      if (isJsonObject(value) && single.every((name) => name !== undefined) && single.length > 0) {
        const [first, ...others] = single as string[];
        issue('requiredUnless', { others: others.join(', ') }, first);
      } else {
        issue('anyOf');
      }
    }
  }
  if (Array.isArray(schema.oneOf)) {
    const branches = schema.oneOf as Schema[];
    const passing = branches.filter((branch) => satisfies(branch, value)).length;
    if (passing !== 1) {
      const types = branches.map((branch) => schemaTypes(branch).join(' | '));
      issue('oneOf', passing === 0 && types.every(Boolean) ? { passing, expected: types.join(' | ') } : { passing });
    }
  }
}

/** `{min, max}` of a string schema's lengths, those it has. */
function lengthLimits(schema: Schema): IssueParams {
  return {
    ...(typeof schema.minLength === 'number' ? { min: schema.minLength } : {}),
    ...(typeof schema.maxLength === 'number' ? { max: schema.maxLength } : {}),
  };
}

type Report = (code: SchemaCode, params?: IssueParams, key?: string) => void;

function walkArray(schema: Schema, value: unknown[], path: JsonPath, sink: IssueSink, issue: Report): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) issue('minItems', { limit: schema.minItems });
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) issue('maxItems', { limit: schema.maxItems });
  if (schema.items) {
    for (let i = 0; i < value.length; i++) walk(schema.items, value[i], [...path, i], sink);
  }
  if (schema.uniqueItems === true) {
    const first = new Map<string, number>();
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const text = isScalar(item) ? `${typeof item}:${String(item)}` : `json:${canonicalJson(item)}`;
      const earlier = first.get(text);
      if (earlier !== undefined) {
        issue('uniqueItems', { first: earlier, second: i });
        break;
      }
      first.set(text, i);
    }
  }
}

function walkObject(schema: Schema, value: Record<string, unknown>, path: JsonPath, sink: IssueSink, issue: Report): void {
  const keys = Object.keys(value);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) issue('minProperties', { limit: schema.minProperties });
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) issue('maxProperties', { limit: schema.maxProperties });
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name)) issue('required', {}, name);
  }
  const properties = schema.properties ?? {};
  const additional = schema.additionalProperties;
  const names = schema.propertyNames as Schema | undefined;
  for (const key of keys) {
    if (names && !satisfies(names, key)) issue('keyName', lengthLimits(names), key);
    if (Object.hasOwn(properties, key)) walk(properties[key]!, value[key], [...path, key], sink);
    else if (additional === false) issue('unknownKey', {}, key);
    else if (typeof additional === 'object' && additional !== null) walk(additional, value[key], [...path, key], sink);
  }
  const dependent = schema.dependentRequired as Record<string, string[]> | undefined;
  for (const [property, needed] of Object.entries(dependent ?? {})) {
    if (!Object.hasOwn(value, property)) continue;
    for (const name of needed) if (!Object.hasOwn(value, name)) issue('dependentRequired', { property }, name);
  }
}
