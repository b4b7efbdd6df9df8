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
  // ESM blocks: from an `import`/`export` line at column 0 (after a blank line) to the next blank line.
  const esmBlocks: { start: number; end: number; text: string }[] = [];
  if (options.mdx) {
    const trusted = options.trustedEsm ?? 'all';
    const fenceLine = new Uint8Array(lines.length + 2);
    for (const f of fences) for (let k = f.open; k <= f.close; k++) fenceLine[k] = 1;
    for (let i = frontMatter.lastLine; i < bodyLines.length; i++) {
      const l = bodyLines[i] as string;
      if (fenceLine[i] || !/^(?:import|export)\b/.test(l) || (i > 0 && (bodyLines[i - 1] as string).trim() !== '')) continue;
      let j = i;
      while (j + 1 < bodyLines.length && (bodyLines[j + 1] as string).trim() !== '' && !fenceLine[j + 1]) j++;
      const text = bodyLines.slice(i, j + 1).join('\n');
      if (trusted === 'all' || trusted.has(normalizeStatement(text))) {
        esmBlocks.push({ start: i + 1, end: j + 1, text });
        for (let k = i; k <= j; k++) bodyLines[k] = '';
      }
      i = j;
    }
  }

  // Tables are scanned line by line; rows without `{`/`<` (nothing MDX could choke on) are blanked
  // before parsing, and their inline code and links are read by `scanInline` (parsing them is costly).
  const preExcluded = new Uint8Array(lines.length + 2);
  for (let i = 1; i <= frontMatter.lastLine; i++) preExcluded[i] = 1;
  for (const f of fences) for (let k = f.open; k <= f.close; k++) preExcluded[k + 1] = 1;
  const tables = scanTables(lines, preExcluded);
  const tableInline: { codes: InlineCodeInfo[]; links: LinkInfo[] } = { codes: [], links: [] };
  for (const t of tables) {
    for (const row of [t.header, t.delimiter, ...t.rows]) {
      if (!row) continue;
      const l = lines[row.line - 1] as string;
      if (l.includes('{') || l.includes('<')) continue;
      bodyLines[row.line - 1] = '';
      scanInline(l, row.line, tableInline);
    }
  }
  if (options.mdx && (options.classicHeadingIds ?? true)) {
    for (let i = 0; i < bodyLines.length; i++) {
      const l = bodyLines[i] as string;
      if (l.includes('{#') && /^ {0,3}#{1,6}[ \t].*\{#[^}]*\}[ \t]*$/.test(l)) bodyLines[i] = l.replace(/\{#(?=[^{]*$)/, '\\{#');
    }
  }
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

  let tree: MNode;
  let syntaxError: PageModel['syntaxError'];
  if (options.mdx) {
    try {
      tree = mdxProcessor.parse(body) as unknown as MNode;
    } catch (e) {
      const err = e as { line?: number; column?: number; reason?: string; message?: string };
      const message = err.reason ?? err.message ?? String(e);
      // "Expected a closing tag for `<b>` (2:17-2:20) ...": the tag's own position is the useful one
      const at = /\((\d+):(\d+)-\d+:\d+\)/.exec(message);
      const shown = message.replace(/\((\d+):(\d+)-(\d+):(\d+)\)/g, (_m, a: string, b: string, c: string, d: string) => `(${toLine(Number(a))}:${b}-${toLine(Number(c))}:${d})`);
      syntaxError = at
        ? { line: toLine(Number(at[1])), column: Number(at[2]), message: shown }
        : { line: toLine(err.line ?? 1), column: err.column ?? 1, message: shown };
      tree = mdProcessor.parse(body) as unknown as MNode;
    }
  } else {
    tree = mdProcessor.parse(body) as unknown as MNode;
  }

  remapPositions(tree, toLine);

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
    esmBlocks: [],
  };

  const excluded = new Uint8Array(lines.length + 2); // 1 = inside code/esm: skip for line scans
  for (let i = 1; i <= frontMatter.lastLine; i++) excluded[i] = 1;
  for (const b of esmBlocks) {
    for (let i = b.start; i <= b.end; i++) excluded[i] = 1;
    splitStatements(b.text, b.start, model.imports);
  }
  const definitions = new Map<string, string>();
  const refs: { id: string; line: number; text: string }[] = [];
  const paragraphs: { node: MNode; line: number; end: number }[] = [];
  const slugger = new Slugger();

  const walk = (node: MNode, inLink = false): void => {
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
        if (!inLink && (v.includes('://') || v.includes('www.'))) {
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
    if (node.children) {
      const link = inLink || node.type === 'link' || node.type === 'linkReference';
      for (const c of node.children) walk(c, link);
    }
  };
  walk(tree);

  // after a failed MDX parse the CommonMark fallback sees indented JSX as indented code: ignore those
  if (syntaxError) model.codeBlocks = model.codeBlocks.filter((c) => c.fenced);
  model.inlineCodes.push(...tableInline.codes);
  model.inlineCodes.sort((a, b) => a.line - b.line);
  model.links.push(...tableInline.links);
  for (const r of refs) {
    const url = definitions.get(r.id);
    if (url !== undefined) model.links.push({ url, line: r.line, text: r.text });
  }
  model.links.sort((a, b) => a.line - b.line);

  // Tables: scanned line by line so that broken tables (which Markdown no longer sees as tables) are found too.
  model.tables = tables;
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
    if (!t.trim()) continue;
    // an admonition marker (`:::tip`) opening the paragraph is not prose
    let line = p.line;
    while (line < p.end && /^\s*(?:>\s*)*:{3,}[\w[\]\s-]*$/.test(lines[line - 1] ?? '')) line++;
    model.prose.push({ text: t, line });
  }
  for (const t of model.tables) {
    const parts: string[] = [];
    // prose columns only: not the first one, and not columns of single tokens (types, codes)
    const proseCols = new Set<number>();
    for (const r of t.rows) r.cells.forEach((c, i) => {
      if (i > 0 && /\S+\s+\S+\s+\S+/.test(c)) proseCols.add(i);
    });
    for (const r of t.rows) parts.push(...r.cells.filter((_, i) => proseCols.has(i)).map(proseOnly));
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
  for (const b of esmBlocks) blocks.push({ sig: 'esm', start: b.start, end: b.end });
  if (esmBlocks.length) blocks.sort((a, b) => a.start - b.start);
  model.imports.sort((a, b) => a.line - b.line);
  model.blocks = mergeTables(blocks, model.tables);
  model.esmBlocks = esmBlocks.map((b) => normalizeStatement(b.text));
  for (const c of tree.children ?? []) if (c.type === 'mdxjsEsm') model.esmBlocks.push(normalizeStatement(String(c.value ?? '')));

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
  return model;
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

export function normalizeStatement(s: string): string {
  return s
    .replace(/\/\/.*$/gm, '')
    .replace(/'/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{},;])\s*/g, '$1')
    .replace(/;$/, '')
    .trim();
}

/**
 * Inline code spans and links of one table row, CommonMark style: backtick runs
 * close on a run of the same length, `\\` escapes, `[text](url)` with balanced
 * brackets, images skipped, bare URLs.
 */
export function scanInline(text: string, line: number, out: { codes: InlineCodeInfo[]; links: LinkInfo[] }): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let k = text.indexOf(fence, i + run);
      while (k >= 0 && text[k + run] === '`') {
        let e = k;
        while (text[e] === '`') e++;
        k = text.indexOf(fence, e);
      }
      if (k < 0) {
        i += run;
        continue;
      }
      let value = text.slice(i + run, k);
      if (value.length > 1 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      out.codes.push({ value, line });
      i = k + run;
      continue;
    }
    if (c === '[' || (c === '!' && text[i + 1] === '[')) {
      const image = c === '!';
      const open = image ? i + 1 : i;
      const close = matchBracket(text, open);
      if (close > 0 && text[close + 1] === '(') {
        const end = matchParen(text, close + 1);
        if (end > 0) {
          const inner = text.slice(open + 1, close);
          if (!image) {
            let dest = text.slice(close + 2, end).trim();
            if (dest.startsWith('<')) dest = dest.slice(1, dest.indexOf('>') > 0 ? dest.indexOf('>') : undefined);
            else dest = dest.split(/\s+/)[0] ?? '';
            out.links.push({ url: dest, line, text: squash(inner.replace(/`/g, '')) });
          }
          scanInline(inner, line, { codes: out.codes, links: [] });
          i = end + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if ((c === 'h' || c === 'w') && (text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i))) {
      BARE_URL.lastIndex = i;
      const m = BARE_URL.exec(text);
      if (m && m.index === i) {
        out.links.push({ url: m[0].startsWith('www.') ? `http://${m[0]}` : m[0], line, text: m[0] });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
}

function matchBracket(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '`') {
      let run = 1;
      while (text[k + run] === '`') run++;
      const end = text.indexOf('`'.repeat(run), k + run);
      if (end > 0) k = end + run - 1;
      else k += run - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return k;
  }
  return -1;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
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
