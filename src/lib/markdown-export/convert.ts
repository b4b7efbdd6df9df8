/**
 * One doc page's MDX source -> clean Markdown for people and assistants: the title and
 * description, then the page's own text with its headings, tables and code blocks as
 * the author wrote them. Pure (string in, string out; the caller hands in how links and
 * `<RequestTabs/>` resolve).
 *
 * The source is parsed as Docusaurus reads it (MDX, GFM, directives) and re-emitted
 * from the source text itself, so everything not listed here keeps its exact spelling:
 * - front matter, `import`/`export` lines and `{…}` expressions (comments such as
 *   `{/* #anchor *\/}`) are dropped;
 * - `<RequestTabs …/>` becomes what `requestTabs` returns (the cURL and Python examples);
 * - other JSX: `<a href>` becomes a link, `<br/>` a `<br>`, inline formatting tags their
 *   Markdown, any other element its children (a `<summary>` in bold);
 * - admonitions (`:::note`) become block quotes led by their title, other directives
 *   stay as written;
 * - link and image URLs go through `resolveLink` (doc links to `.md` pages);
 * - code blocks lose Docusaurus's magic comment lines (`// highlight-next-line`), which
 *   the page does not show either.
 */
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { plainText } from './text';

/** The parts of an mdast / mdx node this module reads. */
export interface SourceNode {
  type: string;
  name?: string | null;
  url?: string;
  depth?: number;
  label?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: SourceNode[];
  position?: { start: { offset?: number; line: number; column: number }; end: { offset?: number } };
}

export interface ConvertOptions {
  /** The page title (Docusaurus's: front matter `title`, else the first heading). */
  title: string;
  description?: string;
  /** The Markdown of one `<RequestTabs endpoint request/>` tag; throw to fail the conversion. */
  requestTabs: (endpoint: string, request: string) => string;
  /** The URL a link or image should carry in the Markdown (unchanged when it returns the input). */
  resolveLink: (url: string, kind: 'link' | 'image') => string;
  /** Titles of admonitions by type (`note` -> `Note`), for the locale; English names otherwise. */
  admonitionTitles?: Readonly<Record<string, string>>;
}

