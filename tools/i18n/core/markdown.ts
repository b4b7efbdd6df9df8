/**
 * Parse a Markdown/MDX page into the facts the rules compare (a PageModel): one extractor per
 * fact, in extract/. This file only prepares the text and runs them in order. Pure: takes the
 * text, returns data.
 */
import { findFences } from '../../../src/lib/markdown/fences';
import { scanTables, type TableInfo } from '../../../src/lib/markdown/tables';
import { splitLines, stripBom } from '../../../src/lib/i18n/text';
import { parseFrontMatter } from './frontmatter';
import type { PageModel } from './pageModel';
import { extractAdmonitions } from './extract/admonitions';
import { extractBlocks } from './extract/blocks';
import { blankFences, bodyWithoutFrontMatter, escapeClassicHeadingIds, frontMatterAndFenceLines } from './extract/body';
import { extractCodeBlocks } from './extract/codeBlocks';
import { extractImports, takeEsmBlocks } from './extract/esm';
import { assignSections, extractHeadings } from './extract/headings';
import { takeTableInline } from './extract/inline';
import { extractInlineCodes } from './extract/inlineCode';
import { extractJsx } from './extract/jsx';
import { extractLinks } from './extract/links';
import { extractProse } from './extract/prose';
import { parseBody } from './extract/tree';

export interface ParseOptions {
  /** Parse as MDX (Docusaurus' default for .md and .mdx). */
  mdx: boolean;
  /** Look for a front matter preceded by stray text (set when the source has front matter). */
  expectFrontMatter?: boolean;
  /** Support the classic `{#id}` heading-id syntax (Docusaurus mdx1Compat). Default true. */
  classicHeadingIds?: boolean;
  /**
   * ESM blocks (import/export) are read line by line instead of being parsed
   * (acorn is costly): 'all' for English pages, or only the blocks whose
   * normalised text is in this set (blocks identical to the English ones are
   * known to parse); any other block is left to the MDX parser. Default 'all'.
   */
  trustedEsm?: 'all' | ReadonlySet<string>;
}

/** 1-based flags of the lines of tables. */
function tableLineFlags(length: number, tables: readonly TableInfo[]): Uint8Array {
  const out = new Uint8Array(length + 2);
  for (const t of tables) for (let i = t.startLine; i <= t.endLine; i++) out[i] = 1;
  return out;
}

export function parsePage(rawText: string, options: ParseOptions): PageModel {
  const lines = splitLines(stripBom(rawText));
  const frontMatter = parseFrontMatter(lines, options.expectFrontMatter ?? false);

  // The text the parser reads: lines keep their numbers; what is read line by line is blanked.
  const body = bodyWithoutFrontMatter(lines, frontMatter.lastLine);
  const fences = findFences(body, frontMatter.lastLine);
  blankFences(body, fences);
  const esm = options.mdx ? takeEsmBlocks(body, frontMatter.lastLine, fences, options.trustedEsm ?? 'all') : [];
  // Tables are scanned line by line, so that broken tables (which Markdown no longer sees as tables) are found too.
  const tables = scanTables(lines, frontMatterAndFenceLines(lines.length, frontMatter.lastLine, fences));
  const tableInline = takeTableInline(lines, body, tables);
  if (options.mdx && (options.classicHeadingIds ?? true)) escapeClassicHeadingIds(body);
  const tree = parseBody(body, options.mdx);

  const { headings, slugs } = extractHeadings(tree.nodes);
  const { imports, esmBlocks } = extractImports(esm, tree);
  const blocks = extractBlocks(tree, esm, tables);
  assignSections(headings, blocks);
  const { admonitions, strayClosings } = extractAdmonitions(lines, frontMatter.lastLine, esm, tree);
  return {
    lines,
    mdx: options.mdx,
    frontMatter,
    ...(tree.syntaxError ? { syntaxError: tree.syntaxError } : {}),
    blocks,
    headings,
    slugs,
    codeBlocks: extractCodeBlocks(tree, lines, fences),
    inlineCodes: extractInlineCodes(tree.nodes, tableInline.codes),
    links: extractLinks(tree.nodes, tableInline.links),
    jsx: extractJsx(tree.nodes),
    imports,
    tables,
    admonitions,
    strayAdmonitionClosings: strayClosings,
    prose: extractProse(tree.nodes, tableLineFlags(lines.length, tables), frontMatter),
    esmBlocks,
  };
}
