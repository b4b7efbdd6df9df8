/**
 * Headings of a page: level, text, the slug Docusaurus gives them (explicit ids `{#id}` and
 * `{/* #id *\/}` included), the endpoint they name, and the structural signature of the
 * section below each one (for aligning the headings of a translation).
 */
import type { Block, HeadingInfo } from '../pageModel';
import { parseHeadingId, Slugger } from '../slug';
import { squash } from '../text';
import { textOf, type MNode, type WalkedNode } from './tree';

const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT)\s+(\/[^\s`'"()<>]*)/;

/** `GET /contacts` when the text names an endpoint. */
export function findEndpoint(text: string): string | undefined {
  const m = ENDPOINT.exec(text);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/** The headings (sections not yet known: see `assignSections`) and the set of their slugs. */
export function extractHeadings(nodes: readonly WalkedNode[]): { headings: HeadingInfo[]; slugs: Set<string> } {
  const headings: HeadingInfo[] = [];
  const slugs = new Set<string>();
  const slugger = new Slugger();
  for (const { node, line } of nodes) {
    if (node.type !== 'heading') continue;
    const { text: headingText, commentId } = headingTextOf(node);
    let explicitId = commentId;
    let textForSlug = headingText;
    if (!explicitId) {
      const parsed = parseHeadingId(headingText);
      if (parsed.id) {
        explicitId = parsed.id;
        textForSlug = parsed.text;
      }
    } else {
      textForSlug = headingText.trimEnd();
    }
    const slug = explicitId ? slugger.reserve(explicitId) : slugger.slug(textForSlug);
    slugs.add(slug);
    const endpoint = findEndpoint(textForSlug);
    headings.push({
      depth: node.depth ?? 1,
      text: squash(textForSlug),
      line,
      slug,
      ...(explicitId ? { explicitId } : {}),
      ...(endpoint ? { endpoint } : {}),
      section: '',
    });
  }
  return { headings, slugs };
}

/** Set each heading's section signature: the non-prose top-level blocks up to the next heading. */
export function assignSections(headings: readonly HeadingInfo[], blocks: readonly Block[]): void {
  const headingByLine = new Map(headings.map((h) => [h.line, h] as const));
  let current: HeadingInfo | undefined;
  const sectionParts: string[] = [];
  const flush = (): void => {
    if (current) current.section = sectionParts.join(',');
    sectionParts.length = 0;
  };
  for (const b of blocks) {
    if (b.sig.startsWith('h')) {
      flush();
      current = headingByLine.get(b.start);
    } else if (b.sig !== 'prose') sectionParts.push(b.sig);
  }
  flush();
}

function headingTextOf(node: MNode): { text: string; commentId?: string } {
  const children = (node.children ?? []).filter((c) => c.type !== 'html' && c.type !== 'mdxJsxTextElement');
  let commentId: string | undefined;
  const last = children[children.length - 1];
  if (last && last.type === 'mdxTextExpression') {
    const m = /^\s*\/\*\s*#(\S+?)(?:\s[^]*)?\*\/\s*$/.exec(String(last.value ?? ''));
    if (m && m[1]) commentId = m[1];
  }
  const text = children.map(textOf).join('');
  return commentId ? { text, commentId } : { text };
}
