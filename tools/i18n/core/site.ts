/**
 * Whole-site check over in-memory contents. The CLI reads the files and calls
 * `checkSite`; nothing here touches the file system. Per locale: the sync markers (rules/sync.ts),
 * every translated page against its English page (comparePage.ts), the UI strings (rules/ui.ts),
 * the glossary's terms (rules/glossary.ts).
 */
import { codeJsonFile, sidebarFile, SOURCE_LOCALE, translatedFile } from '../../../src/lib/i18n/paths';
import { sourceHash } from '../../../src/lib/i18n/text';
import { comparePages, parseTarget } from './comparePage';
import type { NgramDetector } from './language';
import { parsePage } from './markdown';
import { codeNames } from './tableCells';
import type { PageModel } from './pageModel';
import { defaultSeverity } from './rules';
import type { SiteFindingAt } from './rules/rule';
import { glossary } from './rules/glossary';
import { apiGlossaryStrings, openapiStrings } from './rules/openapi';
import type { OpenApiDocument } from '../../../src/lib/api/model';
import { translatedVocabulary } from './rules/language';
import { sourceDefects } from './rules/source';
import { sync } from './rules/sync';
import { checkLocaleMessages, checkSourceMessages } from './rules/ui';
import type { Finding, PageFinding, RuleId } from './types';

export interface SiteLocaleInput {
  locale: string;
  /** doc path (relative to docs/) -> translated text */
  pages: ReadonlyMap<string, string>;
  /** Text of i18n/<locale>/translation-sync.json, null when absent. */
  manifestText?: string | null;
  /** Text of i18n/<locale>/code.json, null when absent. */
  codeJsonText?: string | null;
  /** Text of i18n/<locale>/glossary.json, null when absent (then no glossary check). */
  glossaryText?: string | null;
  /** Text of the sidebar labels, i18n/<locale>/docusaurus-plugin-content-docs/current.json (glossary check). */
  sidebarText?: string | null;
  /** Text of i18n/<locale>/openapi.json (the spec's strings), null when absent; checked when `SiteInput.spec` is given. */
  apiStringsText?: string | null;
}

export interface SiteInput {
  /** doc path -> English text */
  sourcePages: ReadonlyMap<string, string>;
  locales: readonly SiteLocaleInput[];
  /** Text of i18n/en/code.json (English UI messages); null/undefined: UI strings are skipped with a warning. */
  sourceCodeJsonText?: string | null;
  /** Snapshot lookup: text of i18n/.source-snapshots/<hash>.md. */
  snapshot?: (hash: string) => string | undefined;
  /** 'mdx' (Docusaurus default): .md and .mdx are MDX; 'detect': only .mdx is MDX. */
  markdownFormat?: 'mdx' | 'detect';
  /** Run the language rule (default true). */
  language?: boolean;
  /** The n-gram language detector (ngrams.ts: `await loadNgramDetector()`); without it only long prose gets a language verdict. */
  detector?: NgramDetector;
  /** Check code.json files (default true). */
  uiStrings?: boolean;
  /** The spec (openapi/openapi.yaml, parsed): with it, each locale's openapi.json is checked (rules/openapi.ts). */
  spec?: OpenApiDocument;
  /**
   * Accept the classic `{#id}` heading ids (default true). Docusaurus only compiles them when
   * `markdown.mdx1Compat.headingIds` is on, which `future.v4: true` turns off: pass false there,
   * and `{#id}` is then reported as an MDX syntax error. `{/* #id *\/}` works in both cases.
   */
  classicHeadingIds?: boolean;
}

