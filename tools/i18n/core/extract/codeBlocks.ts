/**
 * Code blocks of a page (fenced and indented): language, meta, content and lines. The content
 * of a fenced block is taken from the page lines (the parser saw it blanked).
 */
import type { Fence } from '../../../../src/lib/markdown/fences';
import type { CodeBlockInfo } from '../pageModel';
import { span, type ParsedBody } from './tree';

export function extractCodeBlocks(tree: ParsedBody, lines: readonly string[], fences: readonly Fence[]): CodeBlockInfo[] {
  const fenceByOpen = new Map<number, Fence>();
  for (const f of fences) fenceByOpen.set(f.open + 1, f);
  const out: CodeBlockInfo[] = [];
  for (const { node } of tree.nodes) {
    if (node.type !== 'code') continue;
    const { start, end } = span(node);
    const first = (lines[start - 1] ?? '').replace(/^[\s>]*/, '');
    const fenced = first.startsWith('```') || first.startsWith('~~~');
    const f = fenceByOpen.get(start);
    const value = f && f.close + 1 === end
      ? lines.slice(f.open + 1, f.close).map((l) => stripIndent(l, f.indent)).join('\n')
      : String(node.value ?? '');
    out.push({ lang: node.lang ?? '', meta: node.meta ?? '', value, line: start, endLine: end, contentLine: fenced ? start + 1 : start, fenced });
  }
  // after a failed MDX parse the CommonMark fallback sees indented JSX as indented code: ignore those
  return tree.syntaxError ? out.filter((c) => c.fenced) : out;
}

function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}
