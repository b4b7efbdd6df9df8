/**
 * Notice above a doc page in a non-default locale when the reader does not get
 * an up-to-date translation: the page is not translated (Docusaurus serves the
 * English file) or the English page changed since the translation was synced.
 * Which notice, if any, is decided by `bannerFor` (plugins/translation-status/shared.ts).
 */
import React, { useId, type ReactNode } from 'react';
import clsx from 'clsx';
import { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { usePluginData } from '@docusaurus/useGlobalData';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import {
  bannerFor,
  formatSyncDate,
  PLUGIN_NAME,
  type Banner,
  type TranslationGlobalData,
} from '@site/plugins/translation-status/shared';
import styles from './styles.module.css';

interface Texts {
  title: string;
  body: string;
  link: string;
}

function texts(banner: Banner, htmlLang: string): Texts {
  // Name of the reader's language as it reads mid-sentence ("italiano"); a
  // locale that has not translated it yet gets the neutral "this language".
  const language = translate({
    id: 'translationBanner.language',
    message: 'this language',
    description: 'Name of the language of this locale, lower case as written mid-sentence (e.g. "italiano", "español")',
  });
  switch (banner.kind) {
    case 'missing':
      return {
        title: translate({
          id: 'translationBanner.missing.title',
          message: 'Not translated yet',
          description: 'Title of the notice on a page that has no translation in the reader\'s language',
        }),
        body: translate(
          {
            id: 'translationBanner.missing.body',
            message: 'This page is not translated into {language} yet: you are reading the English original.',
            description: 'Notice on a page without translation; {language} is translationBanner.language',
          },
          { language },
        ),
        link: translate({
          id: 'translationBanner.missing.link',
          message: 'Open the English page',
          description: 'Link from an untranslated page to the same page on the English site',
        }),
      };
    case 'stale':
      return {
        title: translate({
          id: 'translationBanner.stale.title',
          message: 'This translation may be out of date',
          description: 'Title of the notice on a translated page whose English page changed since the translation',
        }),
        body:
          banner.syncedAt === null
            ? translate({
                id: 'translationBanner.stale.neverSynced',
                message: 'This translation has not yet been checked against the English page, so it may lack recent changes.',
                description: 'Notice on a translated page that was never marked as matching the English page',
              })
            : translate(
                {
                  id: 'translationBanner.stale.body',
                  message: 'The English page has changed since this translation was last updated on {date}.',
                  description: 'Notice on an out-of-date translation; {date} is the date of the last sync, e.g. "23 November 2026"',
                },
                { date: formatSyncDate(banner.syncedAt, htmlLang) },
              ),
        link: translate({
          id: 'translationBanner.stale.link',
          message: 'Read the current English page',
          description: 'Link from an out-of-date translation to the English page',
        }),
      };
  }
}

export default function TranslationBanner(): ReactNode {
  const { metadata } = useDoc();
  const { siteConfig, i18n } = useDocusaurusContext();
  const pending = usePluginData(PLUGIN_NAME) as TranslationGlobalData | undefined;
  const titleId = useId();
  const banner = bannerFor({
    locale: i18n.currentLocale,
    defaultLocale: i18n.defaultLocale,
    source: metadata.source,
    permalink: metadata.permalink,
    baseUrl: siteConfig.baseUrl,
    defaultBaseUrl: i18n.localeConfigs[i18n.defaultLocale]?.baseUrl ?? '/',
    trailingSlash: siteConfig.trailingSlash,
    pending,
  });
  if (!banner) return null;
  const htmlLang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  const englishLang = i18n.localeConfigs[i18n.defaultLocale]?.htmlLang ?? i18n.defaultLocale;
  const t = texts(banner, htmlLang);
  return (
    <div role="note" aria-labelledby={titleId} className={clsx(styles.banner, banner.kind === 'stale' && styles.stale)}>
      <p id={titleId} className={styles.title}>
        {t.title}
      </p>
      <p className={styles.body}>
        {t.body}{' '}
        {/* A plain link: the English page is another locale's build, outside this app's routes. */}
        <a href={banner.englishHref} hrefLang={englishLang}>
          {t.link}
        </a>
      </p>
    </div>
  );
}