export function checkSite(input: SiteInput): Finding[] {
  const findings: Finding[] = [];
  const sourceModels = new Map<string, PageModel>();
  const sourceHashes = new Map<string, string>();
  const isMdx = (p: string): boolean => (input.markdownFormat ?? 'mdx') === 'mdx' || /\.mdx$/i.test(p);
  const sourceModel = (docPath: string, text: string): PageModel => {
    let m = sourceModels.get(docPath);
    if (!m) {
      m = parsePage(text, { mdx: isMdx(docPath), classicHeadingIds: input.classicHeadingIds ?? true });
      sourceModels.set(docPath, m);
    }
    return m;
  };
  const hashOf = (docPath: string): string => {
    let hash = sourceHashes.get(docPath);
    if (hash === undefined) {
      hash = sourceHash(input.sourcePages.get(docPath) ?? '');
      sourceHashes.set(docPath, hash);
    }
    return hash;
  };
  const push = (file: string, locale: string, f: PageFinding, docPath?: string): void => {
    findings.push({
      file,
      line: f.line,
      locale,
      rule: f.rule,
      severity: f.severity ?? defaultSeverity(f.rule),
      message: f.message,
      ...(docPath !== undefined ? { docPath } : {}),
      ...(f.diff !== undefined ? { diff: f.diff } : {}),
    });
  };
  const reportIn = (locale: string) => (rule: RuleId, at: SiteFindingAt): void => {
    push(at.file, locale, { rule, line: Math.max(1, at.line), message: at.message, ...(at.diff !== undefined ? { diff: at.diff } : {}) }, at.docPath);
  };

  // the names the English pages write as code are identifiers in every table (tableCells.ts)
  const identifiers = new Set<string>();
  for (const [docPath, text] of input.sourcePages) codeNames(sourceModel(docPath, text), identifiers);

  const uiStrings = input.uiStrings ?? true;
  const sourceMessages = uiStrings ? checkSourceMessages(input.sourceCodeJsonText, reportIn(SOURCE_LOCALE)) : undefined;

  for (const loc of input.locales) {
    const { manifest, comparable } = sync.check({
      locale: loc.locale,
      manifestText: loc.manifestText,
      docPaths: [...loc.pages.keys()].sort(),
      sourcePages: input.sourcePages,
      ...(input.snapshot ? { snapshot: input.snapshot } : {}),
      hashOf,
    }, reportIn(loc.locale));
    const models = comparable.map((docPath) => {
      const sm = sourceModel(docPath, input.sourcePages.get(docPath) as string);
      return { docPath, sm, tm: parseTarget(loc.pages.get(docPath) as string, sm, isMdx(docPath), input.classicHeadingIds ?? true) };
    });
    // the words of the locale's translated text, site-wide (rules/language.ts)
    const vocabulary = new Map<string, number>();
    for (const { sm, tm } of models) translatedVocabulary(sm, tm, vocabulary);
    const options = { locale: loc.locale, language: input.language ?? true, identifiers, vocabulary, ...(input.detector ? { detector: input.detector } : {}) };
    for (const { docPath, sm, tm } of models) {
      for (const f of comparePages(sm, tm, options)) push(translatedFile(loc.locale, docPath), loc.locale, f, docPath);
    }
    if (sourceMessages) {
      checkLocaleMessages({ locale: loc.locale, source: sourceMessages, text: loc.codeJsonText, syncedHashes: manifest.codeJson }, reportIn(loc.locale));
    }
    const messageFiles = { [codeJsonFile(loc.locale)]: loc.codeJsonText, [sidebarFile(loc.locale)]: loc.sidebarText };
    glossary.check({ locale: loc.locale, glossaryText: loc.glossaryText, pages: loc.pages, messageFiles, strings: apiGlossaryStrings(loc.locale, loc.apiStringsText) }, reportIn(loc.locale));
    if (input.spec) openapiStrings.check({ locale: loc.locale, text: loc.apiStringsText, doc: input.spec }, reportIn(loc.locale));
  }
  // defects of the English pages, once each, on the English file (rules/source.ts)
  for (const docPath of [...input.sourcePages.keys()].sort()) {
    sourceDefects.check({ docPath, model: sourceModel(docPath, input.sourcePages.get(docPath) as string) }, reportIn(SOURCE_LOCALE));
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
