/**
 * Link targets of a page, in line order: inline links, bare URLs outside links, the links of
 * the line-read table rows, and reference links resolved through their definitions.
 */
import type { LinkInfo } from '../pageModel';
import { BARE_URL, bareUrl } from './inline';
import { plainText, type WalkedNode } from './tree';

export function extractLinks(nodes: readonly WalkedNode[], tableLinks: readonly LinkInfo[]): LinkInfo[] {
  const out: LinkInfo[] = [];
  const definitions = new Map<string, string>();
  const refs: { id: string; line: number; text: string }[] = [];
  for (const { node, line, inLink } of nodes) {
    if (node.type === 'text') {
      const v = String(node.value ?? '');
      if (!inLink && (v.includes('://') || v.includes('www.'))) {
        for (const m of v.matchAll(BARE_URL)) out.push({ url: bareUrl(m[0]), line, text: m[0] });
      }
    } else if (node.type === 'link') out.push({ url: node.url ?? '', line, text: plainText(node) });
    else if (node.type === 'linkReference') refs.push({ id: (node.identifier ?? '').toLowerCase(), line, text: plainText(node) });
    else if (node.type === 'definition') definitions.set((node.identifier ?? '').toLowerCase(), node.url ?? '');
  }
  out.push(...tableLinks);
  for (const r of refs) {
    const url = definitions.get(r.id);
    if (url !== undefined) out.push({ url, line: r.line, text: r.text });
  }
  return out.sort((a, b) => a.line - b.line);
}
