/**
 * Docusaurus plugin: the translation status of every page, computed at build
 * time by the translation checker's core (tools/i18n/core/status.ts).
 *
 * - global data (current locale only): the pages that are stale or missing,
 *   read by the translation banner on doc pages;
 * - a page at `<locale base URL>translation-status` listing every English page
 *   with its status in each locale.
 *
 * This file only reads files and wires Docusaurus; the logic is in data.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { LoadedContent as DocsContent } from '@docusaurus/plugin-content-docs';
import { DOCS_DIR, isPageFile, manifestFile, translatedDir } from '../../tools/i18n/core/paths';
import { pendingPages, siteStatus, statusPageData, type LocaleInfo, type SiteStatus } from './data';
import { PLUGIN_NAME, ROUTE_PATH } from './shared';

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

/** Relative POSIX paths of the .md/.mdx files under `dir` (none when it does not exist). */
async function listPages(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(abs, e.name), r);
      else if (e.isFile() && isPageFile(e.name)) out.push(r);
    }
  };
  await walk(dir, '');
  return out.sort();
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export default function translationStatusPlugin(context: LoadContext): Plugin<SiteStatus> {
  const { siteDir, baseUrl, i18n, siteConfig } = context;
  const locales = i18n.locales.filter((l) => l !== i18n.defaultLocale);
  const abs = (rel: string): string => path.join(siteDir, rel);

  return {
    name: PLUGIN_NAME,

    getPathsToWatch() {
      return [
        abs(`${DOCS_DIR}/**/*.{md,mdx}`),
        ...locales.flatMap((l) => [abs(`${translatedDir(l)}/**/*.{md,mdx}`), abs(manifestFile(l))]),
      ];
    },

    async loadContent() {
      const sourcePaths = await listPages(abs(DOCS_DIR));
      const sourcePages = new Map<string, string>();
      for (const p of sourcePaths) sourcePages.set(p, await readFile(abs(`${DOCS_DIR}/${p}`), 'utf8'));
      const status = siteStatus({
        sourcePages,
        locales: await Promise.all(
          locales.map(async (locale) => ({
            locale,
            translatedPaths: await listPages(abs(translatedDir(locale))),
            manifestText: await readIfExists(abs(manifestFile(locale))),
          })),
        ),
      });
      for (const p of status.problems) console.warn(`[${PLUGIN_NAME}] ${p} (entry ignored; run npm run i18n:check)`);
      return status;
    },

    contentLoaded({ content, actions }) {
      actions.setGlobalData(pendingPages(content, i18n.currentLocale));
    },

    async allContentLoaded({ allContent, actions }) {
      const status = allContent[PLUGIN_NAME]?.default as SiteStatus;
      const docsContent = allContent[DOCS_PLUGIN]?.default as DocsContent | undefined;
      const version = docsContent?.loadedVersions.find((v) => v.versionName === 'current') ?? docsContent?.loadedVersions[0];
      const localeConfigs: Record<string, LocaleInfo> = {};
      for (const [locale, c] of Object.entries(i18n.localeConfigs)) {
        localeConfigs[locale] = { label: c.label, htmlLang: c.htmlLang, baseUrl: c.baseUrl };
      }
      const data = statusPageData({
        status,
        docs: (version?.docs ?? []).map((d) => ({ source: d.source, title: d.title, permalink: d.permalink })),
        baseUrl,
        trailingSlash: siteConfig.trailingSlash,
        defaultLocale: i18n.defaultLocale,
        localeConfigs,
      });
      const dataPath = await actions.createData('status.json', data);
      actions.addRoute({
        path: `${baseUrl}${ROUTE_PATH}`,
        component: '@site/src/components/TranslationStatusPage',
        modules: { status: dataPath },
        exact: true,
      });
    },
  };
}
