/**
 * Find the wrong variants of a locale's glossary terms in prose. A variant matches as whole words
 * (letters with accents are letters: `equipe` is not found in `equipé`), case-insensitively, with
 * any white space (a line break too) between its words; accents count (`contacto` is not
 * `contactó`); composed and decomposed accents are the same. The longest variant wins where two
 * overlap (`mensagens de template` rather than `template`). Words joined to others by `_`, `/`,
 * `-` or `.` are identifiers and never match. A match spelled exactly like one of the given
 * identifiers (the spec's object names: `Template`) is not reported. Pure.
 */
import { lineOfOffset, lineStarts } from '../../../../src/lib/i18n/text';
import { termKey, type Glossary, type GlossaryEntry } from './file';

export interface TermMatch {
  /** 1-based line in the text. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The wrong form as written. */
  found: string;
  entry: GlossaryEntry;
}

export interface GlossaryMatcher {
  /** Wrong variants in `prose` (text whose non-prose parts are already blanked: see prose.ts). */
  find(prose: string): TermMatch[];
}

export interface CompileOptions {
  /** Names that are identifiers when spelled exactly so (case-sensitive), e.g. the spec's object names. */
  identifiers?: Iterable<string>;
}

const WORD = String.raw`\p{L}\p{M}\p{N}_`;
const BEFORE = String.raw`(?<![${WORD}/\-.])`;
const AFTER = String.raw`(?![${WORD}/\-]|\.[\p{L}\p{N}])`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of one variant: its words, any white space between them, any apostrophe for `'`. */
function variantPattern(variant: string): string {
  return variant
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/['’ʼ]/g, "['’ʼ]"))
    .join(String.raw`\s+`);
}

export function compileGlossary(glossary: Glossary, options: CompileOptions = {}): GlossaryMatcher {
  const byKey = new Map<string, GlossaryEntry>();
  for (const e of glossary.entries) for (const w of e.wrong) if (!byKey.has(termKey(w))) byKey.set(termKey(w), e);
  const identifiers = new Set(options.identifiers ?? []);
  if (byKey.size === 0) return { find: () => [] };
  const variants = [...new Set(glossary.entries.flatMap((e) => e.wrong.map((w) => w.normalize('NFC').trim())))].sort((a, b) => b.length - a.length);
  const re = new RegExp(`${BEFORE}(?:${variants.map(variantPattern).join('|')})${AFTER}`, 'giu');
  return {
    find(prose) {
      const text = prose.normalize('NFC');
      const out: TermMatch[] = [];
      let starts: number[] | undefined;
      for (const m of text.matchAll(re)) {
        const found = m[0];
        if (identifiers.has(found)) continue;
        const entry = byKey.get(termKey(found));
        if (!entry) continue;
        starts ??= lineStarts(text);
        const line = lineOfOffset(starts, m.index);
        out.push({ line, column: m.index - (starts[line - 1] ?? 0) + 1, found: found.replace(/\s+/g, ' '), entry });
      }
      return out;
    },
  };
}
