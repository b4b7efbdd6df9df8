/**
 * What came back, in words: a polite live region announcing "sending" and then
 * the status (or the error's title), a typed error (timeout, cancelled,
 * network, blocked host) with its advice and, for a network error, the cURL
 * command to run instead; or the response (ResponseView) with advice for its
 * status class, or about the key when the sandbox says so (a read-only demo
 * key, an expired key, its store away).
 */
import React, { useMemo, type ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import { keyAdvice } from '@site/src/lib/request/sandboxKey';
import { classifyStatus, errorFields, headerValue, retryAfterSeconds } from '@site/src/lib/request/send';
import { generateSnippet } from '@site/src/lib/snippets';
import SnippetBlock from '../SnippetBlock';
import { useRequest } from '../useRequestState';
import ResponseView from './ResponseView';
import { errorAdvice, errorTitle, statusAdvice } from './messages';
import type { PanelState } from './usePanel';
import styles from './styles.module.css';

function announcement({ pending, outcome }: PanelState): string {
  if (pending) return translate({ id: 'tryIt.announce.sending', message: 'Sending the request…' });
  if (!outcome) return '';
  if (outcome.kind === 'error') return errorTitle(outcome.type);
  return translate(
    { id: 'tryIt.announce.response', message: 'Response {status} {reason} in {ms} ms' },
    { status: outcome.status, reason: outcome.statusText, ms: outcome.durationMs },
  );
}

/** The cURL command of the request, as the snippets show and copy it. */
function CurlFallback(): ReactNode {
  const { shown, copied } = useRequest();
  const code = useMemo(() => generateSnippet('curl', shown), [shown]);
  const copyText = useMemo(() => generateSnippet('curl', copied), [copied]);
  return <SnippetBlock code={code} copyText={copyText} language="bash" label="cURL" />;
}

export default function Outcome({ panel }: { panel: PanelState }): ReactNode {
  const { environment } = useRequest();
  const { outcome } = panel;
  return (
    <>
      <div role="status" aria-live="polite" className={styles.live}>
        {announcement(panel)}
      </div>
      {outcome?.kind === 'error' ? (
        <div className={`alert alert--${outcome.type === 'abort' ? 'info' : 'danger'}`}>
          <p className={styles.outcomeTitle}>{errorTitle(outcome.type)}</p>
          <p>{errorAdvice(outcome.type, panel.timeoutSeconds)}</p>
          {outcome.type === 'network' ? <CurlFallback /> : null}
        </div>
      ) : null}
      {outcome?.kind === 'response' ? (
        <ResponseView
          outcome={outcome}
          advice={statusAdvice(classifyStatus(outcome.status), {
            fields: errorFields(outcome.body),
            retryAfter: retryAfterSeconds(headerValue(outcome.headers, 'retry-after')),
            sandbox: environment.id === 'sandbox',
            keyAdvice: keyAdvice(outcome.status, outcome.body, environment.id === 'sandbox'),
          })}
        />
      ) : null}
    </>
  );
}
