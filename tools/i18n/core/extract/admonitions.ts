/**
 * Admonitions (`:::note`, `:::tip[Title]`, also inside block quotes), read line by line outside
 * front matter, code and ESM.
 */
import type { AdmonitionInfo } from '../pageModel';
import type { EsmBlock } from './esm';
import { span, type ParsedBody } from './tree';

export function extractAdmonitions(lines: readonly string[], frontMatterLastLine: number, esm: readonly EsmBlock[], tree: ParsedBody): AdmonitionInfo[] {
  const excluded = new Uint8Array(lines.length + 2);
  for (let i = 1; i <= frontMatterLastLine; i++) excluded[i] = 1;
  for (const b of esm) for (let i = b.start; i <= b.end; i++) excluded[i] = 1;
  for (const { node } of tree.nodes) {
    if (node.type !== 'code' && node.type !== 'mdxjsEsm') continue;
    const { start, end } = span(node);
    for (let i = start; i <= end; i++) excluded[i] = 1;
  }
  const out: AdmonitionInfo[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (excluded[i + 1]) continue;
    const m = /^\s*(?:>\s*)*:{3,}([A-Za-z][\w-]*)/.exec(lines[i] as string);
    if (m && m[1]) out.push({ keyword: m[1], line: i + 1 });
  }
  return out;
}
