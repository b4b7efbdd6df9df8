/**
 * Prepares a built doc page for Pagefind: marks the Markdown content as the part
 * to index (`data-pagefind-body`; navbar, sidebar, breadcrumbs, table of contents
 * and footer stay out) and adds the page's sidebar label and spec keywords as
 * searchable metadata, which never shows in excerpts. EXCLUDED lists what is
 * dropped inside the content. Pure: string in, string out.
 */

/** Inside the content, left out of the index (and so out of excerpts). */
export const EXCLUDED = [
  // Code blocks: JSON examples and the nine-language snippets (RequestTabs renders them in Tabs).
  'pre',
  '.tabs-container',
  // The RequestTabs region: method badge, base URL, the Try it button.
  'section[aria-label]',
  // The "#" permalink next to each heading.
  '.hash-link',
] as const;

/** Metadata keys the box ranks on (pagefind `ranking.metaWeights`). */
export const META_WEIGHTS = { title: 6, label: 6, keywords: 3 } as const;

function attr(value: string): string {
  // Pagefind splits `data-pagefind-meta` on commas: a value carries none.
  return value
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const CONTENT = /<div\b[^>]*\bclass="?[^">]*\btheme-doc-markdown\b[^>]*>/;
const ARTICLE = /<article\b[^>]*>/;

/**
 * The page with `data-pagefind-body` on its Markdown content and hidden metadata
 * elements (`label`, `keywords`) at the start of it. Throws when the page has no
 * doc content: the builder only sends doc pages, so that is a theme change to look at.
 */
export function prepareHtml(html: string, meta: { label?: string; keywords: readonly string[] }): string {
  const match = CONTENT.exec(html) ?? ARTICLE.exec(html);
  if (!match) throw new Error('No doc content (.theme-doc-markdown or <article>) in the page');
  const open = match[0];
  const marked = open.replace(/>$/, ' data-pagefind-body>');
  // The minified HTML leaves out closing tags and the spaces between table cells and
  // list items: without a space, Pagefind would read `team_uuid` + `string` as one word.
  const spaced = (text: string) => text.replace(/<(td|th|tr|li|dt|dd|br)\b/gi, ' <$1');
  const spans = [
    meta.label ? `<span hidden data-pagefind-meta="label:${attr(meta.label)}"></span>` : '',
    meta.keywords.length ? `<span hidden data-pagefind-meta="keywords:${attr(meta.keywords.join(' '))}"></span>` : '',
  ].join('');
  return html.slice(0, match.index) + marked + spans + spaced(html.slice(match.index + open.length));
}

/** The words of `candidates` that the page's content mentions (code blocks left out), e.g. error codes a guide explains. */
export function mentions(html: string, candidates: readonly string[]): string[] {
  const match = CONTENT.exec(html) ?? ARTICLE.exec(html);
  if (!match) return [];
  const end = html.indexOf('</article>', match.index);
  const text = html
    .slice(match.index, end === -1 ? undefined : end)
    .replace(/<pre\b[\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return candidates.filter((word) => new RegExp(`(^|[^\\w])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(text));
}
