/**
 * Which language a unit of prose (a sentence, a heading, a table cell) is written in, for the
 * language rule. Two detectors, each where it is strong:
 * - stop words (the locale config's `language.stopWords` of en/it/es/pt): reliable on a sentence
 *   of six words or more, and cheap;
 * - an n-gram detector (ngrams.ts: ELD, limited to the site's languages and French and German, the
 *   languages a translator most likely pastes by mistake): gives a verdict on short texts too (a
 *   heading, a table cell, a sentence that could be Spanish or Portuguese). It is passed in (its
 *   database loads asynchronously); without it, only long texts get a verdict.
 * A verdict is only given when the evidence is clear: the detected language beats the expected
 * one by a margin, the text has letters left once code, identifiers, URLs and numbers are gone.
 * Pure.
 */
import { LOCALES } from '../../../src/config/site';
import { squash } from './text';

/** Languages the n-gram detector chooses from: the site's, and those most likely pasted by mistake. */
export const DETECTED_LANGUAGES = ['en', 'it', 'es', 'pt', 'fr', 'de'] as const;
export type Lang = (typeof DETECTED_LANGUAGES)[number];

const NAMES: Record<string, string> = { fr: 'French', de: 'German' };
for (const l of LOCALES) NAMES[l.code] = l.language.name;
/** English names of the languages, for messages. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = NAMES;

const STOP_WORDS = new Map<string, Set<string>>(LOCALES.map((l) => [l.code, new Set(l.language.stopWords.split(/\s+/).filter(Boolean))]));
const SITE_LANGUAGES = LOCALES.map((l) => l.code);

/** An n-gram language detector: a score in 0..1 for each language it has evidence for. */
export interface NgramDetector {
  scores(text: string): Partial<Record<Lang, number>>;
}

