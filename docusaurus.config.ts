import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import remarkRequestTabs from './plugins/remark-request-tabs';
import remarkExampleResponses from './plugins/remark-example-responses';
import remarkFieldTree from './plugins/remark-field-tree';
import { DOWNLOADS_STATIC_DIR } from './plugins/api-downloads';
import { environmentsFrom } from './src/config/environments';
import { docusaurusI18n } from './src/config/locales';
import { accessibleLight } from './src/config/prismTheme';
import { DEFAULT_LOCALE } from './src/config/site';
import { loadSpec } from './src/lib/api/load';
import { docsEditUrl, specRenderedPages } from './src/lib/i18n/editLinks';
import { translatedFile } from './src/lib/i18n/paths';
import { siteUrlFrom } from './src/lib/markdown-export/sources';
import { HANDWRITTEN } from './tools/pages/render';

const siteUrl = siteUrlFrom(process.env);
const apiConfig = environmentsFrom(process.env);

// "Edit this page" (src/lib/i18n/editLinks.ts): the translation file, the English page or the spec
// a page comes from; only when EDIT_URL (e.g. https://github.com/<org>/<repo>/edit/main/) is set.
const siteDir = typeof __dirname === 'string' ? __dirname : process.cwd();
const specPages = specRenderedPages(loadSpec(), HANDWRITTEN);
const editUrl = docsEditUrl({
  editUrl: process.env.EDIT_URL,
  defaultLocale: DEFAULT_LOCALE,
  isTranslated: (locale, docPath) => existsSync(path.join(siteDir, translatedFile(locale, docPath))),
  isRenderedFromSpec: (page) => specPages.has(page),
});

const config: Config = {
  title: 'Callbell API',
  tagline: 'Send and receive WhatsApp, Messenger, Instagram and Telegram messages from your own code.',
  favicon: 'img/favicon.svg',
  // The second directory holds the API downloads made by plugins/api-downloads.
  staticDirectories: ['static', DOWNLOADS_STATIC_DIR],
  url: siteUrl,
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  future: {
    v4: true,
    // Docusaurus Faster (Rspack, SWC, Lightning CSS), all on, except Rspack's
    // persistent cache: it keys compiled MDX on the MDX file alone, so a page
    // would keep stale API data after openapi/openapi.yaml changed.
    faster: {
      swcJsLoader: true,
      swcJsMinimizer: true,
      swcHtmlMinimizer: true,
      lightningCssMinimizer: true,
      mdxCrossCompilerCache: true,
      rspackBundler: true,
      rspackPersistentCache: false,
      ssgWorkerThreads: true,
      gitEagerVcs: true,
    },
  },
  // The locales, their labels and html lang: src/config/site.ts.
  i18n: docusaurusI18n(),
  customFields: {
    apiEnvironments: apiConfig.environments,
    defaultApiEnvironment: apiConfig.defaultEnvironment,
  },
  clientModules: ['./src/clientModules/firstHydration.ts'],
  plugins: ['./plugins/prism-css/index.ts', './plugins/lazy-prism/index.ts', './plugins/translation-status/index.ts', './plugins/api-downloads/index.ts', './plugins/spec-dependency/index.ts', './plugins/search/index.ts', './plugins/markdown-export/index.ts', './plugins/route-chunk-scripts/index.ts', './plugins/quiet-load/index.ts', './plugins/compile-hints/index.ts'],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkRequestTabs, remarkExampleResponses, remarkFieldTree],
          showLastUpdateTime: false,
          ...(editUrl ? { editUrl } : {}),
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'Callbell API',
      logo: { alt: 'Callbell', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API reference' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Reference',
          items: [
            { label: 'List contacts', to: '/api/reference/contacts_api/get_contacts' },
            { label: 'Contact object', to: '/api/reference/object_types/contact' },
          ],
        },
        {
          title: 'Downloads',
          items: [
            // pathname:// skips the client router: these are files made by plugins/api-downloads.
            { label: 'OpenAPI document (YAML)', href: 'pathname:///downloads/openapi.yaml' },
            { label: 'OpenAPI document (JSON)', href: 'pathname:///downloads/openapi.json' },
            { label: 'Postman collection', href: 'pathname:///downloads/callbell-api.postman_collection.json' },
          ],
        },
        {
          title: 'Translators',
          items: [{ label: 'Translation status', to: '/translation-status' }],
        },
      ],
      copyright: `© ${new Date().getFullYear()} Callbell`,
    },
    prism: {
      theme: accessibleLight,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash', 'php', 'ruby', 'java', 'csharp', 'json'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
