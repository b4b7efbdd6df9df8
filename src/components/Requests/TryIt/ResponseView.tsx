/**
 * Shows a response as text, never as HTML: status and reason, time, size,
 * headers, and the body (pretty JSON, highlighted when small). Bodies over
 * 1 MB are cut for display, with "show all" and a download.
 */
import React, { useEffect, useMemo, useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { classifyStatus, prettyJson, type ResponseOutcome } from '@site/src/lib/request/send';
import SnippetBlock from '../SnippetBlock';
import styles from './styles.module.css';

export const DISPLAY_LIMIT = 1_000_000;
const HIGHLIGHT_LIMIT = 100_000;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

interface Props {
  outcome: ResponseOutcome;
  advice?: string;
}

export default function ResponseView({ outcome, advice }: Props): ReactNode {
  const [showAll, setShowAll] = useState(false);
  const [downloadUrl, setDownloadUrl] = useState<string>();
  const isJson = /\bjson\b/i.test(outcome.contentType);
  const text = useMemo(() => {
    if (!isJson || outcome.body.length > 5 * DISPLAY_LIMIT) return outcome.body;
    return prettyJson(outcome.body) ?? outcome.body;
  }, [outcome.body, isJson]);
  const truncated = text.length > DISPLAY_LIMIT && !showAll;
  const visible = truncated ? text.slice(0, DISPLAY_LIMIT) : text;
  const kind = classifyStatus(outcome.status);

  useEffect(() => {
    const url = URL.createObjectURL(new Blob([outcome.body], { type: 'text/plain' }));
    setDownloadUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [outcome.body]);

  return (
    <div className={styles.response}>
      <p className={styles.outcomeTitle}>
        <span className={`${styles.status} ${kind === 'success' ? styles.statusOk : styles.statusError}`}>
          {outcome.status} {outcome.statusText}
        </span>{' '}
        <span className={styles.meta}>
          {translate(
            { id: 'tryIt.response.meta', message: '{ms} ms · {size}' },
            { ms: outcome.durationMs, size: formatBytes(outcome.size) },
          )}
        </span>
      </p>
      {advice ? <div className={`alert alert--${kind === 'rate_limited' ? 'warning' : 'danger'}`}>{advice}</div> : null}
      <details className={styles.headers}>
        <summary>
          <Translate id="tryIt.response.headers">Response headers</Translate>
        </summary>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="tryIt.response.headerName">Header</Translate>
              </th>
              <th scope="col">
                <Translate id="tryIt.response.headerValue">Value</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {outcome.headers.map(([name, value]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {outcome.body === '' ? (
        <p>
          <Translate id="tryIt.response.empty">The response has no body.</Translate>
        </p>
      ) : isJson && visible.length <= HIGHLIGHT_LIMIT ? (
        <div className={styles.scroll}>
        <SnippetBlock
          code={visible}
          copyText={text}
          language="json"
          label={translate({ id: 'tryIt.response.body', message: 'Response body' })}
        />
        </div>
      ) : (
        <pre className={styles.plain} tabIndex={0} aria-label={translate({ id: 'tryIt.response.body', message: 'Response body' })}>
          {visible}
        </pre>
      )}
      {truncated ? (
        <p className={styles.inline}>
          {translate(
            { id: 'tryIt.response.truncated', message: 'Showing the first {shown} of {total}.' },
            { shown: formatBytes(DISPLAY_LIMIT), total: formatBytes(outcome.size) },
          )}{' '}
          <button type="button" className="button button--sm button--secondary" onClick={() => setShowAll(true)}>
            <Translate id="tryIt.response.showAll">Show all</Translate>
          </button>
        </p>
      ) : null}
      {downloadUrl ? (
        <a className="button button--sm button--secondary" href={downloadUrl} download="response.txt">
          <Translate id="tryIt.response.download">Download the response</Translate>
        </a>
      ) : null}
    </div>
  );
}
