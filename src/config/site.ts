/**
 * The site config: facts that several parts of the portal share, written once. Pure data
 * with no import, so docusaurus.config.ts, the browser, Playwright, the sandbox and the
 * tools all read it:
 * - the locales, in the order of the locale dropdown, each with what the site, the
 *   translation checker and the tests need to know about its language;
 * - the sandbox's demo API keys.
 * The API's production URL and path prefix are not repeated here: they come from the
 * spec's `servers` (./api.ts, Node only). Helpers that read the locales: ./locales.ts.
 *
 * Adding a locale is one entry in LOCALES plus its `i18n/<code>/` files (README,
 * "Adding a locale"); every consumer reads the list from here (scripts/locales.test.ts).
 */

/** Per-locale parts of later features, one optional field each; a feature falls back to its default when a locale leaves it out. */
export interface LocaleExtras {
  readonly [feature: string]: unknown;
}

export interface LocaleConfig {
  /** Docusaurus locale code: the URL prefix `/<code>/` and the folder `i18n/<code>/`. */
  readonly code: string;
  /** The locale dropdown's label, in the language itself. */
  readonly label: string;
  /** `<html lang>` and `hreflang` (BCP 47). Search stems in its primary subtag; the status page formats dates with it. */
  readonly htmlLang: string;
  /** What the translation checker's language detection needs (tools/i18n/core/language.ts). */
  readonly language: {
    /** The language's English name, in the checker's messages ("expected Italian"). */
    readonly name: string;
    /**
     * Frequent short words of the language (articles, prepositions, auxiliaries), lower case,
     * separated by white space; an elided form keeps its apostrophe (`dell'`). A paragraph is
     * taken for the language whose words it holds clearly more of than the others'.
     */
    readonly stopWords: string;
  };
  /**
   * How many `|`-separated forms a plural UI message has (Docusaurus `usePluralForm`, CLDR
   * order). Two ("one|other") also covers a CLDR "many" category, which falls back to the last form.
   */
  readonly pluralForms: number;
  /** How the reference pages write yes and no in the objects' "Always present" column (checked against the schema by tools/pages). */
  readonly yesNo: { readonly yes: string; readonly no: string };
  readonly extras?: LocaleExtras;
}

/** The source locale: `docs/` is written in it, every other locale is a translation of it. */
export const DEFAULT_LOCALE = 'en';

export const LOCALES = [
  {
    code: 'en',
    label: 'English',
    htmlLang: 'en',
    language: {
      name: 'English',
      stopWords: `the of and to in is are be been being for with on by this that these those from or an if will can
        not at as your you which when each more has have had should must their other also only into than any
        it its was were there would could may what who how does do about after before all both such our we
        they them then so but no yes some most`,
    },
    pluralForms: 2,
    yesNo: { yes: 'yes', no: 'no' },
  },
  {
    code: 'it',
    label: 'Italiano',
    htmlLang: 'it',
    language: {
      name: 'Italian',
      stopWords: `il lo la gli le di del della dello dei degli delle che è un una uno per con non nel nella nei nelle
        sono si da dal dalla dai al alla ai alle sul sulla sui come anche più questo questa questi queste
        ogni ma se tutti tutte tutto viene vengono essere può possono deve devono l' un' dell' all' nell'
        dall' sull' quando dopo tra fra già cui loro suo sua ed oppure senza ad quale quali ha hanno
        stato stata questo ci ne perché solo su o e`,
    },
    pluralForms: 2,
    yesNo: { yes: 'sì', no: 'no' },
  },
  {
    code: 'es',
    label: 'Español',
    htmlLang: 'es',
    language: {
      name: 'Spanish',
      stopWords: `el la los las de del que y en un una unos unas por con para es se al lo como más pero sus su este
        esta estos estas cuando muy sin sobre también puede pueden ser son está están todos todas todo cada
        si hay desde hasta entre donde otro otra le les ya cual cuales ha han sólo solo porque debe deben
        no o e`,
    },
    pluralForms: 2,
    yesNo: { yes: 'sí', no: 'no' },
  },
  {
    code: 'pt',
    label: 'Português',
    htmlLang: 'pt',
    language: {
      name: 'Portuguese',
      stopWords: `os as do da dos das de que em um uma para com não no na nos nas por mais se ao aos como é são pelo
        pela pelos pelas seu sua seus suas este esta isso isto quando muito sem sobre também pode podem ser
        está estão todos todas todo cada entre onde outro outra você ou já qual quais tem têm deve devem
        só porque o e`,
    },
    pluralForms: 2,
    yesNo: { yes: 'sim', no: 'não' },
  },
] as const satisfies readonly LocaleConfig[];

/** A locale code of this site (`'en' | 'it' | ...`), typed from LOCALES. */
export type LocaleCode = (typeof LOCALES)[number]['code'];

/**
 * The demo API keys of the sandbox. Public on purpose: the first one appears in the public
 * Callbell docs (and the panel's "Use demo key" button fills it in), the second lets you try a
 * second account with its own data and rate-limit window. They open nothing but the sandbox.
 */
export const DOCS_DEMO_API_KEY = 'test_gshuPaZoeEG6ovbc8M79w0QyM';
export const SECOND_DEMO_API_KEY = 'test_sandboxSecondKey7Qm2Xr9Lp4Vt';
/** Every key the sandbox accepts by default, each with its own copy of the seed data. */
export const DEMO_API_KEYS: readonly string[] = /* @__PURE__ */ Object.freeze([DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY]);
