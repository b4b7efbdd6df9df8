/**
 * Parse a Markdown/MDX page into the facts the rules compare: headings,
 * tables, code blocks, inline code, links, JSX, imports, admonitions, prose.
 * Pure: takes the text, returns data.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { parseHeadingId, Slugger } from './slug';
import { proseOnly } from './language';
import { splitLines, squash, stripBom } from './text';

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
export interface TableRow {
  cells: string[];
  line: number;
}
export interface TableInfo {
  startLine: number;
  endLine: number;
  header?: TableRow;
  /** The `| --- |` row, when line 2 of the table is one. */
  delimiter?: TableRow;
  rows: TableRow[];
  /** Column count the table declares (delimiter, else header). */
  columns: number;
}
export interface AdmonitionInfo {
  keyword: string;
  line: number;
}
export interface ProseUnit {
  text: string;
  line: number;
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
  prose: ProseUnit[];
}

export interface ParseOptions {
  /** Parse as MDX (Docusaurus' default for .md and .mdx). */
  mdx: boolean;
  /** Look for a front matter preceded by stray text (set when the source has front matter). */
  expectFrontMatter?: boolean;
  /** Support the classic `{#id}` heading-id syntax (Docusaurus mdx1Compat). Default true. */
  classicHeadingIds?: boolean;
}

interface MNode {
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

// GFM is not needed: tables are scanned line by line (so that broken tables are seen too),
// bare URLs are picked up from text nodes, and strikethrough/task lists do not matter here.
const mdxProcessor = unified().use(remarkParse).use(remarkMdx).freeze();
const mdProcessor = unified().use(remarkParse).freeze();

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]`]*[^\s<>()[\]`.,;:!?'"*_~]/g;

interface Fence {
  open: number;
  close: number;
  indent: number;
}

/** Fenced code blocks found line by line (0-based open/close); their content is blanked before parsing (it is not Markdown). */
function findFences(lines: readonly string[], from: number): Fence[] {
  const out: Fence[] = [];
  for (let i = from; i < lines.length; i++) {
    const m = /^( *)(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!m) continue;
    const marker = m[2] as string;
    if (marker[0] === '`' && (m[3] ?? '').includes('`')) continue;
    const closeRe = new RegExp(`^ *${marker[0] === '`' ? '`' : '~'}{${marker.length},} *$`);
    let close = -1;
    for (let k = i + 1; k < lines.length; k++) {
      if (closeRe.test(lines[k] as string)) {
        close = k;
        break;
      }
    }
    if (close < 0) break; // unclosed: leave the rest to the parser
    out.push({ open: i, close, indent: (m[1] ?? '').length });
    i = close;
  }
  return out;
}

