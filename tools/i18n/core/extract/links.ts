/**
 * Link targets of a page, in line order: inline links, bare URLs outside links, the links of
 * the line-read table rows, and reference links resolved through their definitions (at the
 * definition's line, where the target is written).
 */
import type { LinkInfo } from '../pageModel';
import { BARE_URL, bareUrl } from './inline';
import { plainText, type WalkedNode } from './tree';

export function extractLinks(nodes: readonly WalkedNode[], tableLinks: readonly LinkInfo[]): LinkInfo[] {
  const out: LinkInfo[] = [];
  const definitions = new Map<string, { url: string; line: number }>();
  const refs: { id: string; line: number; text: string }[] = [];
  for (const { node, line, inLink } of nodes) {
    if (node.type === 'text') {
      const v = String(node.value ?? '');
      if (!inLink && (v.includes('://') || v.includes('www.'))) {
        for (const m of v.matchAll(BARE_URL)) out.push({ url: bareUrl(m[0]), line, text: m[0] });
      }
    } else if (node.type === 'link') out.push({ url: node.url ?? '', line, text: plainText(node) });
    else if (node.type === 'linkReference') refs.push({ id: (node.identifier ?? '').toLowerCase(), line, text: plainText(node) });
    else if (node.type === 'definition') definitions.set((node.identifier ?? '').toLowerCase(), { url: node.url ?? '', line });
  }
  out.push(...tableLinks);
  // a reference link's target is written (and translated by mistake) at its definition
  for (const r of refs) {
    const d = definitions.get(r.id);
    if (d !== undefined) out.push({ url: d.url, line: d.line, text: r.text });
  }
  return out.sort((a, b) => a.line - b.line);
}
