import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import remarkRequestTabs from './plugins/remark-request-tabs';
import { environmentsFrom } from './src/config/environments';
import { accessibleLight } from './src/config/prismTheme';

const siteUrl = process.env.SITE_URL ?? 'https://developers.callbell.eu';
const apiConfig = environmentsFrom(process.env);

const config: Config = {
  title: 'Callbell API',
  tagline: 'Send and receive WhatsApp, Messenger, Instagram and Telegram messages from your own code.',
  favicon: 'img/favicon.svg',
  // The second directory holds the API downloads made by plugins/api-downloads.
  staticDirectories: ['static', '.docusaurus/api-downloads'],
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
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'it', 'es', 'pt'],
    localeConfigs: {
      en: { label: 'English', htmlLang: 'en' },
      it: { label: 'Italiano', htmlLang: 'it' },
      es: { label: 'Español', htmlLang: 'es' },
      pt: { label: 'Português', htmlLang: 'pt' },
    },
  },
  customFields: {
    apiEnvironments: apiConfig.environments,
    defaultApiEnvironment: apiConfig.defaultEnvironment,
  },
  plugins: ['./plugins/translation-status/index.ts', './plugins/api-downloads/index.ts', './plugins/spec-dependency/index.ts'],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkRequestTabs],
          showLastUpdateTime: false,
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
