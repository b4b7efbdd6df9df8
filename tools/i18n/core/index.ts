/** Public API of the pure i18n checking core. */
export type { Finding, PageFinding, RuleId, Severity } from './types';
export { RULES, ruleInfo, defaultSeverity, type RuleInfo } from './rules';
export { checkSite, hasErrors, sortFindings, type SiteInput, type SiteLocaleInput } from './site';
export { checkPage, comparePages, parseTarget, LineMap, type CheckPageInput, type PageCheckOptions } from './comparePage';
export { parsePage, type PageModel, type ParseOptions } from './markdown';
export { checkCodeJson, parseCodeJson, toCodeJsonMap, placeholders, pluralFormCount, type CodeJsonMap, type CodeJsonEntry, type CheckCodeJsonInput } from './codeJson';
export { computeStatus, type LocaleStatus, type PageStatus, type PageStatusEntry, type StatusInput, type StatusLocaleInput } from './status';
export {
  parseManifest,
  serializeManifest,
  emptyManifest,
  markPageSynced,
  markCodeJsonSynced,
  messageHash,
  freshness,
  CODE_JSON_KEY,
  type SyncManifest,
  type SyncEntry,
  type Snapshot,
  type Freshness,
} from './sync';
export { unifiedDiff, diffLines, type DiffLine } from './diff';
export { normaliseSource, sourceHash } from './text';
export { guessLanguage, wrongLanguage } from './language';
export { slugify, Slugger } from './slug';
export { globToRegExp, isGlob } from './glob';
export * from './paths';