const TOKEN = /\p{L}+(?:['’](?=\p{L}))?/gu;

/** Tokenise prose into lower-case words; Italian elisions keep their apostrophe (`dell'`). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) out.push(m[0].toLowerCase().replace('’', "'"));
  return out;
}

/**
 * The natural-language part of a prose fragment: no Markdown/MDX syntax, code spans, URLs,
 * e-mail addresses, identifiers (`snake_case`, `camelCase`, `CONSTANT`, paths, words with digits),
 * endpoints (`GET /contacts`) or numbers.
 */
export function proseOnly(markdown: string): string {
  let cached = PROSE.get(markdown);
  if (cached === undefined) {
    if (PROSE.size > 50_000) PROSE.clear();
    PROSE.set(markdown, (cached = prose(markdown)));
  }
  return cached;
}

/** Units come back (a cell on many pages, a text read for the vocabulary and then judged): once each. */
const PROSE = new Map<string, string>();

function prose(markdown: string): string {
  let t = markdown;
  if (t.includes('`')) t = t.replace(/`+[^`]*`+/g, ' ');
  if (t.includes('](')) t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (t.includes('<')) t = t.replace(/<[^>]*>/g, ' ');
  if (t.includes('{')) t = t.replace(/\{[^}]*\}/g, ' ');
  if (t.includes(':::')) t = t.replace(/:::\w*/g, ' ');
  if (t.includes(' /')) t = t.replace(/\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*/g, ' ');
  // then word by word: what holds a digit, `_`, `/`, `@`, a lower-upper pair or only capitals is no prose
  let out = '';
  for (const token of t.split(/\s+/)) {
    if (token && isProseToken(token)) out += (out ? ' ' : '') + (/[*~#>|]/.test(token) ? token.replace(/[*~#>|]/g, ' ') : token);
  }
  return out;
}

function isProseToken(token: string): boolean {
  let letters = 0;
  let upper = 0;
  let prevLower = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 95 || c === 47 || c === 64 || c === 92) return false; // digit _ / @ \
    if (c >= 65 && c <= 90) {
      if (prevLower) return false; // camelCase
      letters++;
      upper++;
      prevLower = false;
    } else if (c >= 97 && c <= 122) {
      letters++;
      prevLower = true;
    } else if (c > 127) {
      const ch = token[i] as string;
      const isUpper = ch !== ch.toLowerCase();
      const isLower = ch !== ch.toUpperCase();
      if (isUpper && prevLower) return false;
      if (isUpper || isLower) letters++;
      if (isUpper) upper++;
      prevLower = isLower;
    } else prevLower = false;
  }
  if (token.startsWith('www.')) return false;
  return !(letters > 1 && upper === letters); // CONSTANT, JSON, HTTP
}

export interface LanguageEvidence {
  /** Words of natural language left once code and identifiers are gone. */
  words: number;
  /** Those words, lower case. */
  tokens: string[];
  /** Stop words of each site language. */
  stopWords: Record<string, number>;
  /** The n-gram detector's score of each language in 0..1 (absent: no evidence for it); computed on first read. */
  readonly ngrams: Partial<Record<Lang, number>>;
  /** The natural-language text the scores are of. */
  text: string;
}

/**
 * Both detectors' scores for natural-language text (see `proseOnly`); no n-gram scores without a
 * detector. With `withoutNames`, quoted values (`"Be right back"`) and capitalised words after
 * the first (names: `Mario Rossi`, `Callbell`) are left out first.
 */
export function languageEvidence(prose: string, detector?: NgramDetector, withoutNames = false): LanguageEvidence {
  let text = prose;
  if (withoutNames) {
    if (/["“«]/.test(text)) text = text.replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, ' ');
    // capitalised words after the first are names (`Mario Rossi`, `Callbell`)
    text = text.split(/\s+/).filter((w, i) => i === 0 || !w || w.charAt(0) === w.charAt(0).toLowerCase() || !/\p{Lu}/u.test(w.charAt(0))).join(' ');
  }
  text = squash(text);
  const toks = words(text);
  const stopWords: Record<string, number> = {};
  for (const code of SITE_LANGUAGES) {
    const set = STOP_WORDS.get(code) as Set<string>;
    stopWords[code] = toks.reduce((n, t) => n + (set.has(t) ? 1 : 0), 0);
  }
  let ngrams: Partial<Record<Lang, number>> | undefined;
  return {
    words: toks.length,
    tokens: toks,
    stopWords,
    text,
    // the n-gram detector is the costly part: only run it when a verdict needs it
    get ngrams() {
      ngrams ??= toks.length && detector ? detector.scores(text) : {};
      return ngrams;
    },
  };
}

/** The stop-word verdict: a language whose stop words clearly outnumber the others' in a long enough text. */
export function stopWordLanguage(e: LanguageEvidence, minWords = 6): string | undefined {
  if (e.words < minWords) return undefined;
  const ranked = Object.entries(e.stopWords).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return undefined;
  const next = second?.[1] ?? 0;
  if (best[1] < 2 * next || best[1] - next < 2) return undefined;
  // the stop words must be a real share of the text, not a few words in a list of names
  if (best[1] / e.words < 0.15) return undefined;
  return best[0];
}

export interface LanguageVerdict {
  /** The language the text is in (not the expected one). */
  detected: string;
  /** How the verdict was reached, for the message. */
  evidence: string;
}

export interface WrongLanguageOptions {
  /**
   * The unit is word for word the English one (a heading, a cell or a sentence left as it was).
   * It is untranslated when it has English stop words, or a word that no translated text of the
   * locale uses (see `vocabulary`), or else a clear English n-gram lead; it needs two words in a
   * heading and three elsewhere: loanwords and names ("Payload", "Webhooks", "John Doe.") stay so
   * in every language.
   */
  sameAsEnglish?: 'heading' | 'text';
  /**
   * The words of the locale's translated text (units that differ from the English ones), each with
   * its number of occurrences: an English word translators use (`payload`, `endpoint`, `query`) is
   * no sign of an untranslated unit, and a word known only in another spelling (`parámetros` where
   * the locale writes `parâmetros`) is a sign of another language. The unit's own words do not count.
   */
  vocabulary?: Vocabulary;
}

/** Words and their number of occurrences (rules/language.ts `translatedVocabulary`). */
export type Vocabulary = ReadonlyMap<string, number>;

/** A word without its accents (`parámetros` -> `parametros`). */
export function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

const accentIndexes = new WeakMap<Vocabulary, Map<string, number>>();

/** The vocabulary by accent-free spelling. */
function accentIndex(v: Vocabulary): Map<string, number> {
  let m = accentIndexes.get(v);
  if (!m) {
    m = new Map();
    for (const [w, n] of v) {
      const k = withoutAccents(w);
      m.set(k, (m.get(k) ?? 0) + n);
    }
    accentIndexes.set(v, m);
  }
  return m;
}

/** How often a word occurs in the vocabulary outside the unit itself. */
function knownElsewhere(v: Vocabulary, tokens: readonly string[], word: string): number {
  return (v.get(word) ?? 0) - tokens.filter((t) => t === word).length;
}

/** Words of the unit the locale writes with other accents (`parámetros` for `parâmetros`). */
function otherSpellings(v: Vocabulary, tokens: readonly string[]): string[] {
  const index = accentIndex(v);
  return tokens.filter((t) => {
    if (knownElsewhere(v, tokens, t) > 0) return false;
    const bare = withoutAccents(t);
    const sameBare = tokens.filter((x) => withoutAccents(x) === bare).length;
    return (index.get(bare) ?? 0) - sameBare > 0;
  });
}

/**
 * Letters a language never writes (outside loanwords): a text holding one is not in that
 * language. Catches what n-grams miss on two words (`Parâmetros opcionais` is not Spanish).
 */
const FOREIGN_LETTERS: Record<Lang, RegExp> = {
  en: /[àáâãäçèéêëìíîïñòóôõöùúûüß]/i,
  it: /[âãäçêëñõöûüß¿¡]/i,
  es: /[àâãäçèêëìîòôõöùûß]/i,
  pt: /[äèëìîñòöùûüß¿¡]/i,
  fr: /[áãíñóõúìòß¿¡]/i,
  de: /[àáâãçèéêëìíîïñòóôõùúû¿¡]/i,
};

/** Minimum lead of the detected language's n-gram score over the expected language's (scores are 0..1). */
export const NGRAM_MARGIN = 0.11;
/** The same on a text of three words or fewer (a heading, a short cell): n-grams are weaker there. */
export const NGRAM_MARGIN_SHORT = 0.2;
/** Below this score the n-grams recognise no language well (names, jargon): they alone decide nothing. */
export const NGRAM_MIN_SCORE = 0.6;
/** The same, for a unit that is word for word the English one and is detected as English. */
export const NGRAM_MARGIN_SAME_AS_ENGLISH = 0.02;

/**
 * Is `text` written in another language than `expected`? The detected language, only when the
 * evidence is clear: the stop words say so on a long text (and the n-grams do not contradict
 * them), or, on a text of two words or more once names and quoted values are set aside, the
 * n-gram score of another language leads the expected one's by a margin, the stop words do not
 * side with the expected language, and the text has no letter the other language never writes.
 */
export function wrongLanguage(markdown: string, expected: string, detector?: NgramDetector, options: WrongLanguageOptions = {}): LanguageVerdict | undefined {
  // the same cell or sentence comes back on many pages: decide it once per detector
  const memo = memoOf(options.vocabulary ?? detector);
  const key = `${expected}\u0000${options.sameAsEnglish ?? ''}\u0000${markdown}`;
  if (memo.has(key)) return memo.get(key);
  const verdict = decide(markdown, expected, detector, options);
  if (memo.size > 100_000) memo.clear();
  memo.set(key, verdict);
  return verdict;
}

const NO_DETECTOR = {};
const memos = new WeakMap<object, Map<string, LanguageVerdict | undefined>>();

function memoOf(owner0: object | undefined): Map<string, LanguageVerdict | undefined> {
  const owner = owner0 ?? NO_DETECTOR;
  let m = memos.get(owner);
  if (!m) memos.set(owner, (m = new Map()));
  return m;
}

function decide(markdown: string, expected: string, detector: NgramDetector | undefined, options: WrongLanguageOptions): LanguageVerdict | undefined {
  const prose = proseOnly(markdown);
  if (options.sameAsEnglish) {
    const e = languageEvidence(prose, detector, false);
    return untranslated(e, expected, options.sameAsEnglish, options.vocabulary);
  }
  return verdictOf(languageEvidence(prose, detector, true), expected, options.vocabulary);
}

function untranslated(e: LanguageEvidence, expected: string, kind: 'heading' | 'text', vocabulary: Vocabulary | undefined): LanguageVerdict | undefined {
  if (e.words < (kind === 'heading' ? 2 : 3) || expected === 'en' || FOREIGN_LETTERS.en.test(e.text)) return undefined;
  const stop = stopWordLanguage(e, 3);
  if (stop === 'en' || (!stop && exclusiveStopWords(e.tokens, 'en', expected) > 0 && exclusiveStopWords(e.tokens, expected, 'en') === 0)) {
    return { detected: 'en', evidence: `word for word the English text; stop words ${stopSummary(e)}` };
  }
  if (stop) return undefined;
  if (vocabulary) {
    const unknown = e.tokens.filter((t) => t.length >= 3 && knownElsewhere(vocabulary, e.tokens, t) <= 0);
    if (unknown.length === 0) return undefined;
    return { detected: 'en', evidence: `word for word the English text; no translated text of the locale uses ${unknown.slice(0, 3).map((w) => `"${w}"`).join(', ')}` };
  }
  const en = e.ngrams.en ?? 0;
  const rest = Math.max(0, ...Object.entries(e.ngrams).filter(([l]) => l !== 'en').map(([, v]) => v ?? 0));
  if (en - rest < NGRAM_MARGIN_SAME_AS_ENGLISH || (e.stopWords[expected] ?? 0) > (e.stopWords.en ?? 0)) return undefined;
  return { detected: 'en', evidence: `word for word the English text; n-grams en ${en.toFixed(2)} vs ${expected} ${(e.ngrams[expected as Lang] ?? 0).toFixed(2)}` };
}

/** Minimum lead of the n-gram score when one stop word only the other language has backs it. */
export const NGRAM_MARGIN_WITH_STOP_WORD = 0.02;

/** Stop words of `a` that `b` does not have (`los` is Spanish, not Portuguese; `de` is both). */
function exclusiveStopWords(tokens: readonly string[], a: string, b: string): number {
  const own = STOP_WORDS.get(a);
  if (!own) return 0;
  const other = STOP_WORDS.get(b);
  return tokens.reduce((n, t) => n + (own.has(t) && !other?.has(t) ? 1 : 0), 0);
}

/**
 * The verdict for evidence already gathered (see `wrongLanguage`). Another language C wins over
 * the expected language E when the text has no stop word that only E has, no letter C never
 * writes, and one of: two stop words only C has (n-grams not against it), one such stop word and
 * an n-gram lead, or a clear n-gram lead on two words or more. On a long text, the stop words
 * alone decide when they clearly point to one language.
 */
export function verdictOf(e: LanguageEvidence, expected: string, vocabulary?: Vocabulary): LanguageVerdict | undefined {
  if (e.words === 0) return undefined;
  const stop = stopWordLanguage(e);
  if (stop === expected) return undefined;
  if (stop && !FOREIGN_LETTERS[stop as Lang]?.test(e.text) && exclusiveStopWords(e.tokens, expected, stop) === 0) {
    return { detected: stop, evidence: `stop words ${stopSummary(e)}` };
  }
  // a stop word only the expected language has rules every other language out
  const candidates = DETECTED_LANGUAGES.filter((l) => l !== expected && !FOREIGN_LETTERS[l].test(e.text) && exclusiveStopWords(e.tokens, expected, l) === 0);
  if (candidates.length === 0) return undefined;
  const own = e.ngrams[expected as Lang] ?? 0;
  let best: { lang: Lang; lead: number; evidence: string } | undefined;
  // a letter the expected language never writes (`ñ` on an Italian page), or a word it spells
  // otherwise (`parámetros` on a Portuguese page), speaks for the others
  const foreignToExpected = FOREIGN_LETTERS[expected as Lang]?.test(e.text) ?? false;
  const spellings = vocabulary ? otherSpellings(vocabulary, e.tokens) : [];
  for (const lang of candidates) {
    const lead = (e.ngrams[lang] ?? 0) - own;
    const theirs = exclusiveStopWords(e.tokens, lang, expected);
    // a few words of English in a translation are mostly names and terms: an English stop word is needed
    if (lang === 'en' && e.words <= 3 && theirs === 0) continue;
    const support = theirs + (foreignToExpected ? 1 : 0) + (spellings.length > 0 ? 1 : 0);
    const margin = e.words <= 3 ? NGRAM_MARGIN_SHORT : NGRAM_MARGIN;
    const clear = (support >= 2 && lead >= 0) || (support >= 1 && lead >= NGRAM_MARGIN_WITH_STOP_WORD)
      || (e.words >= 2 && lead >= margin && (e.ngrams[lang] ?? 0) >= NGRAM_MIN_SCORE);
    if (clear && (!best || lead > best.lead)) {
      const why = [`n-grams ${lang} ${(e.ngrams[lang] ?? 0).toFixed(2)} vs ${expected} ${own.toFixed(2)}`];
      if (theirs) why.push(`${theirs} ${LANGUAGE_NAMES[lang] ?? lang} stop word(s)`);
      if (foreignToExpected) why.push(`letters ${LANGUAGE_NAMES[expected] ?? expected} does not use`);
      if (spellings.length) why.push(`${spellings.slice(0, 2).map((w) => `"${w}"`).join(', ')} spelled otherwise in the ${LANGUAGE_NAMES[expected] ?? expected} pages`);
      best = { lang, lead, evidence: why.join(', ') };
    }
  }
  return best ? { detected: best.lang, evidence: best.evidence } : undefined;
}

function stopSummary(e: LanguageEvidence): string {
  return Object.entries(e.stopWords).filter(([, n]) => n > 0).map(([k, n]) => `${k}=${n}`).join(' ') || 'none';
}
