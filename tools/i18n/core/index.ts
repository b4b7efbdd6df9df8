/** Public API of the pure i18n checking core. */
export type { Finding, PageFinding, RuleId, Severity } from './types';
export { RULES, RULE_FAMILIES, PAGE_RULES, ruleInfo, defaultSeverity, type RuleInfo } from './rules';
export type { RuleMeta, PageCheckOptions, PageRuleContext } from './rules/rule';
export { checkSite, hasErrors, sortFindings, type SiteInput, type SiteLocaleInput } from './site';
export { checkPage, comparePages, parseTarget, type CheckPageInput } from './comparePage';
export { LineMap } from './lineMap';
export { parsePage, type ParseOptions } from './markdown';
export type { PageModel } from './pageModel';
export { parseCodeJson, toCodeJsonMap, placeholders, pluralFormCount, type CodeJsonMap, type CodeJsonEntry } from './codeJson';
export { checkCodeJson, type CheckCodeJsonInput } from './rules/ui';
export { rulesTable, withRulesTable } from './rulesDoc';
export { wrongLanguage, languageEvidence, type NgramDetector } from './language';
export { loadNgramDetector } from './ngrams';
export { slugify, Slugger } from './slug';
export { globToRegExp, isGlob } from './glob';
