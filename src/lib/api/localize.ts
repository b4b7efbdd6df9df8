/**
 * The API's own words in the reader's language: a pure overlay of one locale's strings
 * (`i18n/<locale>/openapi.json`, read by ./stringsFile.ts) on the spec.
 *
 * - `specStrings(doc)`: every text of the spec a reader sees, in document order: each
 *   `description` and `summary` string outside example data, keyed by its JSON pointer
 *   (RFC 6901) into openapi/openapi.yaml.
 * - `stringStates(doc, entries)`: for each of them, translated, stale (the English text
 *   changed since it was translated: each entry keeps a copy of the English it translates)
 *   or missing; and the entries whose pointer the spec no longer has.
 * - `localizeSpec(doc, entries)`: a copy of the spec with every translated string in place.
 *   A missing string stays English; with `mark`, the object that holds it gets a sibling
 *   `x-<key>-lang: "en"` (`x-description-lang`), so what renders it can say `lang="en"`.
 *   A stale translation is used (like a stale page) and reported by `npm run i18n:check`.
 *   Only those strings differ from the input: same keys, same order, same everything else.
 * - `localizedOperation(doc, entries, locale, group, request)`: the operation model of
 *   ./model.ts built from the localized spec, with `summaryLang` / `descriptionLang` on the
 *   parts shown in English (RequestTabs, the Try it panel, the field tree read it).
 * No I/O and no Node import: the browser may import it.
 */
import { isObject } from '../isObject';
import { deref, findOperation, type OpenApiDocument } from './model';
import type { ExampleResponse, OperationModel, ParamModel } from './types';

