/**
 * What a Markdown page is made of, read back with a plain CommonMark + GFM parser (no
 * MDX), for the test that compares every page's Markdown with its HTML page
 * (e2e/markdown.spec.ts): its tables (cell text), its code blocks (language and text)
 * in order, its links, and anything left of MDX (JSX, `import`/`export`, `{/* … *\/}`).
 * Pure.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface MarkdownFacts {
  /** Each table as rows of cell texts (white space collapsed). */
  tables: string[][][];
  /** Code blocks in document order. */
  code: Array<{ lang: string; value: string }>;
  /** Link and image URLs in document order (definitions included). */
  links: string[];
  /** What an MDX page would have and a Markdown page must not: one line each. */
  leftovers: string[];
}

/** White space as a reader sees it: runs collapsed, ends trimmed. */
export function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Inline HTML a Markdown page may hold: a line break. */
const ALLOWED_HTML = /^<br\s*\/?>$/i;

export function markdownFacts(markdown: string): MarkdownFacts {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const facts: MarkdownFacts = { tables: [], code: [], links: [], leftovers: [] };
  visit(tree, (node) => {
    const n = node as RootContent;
    switch (n.type) {
      case 'table':
        facts.tables.push(
          n.children.map((row) =>
            row.children.map((cell) => {
              // A <br> in a cell reads as a space, as the HTML cell's text does.
              const copy = structuredClone(cell);
              visit(copy, 'html', (h) => {
                if (ALLOWED_HTML.test(h.value.trim())) h.value = ' ';
              });
              return cellText(toString(copy, { includeHtml: true }));
            }),
          ),
        );
        return;
      case 'code':
        facts.code.push({ lang: n.lang ?? '', value: n.value });
        return;
      case 'link':
      case 'image':
      case 'definition':
        facts.links.push(n.url);
        return;
      case 'html':
        if (!ALLOWED_HTML.test(n.value.trim())) facts.leftovers.push(`HTML/JSX: ${n.value.slice(0, 80)}`);
        return;
      case 'paragraph': {
        const text = toString(n);
        if (/^(import|export)\s[^\n]*(from\s|=|\{)/.test(text)) facts.leftovers.push(`ESM: ${text.slice(0, 80)}`);
        return;
      }
      case 'text':
        if (/\{\/\*|\*\/\}/.test(n.value)) facts.leftovers.push(`MDX comment: ${n.value.slice(0, 80)}`);
        if (/<\/?[A-Z][\w.]*[\s/>]/.test(n.value)) facts.leftovers.push(`JSX: ${n.value.slice(0, 80)}`);
        return;
      default:
        return;
    }
  });
  return facts;
}
