/**
 * Parse the prepared body of a page (front matter, code, ESM and simple table rows blanked)
 * into an mdast tree with page line numbers, and list its nodes once, in document order, for
 * the extractors. An MDX syntax error is kept (with page lines) and the body is then read as
 * CommonMark, so that the other facts are still found.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { squash } from '../text';

/** The parts of an mdast/MDX node the extractors read. */
export interface MNode {
  type: string;
  children?: MNode[];
  value?: unknown;
  depth?: number;
  lang?: string | null;
  meta?: string | null;
  url?: string;
  identifier?: string;
  name?: string | null;
  attributes?: MNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number } };
}

/** A node of the tree with its page line and whether it sits inside a link. */
export interface WalkedNode {
  node: MNode;
  line: number;
  inLink: boolean;
}

export interface MdxSyntaxError {
  line: number;
  column: number;
  message: string;
}

export interface ParsedBody {
  root: MNode;
  syntaxError?: MdxSyntaxError;
  /** Every node, pre-order (the children of leaves such as code and inline code are not listed). */
  nodes: readonly WalkedNode[];
}

// GFM is not needed: tables are scanned line by line (so that broken tables are seen too),
// bare URLs are picked up from text nodes, and strikethrough/task lists do not matter here.
const mdxProcessor = unified().use(remarkParse).use(remarkMdx).freeze();
const mdProcessor = unified().use(remarkParse).freeze();

/**
 * CommonMark with what MDX turns off turned off too (indented code, HTML, autolinks): on a body
 * with no `<`, no `{` and no import/export line, MDX has nothing of its own to parse, and this
 * gives the same tree at about half the cost of the MDX parser.
 */
function mdxLike(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['autolink', 'codeIndented', 'htmlFlow', 'htmlText'] } });
}
const mdxLikeProcessor = unified().use(remarkParse).use(mdxLike).freeze();

/** Whether a prepared body holds nothing MDX-specific (see `mdxLike`). */
export function plainMdxBody(body: string): boolean {
  return !body.includes('<') && !body.includes('{') && !/^(?:import|export)\b/m.test(body);
}

/** Nodes whose children the walk does not list (they have none the extractors read). */
const LEAVES = new Set(['code', 'text', 'inlineCode', 'definition', 'mdxjsEsm']);

export function parseBody(bodyLines: readonly string[], mdx: boolean): ParsedBody {
  // Compact the text before parsing: runs of blank lines (most of them are blanked code, tables,
  // front matter) become one blank line, which keeps the Markdown structure and makes parsing
  // much cheaper. `origin[compactLine]` gives the line in the page.
  const compact: string[] = [];
  const origin: number[] = [0];
  let prevBlank = true;
  for (let i = 0; i < bodyLines.length; i++) {
    const l = bodyLines[i] as string;
    const blank = l.trim() === '';
    if (blank && prevBlank) continue;
    compact.push(blank ? '' : l);
    origin.push(i + 1);
    prevBlank = blank;
  }
  const toLine = (n: number): number => origin[n] ?? origin[origin.length - 1] ?? 1;
  const body = compact.join('\n');

  let root: MNode;
  let syntaxError: MdxSyntaxError | undefined;
  if (mdx && plainMdxBody(body)) {
    root = mdxLikeProcessor.parse(body) as unknown as MNode;
  } else if (mdx) {
    try {
      root = mdxProcessor.parse(body) as unknown as MNode;
    } catch (e) {
      syntaxError = syntaxErrorOf(e, toLine);
      root = mdProcessor.parse(body) as unknown as MNode;
    }
  } else {
    root = mdProcessor.parse(body) as unknown as MNode;
  }
  remapPositions(root, toLine);
  return { root, ...(syntaxError ? { syntaxError } : {}), nodes: walk(root) };
}

function syntaxErrorOf(e: unknown, toLine: (n: number) => number): MdxSyntaxError {
  const err = e as { line?: number; column?: number; reason?: string; message?: string };
  const message = err.reason ?? err.message ?? String(e);
  // "Expected a closing tag for `<b>` (2:17-2:20) ...": the tag's own position is the useful one
  const at = /\((\d+):(\d+)-\d+:\d+\)/.exec(message);
  const shown = message.replace(/\((\d+):(\d+)-(\d+):(\d+)\)/g, (_m, a: string, b: string, c: string, d: string) => `(${toLine(Number(a))}:${b}-${toLine(Number(c))}:${d})`);
  return at
    ? { line: toLine(Number(at[1])), column: Number(at[2]), message: shown }
    : { line: toLine(err.line ?? 1), column: err.column ?? 1, message: shown };
}

function walk(root: MNode): WalkedNode[] {
  const out: WalkedNode[] = [];
  const visit = (node: MNode, inLink: boolean): void => {
    out.push({ node, line: node.position?.start.line ?? 1, inLink });
    if (!node.children || LEAVES.has(node.type)) return;
    const link = inLink || node.type === 'link' || node.type === 'linkReference';
    for (const c of node.children) visit(c, link);
  };
  visit(root, false);
  return out;
}

function remapPositions(node: MNode, toLine: (n: number) => number, seen = new WeakSet<object>()): void {
  const p = node.position;
  if (p) {
    for (const point of [p.start, p.end]) {
      if (seen.has(point)) continue; // a point object shared by two nodes is remapped once
      seen.add(point);
      point.line = toLine(point.line);
    }
  }
  if (node.attributes) for (const a of node.attributes) remapPositions(a, toLine, seen);
  if (node.children) for (const c of node.children) remapPositions(c, toLine, seen);
}

/** First and last page line of a node. */
export function span(node: MNode): { start: number; end: number } {
  const start = node.position?.start.line ?? 1;
  return { start, end: node.position?.end.line ?? start };
}

/** Visible text of a node: text and inline code, no expressions or HTML. */
export function textOf(n: MNode): string {
  if (n.type === 'text' || n.type === 'inlineCode') return String(n.value ?? '');
  if (n.type === 'mdxTextExpression' || n.type === 'mdxFlowExpression' || n.type === 'html') return '';
  return (n.children ?? []).map(textOf).join('');
}

export function plainText(n: MNode): string {
  return squash(textOf(n));
}