/** The keys whose string values are the spec's prose. */
export const TEXT_KEYS = ['description', 'summary'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** Keys whose values are example data (sent or answered as is), never translated. */
const DATA_KEYS = new Set(['example', 'value', 'x-request', 'default', 'enum', 'const']);

export interface SpecString {
  /** JSON pointer of the string, e.g. `/components/parameters/Page/description`. */
  pointer: string;
  /** The English text, as the spec has it. */
  text: string;
  key: TextKey;
}

/** One translated string of a locale: the English it translates (to detect staleness) and its translation. */
export interface StringEntry {
  en: string;
  translation: string;
}

export type StringEntries = Readonly<Record<string, StringEntry>>;

export type StringState = 'translated' | 'stale' | 'missing';

export interface StringStatus extends SpecString {
  state: StringState;
  /** The locale's entry, when it has one (translated or stale). */
  entry?: StringEntry;
}

export interface StringCounts {
  total: number;
  translated: number;
  stale: number;
  missing: number;
  /** Entries whose pointer the spec no longer has (renamed, moved or deleted). */
  orphans: number;
}

/** `~` -> `~0`, `/` -> `~1`. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The tokens of a JSON pointer (`''` is the whole document). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** Objects whose keys are names (of properties, examples, responses...), not keywords: a name is never data. */
const NAME_MAPS = new Set([
  'paths', 'webhooks', 'properties', 'patternProperties', 'examples', 'schemas', 'responses', 'parameters', 'headers',
  'content', 'securitySchemes', 'requestBodies', 'callbacks', 'links', 'encoding', 'variables', 'definitions', '$defs',
]);

/** Every prose string of the spec (see the module comment), in document order. */
export function specStrings(doc: OpenApiDocument): SpecString[] {
  const out: SpecString[] = [];
  // `names`: the keys of `node` are names (of properties, examples...), not keywords.
  const walk = (node: unknown, pointer: string, key: string | undefined, names: boolean): void => {
    if (Array.isArray(node)) {
      // a schema's `examples` is a list of example values
      if (key === 'examples') return;
      node.forEach((item, i) => walk(item, `${pointer}/${i}`, undefined, false));
      return;
    }
    if (!isObject(node)) return;
    for (const [k, child] of Object.entries(node)) {
      const p = `${pointer}/${escapePointerToken(k)}`;
      if (names) {
        walk(child, p, k, false);
        continue;
      }
      if ((TEXT_KEYS as readonly string[]).includes(k) && typeof child === 'string') {
        if (child.trim()) out.push({ pointer: p, text: child, key: k as TextKey });
        continue;
      }
      if (DATA_KEYS.has(k)) continue;
      walk(child, p, k, NAME_MAPS.has(k));
    }
  };
  walk(doc, '', undefined, false);
  return out;
}

/** Each prose string of the spec with its state in one locale, and the orphan entries' pointers. */
export function stringStates(doc: OpenApiDocument, entries: StringEntries): { strings: StringStatus[]; orphans: string[] } {
  const strings = specStrings(doc).map((s): StringStatus => {
    const entry = Object.prototype.hasOwnProperty.call(entries, s.pointer) ? entries[s.pointer] : undefined;
    if (!entry || !entry.translation.trim()) return { ...s, state: 'missing' };
    return { ...s, state: sameSource(entry.en, s.text) ? 'translated' : 'stale', entry };
  });
  const known = new Set(strings.map((s) => s.pointer));
  const orphans = Object.keys(entries).filter((p) => !known.has(p));
  return { strings, orphans };
}

/** The counts of `stringStates`. */
export function stringCounts(doc: OpenApiDocument, entries: StringEntries): StringCounts {
  const { strings, orphans } = stringStates(doc, entries);
  const counts: StringCounts = { total: strings.length, translated: 0, stale: 0, missing: 0, orphans: orphans.length };
  for (const s of strings) counts[s.state]++;
  return counts;
}

/**
 * Whether an entry's English copy is the spec's current text. Line breaks and runs of
 * spaces are the YAML's layout, not the text: re-wrapping a description is not a change.
 */
export function sameSource(a: string, b: string): boolean {
  return normalizeSource(a) === normalizeSource(b);
}

export function normalizeSource(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface LocalizeOptions {
  /** Mark each string left in English with a sibling `x-<key>-lang: "en"` (for the site; not in downloads). */
  mark?: boolean;
  /** The locale's language (e.g. `it`): written by `mark` where a `$ref`'s own translated text overrides its target's English one. */
  lang?: string;
}

export interface LocalizedSpec {
  doc: OpenApiDocument;
  /** Pointers of the strings left in English (no translation). */
  fallback: string[];
  /** Pointers of the strings whose translation is stale (used, and reported by the checker). */
  stale: string[];
}

/** The sibling key that names the language of a string shown in another language than the page's. */
export function langKey(key: TextKey): `x-${TextKey}-lang` {
  return `x-${key}-lang`;
}

/** A copy of `doc` with this locale's translations in place (see the module comment). Pure: `doc` is not changed. */
export function localizeSpec(doc: OpenApiDocument, entries: StringEntries, options: LocalizeOptions = {}): LocalizedSpec {
  const out = structuredClone(doc);
  const fallback: string[] = [];
  const stale: string[] = [];
  const { strings } = stringStates(doc, entries);
  for (const s of strings) {
    const tokens = pointerTokens(s.pointer);
    const key = tokens.pop() as TextKey;
    let holder: unknown = out;
    for (const t of tokens) holder = (holder as Record<string, unknown>)[t];
    const obj = holder as Record<string, unknown>;
    if (s.state === 'missing') {
      fallback.push(s.pointer);
      if (options.mark) obj[langKey(key)] = 'en';
      continue;
    }
    if (s.state === 'stale') stale.push(s.pointer);
    obj[key] = s.entry!.translation;
    // deref() lets a $ref's siblings override its target: a translated sibling must also override a target's English mark.
    if (options.mark && typeof obj.$ref === 'string' && options.lang) obj[langKey(key)] = options.lang;
  }
  return { doc: out, fallback, stale };
}

/** A parameter of a localized operation: `descriptionLang` is set when its description is in another language than the page's. */
export interface LocalizedParamModel extends ParamModel {
  descriptionLang?: string;
}

export interface LocalizedExampleResponse extends ExampleResponse {
  summaryLang?: string;
}

/**
 * The operation model in one locale. Its strings (summary, parameter descriptions, example
 * summaries, the body schema's descriptions) are the locale's where translated; a `...Lang`
 * field (and in schemas an `x-description-lang` key) names the language of one shown in English.
 */
export interface LocalizedOperationModel extends OperationModel {
  /** The locale the strings are in (`en` for the English site). */
  locale: string;
  summaryLang?: string;
  params: LocalizedParamModel[];
  examples: LocalizedExampleResponse[];
}

/** The language marks of the parameters of one operation of a marked localized spec, by `in:name`. */
function paramLangs(marked: OpenApiDocument, path: string, method: string): Map<string, string> {
  const item = deref(marked, marked.paths[path]) as Record<string, unknown>;
  const op = item[method] as Record<string, unknown>;
  const all = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])] as Array<Record<string, unknown>>;
  const langs = new Map<string, string>();
  for (const p of all) {
    const lang = p[langKey('description')];
    const id = `${String(p.in)}:${String(p.name)}`;
    if (typeof lang === 'string') langs.set(id, lang);
    else langs.delete(id);
  }
  return langs;
}

