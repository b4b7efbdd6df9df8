/**
 * What a rule family is: ESLint-style, a module declares the `meta` of each of its rule ids
 * (severity, description, fix: the TRANSLATING.md table is generated from them) and the
 * `check` that reports them. The registry (../rules.ts) lists the families; the engines
 * (comparePage.ts for pages, site.ts for the whole site) run their checks.
 */
import type { NgramDetector } from '../language';
import type { LineMap } from '../lineMap';
import type { PageModel } from '../pageModel';

export type Severity = 'error' | 'warning';

export interface RuleMeta {
  readonly severity: Severity;
  /**
   * A warning that may show on a correct page (a judgement, not a proven defect): translators
   * read it and may leave the text as it is. Shown in the rules table of TRANSLATING.md.
   */
  readonly advisory?: boolean;
  /** What the finding means, for translators (one table cell of TRANSLATING.md). */
  readonly description: string;
  /** How to fix it (one table cell of TRANSLATING.md). */
  readonly fix: string;
}

export type RuleMetas = Readonly<Record<string, RuleMeta>>;

/** A finding of one rule, before the site engine attaches the file and locale. */
export interface RuleFinding<Id extends string = string> {
  line: number;
  rule: Id;
  message: string;
  severity?: Severity;
  /** Unified diff of the English source (stale findings). */
  diff?: string;
}

/** Report a finding of one of the family's own rules; a line below 1 is reported at line 1. */
export type Report<Id extends string> = (rule: Id, line: number, message: string, extra?: { diff?: string }) => void;

/** Where a site-level finding is: the file (relative to the site root), line, and the doc path when it is about a page. */
export interface SiteFindingAt {
  file: string;
  line: number;
  message: string;
  docPath?: string;
  diff?: string;
}

/** Report a site-level finding (translation markers, UI strings) of one of the family's own rules. */
export type SiteReport<Id extends string> = (rule: Id, at: SiteFindingAt) => void;

export interface PageCheckOptions {
  /** Locale of the translated page (for the language rule). */
  locale: string;
  /** Front-matter keys whose values are translated (default: title, description, sidebar_label). */
  translatableFrontMatter?: readonly string[];
  /** JSX props that hold translatable text (default: title, label, description, alt, placeholder, aria-label). */
  proseProps?: readonly string[];
  /** Run the language rule (default true). */
  language?: boolean;
  /** The n-gram language detector (ngrams.ts); without it only long prose gets a language verdict. */
  detector?: NgramDetector;
  /**
   * Names that are identifiers in a table cell (tableCells.ts `codeNames`: what the English pages
   * write as code). Default: those of the English page being compared.
   */
  identifiers?: ReadonlySet<string>;
  /** The words of the locale's translated text (rules/language.ts `translatedVocabulary`). Default: those of the page. */
  vocabulary?: ReadonlyMap<string, number>;
}

/** What a page rule compares: the English page, its translation, and the line map between them. */
export interface PageRuleContext {
  readonly source: PageModel;
  readonly target: PageModel;
  /** Maps an English line to the translation (where a missing thing should be). */
  readonly lines: LineMap;
  readonly options: PageCheckOptions;
}

export interface RuleFamily<M extends RuleMetas, Check> {
  /** Family name (the module's file name). */
  readonly name: string;
  readonly meta: M;
  readonly check: Check;
}

/** A family of rules comparing one translated page with its English page. */
export type PageRuleFamily<M extends RuleMetas> = RuleFamily<M, (context: PageRuleContext, report: Report<keyof M & string>) => void>;

/** Declare a family; `const` keeps the ids literal so that the registry can derive the id type. */
export function defineRules<const M extends RuleMetas, Check>(family: RuleFamily<M, Check>): RuleFamily<M, Check> {
  return family;
}

/** Declare a page rule family. */
export function definePageRules<const M extends RuleMetas>(family: PageRuleFamily<M>): PageRuleFamily<M> {
  return family;
}

/** Run `check` with a report that collects findings at the severity the family declares. */
export function collect<Id extends string>(meta: Readonly<Record<Id, RuleMeta>>, check: (report: Report<Id>) => void): RuleFinding<Id>[] {
  const out: RuleFinding<Id>[] = [];
  check((rule, line, message, extra = {}) => {
    out.push({ rule, line: Math.max(1, line), message, severity: meta[rule].severity, ...extra });
  });
  return out;
}
