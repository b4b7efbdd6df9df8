/**
 * `llms.txt` and `llms-full.txt` of one locale (https://llmstxt.org format). Pure.
 *
 * llms.txt: `# title`, `> summary`, a paragraph pointing to llms-full.txt and the other
 * languages, the pages outside any sidebar category as a list, then one `##` section per
 * sidebar category that holds pages (nested categories: `Parent › Child`), each page a
 * link to its Markdown and a one-line description. llms-full.txt: the same head, then
 * every page's Markdown in sidebar order, each followed by its URL.
 */
import type { DocPage } from './page';
import { plainText } from './text';

/** The sidebar as the docs plugin gives it (translated labels), reduced to what is read here. */
export type SidebarItem =
  | { type: 'doc' | 'ref'; id: string; label?: string }
  | { type: 'category'; label: string; items: SidebarItem[]; link?: { type: string; id?: string } }
  | { type: string; [key: string]: unknown };

export interface LlmsPage extends DocPage {
  /** The docs plugin's id (`api/errors`), how the sidebar names pages. */
  id: string;
  /** Absolute URL of the page's Markdown. */
  markdownUrl: string;
  unlisted?: boolean;
}

export interface LlmsSection {
  /** Undefined for the pages outside any category (listed before the sections). */
  title?: string;
  pages: LlmsPage[];
}

export interface LlmsHead {
  title: string;
  summary: string;
  /** Absolute URL of this locale's llms-full.txt. */
  fullUrl: string;
  /** The locales' llms.txt, for the "other languages" line: label and absolute URL. */
  languages: ReadonlyArray<{ label: string; url: string; current: boolean }>;
}

function isCategory(item: SidebarItem): item is Extract<SidebarItem, { type: 'category' }> {
  return item.type === 'category' && Array.isArray((item as { items?: unknown }).items);
}

function docId(item: SidebarItem): string | undefined {
  return (item.type === 'doc' || item.type === 'ref') && typeof item.id === 'string' ? item.id : undefined;
}

/**
 * The sections of llms.txt from the sidebars: one per category holding pages (its link
 * page first), in sidebar order; listed pages no sidebar names go to the first, untitled, list.
 */
export function sectionsFromSidebars(sidebars: readonly SidebarItem[][], pages: readonly LlmsPage[]): LlmsSection[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const loose: LlmsPage[] = [];
  const sections: LlmsSection[] = [];
  const take = (id: string | undefined, into: LlmsPage[]) => {
    const page = id === undefined ? undefined : byId.get(id);
    if (!page || seen.has(page.id) || page.unlisted) return;
    seen.add(page.id);
    into.push(page);
  };
  const walk = (items: readonly SidebarItem[], trail: string[], into: LlmsPage[]) => {
    for (const item of items) {
      if (isCategory(item)) {
        const section: LlmsSection = { title: [...trail, item.label].join(' › '), pages: [] };
        sections.push(section);
        take(item.link?.type === 'doc' ? item.link.id : undefined, section.pages);
        walk(item.items, [...trail, item.label], section.pages);
      } else {
        take(docId(item), into);
      }
    }
  };
  for (const sidebar of sidebars) walk(sidebar, [], loose);
  for (const page of pages) take(page.id, loose);
  return [{ pages: loose }, ...sections].filter((s) => s.pages.length > 0);
}

/** `List contacts (GET /contacts)` when the sidebar label and the title differ, else the title. */
export function pageName(page: Pick<DocPage, 'title' | 'sidebarLabel'>): string {
  return page.sidebarLabel && page.sidebarLabel !== page.title ? `${page.sidebarLabel} (${page.title})` : page.title;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function headLines(head: LlmsHead, fullLabel: string): string[] {
  const others = head.languages
    .map((l) => (l.current ? plainText(l.label) : `[${plainText(l.label)}](${l.url})`))
    .join(' · ');
  return [`# ${plainText(oneLine(head.title))}`, `> ${plainText(oneLine(head.summary))}`, `[${fullLabel}](${head.fullUrl}) · ${others}`];
}

/** The llms.txt of a locale. */
export function llmsTxt(head: LlmsHead, sections: readonly LlmsSection[]): string {
  const list = (pages: readonly LlmsPage[]) =>
    pages.map((p) => `- [${plainText(oneLine(pageName(p)))}](${p.markdownUrl})${p.description ? `: ${plainText(oneLine(p.description))}` : ''}`).join('\n');
  const parts = [...headLines(head, 'llms-full.txt')];
  for (const section of sections) {
    parts.push(section.title === undefined ? list(section.pages) : `## ${plainText(section.title)}\n\n${list(section.pages)}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The llms-full.txt of a locale: the head, then each page's Markdown (in section order) and its URL. */
export function llmsFullTxt(head: LlmsHead, sections: readonly LlmsSection[], markdownOf: (page: LlmsPage) => string): string {
  const pages = sections.flatMap((s) => s.pages);
  const body = pages.map((page) => `${markdownOf(page).trimEnd()}\n\nURL: <${page.markdownUrl}>`);
  return `${[headLines(head, 'llms-full.txt').slice(0, 2).join('\n\n'), ...body].join('\n\n---\n\n')}\n`;
}
