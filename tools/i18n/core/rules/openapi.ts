/**
 * The API's own words (site level): each locale's `i18n/<locale>/openapi.json` translates every
 * description and summary of openapi/openapi.yaml (`spec`, keyed by JSON pointer) and the
 * phrases the reference pages put around them (`pages`, keyed by phrase id). Checked like pages:
 * a string without translation (shown in English), a translation of an English text that has
 * changed since (stale: each entry keeps the English it translates), an entry the spec no longer
 * has, and a translation that lost an identifier, an inline code span, a link target or a
 * `{placeholder}` of its English text. The file format: src/lib/api/stringsFile.ts.
 */
import { normalizeSource, stringStates, type StringEntry } from '../../../../src/lib/api/localize';
import type { OpenApiDocument } from '../../../../src/lib/api/model';
import { PAGE_PHRASES, PHRASE_IDS, placeholderNames, unknownModifiers } from '../../../../src/lib/api/phrases';
import { parseStringsFile, stringsFile, type ParsedStringsFile } from '../../../../src/lib/api/stringsFile';
import { code, truncate } from '../text';
import { defineRules, type RuleMetas, type SiteReport } from './rule';

export interface LocaleApiStringsInput {
  locale: string;
  /** Text of `i18n/<locale>/openapi.json`; null or absent when the locale has none. */
  text?: string | null;
  /** The spec (openapi/openapi.yaml, parsed). */
  doc: OpenApiDocument;
}

const meta = {
  'openapi-file': {
    severity: 'error',
    description: '`openapi.json` is not valid JSON, or an entry is not `{ "en": "...", "translation": "..." }`.',
    fix: 'Fix it at the line.',
  },
  'openapi-file-missing': {
    severity: 'warning',
    description: 'The locale has no `openapi.json`: the API\'s own descriptions (Try it hints, reference tables, downloads) are English there.',
    fix: 'Copy another locale\'s file and translate every `translation` (see "The API\'s own words" above).',
  },
  'openapi-missing': {
    severity: 'warning',
    description: 'A description or summary of the spec (or a phrase of the reference pages) has no translation: the site shows the English text, marked `lang="en"`.',
    fix: 'Add the entry the message names, with `en` copied from the message and your `translation`; then `npm run pages:render`.',
  },
  'openapi-stale': {
    severity: 'warning',
    description: 'The English text changed since the entry was translated (its `en` is not the spec\'s text any more); the message shows both.',
    fix: 'Update `translation`, copy the new English into `en`, then `npm run pages:render`.',
  },
  'openapi-orphan': {
    severity: 'error',
    description: 'An entry whose pointer (or phrase id) the spec no longer has: renamed, moved or deleted.',
    fix: 'Move it to the pointer the message suggests, or delete it.',
  },
  'openapi-code': {
    severity: 'error',
    description: 'A translation lost or changed an identifier of its English text: an inline code span, a name such as `team_uuid` or `customFieldsMetadata`, a path, a URL or a link target.',
    fix: 'Copy each of them exactly; translate only the words around them.',
  },
  'openapi-placeholders': {
    severity: 'error',
    description: 'A phrase of the reference pages lost a `{placeholder}`, added an unknown one, or uses an unknown modifier (only `{name|lower}` exists).',
    fix: 'Keep every `{name}` of the English phrase; never translate the name in braces.',
  },
} as const satisfies RuleMetas;

type ApiStringsRuleId = keyof typeof meta;

/** Inline code spans, link targets, URLs and identifier-like words of a text (what a translation keeps as is). */
export function identifiers(text: string): string[] {
  const out: string[] = [];
  let rest = text.replace(/`([^`]+)`/g, (_m, span: string) => {
    out.push(`\`${span}\``);
    return ' ';
  });
  rest = rest.replace(/\]\(([^)\s]+)\)/g, (_m, target: string) => {
    out.push(`](${target})`);
    return '] ';
  });
  rest = rest.replace(/\bhttps?:\/\/[^\s)<>"]+[^\s)<>".,;:]/g, (url) => {
    out.push(url);
    return ' ';
  });
  const words = rest.match(/(?<![\p{L}\p{N}_./-])(?:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]|[a-z]+[A-Z][A-Za-z0-9]*|\/[a-z_{}:]+(?:\/[a-z_{}:]+)+)(?![\p{L}\p{N}_])/gu) ?? [];
  out.push(...words);
  return out;
}

