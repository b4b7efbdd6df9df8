/**
 * Language: each unit of prose of the translation (every sentence, heading, prose table cell,
 * and the title/description/sidebar label) in the page's language. A unit is reported at its
 * line when it is still English (word for word the English one, or English anyway) or in
 * another language (a Portuguese sentence on a Spanish page, a French heading on an Italian
 * one). Table cells that hold identifiers in the English table are not prose (tableCells.ts).
 */
import type { TableInfo } from '../../../../src/lib/markdown/tables';
import { LANGUAGE_NAMES, proseOnly, words, wrongLanguage, type WrongLanguageOptions } from '../language';
import type { PageModel, ProseUnit } from '../pageModel';
import { splitSentences } from '../extract/prose';
import { alignRows, alignTables, codeNames, learnTable } from '../tableCells';
import { code, squash, truncate } from '../text';
import { definePageRules } from './rule';

interface Unit {
  text: string;
  line: number;
  /** What it is, for the message. */
  what: string;
  sameAsEnglish?: WrongLanguageOptions['sameAsEnglish'];
}

const ENGLISH = new WeakMap<PageModel, Set<string>>();

/** The prose units and table cells of an English page (squashed), once per page. */
function englishTexts(source: PageModel): Set<string> {
  let set = ENGLISH.get(source);
  if (!set) {
    set = new Set(source.prose.map((p) => squash(p.text)));
    for (const t of source.tables) for (const r of t.rows) for (const c of r.cells) set.add(squash(c));
    ENGLISH.set(source, set);
  }
  return set;
}

/** The same cell or sentence comes back on many pages: its words, once. */
const WORDS = new Map<string, string[]>();
function wordsOf(text: string): string[] {
  let w = WORDS.get(text);
  if (!w) {
    if (WORDS.size > 50_000) WORDS.clear();
    WORDS.set(text, (w = words(proseOnly(text))));
  }
  return w;
}

/**
 * Add the words of a translated page's own text to `into`: its prose units and table cells that
 * differ from every English one (what is word for word English is not the locale's vocabulary).
 */
export function translatedVocabulary(source: PageModel, target: PageModel, into: Map<string, number> = new Map()): Map<string, number> {
  const english = englishTexts(source);
  const add = (text: string): void => {
    if (english.has(squash(text))) return;
    for (const w of wordsOf(text)) into.set(w, (into.get(w) ?? 0) + 1);
  };
  for (const p of target.prose) add(p.text);
  for (const t of target.tables) for (const r of [t.header, ...t.rows]) for (const c of r?.cells ?? []) add(c);
  return into;
}

const WHAT: Record<ProseUnit['kind'], string> = { sentence: 'sentence', heading: 'heading', meta: 'front-matter value' };

export const language = definePageRules({
  name: 'language',
  meta: {
    'language': {
      severity: 'warning',
      description: 'A sentence, heading or table cell is still in English, or in another language than the page\'s (a Portuguese sentence on a Spanish page).',
      fix: 'Translate it (ignore if it is meant to stay so, e.g. a name).',
    },
  },
  check({ source, target, options }, report) {
    if (!(options.language ?? true)) return;
    const lang = options.locale.toLowerCase().split(/[-_]/)[0] ?? options.locale;
    if (!(lang in LANGUAGE_NAMES) || lang === 'en') return;
    const english = englishTexts(source);
    const vocabulary = options.vocabulary ?? translatedVocabulary(source, target);
    const units: Unit[] = target.prose.map((p) => {
      const same = english.has(squash(p.text));
      return { text: p.text, line: p.line, what: WHAT[p.kind], ...(same ? { sameAsEnglish: p.kind === 'sentence' ? 'text' : 'heading' } : {}) };
    });
    units.push(...tableUnits(source.tables, target.tables, options.identifiers ?? codeNames(source)));
    for (const u of units.sort((a, b) => a.line - b.line)) {
      const v = wrongLanguage(u.text, lang, options.detector, u.sameAsEnglish ? { sameAsEnglish: u.sameAsEnglish, vocabulary } : { vocabulary });
      if (!v) continue;
      const what = v.detected === 'en'
        ? (u.sameAsEnglish ? 'is still the English text (untranslated)' : 'seems English (untranslated)')
        : `seems ${LANGUAGE_NAMES[v.detected] ?? v.detected}`;
      report('language', u.line, `${u.what} ${what}, expected ${LANGUAGE_NAMES[lang] ?? lang}: ${code(truncate(u.text, 60))} (${v.evidence})`);
    }
  },
});

/** The prose cells of the translated tables (header cells included), each with its row's line. */
function tableUnits(S: readonly TableInfo[], T: readonly TableInfo[], names: ReadonlySet<string>): Unit[] {
  const out: Unit[] = [];
  const push = (tCell: string | undefined, sCell: string | undefined, line: number, what: string): void => {
    if (!tCell || !/\p{L}/u.test(tCell)) return;
    const same = sCell !== undefined && squash(sCell) === squash(tCell);
    if (same) {
      out.push({ text: tCell, line, what, sameAsEnglish: 'text' });
      return;
    }
    // a cell may hold several sentences, each in its own language
    for (const s of splitSentences(tCell.replace(/`[^`]*`/g, '\u2060'))) {
      const text = squash(s.text.replaceAll('\u2060', ' '));
      if (/\p{L}/u.test(text)) out.push({ text, line, what });
    }
  };
  for (const op of alignTables(S, T)) {
    if (op.kind !== 'match') continue;
    const s = S[op.a]!;
    const t = T[op.b]!;
    const learned = learnTable(s, names);
    t.header?.cells.forEach((c, i) => push(c, s.header?.cells[i], t.header!.line, 'table header'));
    for (const r of alignRows(s, t, learned)) {
      if (r.kind !== 'match') continue;
      const ids = learned.identifier[r.a] ?? [];
      const sRow = s.rows[r.a]!;
      const tRow = t.rows[r.b]!;
      if (sRow.cells.length !== tRow.cells.length) continue;
      tRow.cells.forEach((c, i) => {
        if (!ids[i]) push(c, sRow.cells[i], tRow.line, 'table cell');
      });
    }
  }
  return out;
}
