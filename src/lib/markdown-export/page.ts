/**
 * The Markdown of the doc pages of one locale: which pages there are (`DocPage`, from
 * Docusaurus's metadata at build time or from the files, see ./sources.ts), where their
 * links go, and one page's Markdown with its RequestTabs examples. Pure: the caller
 * reads the files and the spec and hands them in.
 *
 * Links keep their anchor and become absolute URLs on the site (`SITE_URL`): a link to a
 * doc page goes to its `.md` page, any other link of the site to its page.
 */
import path from 'node:path';
import type { OpenApiDocument } from '../api/model';
import { operationModels } from '../api/model';
import type { OperationModel } from '../api/types';
import { pageToMarkdown } from './convert';
import { requestTabsMarkdown } from './requests';
import { absoluteUrl, markdownPath } from './urls';

export interface DocPage {
  /** As Docusaurus gives it, with the locale's base URL: `/it/api/errors`, `/it/api/reference/contacts_api/`. */
  permalink: string;
  title: string;
  description?: string;
  sidebarLabel?: string;
  /** The MDX file, relative to the site folder, POSIX: `i18n/it/docusaurus-plugin-content-docs/current/api/errors.mdx`. */
  source: string;
  /** The docs folder the file is in, relative to the site folder: `docs` or `i18n/it/docusaurus-plugin-content-docs/current`. */
  contentDir: string;
}

export interface LocaleSite {
  /** The site's origin (`https://developers.callbell.eu`), from SITE_URL. */
  siteUrl: string;
  /** The locale's base URL: `/` or `/it/`. */
  baseUrl: string;
  pages: readonly DocPage[];
  /** The spec, for `<RequestTabs>`. */
  spec: OpenApiDocument;
  /** The production base URL the examples call (`PRODUCTION_API_URL`, else the spec's server). */
  productionUrl: string;
  /** Admonition titles in the locale's language, by type. */
  admonitionTitles?: Readonly<Record<string, string>>;
}

/** A permalink without its trailing slash (the site root stays `/`): the key pages are looked up by. */
function pageKey(permalink: string): string {
  return permalink === '/' ? '/' : permalink.replace(/\/+$/, '');
}

/** The absolute URL of a page's Markdown. */
export function markdownUrl(site: Pick<LocaleSite, 'siteUrl'>, page: Pick<DocPage, 'permalink'>): string {
  return absoluteUrl(site.siteUrl, markdownPath(page.permalink));
}

/** Resolves the links of the pages of one locale. */
export class LinkResolver {
  private readonly byUrl = new Map<string, DocPage>();
  private readonly bySource = new Map<string, DocPage>();

  constructor(private readonly site: LocaleSite) {
    for (const page of site.pages) {
      this.byUrl.set(pageKey(page.permalink), page);
      this.bySource.set(page.source, page);
    }
  }

  /** The page a site URL path (with the locale's base URL) is the HTML of, if it is a doc page. */
  pageAt(urlPath: string): DocPage | undefined {
    return this.byUrl.get(pageKey(urlPath));
  }

  /** The URL `url`, written in `from`, should carry in Markdown. */
  resolve(url: string, from: DocPage, kind: 'link' | 'image'): string {
    if (url === '' || url.startsWith('#')) return url;
    if (/^pathname:\/\//i.test(url)) return absoluteUrl(this.site.siteUrl, url.slice('pathname://'.length));
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
    const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url);
    const pathPart = match?.[1] ?? url;
    const rest = `${match?.[2] ?? ''}${match?.[3] ?? ''}`;
    if (kind === 'image') {
      return pathPart.startsWith('/') ? absoluteUrl(this.site.siteUrl, this.site.baseUrl + pathPart.slice(1)) + rest : url;
    }
    if (/\.mdx?$/i.test(pathPart) && !pathPart.startsWith('/')) {
      // A file link (`./errors.mdx`), relative to the page's own file.
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from.source), decodeURI(pathPart)));
      const page = this.bySource.get(target);
      return page ? markdownUrl(this.site, page) + (match?.[3] ?? '') : url;
    }
    // A URL path: root-relative ones are under the locale's base URL (Docusaurus adds it), others relative to the page.
    const absolute = pathPart.startsWith('/')
      ? this.site.baseUrl + pathPart.slice(1)
      : new URL(pathPart || '.', `http://site${from.permalink}`).pathname;
    const page = this.byUrl.get(pageKey(absolute));
    return page ? markdownUrl(this.site, page) + (match?.[3] ?? '') : absoluteUrl(this.site.siteUrl, absolute) + rest;
  }
}

const operationsCache = new WeakMap<OpenApiDocument, Map<string, OperationModel>>();

/** The operation a `<RequestTabs endpoint request/>` names (models built once per spec document). */
export function operationFor(spec: OpenApiDocument, endpoint: string, request: string): OperationModel {
  let byKey = operationsCache.get(spec);
  if (!byKey) {
    byKey = new Map(operationModels(spec).map((op) => [`${op.group}/${op.request}`, op]));
    operationsCache.set(spec, byKey);
  }
  const op = byKey.get(`${endpoint}/${request}`);
  if (!op) throw new Error(`No operation "${request}" in group "${endpoint}" in openapi/openapi.yaml`);
  return op;
}

/** One page's Markdown from its MDX source. */
export function pageMarkdown(site: LocaleSite, page: DocPage, source: string, links: LinkResolver = new LinkResolver(site)): string {
  try {
    return pageToMarkdown(source, {
      title: page.title,
      ...(page.description ? { description: page.description } : {}),
      requestTabs: (endpoint, request) => requestTabsMarkdown(operationFor(site.spec, endpoint, request), site.productionUrl),
      resolveLink: (url, kind) => links.resolve(url, page, kind),
      ...(site.admonitionTitles ? { admonitionTitles: site.admonitionTitles } : {}),
    });
  } catch (error) {
    throw new Error(`${page.source}: ${(error as Error).message}`);
  }
}
