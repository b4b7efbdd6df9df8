/**
 * Compare one translated page with its English source: parse both, align their blocks, and run
 * every page rule family of the registry (rules.ts) in order. Pure.
 */
import { LineMap } from './lineMap';
import { parsePage } from './markdown';
import type { PageModel } from './pageModel';
import { PAGE_RULES } from './rules';
import type { PageCheckOptions, PageRuleContext, RuleFinding } from './rules/rule';
import type { PageFinding } from './types';

export type { PageCheckOptions } from './rules/rule';
export { DEFAULT_TRANSLATABLE_FRONT_MATTER } from './rules/frontmatter';
export { DEFAULT_PROSE_PROPS } from './rules/jsx';

export interface CheckPageInput extends PageCheckOptions {
  sourceText: string;
  targetText: string;
  /** Parse as MDX (default true, as Docusaurus does for .md and .mdx). */
  mdx?: boolean;
  /** Accept the classic `{#id}` heading ids (Docusaurus `markdown.mdx1Compat.headingIds`, default true). */
  classicHeadingIds?: boolean;
}

/** Parse both texts and compare them. */
export function checkPage(input: CheckPageInput): PageFinding[] {
  const mdx = input.mdx ?? true;
  const classicHeadingIds = input.classicHeadingIds ?? true;
  const source = parsePage(input.sourceText, { mdx, classicHeadingIds });
  const target = parseTarget(input.targetText, source, mdx, classicHeadingIds);
  return comparePages(source, target, input);
}

/** Parse a translated page; the source model tells whether stray text before a front matter is to be looked for. */
export function parseTarget(text: string, source: PageModel, mdx: boolean, classicHeadingIds = true): PageModel {
  return parsePage(text, { mdx, classicHeadingIds, expectFrontMatter: source.frontMatter.present, trustedEsm: new Set(source.esmBlocks) });
}

/** Run every page rule; findings in line order (rules in registry order within a line). */
export function comparePages(source: PageModel, target: PageModel, options: PageCheckOptions): PageFinding[] {
  const context: PageRuleContext = { source, target, lines: new LineMap(source.blocks, target.blocks), options };
  const findings: RuleFinding<string>[] = [];
  for (const family of PAGE_RULES) {
    const meta: Readonly<Record<string, { severity: PageFinding['severity'] }>> = family.meta;
    family.check(context, (rule: string, line: number, message: string, extra = {}) => {
      findings.push({ rule, line: Math.max(1, line), message, severity: meta[rule]!.severity, ...extra });
    });
  }
  return (findings as PageFinding[]).sort((a, b) => a.line - b.line);
}