/** The identifiers of `english` that `translation` lost (with their count), and the code spans it added. */
export function lostIdentifiers(english: string, translation: string): { lost: string[]; added: string[] } {
  const count = (xs: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const en = count(identifiers(english));
  const spans = (t: string) => count((t.match(/`[^`]+`/g) ?? []));
  const trSpans = spans(translation);
  const lost: string[] = [];
  for (const [id, n] of en) {
    // a code span must be kept as a span, as often; a bare identifier must be somewhere in the text
    const have = id.startsWith('`') ? (trSpans.get(id) ?? 0) : translation.includes(id) ? n : 0;
    if (have < n) lost.push(id);
  }
  const enSpans = spans(english);
  const added = [...trSpans.keys()].filter((s) => (trSpans.get(s) ?? 0) > (enSpans.get(s) ?? 0) && !en.has(s));
  return { lost, added };
}

function quote(text: string): string {
  return JSON.stringify(truncate(text, 90));
}

function checkEntry(
  kind: 'spec' | 'pages',
  key: string,
  entry: StringEntry,
  english: string,
  at: (key: string) => number,
  say: (rule: ApiStringsRuleId, line: number, message: string) => void,
): void {
  const { lost, added } = lostIdentifiers(english, entry.translation);
  if (lost.length || added.length) {
    const parts = [
      lost.length ? `lost ${lost.map(code).join(', ')}` : '',
      added.length ? `added ${added.map(code).join(', ')} (not in the English)` : '',
    ].filter(Boolean);
    say('openapi-code', at(key), `${code(key)}: the translation ${parts.join('; ')}`);
  }
  if (kind === 'pages') {
    const want = placeholderNames(english);
    const have = placeholderNames(entry.translation);
    const missing = [...want].filter((p) => !have.has(p));
    const unknown = [...have].filter((p) => !want.has(p));
    const badModifiers = unknownModifiers(entry.translation);
    if (missing.length || unknown.length || badModifiers.length) {
      say(
        'openapi-placeholders',
        at(key),
        `${code(key)}: ${[
          missing.length ? `missing ${missing.map((p) => `{${p}}`).join(', ')}` : '',
          unknown.length ? `unknown ${unknown.map((p) => `{${p}}`).join(', ')}` : '',
          badModifiers.length ? `unknown modifier ${badModifiers.map((m) => `|${m}`).join(', ')} (only |lower)` : '',
        ].filter(Boolean).join('; ')}`,
      );
    }
  }
}

export const openapiStrings = defineRules({
  name: 'openapi',
  meta,
  check(input: LocaleApiStringsInput, report: SiteReport<ApiStringsRuleId>): void {
    const file = stringsFile(input.locale);
    const say = (rule: ApiStringsRuleId, line: number, message: string): void => report(rule, { file, line, message });
    if (input.text === null || input.text === undefined) {
      say('openapi-file-missing', 1, `${file} not found: the spec's descriptions stay English in ${input.locale} (Try it hints, reference tables, downloads)`);
      return;
    }
    const parsed: ParsedStringsFile = parseStringsFile(input.text);
    for (const p of parsed.problems) say('openapi-file', p.line, p.message);
    const entryLine = (section: string) => (key: string) => parsed.lines.get(`${section}:${key}`)?.entry ?? 1;
    const translationLine = (section: string) => (key: string) => parsed.lines.get(`${section}:${key}`)?.translation ?? entryLine(section)(key);

    // the spec's strings
    const { strings, orphans } = stringStates(input.doc, parsed.file.spec);
    const byText = new Map<string, string[]>();
    for (const s of strings) byText.set(normalizeSource(s.text), [...(byText.get(normalizeSource(s.text)) ?? []), s.pointer]);
    for (const s of strings) {
      if (s.state === 'missing') {
        say('openapi-missing', 1, `no translation of ${code(s.pointer)}, English: ${quote(s.text)}`);
        continue;
      }
      const entry = s.entry!;
      if (s.state === 'stale') {
        say('openapi-stale', entryLine('spec')(s.pointer), `${code(s.pointer)}: the English changed from ${quote(entry.en)} to ${quote(s.text)}`);
      }
      // a stale translation is held to the English it translates: the new English is reported once, as stale
      checkEntry('spec', s.pointer, entry, s.state === 'stale' ? entry.en : s.text, translationLine('spec'), say);
    }
    for (const pointer of orphans) {
      const entry = parsed.file.spec[pointer]!;
      const now = (byText.get(normalizeSource(entry.en)) ?? []).filter((p) => !(p in parsed.file.spec));
      say('openapi-orphan', entryLine('spec')(pointer), `${code(pointer)} is not in openapi/openapi.yaml any more${now.length ? `; its English text is now at ${now.map(code).join(', ')}` : ''}`);
    }

    // the pages' phrases
    for (const id of PHRASE_IDS) {
      const english = PAGE_PHRASES[id];
      const entry = parsed.file.pages[id];
      if (!entry || !entry.translation.trim()) {
        say('openapi-missing', 1, `no translation of the page phrase ${code(id)}, English: ${quote(english)}`);
        continue;
      }
      if (normalizeSource(entry.en) !== normalizeSource(english)) {
        say('openapi-stale', entryLine('pages')(id), `page phrase ${code(id)}: the English changed from ${quote(entry.en)} to ${quote(english)}`);
      }
      checkEntry('pages', id, entry, normalizeSource(entry.en) === normalizeSource(english) ? english : entry.en, translationLine('pages'), say);
    }
    for (const id of Object.keys(parsed.file.pages)) {
      if (!(id in PAGE_PHRASES)) say('openapi-orphan', entryLine('pages')(id), `page phrase ${code(id)} does not exist (src/lib/api/phrases.ts)`);
    }
  },
});

/** The translations of a locale's file as glossary strings (file, line, text), for the glossary rule. */
export function apiGlossaryStrings(locale: string, text: string | null | undefined): Array<{ file: string; line: number; text: string }> {
  if (!text) return [];
  const parsed = parseStringsFile(text);
  const out: Array<{ file: string; line: number; text: string }> = [];
  for (const section of ['spec', 'pages'] as const) {
    for (const [key, entry] of Object.entries(parsed.file[section])) {
      out.push({ file: stringsFile(locale), line: parsed.lines.get(`${section}:${key}`)?.translation ?? 1, text: entry.translation });
    }
  }
  return out;
}