const ADMONITIONS = ['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'success', 'secondary'];

const INLINE_MARKS: Readonly<Record<string, string>> = { strong: '**', b: '**', em: '_', i: '_', del: '~~', s: '~~' };

/** A line that is only a Docusaurus magic comment (the default `highlight-…` ones, in any comment syntax). */
const MAGIC_COMMENT = /^[ \t]*(?:\/\/|#|--|%|;|\/\*|<!--|\{\/\*)[ \t]*highlight-(?:next-line|start|end)[ \t]*(?:\*\/\}|\*\/|-->)?[ \t]*$/;

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/** The mdast of an MDX page, as the converter reads it (exported for tests and the page checker). */
export function parseMdx(source: string): SourceNode {
  return parser.parse(source) as unknown as SourceNode;
}

function start(node: SourceNode): number {
  const offset = node.position?.start.offset;
  if (offset === undefined) throw new Error(`A ${node.type} node has no position`);
  return offset;
}

function end(node: SourceNode): number {
  const offset = node.position?.end.offset;
  if (offset === undefined) throw new Error(`A ${node.type} node has no position`);
  return offset;
}

function attribute(node: SourceNode, name: string): string | undefined {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `<` + link destination + `>` when the URL holds characters a bare destination cannot. */
function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

class Emitter {
  constructor(
    private readonly source: string,
    private readonly options: ConvertOptions,
  ) {}

  /** The text of `node` with its children emitted in place. */
  private spliced(node: SourceNode, from = start(node), to = end(node)): string {
    let out = '';
    let cursor = from;
    for (const child of node.children ?? []) {
      if (child.position?.start.offset === undefined) continue;
      out += this.source.slice(cursor, start(child)) + this.emit(child);
      cursor = end(child);
    }
    return out + this.source.slice(cursor, to);
  }

  private children(node: SourceNode): string {
    const kids = (node.children ?? []).filter((c) => c.position?.start.offset !== undefined);
    if (kids.length === 0) return '';
    return this.spliced(node, start(kids[0]!), end(kids[kids.length - 1]!));
  }

  /** The text of a block-level element's children: one block per child, blank lines between. */
  private blocks(node: SourceNode): string {
    return (node.children ?? [])
      .map((child) => this.emit(child).trim())
      .filter(Boolean)
      .join('\n\n');
  }

  /** `](url …)` of a link or image, with the URL resolved; the text part is emitted. */
  private link(node: SourceNode, kind: 'link' | 'image'): string {
    const url = node.url ?? '';
    const resolved = this.options.resolveLink(url, kind);
    const raw = this.source.slice(start(node), end(node));
    if (resolved === url) return kind === 'image' ? raw : this.spliced(node);
    const kids = (node.children ?? []).filter((c) => c.position?.start.offset !== undefined);
    const head = kind === 'link' && kids.length ? this.spliced(node, start(node), end(kids[kids.length - 1]!)) : undefined;
    const tail = head === undefined ? raw : this.source.slice(kids.length ? end(kids[kids.length - 1]!) : start(node), end(node));
    const rewritten = tail.replace(/\]\(\s*(<[^>]*>|[^\s)]*)/, () => `](${destination(resolved)}`);
    return (head ?? '') + rewritten;
  }

  private definition(node: SourceNode): string {
    const url = node.url ?? '';
    const resolved = this.options.resolveLink(url, 'link');
    const raw = this.source.slice(start(node), end(node));
    return resolved === url ? raw : raw.replace(/\]:\s*(<[^>]*>|\S+)/, () => `]: ${destination(resolved)}`);
  }

  private jsx(node: SourceNode, flow: boolean): string {
    const name = node.name ?? '';
    if (name === 'RequestTabs') {
      const endpoint = attribute(node, 'endpoint');
      const request = attribute(node, 'request');
      if (!endpoint || !request) throw new Error('<RequestTabs> needs literal string props endpoint and request');
      return this.options.requestTabs(endpoint, request);
    }
    if (name === 'br') return '<br>';
    const inner = flow ? this.blocks(node) : this.children(node).trim();
    if (name === 'a') {
      const href = attribute(node, 'href');
      return href ? `[${inner}](${destination(this.options.resolveLink(href, 'link'))})` : inner;
    }
    if (name === 'code') return `\`${inner}\``;
    if (name === 'summary') return inner ? `**${inner}**` : '';
    const mark = INLINE_MARKS[name];
    if (mark) return inner ? `${mark}${inner}${mark}` : '';
    return inner;
  }

  private admonition(node: SourceNode): string {
    const name = node.name ?? 'note';
    const kids = node.children ?? [];
    const labelNode = kids[0]?.type === 'paragraph' && (kids[0] as { data?: { directiveLabel?: boolean } }).data?.directiveLabel ? kids[0] : undefined;
    const title = labelNode ? this.children(labelNode).trim() : (this.options.admonitionTitles?.[name] ?? capitalise(name));
    const body = this.blocks({ ...node, children: labelNode ? kids.slice(1) : kids });
    const text = body ? `**${title}:** ${body}` : `**${title}**`;
    return text
      .split('\n')
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n');
  }

  emit(node: SourceNode): string {
    switch (node.type) {
      case 'yaml':
      case 'toml':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return '';
      case 'mdxJsxFlowElement':
        return this.jsx(node, true);
      case 'mdxJsxTextElement':
        return this.jsx(node, false);
      case 'link':
        return this.link(node, 'link');
      case 'image':
        return this.link(node, 'image');
      case 'definition':
        return this.definition(node);
      case 'heading':
        return this.spliced(node).replace(/[ \t]*\{#[\w-]+\}[ \t]*$/, '').replace(/[ \t]+$/, '');
      case 'code': {
        const raw = this.source.slice(start(node), end(node));
        const lines = raw.split('\n');
        if (lines.length < 3) return raw;
        return [lines[0], ...lines.slice(1, -1).filter((line) => !MAGIC_COMMENT.test(line)), lines[lines.length - 1]].join('\n');
      }
      case 'containerDirective':
        if (ADMONITIONS.includes(node.name ?? '')) return this.admonition(node);
        return this.source.slice(start(node), end(node));
      case 'leafDirective':
      case 'textDirective':
        return this.source.slice(start(node), end(node));
      default:
        return node.children ? this.spliced(node) : this.source.slice(start(node), end(node));
    }
  }

  /** The page body: the root's blocks, one blank line between them, dropped ones leaving no gap. */
  root(tree: SourceNode): { blocks: string[]; firstIsTitle: boolean } {
    const kids = (tree.children ?? []).filter((c) => c.type !== 'yaml' && c.type !== 'toml');
    const blocks: string[] = [];
    let firstIsTitle = false;
    for (const child of kids) {
      const text = this.emit(child).replace(/\s+$/, '');
      if (text.trim() === '') continue;
      if (blocks.length === 0 && child.type === 'heading' && child.depth === 1) firstIsTitle = true;
      blocks.push(text);
    }
    return { blocks, firstIsTitle };
  }
}

/** A text on one line, escaped for a Markdown heading or block quote. */
function escapeLine(text: string): string {
  return plainText(text.replace(/\s+/g, ' ').trim());
}

/** The Markdown of one page: `# title`, `> description`, then the body. Ends with one line feed. */
export function pageToMarkdown(source: string, options: ConvertOptions): string {
  const tree = parseMdx(source);
  const { blocks, firstIsTitle } = new Emitter(source, options).root(tree);
  const head = firstIsTitle ? [blocks.shift()!] : [`# ${escapeLine(options.title)}`];
  const description = options.description?.trim() ? [`> ${escapeLine(options.description)}`] : [];
  return `${[...head, ...description, ...blocks].join('\n\n')}\n`;
}