const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT)\s+(\/[^\s`'"()<>]*)/;

export function findEndpoint(text: string): string | undefined {
  const m = ENDPOINT.exec(text);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

export function parsePage(rawText: string, options: ParseOptions): PageModel {
  const text = stripBom(rawText);
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(lines, options.expectFrontMatter ?? false);

  // Body text: front matter (and stray text before it) blanked so that lines keep their numbers.
  const bodyLines = lines.slice();
  for (let i = 0; i < frontMatter.lastLine && i < bodyLines.length; i++) bodyLines[i] = '';
  const fences = findFences(bodyLines, frontMatter.lastLine);
  const fenceByOpen = new Map<number, Fence>();
  for (const f of fences) {
    fenceByOpen.set(f.open + 1, f);
    for (let k = f.open + 1; k < f.close; k++) bodyLines[k] = '';
  }
  if (options.mdx && (options.classicHeadingIds ?? true)) {
    let fi = 0;
    for (let i = 0; i < bodyLines.length; i++) {
      while (fi < fences.length && (fences[fi] as Fence).close < i) fi++;
      const l = bodyLines[i] as string;
      if (l.includes('{#') && /^ {0,3}#{1,6}[ \t].*\{#[^}]*\}[ \t]*$/.test(l)) bodyLines[i] = l.replace(/\{#(?=[^{]*$)/, '\\{#');
    }
  }
  const body = bodyLines.join('\n');

  let tree: MNode;
  let syntaxError: PageModel['syntaxError'];
  let mdx = options.mdx;
  if (mdx) {
    try {
      tree = mdxProcessor.parse(body) as unknown as MNode;
    } catch (e) {
      const err = e as { line?: number; column?: number; reason?: string; message?: string };
      syntaxError = { line: err.line ?? 1, column: err.column ?? 1, message: err.reason ?? err.message ?? String(e) };
      tree = mdProcessor.parse(body) as unknown as MNode;
      mdx = false;
    }
  } else {
    tree = mdProcessor.parse(body) as unknown as MNode;
  }

  const model: PageModel = {
    lines,
    mdx: options.mdx,
    frontMatter,
    ...(syntaxError ? { syntaxError } : {}),
    blocks: [],
    headings: [],
    slugs: new Set(),
    codeBlocks: [],
    inlineCodes: [],
    links: [],
    jsx: [],
    imports: [],
    tables: [],
    admonitions: [],
    prose: [],
  };

  const excluded = new Uint8Array(lines.length + 2); // 1 = inside code/esm: skip for line scans
  for (let i = 1; i <= frontMatter.lastLine; i++) excluded[i] = 1;
  const definitions = new Map<string, string>();
  const refs: { id: string; line: number; text: string }[] = [];
  const paragraphs: { node: MNode; line: number; end: number }[] = [];
  const slugger = new Slugger();

  const walk = (node: MNode): void => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'heading': {
        const { text: headingText, commentId } = headingTextOf(node);
        let explicitId = commentId;
        let textForSlug = headingText;
        if (!explicitId) {
          const parsed = parseHeadingId(headingText);
          if (parsed.id) {
            explicitId = parsed.id;
            textForSlug = parsed.text;
          }
        } else {
          textForSlug = headingText.trimEnd();
        }
        const slug = explicitId ? slugger.reserve(explicitId) : slugger.slug(textForSlug);
        model.slugs.add(slug);
        const endpoint = findEndpoint(textForSlug);
        model.headings.push({
          depth: node.depth ?? 1,
          text: squash(textForSlug),
          line,
          slug,
          ...(explicitId ? { explicitId } : {}),
          ...(endpoint ? { endpoint } : {}),
          section: '',
        });
        break;
      }
      case 'code': {
        const start = node.position?.start.line ?? 1;
        const end = node.position?.end.line ?? start;
        for (let i = start; i <= end; i++) excluded[i] = 1;
        const first = (lines[start - 1] ?? '').replace(/^[\s>]*/, '');
        const fenced = first.startsWith('```') || first.startsWith('~~~');
        const f = fenceByOpen.get(start);
        const value = f && f.close + 1 === end
          ? lines.slice(f.open + 1, f.close).map((l) => stripIndent(l, f.indent)).join('\n')
          : String(node.value ?? '');
        model.codeBlocks.push({
          lang: node.lang ?? '',
          meta: node.meta ?? '',
          value,
          line: start,
          endLine: end,
          contentLine: fenced ? start + 1 : start,
          fenced,
        });
        return;
      }
      case 'text': {
        const v = String(node.value ?? '');
        if (v.includes('://') || v.includes('www.')) {
          for (const m of v.matchAll(BARE_URL)) model.links.push({ url: m[0].startsWith('www.') ? `http://${m[0]}` : m[0], line, text: m[0] });
        }
        return;
      }
      case 'inlineCode':
        model.inlineCodes.push({ value: String(node.value ?? ''), line });
        return;
      case 'link':
        model.links.push({ url: node.url ?? '', line, text: plainText(node) });
        break;
      case 'linkReference':
        refs.push({ id: (node.identifier ?? '').toLowerCase(), line, text: plainText(node) });
        break;
      case 'definition':
        definitions.set((node.identifier ?? '').toLowerCase(), node.url ?? '');
        return;
      case 'mdxjsEsm': {
        const start = node.position?.start.line ?? 1;
        const end = node.position?.end.line ?? start;
        for (let i = start; i <= end; i++) excluded[i] = 1;
        splitStatements(String(node.value ?? ''), start, model.imports);
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        model.jsx.push({ name: node.name ?? '<>', line, attrs: attrsOf(node, line) });
        break;
      case 'paragraph':
        paragraphs.push({ node, line, end: node.position?.end.line ?? line });
        break;
      default:
        break;
    }
    if (node.children) for (const c of node.children) walk(c);
  };
  walk(tree);

  for (const r of refs) {
    const url = definitions.get(r.id);
    if (url !== undefined) model.links.push({ url, line: r.line, text: r.text });
  }
  model.links.sort((a, b) => a.line - b.line);

  // Tables: scanned line by line so that broken tables (which Markdown no longer sees as tables) are found too.
  model.tables = scanTables(lines, excluded);
  const inTable = new Uint8Array(lines.length + 2);
  for (const t of model.tables) for (let i = t.startLine; i <= t.endLine; i++) inTable[i] = 1;

  // Admonitions
  for (let i = 0; i < lines.length; i++) {
    if (excluded[i + 1]) continue;
    const m = /^\s*(?:>\s*)*:{3,}([A-Za-z][\w-]*)/.exec(lines[i] as string);
    if (m && m[1]) model.admonitions.push({ keyword: m[1], line: i + 1 });
  }

  // Prose units: paragraphs (outside tables) and the prose columns of each table.
  for (const p of paragraphs) {
    if (inTable[p.line]) continue;
    const t = proseOnly(proseText(p.node));
    if (t.trim()) model.prose.push({ text: t, line: p.line });
  }
  for (const t of model.tables) {
    const parts: string[] = [];
    for (const r of t.rows) parts.push(...r.cells.slice(1).map(proseOnly));
    const joined = parts.join(' . ');
    if (joined.trim()) model.prose.push({ text: joined, line: t.rows[0]?.line ?? t.startLine });
  }
  const desc = frontMatter.keys.find((k) => k.key === 'description');
  if (desc && typeof desc.value === 'string') model.prose.push({ text: desc.value, line: desc.line });
  model.prose.sort((a, b) => a.line - b.line);

  // Top-level blocks (for aligning the translated page with the source).
  const blocks: Block[] = [];
  for (const c of tree.children ?? []) {
    const start = c.position?.start.line ?? 1;
    const end = c.position?.end.line ?? start;
    const sig = blockSig(c);
    if (!sig) continue;
    blocks.push({ sig, start, end });
  }
  model.blocks = mergeTables(blocks, model.tables);

  // Section signatures for headings at top level.
  const headingByLine = new Map(model.headings.map((h) => [h.line, h] as const));
  let current: HeadingInfo | undefined;
  const sectionParts: string[] = [];
  const flush = (): void => {
    if (current) current.section = sectionParts.join(',');
    sectionParts.length = 0;
  };
  for (const b of model.blocks) {
    if (b.sig.startsWith('h')) {
      flush();
      current = headingByLine.get(b.start);
    } else if (b.sig !== 'prose') sectionParts.push(b.sig);
  }
  flush();
  void mdx;
  return model;
}

