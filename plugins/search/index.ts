/**
 * Docusaurus plugin: the site search index. After each locale's build it indexes
 * that locale's doc pages with Pagefind, stemmed in the locale's language (from the
 * site config, src/config/site.ts, as Docusaurus gets it), and writes `<locale build>/pagefind/`:
 * Pagefind's bundle plus `pages.json` (titles, sidebar labels, endpoints). Each page
 * also carries its sidebar label and keywords generated from openapi/openapi.yaml.
 * The search box (src/theme/SearchBar) loads the bundle on first use. Nothing runs
 * in the dev server: `npm start` has no built pages, and the box says so.
 * See README.md beside this file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { loadSpec } from '../../src/lib/api/load';
import { mentions } from '../../src/lib/search/html';
import { SpecKeywords, type DocInfo } from '../../src/lib/search/keywords';
import { BUNDLE_DIR } from '../../src/lib/search/node';
import type { SearchManifest } from '../../src/lib/search/types';
import { buildBundle, writeBundle, type IndexedPage } from './build';

/** The fields of a docs plugin doc this plugin reads. */
interface LoadedDoc {
  title: string;
  description?: string;
  permalink: string;
  unlisted?: boolean;
  frontMatter: { sidebar_label?: unknown };
}

interface DocsContent {
  loadedVersions: Array<{ docs: LoadedDoc[] }>;
}

function isDocsContent(value: unknown): value is DocsContent {
  return typeof value === 'object' && value !== null && Array.isArray((value as DocsContent).loadedVersions);
}

/** The language Pagefind stems a locale in: the primary subtag of its `htmlLang` (`pt-BR` -> `pt`). */
export function pagefindLanguage(context: LoadContext): string {
  const { currentLocale, localeConfigs } = context.i18n;
  const htmlLang = localeConfigs[currentLocale]?.htmlLang ?? currentLocale;
  return htmlLang.split('-')[0]!.toLowerCase();
}

/**
 * The URL the site serves a doc at: docs metadata keeps the folder slash of an
 * index doc (`/api/reference/contacts_api/`), the site's `trailingSlash` decides.
 */
export function siteUrl(permalink: string, trailingSlash: boolean | undefined, baseUrl: string): string {
  if (trailingSlash === undefined || permalink === baseUrl) return permalink;
  const bare = permalink.replace(/\/+$/, '');
  return trailingSlash ? `${bare}/` : bare;
}

/** `/it/api/errors` in a build whose base URL is `/it/` -> `<outDir>/api/errors.html` (or `.../index.html`). */
export function htmlFileFor(outDir: string, baseUrl: string, permalink: string): string | undefined {
  const relative = permalink.startsWith(baseUrl) ? permalink.slice(baseUrl.length) : permalink.replace(/^\//, '');
  const candidates = relative === '' ? ['index.html'] : [`${relative.replace(/\/$/, '')}.html`, path.join(relative, 'index.html')];
  return candidates.map((c) => path.join(outDir, c)).find((file) => existsSync(file));
}

export default function searchPlugin(context: LoadContext): Plugin<void> {
  let docs: DocInfo[] = [];
  return {
    name: 'callbell-search',
    allContentLoaded({ allContent }) {
      const byId = allContent['docusaurus-plugin-content-docs'] ?? {};
      docs = Object.values(byId)
        .filter(isDocsContent)
        .flatMap((content) => content.loadedVersions.flatMap((v) => v.docs))
        .filter((doc) => !doc.unlisted)
        .map((doc) => ({
          permalink: siteUrl(doc.permalink, context.siteConfig.trailingSlash, context.baseUrl),
          title: doc.title,
          ...(typeof doc.frontMatter.sidebar_label === 'string' ? { sidebarLabel: doc.frontMatter.sidebar_label } : {}),
          ...(doc.description ? { description: doc.description } : {}),
        }));
    },
    async postBuild({ outDir, baseUrl }) {
      const started = Date.now();
      const locale = context.i18n.currentLocale;
      const language = pagefindLanguage(context);
      const spec = new SpecKeywords(loadSpec());
      const codes = spec.errorCodes;
      const manifest: SearchManifest = { locale, language, pages: [] };
      const pages: IndexedPage[] = [];
      for (const doc of docs) {
        const file = htmlFileFor(outDir, baseUrl, doc.permalink);
        if (!file) throw new Error(`[search] no built page for ${doc.permalink} in ${outDir}`);
        const html = await readFile(file, 'utf8');
        const extras = spec.extras(doc);
        // A guide (no spec keywords of its own) that explains error codes is pinned for them.
        const explained = extras.keywords.length === 0 ? mentions(html, codes) : [];
        manifest.pages.push(explained.length ? { ...extras.page, codes: explained } : extras.page);
        pages.push({ url: doc.permalink, html, ...(extras.page.label ? { label: extras.page.label } : {}), keywords: extras.keywords });
      }
      const files = await buildBundle(language, pages);
      const bytes = await writeBundle(path.join(outDir, BUNDLE_DIR), files, manifest);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[search] ${locale}: ${pages.length} pages indexed with ${language} stemming, ${(bytes / 1024).toFixed(0)} KB in ${BUNDLE_DIR}/ (${seconds} s)`);
    },
  };
}
