/**
 * One language of the status page: its counts, then the pages the filter keeps in a two-column
 * table, the status (with the date of the last sync) first, then the page with its file and
 * links. It fits its column at any width: the page cell wraps, no sideways scrolling at 390 px.
 */
import React, { type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import Heading from '@theme/Heading';
import {
  formatSyncDate,
  rowMatches,
  type PageStatus,
  type StatusFilter,
  type StatusPageLocale,
  type StatusPageRow,
} from '@site/plugins/translation-status/shared';
import VisuallyHidden from '@site/src/components/VisuallyHidden';
import { countLabel, emptyLabel, statusLabel } from './labels';
import styles from './styles.module.css';

const STATUSES: readonly PageStatus[] = ['stale', 'missing', 'translated'];

function Row({ row, locale, dateLang }: { row: StatusPageRow; locale: StatusPageLocale; dateLang: string }): ReactNode {
  return (
    <tr>
      <td>
        <span className={styles[row.status]}>{statusLabel(row.status)}</span>
        <span className={styles.synced}>
          {row.syncedAt ? (
            <Translate
              id="translationStatus.lastSync"
              description="Under the status of a page: the date of its last sync"
              values={{ date: <time dateTime={row.syncedAt}>{formatSyncDate(row.syncedAt, dateLang)}</time> }}
            >
              {'Last sync: {date}'}
            </Translate>
          ) : (
            <Translate id="translationStatus.lastSyncNever" description="Under the status of a page that was never synced">
              Last sync: never
            </Translate>
          )}
        </span>
      </td>
      <th scope="row" className={styles.page}>
        {row.englishHref ? (
          <a href={row.englishHref} hrefLang="en">
            {row.title}
          </a>
        ) : (
          row.title
        )}
        <code className={styles.path}>{row.docPath}</code>
        {(row.translationHref || row.changesHref) && (
          <ul className={styles.links}>
            {row.changesHref && (
              <li>
                <a href={row.changesHref}>
                  {translate({ id: 'translationStatus.changesLink', message: 'What changed in English', description: 'Link of an out-of-date page to the view of the English changes since its last sync' })}
                  <VisuallyHidden>: {row.title}</VisuallyHidden>
                </a>
              </li>
            )}
            {row.translationHref && (
              <li>
                <a href={row.translationHref} hrefLang={locale.htmlLang} lang={locale.htmlLang}>
                  {locale.label}
                </a>
              </li>
            )}
          </ul>
        )}
      </th>
    </tr>
  );
}

interface Props {
  locale: StatusPageLocale;
  filter: StatusFilter;
  /** Language of the dates (the reader's). */
  dateLang: string;
}

export default function LocaleStatus({ locale, filter, dateLang }: Props): ReactNode {
  const headingId = `translation-status-${locale.locale}`;
  // Sections and tables are named by the heading's text only, not its "direct link" anchor.
  const nameId = `${headingId}-name`;
  const rows = locale.rows.filter((r) => rowMatches(r, filter));
  return (
    <section className={styles.locale} aria-labelledby={nameId}>
      <Heading as="h2" id={headingId}>
        <span id={nameId}>
          <span lang={locale.htmlLang}>{locale.label}</span> ({locale.locale})
        </span>
      </Heading>
      <ul className={styles.counts}>
        {STATUSES.map((s) => (
          <li key={s}>{countLabel(s, locale.counts[s])}</li>
        ))}
      </ul>
      {locale.apiStrings && (
        <p className={styles.apiStrings}>
          <Translate
            id="translationStatus.apiStrings"
            description="Under the page counts of a language: its translations of the API's own descriptions; {file} is a file name, the others are numbers"
            values={{ file: <code>{`i18n/${locale.locale}/openapi.json`}</code>, ...locale.apiStrings }}
          >
            {'API descriptions ({file}): {translated} of {total} translated, {stale} out of date, {missing} not translated'}
          </Translate>
        </p>
      )}
      {rows.length === 0 ? (
        <p className={styles.empty}>{emptyLabel(filter)}</p>
      ) : (
        <table className={styles.table} aria-labelledby={nameId}>
          <colgroup>
            <col className={styles.statusCol} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="translationStatus.column.status" description="Column header: translation status">
                  Status
                </Translate>
              </th>
              <th scope="col">
                <Translate id="translationStatus.column.englishPage" description="Column header: the English page, its file (relative to docs/) and links">
                  Page
                </Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.docPath} row={row} locale={locale} dateLang={dateLang} />
            ))}
          </tbody>
        </table>
      )}
      {locale.orphans.length > 0 && (
        <>
          <p>
            <Translate id="translationStatus.orphans" description="Before the list of translated files whose English page is gone">
              Translated files with no English page (renamed or deleted):
            </Translate>
          </p>
          <ul>
            {locale.orphans.map((o) => (
              <li key={o}>
                <code>{o}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