function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}

function blockSig(n: MNode): string | undefined {
  switch (n.type) {
    case 'heading':
      return `h${n.depth ?? 1}`;
    case 'code':
      return `code:${n.lang ?? ''}`;
    case 'table':
      return 'table';
    case 'mdxJsxFlowElement':
      return `jsx:${n.name ?? ''}`;
    case 'mdxjsEsm':
      return 'esm';
    case 'paragraph':
    case 'list':
    case 'blockquote':
      return 'prose';
    case 'html':
      return 'html';
    case 'thematicBreak':
      return 'hr';
    case 'mdxFlowExpression':
      return 'expr';
    default:
      return undefined;
  }
}

function mergeTables(blocks: Block[], tables: readonly TableInfo[]): Block[] {
  if (tables.length === 0) return blocks;
  const out = blocks.filter((b) => !tables.some((t) => t.startLine <= b.end && t.endLine >= b.start));
  for (const t of tables) out.push({ sig: 'table', start: t.startLine, end: t.endLine });
  return out.sort((a, b) => a.start - b.start);
}

function headingTextOf(node: MNode): { text: string; commentId?: string } {
  const children = (node.children ?? []).filter((c) => c.type !== 'html' && c.type !== 'mdxJsxTextElement');
  let commentId: string | undefined;
  const last = children[children.length - 1];
  if (last && last.type === 'mdxTextExpression') {
    const m = /^\s*\/\*\s*#(\S+?)(?:\s[^]*)?\*\/\s*$/.exec(String(last.value ?? ''));
    if (m && m[1]) commentId = m[1];
  }
  const text = children.map(textOf).join('');
  return commentId ? { text, commentId } : { text };
}

