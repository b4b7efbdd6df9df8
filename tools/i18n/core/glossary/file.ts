/**
 * `i18n/<locale>/glossary.json`: read and validate a locale's glossary. Never throws: a file that
 * is not JSON, or an entry that is malformed, is a problem with its line (the valid entries are
 * kept). Pure.
 *
 * ```json
 * {
 *   "terms": [
 *     { "en": "template", "use": "modelo", "forms": ["modelos"], "wrong": ["template", "templates"], "note": "..." }
 *   ],
 *   "neverTranslated": [
 *     { "en": "webhook", "wrong": ["gancho web"] }
 *   ]
 * }
 * ```
 */
import { parseJson, type JsonEntry, type JsonNode } from '../../../../src/lib/i18n/json';

export interface GlossaryEntry {
  /** The English term. */
  en: string;
  /** The one form the locale uses (the English term itself when it is never translated). */
  use: string;
  /** Other correct forms (plural, longer phrase), for the guide; never reported. */
  forms: string[];
  /** Wrong variants, each with its inflections written out; matched as whole words, case-insensitively. */
  wrong: string[];
  note?: string;
  /** False for the terms that are never translated. */
  translated: boolean;
  /** Line of the entry in the file. */
  line: number;
}

export interface Glossary {
  entries: GlossaryEntry[];
}

export interface GlossaryProblem {
  line: number;
  message: string;
}

/**
 * The key two spellings of a term share: Unicode NFC (composed and decomposed accents are the
 * same), lower case, one space between words, typographic apostrophes as `'`. Accents count:
 * `contacto` and `contactó` are different words.
 */
export function termKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}

const TOP_KEYS = ['terms', 'neverTranslated'] as const;
const ENTRY_KEYS = { terms: ['en', 'use', 'forms', 'wrong', 'note'], neverTranslated: ['en', 'wrong', 'note'] } as const;

export function parseGlossary(text: string): { glossary: Glossary; problems: GlossaryProblem[] } {
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const glossary = { entries };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    problems.push({ line: parsed.error.line, message: `not valid JSON (column ${parsed.error.column}): ${parsed.error.message}` });
    return { glossary, problems };
  }
  const root = parsed.node;
  if (root.kind !== 'object') {
    problems.push({ line: root.line, message: 'the glossary must be an object { "terms": [...], "neverTranslated": [...] }' });
    return { glossary, problems };
  }
  for (const e of root.entries) {
    if (!(TOP_KEYS as readonly string[]).includes(e.key)) {
      problems.push({ line: e.keyLine, message: `unknown key ${JSON.stringify(e.key)} (expected ${TOP_KEYS.map((k) => `"${k}"`).join(' or ')})` });
    }
  }
  for (const list of TOP_KEYS) {
    const node = root.entries.find((e) => e.key === list)?.value;
    if (!node) continue;
    if (node.kind !== 'array') {
      problems.push({ line: node.line, message: `"${list}" must be an array of entries` });
      continue;
    }
    for (const item of node.items) {
      const entry = readEntry(item, list, problems);
      if (entry) entries.push(entry);
    }
  }
  crossCheck(entries, problems);
  return { glossary, problems: problems.sort((a, b) => a.line - b.line) };
}

function readEntry(node: JsonNode, list: (typeof TOP_KEYS)[number], problems: GlossaryProblem[]): GlossaryEntry | undefined {
  if (node.kind !== 'object') {
    problems.push({ line: node.line, message: `an entry of "${list}" must be an object with "en"${list === 'terms' ? ', "use"' : ''} and "wrong"` });
    return undefined;
  }
  const allowed: readonly string[] = ENTRY_KEYS[list];
  const field = (k: string): JsonEntry | undefined => node.entries.find((e) => e.key === k);
  let ok = true;
  const fail = (line: number, message: string): void => {
    problems.push({ line, message });
    ok = false;
  };
  for (const e of node.entries) {
    if (!allowed.includes(e.key)) {
      fail(e.keyLine, `unknown key ${JSON.stringify(e.key)} in an entry of "${list}" (allowed: ${allowed.join(', ')})`);
    }
  }
  const str = (k: string, required: boolean): string | undefined => {
    const f = field(k);
    if (!f) {
      if (required) fail(node.line, `entry without "${k}"`);
      return undefined;
    }
    if (f.value.kind !== 'string' || f.value.value.trim() === '') {
      fail(f.keyLine, `"${k}" must be a non-empty string`);
      return undefined;
    }
    return f.value.value.trim();
  };
  const strings = (k: string, required: boolean): string[] => {
    const f = field(k);
    if (!f) {
      if (required) fail(node.line, `entry without "${k}" (a list of the wrong variants, inflections written out)`);
      return [];
    }
    if (f.value.kind !== 'array' || (required && f.value.items.length === 0)) {
      fail(f.keyLine, `"${k}" must be ${required ? 'a non-empty' : 'an'} array of strings`);
      return [];
    }
    const out: string[] = [];
    for (const item of f.value.items) {
      if (item.kind !== 'string' || item.value.trim() === '') fail(item.line, `every item of "${k}" must be a non-empty string`);
      else out.push(item.value.trim());
    }
    return out;
  };
  const en = str('en', true);
  const use = list === 'terms' ? str('use', true) : en;
  const forms = list === 'terms' ? strings('forms', false) : [];
  const wrong = strings('wrong', true);
  const note = str('note', false);
  if (!ok || en === undefined || use === undefined) return undefined;
  const right = new Set([use, ...forms].map(termKey));
  const seen = new Set<string>();
  const wrongItems = (field('wrong')?.value as Extract<JsonNode, { kind: 'array' }>).items;
  wrong.forEach((w, i) => {
    const key = termKey(w);
    const line = wrongItems[i]?.line ?? node.line;
    if (right.has(key)) fail(line, `${JSON.stringify(w)} is listed both as wrong and as the right form of "${en}"`);
    else if (seen.has(key)) fail(line, `${JSON.stringify(w)} is listed twice in "wrong" of "${en}"`);
    seen.add(key);
  });
  if (!ok) return undefined;
  return { en, use, forms, wrong, ...(note !== undefined ? { note } : {}), translated: list === 'terms', line: node.line };
}

/** One entry per English term; a wrong variant of one entry is neither wrong for another nor right for another. */
function crossCheck(entries: GlossaryEntry[], problems: GlossaryProblem[]): void {
  const byEn = new Map<string, GlossaryEntry>();
  const wrongOf = new Map<string, GlossaryEntry>();
  const rightOf = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    const k = termKey(e.en);
    const first = byEn.get(k);
    if (first) problems.push({ line: e.line, message: `"${e.en}" is already in the glossary (line ${first.line})` });
    else byEn.set(k, e);
    for (const r of [e.use, ...e.forms]) if (!rightOf.has(termKey(r))) rightOf.set(termKey(r), e);
  }
  for (const e of entries) {
    for (const w of e.wrong) {
      const k = termKey(w);
      const other = wrongOf.get(k);
      if (other && other !== e) problems.push({ line: e.line, message: `wrong variant ${JSON.stringify(w)} of "${e.en}" is also listed for "${other.en}" (line ${other.line}): keep it in one entry` });
      else wrongOf.set(k, e);
      const right = rightOf.get(k);
      if (right && right !== e) problems.push({ line: e.line, message: `wrong variant ${JSON.stringify(w)} of "${e.en}" is the right form of "${right.en}" (line ${right.line})` });
    }
  }
}
