/**
 * The doc pages the `get_page` and `search_docs` tools read, per locale. The Markdown of
 * a page is the built `.md` file when the site was built (`<build>/<locale>/…md`, made by
 * plugins/markdown-export), else the same conversion run on the page's MDX source
 * (src/lib/markdown-export), so the tools work before any build; e2e/markdown.spec.ts
 * proves both give the same text. Search uses the locale's Pagefind index when the build
 * has one (src/lib/search/node.ts, the search box's own results), else a simple word
 * search over the Markdown pages, and says which.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE } from '../../../src/config/site';
import { localeBuildDir, openSearchIndex, BUNDLE_DIR, type NodeSearchIndex } from '../../../src/lib/search/node';
import { LinkResolver, markdownUrl, pageMarkdown, type DocPage, type LocaleSite } from '../../../src/lib/markdown-export/page';
import { readLocaleSite, readPageSource, SITE_DIR } from '../../../src/lib/markdown-export/sources';
import { markdownPath, outputFile } from '../../../src/lib/markdown-export/urls';
import { fallbackSearch, type FallbackHit } from './fallback';

export interface DocsOptions {
  /** The built site (Docusaurus's out dir); relative paths are under the repository root. */
  buildDir: string;
  /** The production base URL the examples call (as the build uses). */
  productionUrl: string;
  siteDir?: string;
  env?: Record<string, string | undefined>;
}

export interface DocHit {
  title: string;
  /** The page's path on the site, for `get_page`: `/it/api/errors`. */
  path: string;
  /** Absolute URL of its Markdown. */
  markdownUrl: string;
  section?: string;
  excerpt: string;
}

export interface DocSearch {
  /** `index`: the site's Pagefind index; `words`: the fallback word search (no build). */
  engine: 'index' | 'words';
  hits: DocHit[];
}

interface LocaleDocs {
  site: LocaleSite;
  links: LinkResolver;
  markdown: Map<string, string>;
  index?: Promise<NodeSearchIndex | undefined>;
}

/** `/it/api/errors.md`, `https://…/it/api/errors`, `api/errors`, `/api/reference/contacts_api/index.md` -> locale and page path. */
export function parsePagePath(input: string, locales: readonly string[]): { locale?: string; urlPath: string } {
  let text = input.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = new URL(text).pathname;
  } catch {
    // not a URL: read it as a path
  }
  text = text.split(/[?#]/)[0] ?? '';
  if (!text.startsWith('/')) text = `/${text}`;
  text = text.replace(/\/index\.md$/, '/').replace(/\.md$/, '');
  const first = text.split('/')[1] ?? '';
  if (first !== DEFAULT_LOCALE && locales.includes(first)) return { locale: first, urlPath: text };
  return { urlPath: text };
}

export class DocsLibrary {
  private readonly locales = new Map<string, LocaleDocs>();
  private readonly siteDir: string;

  constructor(private readonly options: DocsOptions) {
    this.siteDir = options.siteDir ?? SITE_DIR;
  }

  private buildDirOf(locale: string): string {
    return localeBuildDir(path.resolve(this.siteDir, this.options.buildDir), locale, DEFAULT_LOCALE);
  }

  private docs(locale: string): LocaleDocs {
    let docs = this.locales.get(locale);
    if (!docs) {
      const site = readLocaleSite(locale, {
        siteDir: this.siteDir,
        productionUrl: this.options.productionUrl,
        ...(this.options.env ? { env: this.options.env } : {}),
      });
      docs = { site, links: new LinkResolver(site), markdown: new Map() };
      this.locales.set(locale, docs);
    }
    return docs;
  }

  /** The pages of a locale. */
  pages(locale: string): readonly DocPage[] {
    return this.docs(locale).site.pages;
  }

  /** The page at a site path of the locale (with or without its locale prefix), if any. */
  find(locale: string, urlPath: string): DocPage | undefined {
    const docs = this.docs(locale);
    const base = docs.site.baseUrl;
    const withBase = urlPath.startsWith(base) || `${urlPath}/` === base ? urlPath : `${base}${urlPath.replace(/^\//, '')}`;
    return docs.links.pageAt(withBase);
  }

  /** A page's Markdown: the built file when there is one, else converted from its source. */
  markdown(locale: string, page: DocPage): string {
    const docs = this.docs(locale);
    const cached = docs.markdown.get(page.permalink);
    if (cached !== undefined) return cached;
    const built = path.join(this.buildDirOf(locale), outputFile(docs.site.baseUrl, markdownPath(page.permalink)));
    const text = existsSync(built) ? readFileSync(built, 'utf8') : pageMarkdown(docs.site, page, readPageSource(page, this.siteDir), docs.links);
    docs.markdown.set(page.permalink, text);
    return text;
  }

  markdownUrl(locale: string, page: DocPage): string {
    return markdownUrl(this.docs(locale).site, page);
  }

  private index(locale: string): Promise<NodeSearchIndex | undefined> {
    const docs = this.docs(locale);
    if (!docs.index) {
      const dir = path.join(this.buildDirOf(locale), BUNDLE_DIR);
      docs.index = existsSync(path.join(dir, 'pagefind.js')) ? openSearchIndex(dir).catch(() => undefined) : Promise.resolve(undefined);
    }
    return docs.index;
  }

  /** Searches a locale: the site's index when built, else the word search. */
  async search(locale: string, query: string, limit: number): Promise<DocSearch> {
    const index = await this.index(locale);
    if (index) {
      const hits = await index.search(query, limit);
      return {
        engine: 'index',
        hits: hits.map((hit) => {
          const page = this.find(locale, hit.page);
          return {
            title: hit.label && hit.label !== hit.title ? `${hit.label} (${hit.title})` : hit.title,
            path: hit.page,
            markdownUrl: page ? this.markdownUrl(locale, page) : hit.page,
            ...(hit.section ? { section: hit.section } : {}),
            excerpt: hit.excerpt.map((part) => part.text).join(''),
          };
        }),
      };
    }
    const pages = this.pages(locale).map((page) => ({ page, markdown: this.markdown(locale, page) }));
    return {
      engine: 'words',
      hits: fallbackSearch(pages, query, limit).map((hit: FallbackHit) => ({
        title: hit.page.sidebarLabel && hit.page.sidebarLabel !== hit.page.title ? `${hit.page.sidebarLabel} (${hit.page.title})` : hit.page.title,
        path: hit.page.permalink,
        markdownUrl: this.markdownUrl(locale, hit.page),
        ...(hit.section ? { section: hit.section } : {}),
        excerpt: hit.excerpt,
      })),
    };
  }
}
