/**
 * Compare one translated page with its English source. Pure.
 */
import { align, gaps, type AlignOp } from './align';
import { diffLines } from './diff';
import { deepEqual } from './frontmatter';
import { compareJson, parseJson } from './json';
import { LANGUAGE_NAMES, wrongLanguage } from './language';
import { parsePage, type Block, type CodeBlockInfo, type PageModel, type TableInfo, findEndpoint } from './markdown';
import { defaultSeverity } from './rules';
import { code, squash, truncate } from './text';
import type { PageFinding, RuleId } from './types';

export const DEFAULT_TRANSLATABLE_FRONT_MATTER = ['title', 'description', 'sidebar_label'] as const;
export const DEFAULT_PROSE_PROPS = ['title', 'label', 'description', 'alt', 'placeholder', 'aria-label'] as const;
const JSON_LANGS = new Set(['json', 'jsonc', 'json5']);
const TYPE_HEADERS = new Set(['type', 'types', 'data type']);

export interface PageCheckOptions {
  /** Locale of the translated page (for the language rule). */
  locale: string;
  translatableFrontMatter?: readonly string[];
  proseProps?: readonly string[];
  /** Run the language detector (default true). */
  language?: boolean;
}

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

class Reporter {
  readonly findings: PageFinding[] = [];
  add(rule: RuleId, line: number, message: string, extra: Partial<PageFinding> = {}): void {
    this.findings.push({ rule, line: Math.max(1, line), message, severity: defaultSeverity(rule), ...extra });
  }
}

/** Maps a line of the source page to the corresponding line of the translation, via block alignment. */
export class LineMap {
  private readonly pairs: (number | undefined)[];

  constructor(
    private readonly src: readonly Block[],
    private readonly tgt: readonly Block[],
  ) {
    const ops = align(src, tgt, (a, b) => blockScore(a, b));
    this.pairs = new Array<number | undefined>(src.length).fill(undefined);
    for (const op of ops) if (op.kind === 'match') this.pairs[op.a] = op.b;
  }

  map(line: number): number {
    const idx = this.src.findIndex((b) => b.start <= line && line <= b.end);
    if (idx >= 0) {
      const t = this.pairs[idx];
      const s = this.src[idx] as Block;
      if (t !== undefined) {
        const tb = this.tgt[t] as Block;
        return tb.start + Math.min(line - s.start, tb.end - tb.start);
      }
    }
    for (let k = this.src.length - 1; k >= 0; k--) {
      const s = this.src[k] as Block;
      if (s.start > line || k === idx) continue;
      const t = this.pairs[k];
      if (t !== undefined) return (this.tgt[t] as Block).end;
    }
    for (let k = 0; k < this.src.length; k++) {
      const t = this.pairs[k];
      if (t !== undefined) return (this.tgt[t] as Block).start;
    }
    return 1;
  }
}

function blockScore(a: Block, b: Block): number {
  if (a.sig === b.sig) return a.sig === 'prose' ? 1 : 3;
  const ka = a.sig.replace(/[:\d].*$/, '');
  const kb = b.sig.replace(/[:\d].*$/, '');
  return ka === kb && ka !== 'prose' ? 0.5 : 0;
}

