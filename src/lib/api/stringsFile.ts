/**
 * `i18n/<locale>/openapi.json`: one locale's translations of the API reference, in one file.
 *
 * ```json
 * {
 *   "pages": {
 *     "endpoint.pathParameters": { "en": "Path Parameters", "translation": "Parametri di percorso" }
 *   },
 *   "spec": {
 *     "/components/parameters/Page/description": { "en": "Result page, starting at 1.", "translation": "..." }
 *   }
 * }
 * ```
 *
 * `spec` holds the spec's strings, keyed by JSON pointer into openapi/openapi.yaml
 * (./localize.ts `specStrings`); `pages` the words the reference pages put around them,
 * keyed by phrase id (./phrases.ts). Each entry keeps a copy of the English it translates,
 * so a change of the English text shows as a stale entry. Parsing never throws: problems
 * come with their line, and the valid entries are kept. Pure.
 */
import { parseJsonObjectFile, type JsonNode } from '../i18n/json';
import { PAGE_PHRASES, PHRASE_IDS } from './phrases';
import { normalizeSource, specStrings, stringCounts, type StringCounts, type StringEntry } from './localize';
import type { OpenApiDocument } from './model';

export const STRINGS_SECTIONS = ['pages', 'spec'] as const;
export type StringsSection = (typeof STRINGS_SECTIONS)[number];

export interface StringsFile {
  pages: Record<string, StringEntry>;
  spec: Record<string, StringEntry>;
}

export interface StringsFileProblem {
  line: number;
  message: string;
}

export interface ParsedStringsFile {
  file: StringsFile;
  /** `<section>:<key>` -> lines of the entry (its key) and of its translation. */
  lines: Map<string, { entry: number; translation: number }>;
  problems: StringsFileProblem[];
}

/** The path of a locale's file, relative to the site root. */
export function stringsFile(locale: string): string {
  return `i18n/${locale}/openapi.json`;
}

export function emptyStringsFile(): StringsFile {
  return { pages: {}, spec: {} };
}

function readSection(node: JsonNode, section: StringsSection, out: ParsedStringsFile): void {
  if (node.kind !== 'object') {
    out.problems.push({ line: node.line, message: `"${section}" must be an object of entries { "en": "...", "translation": "..." }` });
    return;
  }
  const seen = new Set<string>();
  for (const e of node.entries) {
    if (seen.has(e.key)) out.problems.push({ line: e.keyLine, message: `${JSON.stringify(e.key)} is listed twice in "${section}"` });
    seen.add(e.key);
    const v = e.value;
    if (v.kind !== 'object') {
      out.problems.push({ line: e.keyLine, message: `${JSON.stringify(e.key)} must be { "en": "...", "translation": "..." }` });
      continue;
    }
    const node = (k: string) => v.entries.find((x) => x.key === k);
    const field = (k: string): string | undefined => {
      const f = node(k);
      return f && f.value.kind === 'string' ? f.value.value : undefined;
    };
    const unknown = v.entries.filter((x) => x.key !== 'en' && x.key !== 'translation');
    for (const u of unknown) out.problems.push({ line: u.keyLine, message: `unknown key ${JSON.stringify(u.key)} in ${JSON.stringify(e.key)} (allowed: "en", "translation")` });
    const en = field('en');
    const translation = field('translation');
    if (en === undefined || translation === undefined) {
      out.problems.push({ line: e.keyLine, message: `${JSON.stringify(e.key)} needs the strings "en" (the English it translates) and "translation"` });
      continue;
    }
    out.file[section][e.key] = { en, translation };
    out.lines.set(`${section}:${e.key}`, { entry: e.keyLine, translation: node('translation')?.value.line ?? e.keyLine });
  }
}

export function parseStringsFile(text: string): ParsedStringsFile {
  const out: ParsedStringsFile = { file: emptyStringsFile(), lines: new Map(), problems: [] };
  const root = parseJsonObjectFile(text, 'the file must be an object { "pages": {...}, "spec": {...} }');
  if (!root.ok) {
    out.problems.push(root.problem);
    return out;
  }
  for (const e of root.entries) {
    if (!(STRINGS_SECTIONS as readonly string[]).includes(e.key)) {
      out.problems.push({ line: e.keyLine, message: `unknown key ${JSON.stringify(e.key)} (expected "pages" and "spec")` });
      continue;
    }
    readSection(e.value, e.key as StringsSection, out);
  }
  return out;
}

/**
 * The file as written: `pages` in phrase order, `spec` in the spec's order, then any other
 * entries (orphans) in their order, so a diff shows what changed. Two-space JSON, final newline.
 */
export function serializeStringsFile(file: StringsFile, doc: OpenApiDocument): string {
  const ordered = (entries: Record<string, StringEntry>, order: readonly string[]): Record<string, StringEntry> => {
    const out: Record<string, StringEntry> = {};
    for (const k of order) if (entries[k]) out[k] = { en: entries[k].en, translation: entries[k].translation };
    for (const [k, v] of Object.entries(entries)) if (!(k in out)) out[k] = { en: v.en, translation: v.translation };
    return out;
  };
  const pages = ordered(file.pages, PHRASE_IDS);
  const spec = ordered(file.spec, specStrings(doc).map((s) => s.pointer));
  return `${JSON.stringify({ pages, spec }, null, 2)}\n`;
}

/** How much of the API reference a locale has translated: the spec's strings and the pages' phrases. */
export interface ApiStringCounts {
  spec: StringCounts;
  pages: StringCounts;
}

/** The counts of a locale's file (null: a locale without one, everything missing). */
export function apiStringCounts(doc: OpenApiDocument, file: StringsFile | null): ApiStringCounts {
  const entries = file ?? emptyStringsFile();
  const pages: StringCounts = { total: PHRASE_IDS.length, translated: 0, stale: 0, missing: 0, orphans: 0 };
  for (const id of PHRASE_IDS) {
    const entry = entries.pages[id];
    if (!entry || !entry.translation.trim()) pages.missing++;
    else if (normalizeSource(entry.en) !== normalizeSource(PAGE_PHRASES[id])) pages.stale++;
    else pages.translated++;
  }
  pages.orphans = Object.keys(entries.pages).filter((id) => !(id in PAGE_PHRASES)).length;
  return { spec: stringCounts(doc, entries.spec), pages };
}