function textOf(n: MNode): string {
  if (n.type === 'text' || n.type === 'inlineCode') return String(n.value ?? '');
  if (n.type === 'mdxTextExpression' || n.type === 'mdxFlowExpression' || n.type === 'html') return '';
  return (n.children ?? []).map(textOf).join('');
}

function plainText(n: MNode): string {
  return squash(textOf(n));
}

/** Text of a paragraph for the language check: no code, no JSX attributes, no expressions. */
function proseText(n: MNode): string {
  if (n.type === 'text') return String(n.value ?? '');
  if (n.type === 'inlineCode' || n.type === 'code' || n.type.startsWith('mdx') && !n.type.startsWith('mdxJsx')) return ' ';
  return (n.children ?? []).map(proseText).join(n.type === 'paragraph' ? '' : ' ');
}

function attrsOf(node: MNode, line: number): JsxAttr[] {
  const out: JsxAttr[] = [];
  for (const a of node.attributes ?? []) {
    const aLine = a.position?.start.line ?? line;
    if (a.type === 'mdxJsxExpressionAttribute') {
      out.push({ name: '{...}', kind: 'spread', value: squash(String(a.value ?? '')), line: aLine });
      continue;
    }
    const v = a.value as unknown;
    if (v === null || v === undefined) out.push({ name: a.name ?? '', kind: 'boolean', value: 'true', line: aLine });
    else if (typeof v === 'string') out.push({ name: a.name ?? '', kind: 'literal', value: v, line: aLine });
    else out.push({ name: a.name ?? '', kind: 'expression', value: squash(String((v as { value?: unknown }).value ?? '')), line: aLine });
  }
  return out;
}

function splitStatements(value: string, startLine: number, out: ImportInfo[]): void {
  const ls = value.split('\n');
  let cur: { text: string[]; line: number } | undefined;
  const push = (): void => {
    if (!cur) return;
    const text = cur.text.join('\n').trim();
    if (text) out.push({ text, normalized: normalizeStatement(text), line: cur.line });
  };
  ls.forEach((l, i) => {
    if (/^\s*(import|export)\b/.test(l) || !cur) {
      push();
      cur = { text: [l], line: startLine + i };
    } else cur.text.push(l);
  });
  push();
}

function normalizeStatement(s: string): string {
  return s
    .replace(/\/\/.*$/gm, '')
    .replace(/'/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{},;])\s*/g, '$1')
    .replace(/;$/, '')
    .trim();
}

const DELIM_CELL = /^\s*:?-+:?\s*$/;

/** Split a table row into trimmed cells (GFM: unescaped `|` separates cells). */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

function isDelimiterRow(line: string | undefined): boolean {
  if (line === undefined || !line.includes('-')) return false;
  if (!line.includes('|') && !/^\s*:?-+:?\s*$/.test(line)) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => DELIM_CELL.test(c));
}

function scanTables(lines: readonly string[], excluded: Uint8Array): TableInfo[] {
  const out: TableInfo[] = [];
  const n = lines.length;
  const pipeStart = (i: number): boolean => !excluded[i + 1] && /^\s*\|/.test(lines[i] ?? '');
  const hasPipe = (i: number): boolean => !excluded[i + 1] && (lines[i] ?? '').includes('|') && (lines[i] ?? '').trim() !== '';
  let i = 0;
  while (i < n) {
    if (excluded[i + 1] || !(lines[i] ?? '').includes('|')) {
      i++;
      continue;
    }
    const delimNext = isDelimiterRow(lines[i + 1]) && !excluded[i + 2];
    if (!pipeStart(i) && !delimNext) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && (delimNext ? hasPipe(j) : pipeStart(j))) j++;
    const count = j - i;
    if (count < 2) {
      i = j;
      continue;
    }
    const rows: TableRow[] = [];
    for (let k = i; k < j; k++) rows.push({ cells: splitRow(lines[k] as string), line: k + 1 });
    const header = rows[0] as TableRow;
    const delimiter = delimNext ? (rows[1] as TableRow) : undefined;
    const body = rows.slice(delimNext ? 2 : 1);
    out.push({
      startLine: i + 1,
      endLine: j,
      header,
      ...(delimiter ? { delimiter } : {}),
      rows: body,
      columns: delimiter ? delimiter.cells.length : header.cells.length,
    });
    i = j;
  }
  return out;
}
