/**
 * <RequestTabs endpoint='contacts_api' request="get_contacts"/>
 *
 * The remark plugin (plugins/remark-request-tabs.ts) adds the `operation` prop
 * from openapi/openapi.yaml at build time. An operation that documents several
 * requests gets an example selector above the snippets (ExampleSelect). The block owns the request state
 * (useRequestState) and hands it to everything inside it through
 * RequestContext. Each tab's snippet (RequestSnippet) is rendered from that state,
 * so the static HTML holds every one of them; at load the browser keeps that HTML
 * and highlights a tab only once it is selected. The "try it" panel is a lazy
 * chunk loaded on the first click (or by a share link), and reads the same state.
 */
import React, { lazy, Suspense, type ReactNode } from 'react';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import Translate, { translate } from '@docusaurus/Translate';
import type { ClientOperation } from '@site/src/lib/api/clientModel';
import { targetIds, targets } from '@site/src/lib/snippets';
import ExampleSelect from '../ExampleSelect';
import RequestSnippet from './RequestSnippet';
import { RequestContext, useRequestState } from '../useRequestState';
import styles from './styles.module.css';

const TryIt = lazy(() => import('../TryIt'));

interface Props {
  endpoint: string;
  request: string;
  /** Injected at build time by the remark plugin: what the browser reads of the operation (src/lib/api/clientModel.ts). */
  operation?: ClientOperation;
  /** Ids of the page's response example headings (plugins/remark-example-responses.ts), for the example selector. */
  responseAnchors?: string[];
}

export default function RequestTabs({ endpoint, request: requestId, operation, responseAnchors }: Props): ReactNode {
  if (!operation) {
    throw new Error(`<RequestTabs endpoint="${endpoint}" request="${requestId}"/> was not resolved at build time`);
  }
  const op = operation;
  const request = useRequestState(op);
  const { shown, copied, apiKey, usableKey } = request;

  const regionLabel = translate(
    { id: 'requestTabs.region', message: 'Example request: {method} {path}' },
    { method: op.method, path: op.path },
  );

  return (
    <RequestContext value={request}>
      <section className={styles.requestTabs} aria-label={regionLabel}>
        <div className={styles.header}>
          <span className={`${styles.method} ${styles[`method_${op.method}`] ?? ''}`}>{op.method}</span>
          <code className={styles.url}>{shown.baseUrl}</code>
        </div>
        <ExampleSelect anchors={responseAnchors} />
        <Tabs groupId="snippet-language" className={styles.tabs}>
          {targetIds.map((id) => (
            <TabItem key={id} value={id} label={targets[id].label}>
              <RequestSnippet
                target={id}
                shown={shown}
                copied={copied}
                label={translate(
                  { id: 'requestTabs.snippetLabel', message: '{language} example for {method} {path}' },
                  { language: targets[id].label, method: op.method, path: op.path },
                )}
              />
            </TabItem>
          ))}
        </Tabs>
        {usableKey ? (
          <p className={styles.keyNote}>
            {apiKey.includeInCopy ? (
              <Translate id="requestTabs.keyNote.included">
                Your API key is masked on screen. Copied snippets contain the real key.
              </Translate>
            ) : (
              <Translate id="requestTabs.keyNote.placeholder">
                Your API key is masked on screen. Copied snippets contain a placeholder instead of it.
              </Translate>
            )}
          </p>
        ) : null}
        {request.open ? (
          <Suspense
            fallback={
              <p role="status">
                <Translate id="requestTabs.loading">Loading the request panel…</Translate>
              </p>
            }
          >
            <TryIt />
          </Suspense>
        ) : (
          <button type="button" className="button button--primary" onClick={() => request.setOpen(true)}>
            <Translate id="requestTabs.tryIt">Try it</Translate>
          </button>
        )}
      </section>
    </RequestContext>
  );
}
