/** Inline code spans of a page (the parser's, and those of the line-read table rows), in line order. */
import type { InlineCodeInfo } from '../pageModel';
import type { WalkedNode } from './tree';

export function extractInlineCodes(nodes: readonly WalkedNode[], tableCodes: readonly InlineCodeInfo[]): InlineCodeInfo[] {
  const out: InlineCodeInfo[] = [];
  for (const { node, line } of nodes) if (node.type === 'inlineCode') out.push({ value: String(node.value ?? ''), line });
  out.push(...tableCodes);
  return out.sort((a, b) => a.line - b.line);
}
