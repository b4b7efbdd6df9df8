/** JSX elements of an MDX page (flow and text), in document order, with their attributes. */
import type { JsxAttr, JsxInfo } from '../pageModel';
import { squash } from '../text';
import type { MNode, WalkedNode } from './tree';

export function extractJsx(nodes: readonly WalkedNode[]): JsxInfo[] {
  const out: JsxInfo[] = [];
  for (const { node, line } of nodes) {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') out.push({ name: node.name ?? '<>', line, attrs: attrsOf(node, line) });
  }
  return out;
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
