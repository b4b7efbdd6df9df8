/**
 * A tiny stop-word-frequency language guesser for en/it/es/pt prose.
 * Deliberately conservative: short or technical text gives no verdict.
 */

export type Lang = 'en' | 'it' | 'es' | 'pt';

const WORDS: Record<Lang, string> = {
  en: `the of and to in is are be been being for with on by this that these those from or an if will can
    not at as your you which when each more has have had should must their other also only into than any
    it its was were there would could may what who how does do about after before all both such our we
    they them then so but no yes some most`,
  it: `il lo la gli le di del della dello dei degli delle che è un una uno per con non nel nella nei nelle
    sono si da dal dalla dai al alla ai alle sul sulla sui come anche più questo questa questi queste
    ogni ma se tutti tutte tutto viene vengono essere può possono deve devono l' un' dell' all' nell'
    dall' sull' quando dopo tra fra già cui loro suo sua ed oppure senza ad quale quali ha hanno
    stato stata questo ci ne perché solo`,
  es: `el la los las de del que y en un una unos unas por con para es se al lo como más pero sus su este
    esta estos estas cuando muy sin sobre también puede pueden ser son está están todos todas todo cada
    si hay desde hasta entre donde otro otra le les ya cual cuales ha han sólo solo porque debe deben
    no`,
  pt: `os as do da dos das de que em um uma para com não no na nos nas por mais se ao aos como é são pelo
    pela pelos pelas seu sua seus suas este esta isso isto quando muito sem sobre também pode podem ser
    está estão todos todas todo cada entre onde outro outra você ou já qual quais tem têm deve devem
    só porque`,
};

const LISTS: Record<Lang, Set<string>> = {
  en: toSet(WORDS.en),
  it: toSet(WORDS.it),
  es: toSet(WORDS.es),
  pt: toSet(WORDS.pt),
};

function toSet(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', it: 'Italian', es: 'Spanish', pt: 'Portuguese' };

export interface LanguageGuess {
  /** Best language, undefined when the text is too short/ambiguous. */
  lang?: Lang;
  scores: Record<Lang, number>;
  words: number;
}

const TOKEN = /\p{L}+(?:['’](?=\p{L}))?/gu;

/** Tokenise prose into lower-case words; Italian elisions keep their apostrophe (`dell'`). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) out.push(m[0].toLowerCase().replace('’', "'"));
  return out;
}

export function guessLanguage(text: string): LanguageGuess {
  const toks = words(text);
  const scores: Record<Lang, number> = { en: 0, it: 0, es: 0, pt: 0 };
  for (const t of toks) {
    for (const lang of ['en', 'it', 'es', 'pt'] as const) if (LISTS[lang].has(t)) scores[lang]++;
  }
  let best: Lang | undefined;
  let bestScore = 0;
  for (const lang of ['en', 'it', 'es', 'pt'] as const) {
    if (scores[lang] > bestScore) {
      best = lang;
      bestScore = scores[lang];
    }
  }
  return { ...(best ? { lang: best } : {}), scores, words: toks.length };
}

export interface LanguageVerdict {
  detected: Lang;
  scores: Record<Lang, number>;
}

/**
 * Is `text` written in another language than `expected`? Returns the detected
 * language only when the evidence is clear (enough words and stop words, and
 * the other language clearly beats the expected one).
 */
export function wrongLanguage(text: string, expected: string, minWords = 6): LanguageVerdict | undefined {
  const g = guessLanguage(text);
  if (!g.lang || g.words < minWords || g.lang === expected) return undefined;
  const best = g.scores[g.lang];
  const own = (g.scores as Record<string, number>)[expected] ?? 0;
  if (best < 3) return undefined;
  if (best < 2 * own || best - own < 2) return undefined;
  // the stop words must be a real share of the text, not a few words in a list of names
  if (best / g.words < 0.15) return undefined;
  return { detected: g.lang, scores: g.scores };
}

/** Text of a prose fragment without Markdown/MDX syntax, code spans, URLs and identifiers. */
export function proseOnly(markdown: string): string {
  return markdown
    .replace(/`+[^`]*`+/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/:::\w*/g, ' ')
    .replace(/\b\w*(?:_\w+|[a-z][A-Z]\w*|\/\w+)\b/g, ' ')
    .replace(/[*_~#>|]/g, ' ');
}
