/**
 * Prose of a page, for the language rule: paragraphs outside tables (without code, JSX
 * attributes or expressions), the prose columns of each table, and the `description` of the
 * front matter, in line order.
 */
import type { TableInfo } from '../../../../src/lib/markdown/tables';
import type { FrontMatter } from '../frontmatter';
import { proseOnly } from '../language';
import type { ProseUnit } from '../pageModel';
import { span, type MNode, type WalkedNode } from './tree';

export function extractProse(nodes: readonly WalkedNode[], lines: readonly string[], tables: readonly TableInfo[], frontMatter: FrontMatter): ProseUnit[] {
  const out: ProseUnit[] = [];
  const inTable = new Uint8Array(lines.length + 2);
  for (const t of tables) for (let i = t.startLine; i <= t.endLine; i++) inTable[i] = 1;
  for (const { node, line: start } of nodes) {
    if (node.type !== 'paragraph' || inTable[start]) continue;
    const t = proseOnly(proseText(node));
    if (!t.trim()) continue;
    // an admonition marker (`:::tip`) opening the paragraph is not prose
    const end = span(node).end;
    let line = start;
    while (line < end && /^\s*(?:>\s*)*:{3,}[\w[\]\s-]*$/.test(lines[line - 1] ?? '')) line++;
    out.push({ text: t, line });
  }
  for (const t of tables) {
    const parts: string[] = [];
    // prose columns only: not the first one, and not columns of single tokens (types, codes)
    const proseCols = new Set<number>();
    for (const r of t.rows) r.cells.forEach((c, i) => {
      if (i > 0 && /\S+\s+\S+\s+\S+/.test(c)) proseCols.add(i);
    });
    for (const r of t.rows) parts.push(...r.cells.filter((_, i) => proseCols.has(i)).map(proseOnly));
    const joined = parts.join(' . ');
    if (joined.trim()) out.push({ text: joined, line: t.rows[0]?.line ?? t.startLine });
  }
  const desc = frontMatter.keys.find((k) => k.key === 'description');
  if (desc && typeof desc.value === 'string') out.push({ text: desc.value, line: desc.line });
  return out.sort((a, b) => a.line - b.line);
}

/** Text of a paragraph for the language check: no code, no JSX attributes, no expressions. */
function proseText(n: MNode): string {
  if (n.type === 'text') return String(n.value ?? '');
  if (n.type === 'inlineCode' || n.type === 'code' || n.type.startsWith('mdx') && !n.type.startsWith('mdxJsx')) return ' ';
  return (n.children ?? []).map(proseText).join(n.type === 'paragraph' ? '' : ' ');
}
