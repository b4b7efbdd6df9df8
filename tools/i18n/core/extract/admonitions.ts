/**
 * Admonitions (`:::note`, `:::tip[Title]`, also inside block quotes) and their closing `:::`
 * fences, read line by line outside front matter, code and ESM, and nested as Docusaurus
 * (remark-directive) nests them: a closing fence closes the outermost open admonition whose
 * opening fence is not longer than it, and every admonition opened inside that one with it
 * (which are then never closed on their own). That is why an outer admonition needs more
 * colons than the ones inside it.
 */
import type { AdmonitionInfo } from '../pageModel';
import type { EsmBlock } from './esm';
import { span, type ParsedBody } from './tree';

export interface Admonitions {
  admonitions: AdmonitionInfo[];
  /** Lines of closing fences that close nothing. */
  strayClosings: number[];
}

const OPEN = /^\s*(?:>\s*)*(:{3,})([A-Za-z][\w-]*)/;
const CLOSE = /^\s*(?:>\s*)*(:{3,})\s*$/;

export function extractAdmonitions(lines: readonly string[], frontMatterLastLine: number, esm: readonly EsmBlock[], tree: ParsedBody): Admonitions {
  const excluded = new Uint8Array(lines.length + 2);
  for (let i = 1; i <= frontMatterLastLine; i++) excluded[i] = 1;
  for (const b of esm) for (let i = b.start; i <= b.end; i++) excluded[i] = 1;
  for (const { node } of tree.nodes) {
    if (node.type !== 'code' && node.type !== 'mdxjsEsm') continue;
    const { start, end } = span(node);
    for (let i = start; i <= end; i++) excluded[i] = 1;
  }
  const out: AdmonitionInfo[] = [];
  const strayClosings: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (excluded[i + 1]) continue;
    const line = lines[i] as string;
    if (!line.includes(':::')) continue;
    const o = OPEN.exec(line);
    if (o && o[1] && o[2]) {
      const parent = open[open.length - 1];
      out.push({ keyword: o[2], line: i + 1, colons: o[1].length, ...(parent !== undefined ? { parent } : {}) });
      open.push(out.length - 1);
      continue;
    }
    const c = CLOSE.exec(line);
    if (!c || !c[1]) continue;
    const n = c[1].length;
    const k = open.findIndex((idx) => (out[idx] as AdmonitionInfo).colons <= n);
    if (k < 0) {
      strayClosings.push(i + 1);
      continue;
    }
    (out[open[k] as number] as AdmonitionInfo).closeLine = i + 1;
    open.length = k;
  }
  return { admonitions: out, strayClosings };
}
