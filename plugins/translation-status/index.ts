/**
 * Docusaurus plugin: the translation status of every page, computed at build
 * time by the translation status core (src/lib/i18n/status.ts), which the i18n CLIs share.
 *
 * - per locale, how many of the API's own strings (`i18n/<locale>/openapi.json`:
 *   the spec's descriptions, the reference pages' phrases) are translated, stale or missing;
 * - global data (current locale only): the pages that are stale or missing,
 *   read by the translation banner on doc pages;
 * - a page at `<locale base URL>translation-status` listing every English page
 *   with its status in each locale (filtered in the browser to the pages that need work);
 * - for each out-of-date page of each locale, a page at
 *   `<locale base URL>translation-status/changes/<locale>/<doc path>` showing what changed
 *   in English since the translation was synced, from `i18n/.source-snapshots/` (no git).
 *
 * This file only reads files and wires Docusaurus; the logic is in data.ts.
 */
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { LoadedContent as DocsContent } from '@docusaurus/plugin-content-docs';
import { DOCS_DIR, manifestFile, SNAPSHOT_DIR, snapshotFile, translatedDir } from '../../src/lib/i18n/paths';
// The same file readers as the i18n CLIs: one way to find a site's pages.
import { listPages, readIfExists, readPages } from '../../src/lib/i18n/files';
import { changesPages, pendingPages, siteStatus, statusPageData, type LocaleInfo, type SiteStatus, type StatusPageInput } from './data';
import { loadCurrentSpec, SPEC_PATH } from '../../src/lib/api/load';
import { apiStringCounts, parseStringsFile, stringsFile, type ApiStringCounts } from '../../src/lib/api/stringsFile';
import { PLUGIN_NAME, ROUTE_PATH } from './shared';

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

export default function translationStatusPlugin(context: LoadContext): Plugin<SiteStatus> {
  const { siteDir, baseUrl, i18n, siteConfig } = context;
  const locales = i18n.locales.filter((l) => l !== i18n.defaultLocale);
  const abs = (rel: string): string => path.join(siteDir, rel);

  return {
    name: PLUGIN_NAME,

    getPathsToWatch() {
      return [
        abs(`${DOCS_DIR}/**/*.{md,mdx}`),
        abs(`${SNAPSHOT_DIR}/*.md`),
        ...locales.flatMap((l) => [abs(`${translatedDir(l)}/**/*.{md,mdx}`), abs(manifestFile(l)), abs(stringsFile(l))]),
        SPEC_PATH,
      ];
    },

    async loadContent() {
      // the API's own strings of each locale (i18n/<locale>/openapi.json), counted against the spec
      const apiStrings = (): Record<string, ApiStringCounts> => {
        const doc = loadCurrentSpec(SPEC_PATH);
        return Object.fromEntries(
          locales.map((locale) => {
            const text = readIfExists(abs(stringsFile(locale)));
            return [locale, apiStringCounts(doc, text === null ? null : parseStringsFile(text).file)];
          }),
        );
      };
      const sourcePages = readPages(abs(DOCS_DIR));
      const status = siteStatus({
        sourcePages,
        locales: locales.map((locale) => ({
          locale,
          translatedPaths: listPages(abs(translatedDir(locale))),
          manifestText: readIfExists(abs(manifestFile(locale))),
        })),
        snapshot: (hash) => readIfExists(abs(snapshotFile(hash))),
        apiStrings: apiStrings(),
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
      const input: StatusPageInput = {
        status,
        docs: (version?.docs ?? []).map((d) => ({ source: d.source, title: d.title, permalink: d.permalink })),
        baseUrl,
        trailingSlash: siteConfig.trailingSlash,
        defaultLocale: i18n.defaultLocale,
        localeConfigs,
      };
      const dataPath = await actions.createData('status.json', statusPageData(input));
      actions.addRoute({
        path: `${baseUrl}${ROUTE_PATH}`,
        component: '@site/src/components/TranslationStatusPage',
        modules: { status: dataPath },
        exact: true,
      });
      for (const [i, page] of changesPages(input).entries()) {
        const changesPath = await actions.createData(`changes-${i}-${page.data.locale}.json`, page.data);
        actions.addRoute({
          path: page.path,
          component: '@site/src/components/TranslationStatusPage/EnglishChanges',
          modules: { page: changesPath },
          exact: true,
        });
      }
    },
  };
}
