/**
 * Docusaurus plugin: the site for assistants. After each locale's build it writes, into
 * that locale's output folder:
 * - every doc page as Markdown at its URL plus `.md` (an index page's URL ends in `/`:
 *   `…/index.md`, and also at the slash-less URL plus `.md`), converted from the page's
 *   MDX source by src/lib/markdown-export (RequestTabs as cURL and Python examples against
 *   the production URL, links to `.md` pages);
 * - `llms.txt` (title, summary, one section per sidebar category, a link and a one-line
 *   description per page) and `llms-full.txt` (every page's Markdown), in the locale's language.
 * The title and summary are the home page's translated strings (`home.title`, `home.lead`),
 * section names the translated sidebar labels, example labels the spec's summaries in the
 * locale (`i18n/<locale>/openapi.json`). Nothing runs in the dev server (no build).
 * Pages point to their Markdown with `<link rel="alternate" type="text/markdown">`
 * (src/theme/DocItem/Content); the "Copy page" control fetches it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { environmentsFrom } from '../../src/config/environments';
import { loadSpec } from '../../src/lib/api/load';
import { loadLocalizedSpec } from '../../src/lib/api/localeStrings';
import { llmsFullTxt, llmsTxt, sectionsFromSidebars, type LlmsHead, type LlmsPage, type SidebarItem } from '../../src/lib/markdown-export/llms';
import { LinkResolver, markdownUrl, pageMarkdown, type LocaleSite } from '../../src/lib/markdown-export/page';
import { localeBaseUrl, siteUrlFrom } from '../../src/lib/markdown-export/sources';
import { absoluteUrl, markdownPaths, outputFile } from '../../src/lib/markdown-export/urls';

/** The files of the llms.txt family, in each locale's output folder. */
export const LLMS_FILE = 'llms.txt';
export const LLMS_FULL_FILE = 'llms-full.txt';

/** The fields of a docs plugin doc this plugin reads. */
interface LoadedDoc {
  id: string;
  title: string;
  description?: string;
  permalink: string;
  source: string;
  unlisted?: boolean;
  frontMatter: { sidebar_label?: unknown };
}

interface DocsContent {
  loadedVersions: Array<{ docs: LoadedDoc[]; sidebars: Record<string, SidebarItem[]> }>;
}

function isDocsContent(value: unknown): value is DocsContent {
  return typeof value === 'object' && value !== null && Array.isArray((value as DocsContent).loadedVersions);
}

/** `@site/i18n/it/…/api/errors.mdx` -> `i18n/it/…/api/errors.mdx`, and the docs folder it is in. */
export function sourceOf(doc: Pick<LoadedDoc, 'source'>): { source: string; contentDir: string } {
  const source = doc.source.replace(/^@site\//, '');
  const match = /^(i18n\/[^/]+\/docusaurus-plugin-content-docs\/[^/]+)\//.exec(source);
  return { source, contentDir: match?.[1] ?? source.split('/')[0]! };
}

const ADMONITION_TYPES = ['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important'];

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

export default function markdownExport(context: LoadContext): Plugin<void> {
  let pages: LlmsPage[] = [];
  let sidebars: SidebarItem[][] = [];
  const siteUrl = siteUrlFrom(process.env);
  const t = (id: string, fallback: string) => context.codeTranslations[id] ?? fallback;
  return {
    name: 'markdown-export',
    allContentLoaded({ allContent }) {
      const contents = Object.values(allContent['docusaurus-plugin-content-docs'] ?? {}).filter(isDocsContent);
      const versions = contents.flatMap((c) => c.loadedVersions);
      sidebars = versions.flatMap((v) => Object.values(v.sidebars));
      pages = versions.flatMap((v) =>
        v.docs.map((doc) => {
          const page = {
            id: doc.id,
            permalink: doc.permalink,
            title: doc.title,
            ...(doc.description ? { description: doc.description } : {}),
            ...(typeof doc.frontMatter.sidebar_label === 'string' ? { sidebarLabel: doc.frontMatter.sidebar_label } : {}),
            ...sourceOf(doc),
            ...(doc.unlisted ? { unlisted: true } : {}),
          };
          return { ...page, markdownUrl: markdownUrl({ siteUrl }, page) };
        }),
      );
    },
    async postBuild({ outDir, baseUrl }) {
      const started = Date.now();
      const { currentLocale, locales, defaultLocale, localeConfigs } = context.i18n;
      const production = environmentsFrom(process.env).environments.find((e) => e.id === 'production');
      if (!production) throw new Error('[markdown] no production environment');
      const site: LocaleSite = {
        siteUrl,
        baseUrl,
        pages,
        spec: loadLocalizedSpec(loadSpec(), currentLocale).doc,
        productionUrl: production.baseUrl,
        admonitionTitles: Object.fromEntries(ADMONITION_TYPES.map((type) => [type, t(`theme.admonition.${type}`, type.charAt(0).toUpperCase() + type.slice(1))])),
      };
      const links = new LinkResolver(site);
      const markdown = new Map<string, string>();
      for (const page of pages) {
        const source = await readFile(path.join(context.siteDir, page.source), 'utf8');
        const text = pageMarkdown(site, page, source, links);
        markdown.set(page.id, text);
        for (const urlPath of markdownPaths(page.permalink)) {
          const file = path.join(outDir, outputFile(baseUrl, urlPath));
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
      }
      const head: LlmsHead = {
        title: t('home.title', context.siteConfig.title),
        summary: t('home.lead', context.siteConfig.tagline),
        fullUrl: absoluteUrl(siteUrl, `${baseUrl}${LLMS_FULL_FILE}`),
        languages: locales.map((code) => ({
          label: localeConfigs[code]?.label ?? code,
          url: absoluteUrl(siteUrl, `${localeBaseUrl(code, defaultLocale)}${LLMS_FILE}`),
          current: code === currentLocale,
        })),
      };
      const sections = sectionsFromSidebars(sidebars, pages);
      const index = llmsTxt(head, sections);
      const full = llmsFullTxt(head, sections, (page) => markdown.get(page.id) ?? '');
      writeFileSync(path.join(outDir, LLMS_FILE), index);
      writeFileSync(path.join(outDir, LLMS_FULL_FILE), full);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `[markdown] ${currentLocale}: ${pages.length} pages as Markdown, ${LLMS_FILE} ${kb(Buffer.byteLength(index))}, ${LLMS_FULL_FILE} ${kb(Buffer.byteLength(full))} (${seconds} s)`,
      );
    },
  };
}
