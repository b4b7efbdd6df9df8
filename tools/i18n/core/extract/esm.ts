/**
 * Imports and exports of an MDX page. ESM blocks are read line by line (acorn is costly): from
 * an `import`/`export` line at column 0 after a blank line to the next blank line. Blocks of a
 * translation are only read so when they are trusted (identical to an English block, known to
 * parse); the others are left to the MDX parser, which reports their syntax errors.
 */
import type { Fence } from '../../../../src/lib/markdown/fences';
import type { ImportInfo } from '../pageModel';
import type { ParsedBody } from './tree';
import { span } from './tree';

export interface EsmBlock {
  /** 1-based first and last line. */
  start: number;
  end: number;
  text: string;
}

/** Take the trusted ESM blocks out of `body` (blanked there) and return them. */
export function takeEsmBlocks(body: string[], from: number, fences: readonly Fence[], trusted: 'all' | ReadonlySet<string>): EsmBlock[] {
  const out: EsmBlock[] = [];
  const fenceLine = new Uint8Array(body.length + 2);
  for (const f of fences) for (let k = f.open; k <= f.close; k++) fenceLine[k] = 1;
  for (let i = from; i < body.length; i++) {
    const l = body[i] as string;
    if (fenceLine[i] || !/^(?:import|export)\b/.test(l) || (i > 0 && (body[i - 1] as string).trim() !== '')) continue;
    let j = i;
    while (j + 1 < body.length && (body[j + 1] as string).trim() !== '' && !fenceLine[j + 1]) j++;
    const text = body.slice(i, j + 1).join('\n');
    if (trusted === 'all' || trusted.has(normalizeStatement(text))) {
      out.push({ start: i + 1, end: j + 1, text });
      for (let k = i; k <= j; k++) body[k] = '';
    }
    i = j;
  }
  return out;
}

/**
 * The statements of the page (line-read blocks, then the parser's `mdxjsEsm` nodes, in line
 * order), and the normalised text of every ESM block (to trust identical blocks of a translation).
 */
export function extractImports(blocks: readonly EsmBlock[], tree: ParsedBody): { imports: ImportInfo[]; esmBlocks: string[] } {
  const imports: ImportInfo[] = [];
  for (const b of blocks) splitStatements(b.text, b.start, imports);
  for (const { node } of tree.nodes) if (node.type === 'mdxjsEsm') splitStatements(String(node.value ?? ''), span(node).start, imports);
  imports.sort((a, b) => a.line - b.line);
  const esmBlocks = blocks.map((b) => normalizeStatement(b.text));
  for (const c of tree.root.children ?? []) if (c.type === 'mdxjsEsm') esmBlocks.push(normalizeStatement(String(c.value ?? '')));
  return { imports, esmBlocks };
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

/** A statement without comments, quotes unified, whitespace squashed: equal statements compare equal. */
export function normalizeStatement(s: string): string {
  return s
    .replace(/\/\/.*$/gm, '')
    .replace(/'/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{},;])\s*/g, '$1')
    .replace(/;$/, '')
    .trim();
}
