/**
 * The registry of translation rules: the rule families, in the order the checker runs them and
 * TRANSLATING.md lists them. The id type, the table of every rule with its severity, and the
 * rules table of TRANSLATING.md (`npm run i18n:docs`) are derived from here. A new rule goes in
 * its family's module (rules/<family>.ts): its `meta` entry and its check.
 */
import { admonitions } from './rules/admonitions';
import { codeBlocks } from './rules/code';
import { frontMatter } from './rules/frontmatter';
import { glossary } from './rules/glossary';
import { headings } from './rules/headings';
import { inlineCode } from './rules/inlineCode';
import { jsx } from './rules/jsx';
import { language } from './rules/language';
import { links } from './rules/links';
import { mdx } from './rules/mdx';
import { openapiStrings } from './rules/openapi';
import { sourceDefects } from './rules/source';
import type { RuleMeta, Severity } from './rules/rule';
import { sync } from './rules/sync';
import { tables } from './rules/tables';
import { uiStrings } from './rules/ui';

/** Families that compare one translated page with its English page, in the order they run. */
export const PAGE_RULES = [frontMatter, mdx, jsx, codeBlocks, inlineCode, tables, headings, links, admonitions, language] as const;

/** Every family: the page rules, then the site-level ones (sync markers, UI strings). */
export const RULE_FAMILIES = [...PAGE_RULES, sync, uiStrings, glossary, openapiStrings, sourceDefects] as const;

type IdsOf<F> = F extends { readonly meta: infer M } ? keyof M & string : never;

/** Every rule id the checker can report. */
export type RuleId = IdsOf<(typeof RULE_FAMILIES)[number]>;

export interface RuleInfo extends RuleMeta {
  id: RuleId;
  /** Name of the family (module) that declares and checks the rule. */
  family: string;
}

/** Every rule the checker can report, with its default severity, description and fix. */
export const RULES: readonly RuleInfo[] = RULE_FAMILIES.flatMap((f) =>
  Object.entries(f.meta as Readonly<Record<RuleId, RuleMeta>>).map(([id, m]) => ({ id: id as RuleId, family: f.name, ...m })),
);

const BY_ID = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown rule ${id}`);
  return info;
}

export function defaultSeverity(id: RuleId): Severity {
  return ruleInfo(id).severity;
}
