/**
 * Builds the downloadable API files from openapi/openapi.yaml: the spec as
 * YAML and JSON, and a Postman collection converted by openapi-to-postmanv2
 * and finished by ./postman.ts (documented values, saved examples, a status
 * test per request, an order that runs on fresh data). The API key is a
 * collection variable (`apiKey`), never a value; the base URL is the
 * variable `baseUrl` (production by default; point it at the sandbox to run
 * the collection there).
 *
 * In a translated locale the three files carry the locale's descriptions and
 * summaries (`i18n/<locale>/openapi.json`, overlaid by src/lib/api/localize.ts;
 * a string without translation stays English) and nothing else changes: same
 * keys, paths, operations, schemas, examples and ids. The YAML keeps the
 * spec's own layout and comments: only the translated scalars are replaced.
 */
import { readFileSync } from 'node:fs';
import { isScalar, parse, parseDocument, stringify } from 'yaml';
import { SPEC_PATH } from '../../src/lib/api/load';
import { localeStrings } from '../../src/lib/api/localeStrings';
import { localizeSpec, pointerTokens, specStrings, type StringEntries } from '../../src/lib/api/localize';
import type { OpenApiDocument } from '../../src/lib/api/model';
import { finishCollection, type PostmanCollection } from './postman';

export interface ApiDownloads {
  'openapi.yaml': string;
  'openapi.json': string;
  'callbell-api.postman_collection.json': string;
}

interface PostmanResult {
  result: boolean;
  reason?: string;
  output?: Array<{ type: string; data: Record<string, unknown> }>;
}

export interface DownloadOptions {
  specPath?: string;
  /** The locale whose strings the files carry (default `en`: the spec as it is). */
  locale?: string;
  /** The locale's spec strings; default: read from `i18n/<locale>/openapi.json`. */
  strings?: StringEntries;
}

/** A string as YAML source at a key indented by `indent`: one line when it has none, else a literal block. */
function scalarSource(value: string, indent: string): string {
  if (!value.includes('\n')) return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  // a block cannot start with a space, nor keep trailing blanks: a quoted string can
  // (`|` keeps one final line break, `|-` none; more than one is quoted too)
  if (/^\s/.test(value) || /[ \t]$/m.test(value) || value.endsWith('\n\n')) return JSON.stringify(value);
  const chomp = value.endsWith('\n') ? '|' : '|-';
  return `${chomp}\n${value.replace(/\n$/, '').split('\n').map((line) => (line ? `${indent}  ${line}` : '')).join('\n')}`;
}

/**
 * The spec's YAML text with the translated strings in place: each changed scalar is rewritten
 * where it stands (its source range), so every other line stays exactly as written, comments too.
 */
function localizedYaml(yamlText: string, english: OpenApiDocument, localized: OpenApiDocument): string {
  const document = parseDocument(yamlText, { keepSourceTokens: false });
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const s of specStrings(english)) {
    const tokens = pointerTokens(s.pointer);
    let target: unknown = localized;
    for (const t of tokens) target = (target as Record<string, unknown>)[t];
    if (typeof target !== 'string' || target === s.text) continue;
    const node = document.getIn(tokens, true);
    if (!isScalar(node) || !node.range) throw new Error(`openapi.yaml: no scalar at ${s.pointer}`);
    const [start, end] = node.range;
    const lineStart = yamlText.lastIndexOf('\n', start - 1) + 1;
    // the key's column: its line's indentation, `- ` of a sequence item included
    const indent = ' '.repeat(/^[ -]*/.exec(yamlText.slice(lineStart))![0].length);
    const block = yamlText[start] === '|' || yamlText[start] === '>';
    edits.push({ start, end, text: scalarSource(target, indent) + (block ? '\n' : '') });
  }
  let out = yamlText;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export async function buildDownloads(options: DownloadOptions | string = {}): Promise<ApiDownloads> {
  const { specPath = SPEC_PATH, locale = 'en', strings } = typeof options === 'string' ? { specPath: options } : options;
  const englishYaml = readFileSync(specPath, 'utf8');
  const english = parse(englishYaml) as OpenApiDocument;
  const entries = strings ?? localeStrings(locale).spec;
  const spec = (locale === 'en' ? english : localizeSpec(english, entries).doc) as Record<string, unknown>;
  const yamlText = locale === 'en' ? englishYaml : localizedYaml(englishYaml, english, spec as OpenApiDocument);
  const jsonText = `${JSON.stringify(spec, null, 2)}\n`;
  const { default: converter } = (await import('openapi-to-postmanv2')) as unknown as {
    default: { convertV2: (input: object, options: object, cb: (err: Error | null, res: PostmanResult) => void) => void };
  };
  const result = await new Promise<PostmanResult>((resolve, reject) =>
    converter.convertV2(
      // The converter resolves references in place: give it its own copy.
      { type: 'json', data: structuredClone(spec) },
      { folderStrategy: 'Tags', requestParametersResolution: 'Example', exampleParametersResolution: 'Example', includeAuthInfoInExample: false },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
  if (!result.result || !result.output?.[0]) throw new Error(`Postman conversion failed: ${result.reason ?? 'no output'}`);
  const collection = finishCollection(result.output[0].data as unknown as PostmanCollection, spec as unknown as OpenApiDocument);
  // The key stays a variable the user fills in Postman.
  collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] };
  const variables = (Array.isArray(collection.variable) ? collection.variable : []) as Array<{ key: string }>;
  collection.variable = [...variables.filter((v) => v.key !== 'apiKey'), { key: 'apiKey', value: '', type: 'string' }];
  return {
    'openapi.yaml': yamlText,
    'openapi.json': jsonText,
    'callbell-api.postman_collection.json': `${JSON.stringify(collection, null, 2)}\n`,
  };
}
