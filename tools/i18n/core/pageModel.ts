/**
 * The facts of one Markdown/MDX page that the translation rules compare (headings, tables,
 * code blocks, inline code, links, JSX, imports, admonitions, prose, top-level blocks).
 * Types only: `parsePage` (markdown.ts) fills a PageModel with one extractor per fact (extract/).
 */
import type { FrontMatter } from './frontmatter';
import type { TableInfo } from '../../../src/lib/markdown/tables';

export type { TableInfo, TableRow } from '../../../src/lib/markdown/tables';

export interface HeadingInfo {
  depth: number;
  text: string;
  line: number;
  slug: string;
  explicitId?: string;
  /** `GET /contacts` when the heading names an endpoint. */
  endpoint?: string;
  /** Structural signature of the section below (tables, code, components). */
  section: string;
}
export interface CodeBlockInfo {
  lang: string;
  meta: string;
  value: string;
  line: number;
  endLine: number;
  /** Line of the first code line. */
  contentLine: number;
  fenced: boolean;
}
export interface InlineCodeInfo {
  value: string;
  line: number;
}
export interface LinkInfo {
  url: string;
  line: number;
  text: string;
}
export interface JsxAttr {
  name: string;
  kind: 'literal' | 'expression' | 'boolean' | 'spread';
  value: string;
  line: number;
}
export interface JsxInfo {
  name: string;
  line: number;
  attrs: JsxAttr[];
}
export interface ImportInfo {
  text: string;
  normalized: string;
  line: number;
}
export interface AdmonitionInfo {
  keyword: string;
  /** Line of the opening `:::keyword`. */
  line: number;
  /** Colons of the opening fence (an outer admonition needs more than the ones inside it). */
  colons: number;
  /** Line of the `:::` that closes it; absent when nothing does (it runs to the end of its parent). */
  closeLine?: number;
  /** Index (in `admonitions`) of the admonition it is nested in. */
  parent?: number;
}
export interface ProseUnit {
  text: string;
  line: number;
  /** A sentence of a paragraph, a heading, or a front-matter value (`title`, `description`, `sidebar_label`). */
  kind: 'sentence' | 'heading' | 'meta';
}
export interface Block {
  sig: string;
  start: number;
  end: number;
}

export interface PageModel {
  lines: string[];
  mdx: boolean;
  frontMatter: FrontMatter;
  syntaxError?: { line: number; column: number; message: string };
  blocks: Block[];
  headings: HeadingInfo[];
  slugs: Set<string>;
  codeBlocks: CodeBlockInfo[];
  inlineCodes: InlineCodeInfo[];
  links: LinkInfo[];
  jsx: JsxInfo[];
  imports: ImportInfo[];
  tables: TableInfo[];
  admonitions: AdmonitionInfo[];
  /** Lines of closing `:::` fences that close no admonition. */
  strayAdmonitionClosings: number[];
  prose: ProseUnit[];
  /** Normalised text of every ESM block (to trust identical blocks of a translation). */
  esmBlocks: string[];
}

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
