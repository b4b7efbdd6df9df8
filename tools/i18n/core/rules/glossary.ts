/**
 * Glossary (site level): each locale's `i18n/<locale>/glossary.json` is valid, and no translated
 * page, UI message of the site (`code.json` except Docusaurus' own `theme.*` strings, sidebar labels) or other
 * translated string (e.g. the spec's strings, given as plain strings) uses a wrong variant of one
 * of its terms. A locale without a glossary is not
 * checked. The file format and the matching are in ../glossary/.
 */
import { OBJECT_TYPES } from '../../../../src/lib/docs/paths';
import { glossaryFile, translatedFile } from '../../../../src/lib/i18n/paths';
import { parseCodeJson } from '../codeJson';
import { parseGlossary } from '../glossary/file';
import { compileGlossary, type GlossaryMatcher } from '../glossary/match';
import { inlineProse, pageProse } from '../glossary/prose';
import { defineRules, type RuleMetas, type SiteReport } from './rule';

/** A translated string outside the pages, where it is (file relative to the site root, line). */
export interface GlossaryString {
  file: string;
  line: number;
  text: string;
}

export interface LocaleGlossaryInput {
  locale: string;
  /** Text of `i18n/<locale>/glossary.json`; null or absent: the locale is not checked. */
  glossaryText?: string | null;
  /** Doc path (relative to docs/) -> translated page text. */
  pages?: ReadonlyMap<string, string>;
  /**
   * Files of translated UI messages (`{ "id": { "message": "..." } }`: `code.json`, the sidebar's
   * `current.json`), by file (relative to the site root) -> text; null when absent.
   */
  messageFiles?: Readonly<Record<string, string | null | undefined>>;
  /** Other translated strings (e.g. the spec's descriptions), each with its file and line. */
  strings?: readonly GlossaryString[];
  /** Names that are identifiers when spelled exactly so (default: the spec's object names, `Template`). */
  identifiers?: Iterable<string>;
}

const meta = {
  'glossary': {
    severity: 'warning',
    description: 'A wrong variant of a glossary term (`mensagens de template` where the Portuguese glossary says `modelo`).',
    fix: 'Use the term of `i18n/<locale>/glossary.json` (the message names it); change the glossary if the term itself should change.',
  },
  'glossary-file': {
    severity: 'error',
    description: '`glossary.json` is not valid JSON, or an entry is malformed or contradicts another.',
    fix: 'Fix it at the line (see "The glossary" below).',
  },
} as const satisfies RuleMetas;

type GlossaryRuleId = keyof typeof meta;

/** The glossary matcher of a locale, or undefined when it has none; problems of the file are reported. */
function loadMatcher(input: LocaleGlossaryInput, report: SiteReport<GlossaryRuleId>): GlossaryMatcher | undefined {
  if (input.glossaryText === null || input.glossaryText === undefined) return undefined;
  const file = glossaryFile(input.locale);
  const { glossary, problems } = parseGlossary(input.glossaryText);
  for (const p of problems) report('glossary-file', { file, line: p.line, message: p.message });
  return compileGlossary(glossary, { identifiers: input.identifiers ?? OBJECT_TYPES });
}

export const glossary = defineRules({
  name: 'glossary',
  meta,
  check(input: LocaleGlossaryInput, report: SiteReport<GlossaryRuleId>): void {
    const matcher = loadMatcher(input, report);
    if (!matcher) return;
    const source = glossaryFile(input.locale);
    const say = (file: string, line: number, found: string, en: string, use: string, entryLine: number, docPath?: string): void => {
      report('glossary', {
        file,
        line,
        message: `write "${use}", not "${found}" (the term for "${en}" in ${source}:${entryLine})`,
        ...(docPath !== undefined ? { docPath } : {}),
      });
    };
    for (const [docPath, text] of input.pages ?? []) {
      for (const m of matcher.find(pageProse(text))) say(translatedFile(input.locale, docPath), m.line, m.found, m.entry.en, m.entry.use, m.entry.line, docPath);
    }
    for (const [file, text] of Object.entries(input.messageFiles ?? {})) {
      if (!text) continue;
      const parsed = parseCodeJson(text);
      for (const [id, entry] of Object.entries(parsed.map)) {
        // Docusaurus' own theme strings speak of its features (a doc's tags), not of the product.
        if (id.startsWith('theme.')) continue;
        for (const m of matcher.find(inlineProse(entry.message))) say(file, parsed.lines.get(id) ?? 1, m.found, m.entry.en, m.entry.use, m.entry.line);
      }
    }
    for (const s of input.strings ?? []) {
      for (const m of matcher.find(inlineProse(s.text))) say(s.file, s.line + m.line - 1, m.found, m.entry.en, m.entry.use, m.entry.line);
    }
  },
});
