/**
 * Top-level blocks of a page with a structural signature (`h2`, `code:json`, `table`,
 * `jsx:RequestTabs`, `prose`, ...), in line order: the units by which a translation is aligned
 * with its English page.
 */
import type { TableInfo } from '../../../../src/lib/markdown/tables';
import type { Block } from '../pageModel';
import type { EsmBlock } from './esm';
import { span, type MNode, type ParsedBody } from './tree';

export function extractBlocks(tree: ParsedBody, esm: readonly EsmBlock[], tables: readonly TableInfo[]): Block[] {
  const blocks: Block[] = [];
  for (const c of tree.root.children ?? []) {
    const sig = blockSig(c);
    if (sig) blocks.push({ sig, ...span(c) });
  }
  for (const b of esm) blocks.push({ sig: 'esm', start: b.start, end: b.end });
  if (esm.length) blocks.sort((a, b) => a.start - b.start);
  if (tables.length === 0) return blocks;
  // tables are read line by line (broken ones too): they replace what the parser made of them
  const out = blocks.filter((b) => !tables.some((t) => t.startLine <= b.end && t.endLine >= b.start));
  for (const t of tables) out.push({ sig: 'table', start: t.startLine, end: t.endLine });
  return out.sort((a, b) => a.start - b.start);
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
