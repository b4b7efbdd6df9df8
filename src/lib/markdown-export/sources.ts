/**
 * The doc pages of a locale read from the files, without Docusaurus: for the MCP server
 * when no build exists, and for the test that proves this reading agrees with the build
 * (e2e/markdown.spec.ts). Node only.
 *
 * Follows the docs plugin's rules as this site uses them: every `.md`/`.mdx` under `docs/`
 * is a page; a locale uses its translation under `i18n/<locale>/docusaurus-plugin-content-docs/current/`
 * when there is one, else the English file; the URL is the locale's base URL plus the
 * front matter `slug`, else the file's path (`index`, `README` or a file named after its
 * folder is the folder's page, `…/folder/`); the title is front matter `title`, else the
 * first `#` heading; drafts are left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_LOCALE } from '../../config/site';
import { loadSpec } from '../api/load';
import { loadLocalizedSpec } from '../api/localeStrings';
import type { OpenApiDocument } from '../api/model';
import { DOCS_DIR, translatedDir } from '../i18n/paths';
import type { DocPage, LocaleSite } from './page';

/** The repository root (see src/lib/api/load.ts for the same reasoning). */
export const SITE_DIR = typeof __dirname === 'string' ? path.resolve(__dirname, '../../..') : process.cwd();

/** The site's origin when SITE_URL is not set; docusaurus.config.ts reads it from here. */
export const DEFAULT_SITE_URL = 'https://developers.callbell.eu';

export function siteUrlFrom(env: Record<string, string | undefined>): string {
  return (env.SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** The locale's base URL: `/` for the default locale, `/<code>/` for the others. */
export function localeBaseUrl(locale: string, defaultLocale: string = DEFAULT_LOCALE): string {
  return locale === defaultLocale ? '/' : `/${locale}/`;
}

function listPages(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) return [];
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listPages(path.join(dir, entry.name), rel);
      return /\.mdx?$/.test(entry.name) ? [rel] : [];
    });
}

export interface FrontMatter {
  title?: unknown;
  description?: unknown;
  slug?: unknown;
  sidebar_label?: unknown;
  draft?: unknown;
  unlisted?: unknown;
}

/** The front matter of a page (empty when it has none). */
export function frontMatterOf(source: string): FrontMatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) return {};
  const parsed: unknown = parseYaml(match[1] ?? '');
  return typeof parsed === 'object' && parsed !== null ? (parsed as FrontMatter) : {};
}

function firstHeading(source: string): string | undefined {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---/, '');
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    const m = !inFence && /^#\s+(.+?)\s*(\{\/\*.*\*\/\})?\s*$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** The URL path of a doc file (`api/reference/contacts_api/index.mdx`) under a base URL. */
export function docPermalink(docPath: string, frontMatter: FrontMatter, baseUrl: string): string {
  const dir = path.posix.dirname(docPath) === '.' ? '' : path.posix.dirname(docPath);
  const name = path.posix.basename(docPath).replace(/\.mdx?$/, '');
  let urlPath: string;
  if (typeof frontMatter.slug === 'string') {
    urlPath = frontMatter.slug.startsWith('/') ? frontMatter.slug : `/${dir ? `${dir}/` : ''}${frontMatter.slug}`;
  } else if (/^(index|readme)$/i.test(name) || name === path.posix.basename(dir)) {
    urlPath = `/${dir ? `${dir}/` : ''}`;
  } else {
    urlPath = `/${dir ? `${dir}/` : ''}${name}`;
  }
  return `${baseUrl.replace(/\/$/, '')}${urlPath}`;
}

/** The doc pages of a locale, read from the files under `siteDir`, in path order. */
export function readDocPages(locale: string, options: { siteDir?: string; defaultLocale?: string } = {}): DocPage[] {
  const siteDir = options.siteDir ?? SITE_DIR;
  const defaultLocale = options.defaultLocale ?? DEFAULT_LOCALE;
  const baseUrl = localeBaseUrl(locale, defaultLocale);
  const translated = locale === defaultLocale ? undefined : translatedDir(locale);
  const pages: DocPage[] = [];
  for (const docPath of listPages(path.join(siteDir, DOCS_DIR))) {
    const contentDir = translated && existsSync(path.join(siteDir, translated, docPath)) ? translated : DOCS_DIR;
    const source = `${contentDir}/${docPath}`;
    const text = readFileSync(path.join(siteDir, source), 'utf8');
    const fm = frontMatterOf(text);
    if (fm.draft === true) continue;
    const title = typeof fm.title === 'string' ? fm.title : (firstHeading(text) ?? path.posix.basename(docPath).replace(/\.mdx?$/, ''));
    pages.push({
      permalink: docPermalink(docPath, fm, baseUrl),
      title,
      ...(typeof fm.description === 'string' ? { description: fm.description } : {}),
      ...(typeof fm.sidebar_label === 'string' ? { sidebarLabel: fm.sidebar_label } : {}),
      source,
      contentDir,
    });
  }
  return pages;
}

/** A locale's site read from the files: what `pageMarkdown` needs (the spec with the locale's strings, as the build uses it). */
export function readLocaleSite(
  locale: string,
  options: { siteDir?: string; env?: Record<string, string | undefined>; spec?: OpenApiDocument; productionUrl: string },
): LocaleSite {
  const env = options.env ?? process.env;
  return {
    siteUrl: siteUrlFrom(env),
    baseUrl: localeBaseUrl(locale),
    pages: readDocPages(locale, options.siteDir ? { siteDir: options.siteDir } : {}),
    spec: options.spec ?? loadLocalizedSpec(loadSpec(), locale, options.siteDir ?? SITE_DIR).doc,
    productionUrl: options.productionUrl,
  };
}

/** The MDX source of a page. */
export function readPageSource(page: DocPage, siteDir: string = SITE_DIR): string {
  return readFileSync(path.join(siteDir, page.source), 'utf8');
}