export function comparePages(source: PageModel, target: PageModel, options: PageCheckOptions): PageFinding[] {
  const r = new Reporter();
  const lm = new LineMap(source.blocks, target.blocks);
  frontMatterRules(source, target, options, r);
  if (target.syntaxError && !source.syntaxError) {
    r.add('mdx-syntax', target.syntaxError.line, `MDX no longer compiles (column ${target.syntaxError.column}): ${target.syntaxError.message}`);
  }
  if (!target.syntaxError && !source.syntaxError) {
    importRules(source, target, lm, r);
    jsxRules(source, target, lm, options, r);
  }
  codeRules(source, target, lm, r);
  inlineCodeRule(source, target, lm, r);
  tableRules(source, target, lm, r);
  headingRules(source, target, lm, r);
  linkRules(source, target, lm, r);
  admonitionRule(source, target, lm, r);
  if (options.language ?? true) languageRule(target, options.locale, r);
  return r.findings.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------- front matter

function frontMatterRules(source: PageModel, target: PageModel, options: PageCheckOptions, r: Reporter): void {
  const sf = source.frontMatter;
  const tf = target.frontMatter;
  const translatable = new Set(options.translatableFrontMatter ?? DEFAULT_TRANSLATABLE_FRONT_MATTER);
  if (tf.stray) {
    r.add('frontmatter-stray-text', tf.stray.line, tf.stray.text.trim()
      ? `text before the front matter (${code(tf.stray.text)}): the \`---\` must be the first line, or Docusaurus ignores the front matter`
      : 'blank line(s) before the front matter: the `---` must be the first line, or Docusaurus ignores the front matter');
  }
  if (tf.error) {
    r.add('frontmatter-invalid', tf.error.line, `front matter is not valid YAML: ${tf.error.message}`);
    return;
  }
  if (sf.error || !sf.present) {
    if (!sf.present && tf.present) r.add('frontmatter-keys', tf.startLine, 'front matter that the English page does not have');
    return;
  }
  if (!tf.present) {
    r.add('frontmatter-keys', 1, `front matter missing (the English page has ${sf.keys.map((k) => code(k.key)).join(', ')})`);
    return;
  }
  const tByKey = new Map(tf.keys.map((k) => [k.key, k] as const));
  const sByKey = new Map(sf.keys.map((k) => [k.key, k] as const));
  const missing = sf.keys.filter((k) => !tByKey.has(k.key));
  const extra = tf.keys.filter((k) => !sByKey.has(k.key));
  const paired = Math.min(missing.length, extra.length);
  for (let i = 0; i < paired; i++) {
    const m = missing[i]!;
    const x = extra[i]!;
    r.add('frontmatter-keys', x.line, `front-matter key ${code(x.key)} should be ${code(m.key)} (keys are never translated)`);
  }
  for (const m of missing.slice(paired)) {
    const idx = sf.keys.indexOf(m);
    let line = tf.startLine;
    for (let k = idx - 1; k >= 0; k--) {
      const prev = tByKey.get(sf.keys[k]!.key);
      if (prev) {
        line = prev.line;
        break;
      }
    }
    r.add('frontmatter-keys', line, `front-matter key ${code(m.key)} missing`);
  }
  for (const x of extra.slice(paired)) r.add('frontmatter-keys', x.line, `front-matter key ${code(x.key)} is not in the English page`);
  for (const s of sf.keys) {
    const t = tByKey.get(s.key);
    if (!t) continue;
    if (!translatable.has(s.key)) {
      if (!deepEqual(s.value, t.value)) {
        r.add('frontmatter-value', t.line, `${code(s.key)} must not be translated: expected ${fmt(s.value)}, found ${fmt(t.value)}`);
      }
    } else if ((s.key === 'title' || s.key === 'sidebar_label') && typeof s.value === 'string') {
      const ep = findEndpoint(s.value);
      if (ep && !(typeof t.value === 'string' && t.value.includes(ep))) {
        r.add('heading-endpoint', t.line, `${code(s.key)} must keep the endpoint ${code(ep)} (found ${fmt(t.value)})`);
      }
    }
  }
}

function fmt(v: unknown): string {
  return code(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
}

// ---------------------------------------------------------------- imports / JSX

function reportSequence<T>(
  r: Reporter,
  rule: RuleId,
  src: readonly T[],
  tgt: readonly T[],
  ops: AlignOp[],
  lm: LineMap,
  line: (x: T) => number,
  label: (x: T) => string,
  noun: string,
): void {
  for (const g of gaps(ops)) {
    const n = Math.min(g.deletes.length, g.inserts.length);
    for (let i = 0; i < n; i++) {
      const s = src[g.deletes[i]!]!;
      const t = tgt[g.inserts[i]!]!;
      r.add(rule, line(t), `${noun} ${label(t)} should be ${label(s)} (English line ${line(s)})`);
    }
    for (const d of g.deletes.slice(n)) {
      const s = src[d]!;
      r.add(rule, lm.map(line(s)), `${noun} ${label(s)} missing (English line ${line(s)})`);
    }
    for (const i of g.inserts.slice(n)) {
      const t = tgt[i]!;
      r.add(rule, line(t), `${noun} ${label(t)} is not in the English page`);
    }
  }
}

function importRules(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const ops = align(source.imports, target.imports, (a, b) => (a.normalized === b.normalized ? 1 : 0));
  reportSequence(r, 'mdx-imports', source.imports, target.imports, ops, lm, (x) => x.line, (x) => code(x.text), 'statement');
}

function jsxRules(source: PageModel, target: PageModel, lm: LineMap, options: PageCheckOptions, r: Reporter): void {
  const prose = new Set(options.proseProps ?? DEFAULT_PROSE_PROPS);
  const ops = align(source.jsx, target.jsx, (a, b) => (a.name === b.name ? 1 : 0));
  reportSequence(r, 'jsx-components', source.jsx, target.jsx, ops, lm, (x) => x.line, (x) => code(`<${x.name}>`), 'component');
  for (const op of ops) {
    if (op.kind !== 'match') continue;
    const s = source.jsx[op.a]!;
    const t = target.jsx[op.b]!;
    const tAttrs = new Map(t.attrs.map((a) => [a.name === '{...}' ? `{...${a.value}}` : a.name, a] as const));
    const sNames = new Set<string>();
    for (const a of s.attrs) {
      const key = a.name === '{...}' ? `{...${a.value}}` : a.name;
      sNames.add(key);
      const ta = tAttrs.get(key);
      if (!ta) {
        r.add('jsx-props', t.line, `prop ${code(a.name === '{...}' ? `{${a.value}}` : a.name)} of ${code(`<${s.name}>`)} missing`);
        continue;
      }
      if (prose.has(a.name)) continue;
      if (a.kind !== ta.kind || a.value !== ta.value) {
        r.add('jsx-props', ta.line, `prop ${code(a.name)} of ${code(`<${s.name}>`)} must not change: expected ${code(showAttr(a))}, found ${code(showAttr(ta))}`);
      }
    }
    for (const [key, ta] of tAttrs) {
      if (!sNames.has(key)) r.add('jsx-props', ta.line, `prop ${code(ta.name === '{...}' ? `{${ta.value}}` : ta.name)} of ${code(`<${t.name}>`)} is not in the English page`);
    }
  }
}

function showAttr(a: { kind: string; value: string }): string {
  if (a.kind === 'literal') return JSON.stringify(a.value);
  if (a.kind === 'boolean') return '(boolean)';
  return `{${a.value}}`;
}

// ---------------------------------------------------------------- code blocks

function codeRules(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const S = source.codeBlocks;
  const T = target.codeBlocks;
  let pairs: { a: number; b: number }[];
  if (S.length === T.length) pairs = S.map((_, i) => ({ a: i, b: i }));
  else {
    const ops = align(S, T, (a, b) => (a.lang === b.lang ? (a.meta === b.meta ? 3 : 2) + (a.value === b.value ? 1 : 0) : 0));
    pairs = [];
    for (const op of ops) {
      if (op.kind === 'match') pairs.push({ a: op.a, b: op.b });
      else if (op.kind === 'delete') {
        const s = S[op.a]!;
        r.add('code-block-count', lm.map(s.line), `code block ${fence(s)} missing (English line ${s.line}); the English page has ${S.length} code blocks, this one ${T.length}`);
      } else {
        const t = T[op.b]!;
        r.add('code-block-count', t.line, `code block ${fence(t)} is not in the English page (${S.length} code blocks there, ${T.length} here)`);
      }
    }
  }
  for (const { a, b } of pairs) {
    const s = S[a]!;
    const t = T[b]!;
    if (s.lang !== t.lang || squash(s.meta) !== squash(t.meta)) {
      r.add('code-block-lang', t.line, `code block opens with ${fence(t)}, the English one with ${fence(s)}`);
    }
    if (JSON_LANGS.has(s.lang.toLowerCase())) jsonBlock(s, t, r);
    else textBlock('code-content', s, t, r);
  }
}

function fence(c: CodeBlockInfo): string {
  return '"```' + [c.lang, c.meta].filter(Boolean).join(' ') + '"';
}

function jsonBlock(s: CodeBlockInfo, t: CodeBlockInfo, r: Reporter): void {
  const offset = t.contentLine - 1;
  let lenient = false;
  let src = parseJson(s.value);
  if (!src.ok) {
    lenient = true;
    src = parseJson(s.value, { lenient: true });
  }
  if (!src.ok) {
    // the English example is not JSON: compare it as text
    textBlock('code-json', s, t, r);
    return;
  }
  const tgt = parseJson(t.value, { lenient, lineOffset: offset });
  if (!tgt.ok) {
    r.add('code-json', tgt.error.line, `JSON example no longer parses (column ${tgt.error.column}): ${tgt.error.message}`);
    return;
  }
  for (const d of compareJson(src.node, tgt.node)) r.add('code-json', d.line, d.message);
}

function textBlock(rule: RuleId, s: CodeBlockInfo, t: CodeBlockInfo, r: Reporter): void {
  const norm = (v: string): string[] => {
    const ls = v.split('\n').map((l) => l.trimEnd());
    while (ls.length && ls[ls.length - 1] === '') ls.pop();
    return ls;
  };
  const a = norm(s.value);
  const b = norm(t.value);
  if (a.length === b.length && a.every((l, i) => l === b[i])) return;
  const d = diffLines(a, b);
  let reported = 0;
  for (let i = 0; i < d.length && reported < 5; i++) {
    if (d[i]!.kind === ' ') continue;
    let j = i;
    while (j < d.length && d[j]!.kind !== ' ') j++;
    const hunk = d.slice(i, j);
    const removed = hunk.filter((h) => h.kind === '-');
    const added = hunk.filter((h) => h.kind === '+');
    let newLine = added[0]?.newLine;
    if (newLine === undefined) {
      for (let k = i - 1; k >= 0; k--) if (d[k]!.newLine !== undefined) {
        newLine = d[k]!.newLine;
        break;
      }
    }
    const line = t.contentLine + (newLine ?? 1) - 1;
    const what = removed.length && added.length
      ? `expected ${code(removed[0]!.text)}, found ${code(added[0]!.text)}`
      : removed.length ? `line ${code(removed[0]!.text)} missing` : `extra line ${code(added[0]!.text)}`;
    r.add(rule, line, `code differs from the English block (English line ${s.contentLine + (removed[0]?.oldLine ?? 1) - 1}): ${what}`);
    reported++;
    i = j;
  }
}

// ---------------------------------------------------------------- inline code

function inlineCodeRule(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const count = (xs: readonly { value: string }[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x.value, (m.get(x.value) ?? 0) + 1);
    return m;
  };
  const cs = count(source.inlineCodes);
  const ct = count(target.inlineCodes);
  const delta = new Map<string, number>(); // target - source
  for (const [v, n] of ct) delta.set(v, n - (cs.get(v) ?? 0));
  for (const [v, n] of cs) if (!ct.has(v)) delta.set(v, -n);
  if ([...delta.values()].every((d) => d === 0)) return;
  const ops = align(source.inlineCodes, target.inlineCodes, (a, b) => (a.value === b.value ? 1 : 0));
  const surplus = new Map(delta);
  const missing: { value: string; line: number; mapped: number }[] = [];
  const extra: { value: string; line: number }[] = [];
  for (const op of ops) {
    if (op.kind === 'delete') {
      const s = source.inlineCodes[op.a]!;
      const d = surplus.get(s.value) ?? 0;
      if (d < 0) {
        surplus.set(s.value, d + 1);
        missing.push({ value: s.value, line: s.line, mapped: lm.map(s.line) });
      }
    } else if (op.kind === 'insert') {
      const t = target.inlineCodes[op.b]!;
      const d = surplus.get(t.value) ?? 0;
      if (d > 0) {
        surplus.set(t.value, d - 1);
        extra.push(t);
      }
    }
  }
  // deficits that the alignment matched elsewhere (reordering): report the last occurrences
  for (const [v, d] of surplus) {
    if (d < 0) {
      const occ = source.inlineCodes.filter((s) => s.value === v).slice(d);
      for (const s of occ) missing.push({ value: v, line: s.line, mapped: lm.map(s.line) });
    } else if (d > 0) {
      for (const t of target.inlineCodes.filter((x) => x.value === v).slice(-d)) extra.push(t);
    }
  }
  const usedExtra = new Set<number>();
  for (const m of missing) {
    const k = extra.findIndex((x, i) => !usedExtra.has(i) && x.line === m.mapped);
    if (k >= 0) {
      usedExtra.add(k);
      r.add('inline-code', m.mapped, `inline code ${code(extra[k]!.value)} altered: the English page has ${code(m.value)} (English line ${m.line})`);
    } else {
      r.add('inline-code', m.mapped, `inline code ${code(m.value)} missing (English line ${m.line}; it appears ${cs.get(m.value) ?? 0}× there, ${ct.get(m.value) ?? 0}× here)`);
    }
  }
  extra.forEach((x, i) => {
    if (!usedExtra.has(i)) r.add('inline-code', x.line, `inline code ${code(x.value)} is not in the English page (${cs.get(x.value) ?? 0}× there, ${ct.get(x.value) ?? 0}× here)`);
  });
}

// ---------------------------------------------------------------- tables

function firstCells(t: TableInfo): string[] {
  return t.rows.map((row) => squash(row.cells[0] ?? ''));
}

function tableRules(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const S = source.tables;
  const T = target.tables;
  const ops = align(S, T, (a, b) => {
    const fa = new Set(firstCells(a));
    const shared = firstCells(b).filter((c) => fa.has(c)).length;
    return 1 + shared / Math.max(1, a.rows.length) + (a.columns === b.columns ? 0.5 : 0);
  });
  for (const op of ops) {
    if (op.kind === 'delete') {
      const s = S[op.a]!;
      r.add('table-count', lm.map(s.startLine), `table missing (English line ${s.startLine}, first rows ${firstCells(s).slice(0, 3).map(code).join(', ')}); the English page has ${S.length} tables, this one ${T.length}`);
    } else if (op.kind === 'insert') {
      const t = T[op.b]!;
      r.add('table-count', t.startLine, `table is not in the English page (${S.length} tables there, ${T.length} here)`);
    } else compareTable(S[op.a]!, T[op.b]!, r);
  }
}

function compareTable(s: TableInfo, t: TableInfo, r: Reporter): void {
  if (s.delimiter && !t.delimiter) {
    r.add('table-row-malformed', (t.header?.line ?? t.startLine) + 1, 'the `| --- | --- |` delimiter row under the header is missing or broken');
  }
  if (s.columns !== t.columns) {
    r.add('table-shape', t.startLine, `table has ${t.columns} columns, the English table (line ${s.startLine}) has ${s.columns}`);
  }
  const expected = t.columns;
  if (t.header && t.delimiter && t.header.cells.length !== expected) {
    r.add('table-row-malformed', t.header.line, `header row has ${t.header.cells.length} cell(s) but the table has ${expected} columns (a \`|\` separator is missing)`);
  }
  for (const row of t.rows) {
    if (row.cells.length !== expected) {
      r.add('table-row-malformed', row.line, `row has ${row.cells.length} cell(s), the header has ${expected} (a \`|\` separator is missing or extra)`);
    }
  }
  const sf = firstCells(s);
  const tf = firstCells(t);
  const ops = align(sf, tf, (a, b) => (a === b ? 1 : 0));
  const pairs: { a: number; b: number }[] = [];
  for (const op of ops) if (op.kind === 'match') pairs.push({ a: op.a, b: op.b });
  for (const g of gaps(ops)) {
    const n = Math.min(g.deletes.length, g.inserts.length);
    for (let i = 0; i < n; i++) {
      const a = g.deletes[i]!;
      const b = g.inserts[i]!;
      pairs.push({ a, b });
      r.add('table-first-column', t.rows[b]!.line, `first column ${code(tf[b]!)} should be ${code(sf[a]!)} (English line ${s.rows[a]!.line}); parameter and field names are never translated`);
    }
    for (const a of g.deletes.slice(n)) {
      const prevRow = g.before ? t.rows[g.before.b]! : undefined;
      const line = prevRow?.line ?? t.delimiter?.line ?? t.header?.line ?? t.startLine;
      r.add('table-shape', line, `row ${code(sf[a]!)} of the English table (line ${s.rows[a]!.line}) is missing${prevRow ? ' after this row' : ''}`);
    }
    for (const b of g.inserts.slice(n)) {
      r.add('table-shape', t.rows[b]!.line, `row ${code(tf[b]!)} is not in the English table (line ${s.startLine})`);
    }
  }
  // "Type" columns hold identifiers too
  const typeCols = (s.header?.cells ?? []).map((c, i) => (TYPE_HEADERS.has(squash(c).toLowerCase()) && i > 0 ? i : -1)).filter((i) => i > 0);
  for (const col of typeCols) {
    for (const { a, b } of pairs) {
      const sc = s.rows[a]!.cells[col];
      const tc = t.rows[b]!.cells[col];
      if (sc === undefined || tc === undefined || squash(sc) === squash(tc)) continue;
      r.add('table-type-column', t.rows[b]!.line, `type ${code(tc)} should be ${code(sc)} (types are identifiers)`);
    }
  }
}

// ---------------------------------------------------------------- headings

function headingRules(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const S = source.headings;
  const T = target.headings;
  const ops = align(S, T, (a, b) => {
    if (a.depth !== b.depth) return a.section === b.section && a.section !== '' ? 0.5 : 0.25;
    return 2 + (a.section === b.section ? 1 : 0) + (a.endpoint && a.endpoint === b.endpoint ? 1 : 0) + (a.explicitId && a.explicitId === b.explicitId ? 1 : 0);
  });
  const hashes = (d: number): string => '#'.repeat(d);
  for (const op of ops) {
    if (op.kind === 'delete') {
      const s = S[op.a]!;
      r.add('heading-structure', lm.map(s.line), `heading ${code(`${hashes(s.depth)} ${s.text}`)} missing (English line ${s.line})`);
    } else if (op.kind === 'insert') {
      const t = T[op.b]!;
      r.add('heading-structure', t.line, `heading ${code(`${hashes(t.depth)} ${t.text}`)} is not in the English page`);
    } else {
      const s = S[op.a]!;
      const t = T[op.b]!;
      if (s.depth !== t.depth) {
        r.add('heading-structure', t.line, `heading level ${hashes(t.depth)} should be ${hashes(s.depth)} (English line ${s.line}: ${code(s.text)})`);
      }
      if (s.endpoint && !(t.endpoint === s.endpoint || t.text.includes(s.endpoint))) {
        r.add('heading-endpoint', t.line, `endpoint ${code(s.endpoint)} changed to ${code(t.endpoint ?? t.text)}: HTTP methods and paths are never translated`);
      }
    }
  }
}

// ---------------------------------------------------------------- links

export function linkKey(url: string): string {
  const u = url.trim();
  if (u.startsWith('#')) return '#';
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('//')) return u;
  const hash = u.indexOf('#');
  return hash >= 0 ? u.slice(0, hash) : u;
}

function linkRules(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const sk = source.links.map((l) => linkKey(l.url));
  const tk = target.links.map((l) => linkKey(l.url));
  const ops = align(sk, tk, (a, b) => (a === b ? 1 : 0));
  reportSequence(r, 'link-targets', source.links, target.links, ops, lm, (x) => x.line, (x) => code(x.url), 'link target');
  const brokenInSource = new Set(
    source.links.filter((l) => l.url.startsWith('#') && !source.slugs.has(decode(l.url.slice(1)))).map((l) => l.url),
  );
  for (const l of target.links) {
    if (!l.url.startsWith('#') || l.url === '#') continue;
    const id = decode(l.url.slice(1));
    if (target.slugs.has(id) || brokenInSource.has(l.url)) continue;
    const near = [...target.slugs].slice(0, 8).map((x) => '#' + x).join(', ');
    r.add('link-anchor', l.line, `anchor ${code(l.url)} matches no heading of this page (headings here: ${near || 'none'})`);
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------- admonitions

function admonitionRule(source: PageModel, target: PageModel, lm: LineMap, r: Reporter): void {
  const ops = align(source.admonitions, target.admonitions, (a, b) => (a.keyword === b.keyword ? 1 : 0));
  reportSequence(r, 'admonitions', source.admonitions, target.admonitions, ops, lm, (x) => x.line, (x) => code(':::' + x.keyword), 'admonition');
}

// ---------------------------------------------------------------- language

function languageRule(target: PageModel, locale: string, r: Reporter): void {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? locale;
  if (!(lang in LANGUAGE_NAMES) || lang === 'en' && locale === 'en') return;
  for (const p of target.prose) {
    const v = wrongLanguage(p.text, lang);
    if (!v) continue;
    const what = v.detected === 'en' ? 'still in English (untranslated)' : `in ${LANGUAGE_NAMES[v.detected]}`;
    r.add('language', p.line, `text seems ${what}, expected ${LANGUAGE_NAMES[lang] ?? lang}: ${code(truncate(p.text.trim(), 50))} (stop words: ${Object.entries(v.scores).filter(([, n]) => n > 0).map(([k, n]) => `${k}=${n}`).join(' ')})`);
  }
}