/** Removes the marks of the page's own language: only the exceptions stay. */
function keepForeign(lang: unknown, locale: string): string | undefined {
  return typeof lang === 'string' && lang !== locale ? lang : undefined;
}

/** The marked localized spec of each (spec, entries, locale): a build asks for it once per page. */
const markedSpecs = new WeakMap<OpenApiDocument, WeakMap<StringEntries, Map<string, OpenApiDocument>>>();

function markedSpec(doc: OpenApiDocument, entries: StringEntries, locale: string): OpenApiDocument {
  let byEntries = markedSpecs.get(doc);
  if (!byEntries) markedSpecs.set(doc, (byEntries = new WeakMap()));
  let byLocale = byEntries.get(entries);
  if (!byLocale) byEntries.set(entries, (byLocale = new Map()));
  let marked = byLocale.get(locale);
  if (!marked) byLocale.set(locale, (marked = localizeSpec(doc, entries, { mark: true, lang: locale }).doc));
  return marked;
}

/**
 * The operation `group`/`request` with the strings of `locale` (see LocalizedOperationModel).
 * English (`locale` = `en`, or no entries) gives the plain model with `locale: 'en'`.
 */
export function localizedOperation(doc: OpenApiDocument, entries: StringEntries, locale: string, group: string, request: string): LocalizedOperationModel {
  const english = findOperation(doc, group, request);
  if (locale === 'en') return { ...english, locale };
  const marked = markedSpec(doc, entries, locale);
  const model = findOperation(marked, group, request);
  const raw = (marked.paths[model.path] as Record<string, unknown>)[model.method.toLowerCase()] as Record<string, unknown>;
  const langs = paramLangs(marked, model.path, model.method.toLowerCase());
  const summaryLang = keepForeign(raw[langKey('summary')], locale);
  return {
    ...model,
    locale,
    ...(summaryLang ? { summaryLang } : {}),
    params: model.params.map((p) => {
      const lang = keepForeign(langs.get(`${p.in}:${p.name}`), locale);
      return lang ? { ...p, descriptionLang: lang } : p;
    }),
    examples: model.examples.map((e) => {
      const lang = keepForeign(exampleSummaryLang(marked, model, e), locale);
      return lang ? { ...e, summaryLang: lang } : e;
    }),
  };
}

function exampleSummaryLang(marked: OpenApiDocument, model: OperationModel, example: ExampleResponse): unknown {
  const raw = (marked.paths[model.path] as Record<string, unknown>)[model.method.toLowerCase()] as Record<string, unknown>;
  const response = deref(marked, (raw.responses as Record<string, unknown>)[String(example.status)]) as Record<string, unknown>;
  const json = isObject(response.content) ? (response.content['application/json'] as Record<string, unknown> | undefined) : undefined;
  const named = json && isObject(json.examples) ? (json.examples[example.name] as Record<string, unknown> | undefined) : undefined;
  return named?.[langKey('summary')];
}
