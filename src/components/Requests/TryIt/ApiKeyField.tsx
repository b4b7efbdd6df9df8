/**
 * The API key of the current environment: a password field (show/hide), the
 * sandbox's demo key, a sandbox key of one's own ("Get a sandbox key", with
 * its note: ./useSandboxKey.ts, ./SandboxKeyNote.tsx), "forget", "remember on this device", "put my key in
 * copied snippets", and the key's issue (not a printable-ASCII bearer token)
 * shown at once. The key is stored by the request hook, never put in a URL.
 */
import React, { useId, useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
// The sandbox's public demo key (site config), also printed in the README and the docs.
import { DOCS_DEMO_API_KEY as DEMO_KEY } from '@site/src/config/site';
import { useRequest } from '../useRequestState';
import { issueMessage } from './messages';
import SandboxKeyNote from './SandboxKeyNote';
import { useSandboxKey } from './useSandboxKey';
import type { PanelState } from './usePanel';
import styles from './styles.module.css';

export default function ApiKeyField({ panel }: { panel: PanelState }): ReactNode {
  const { apiKey, setApiKey, forgetKey, environment } = useRequest();
  const [showKey, setShowKey] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const issue = panel.issueFor('apiKey');
  const sandboxKey = useSandboxKey();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        <Translate id="tryIt.apiKey">API key</Translate>
      </label>
      <div className={styles.inline}>
        <input
          id={id}
          name="apiKey"
          className={styles.input}
          type={showKey ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? `${errorId} ${hintId}` : hintId}
          value={apiKey.key}
          onChange={(e) => {
            setApiKey({ ...apiKey, key: e.target.value });
            panel.clearIssue('apiKey');
          }}
        />
        <button type="button" className="button button--sm button--secondary" aria-pressed={showKey} onClick={() => setShowKey((v) => !v)}>
          {showKey
            ? translate({ id: 'tryIt.apiKey.hide', message: 'Hide key' })
            : translate({ id: 'tryIt.apiKey.show', message: 'Show key' })}
        </button>
        {environment.id === 'sandbox' ? (
          <>
            <button type="button" className="button button--sm button--secondary" onClick={() => setApiKey({ ...apiKey, key: DEMO_KEY })}>
              <Translate id="tryIt.apiKey.demo">Use demo key</Translate>
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={sandboxKey.getKey} disabled={sandboxKey.state.phase === 'pending'}>
              <Translate id="tryIt.sandboxKey.get">Get a sandbox key</Translate>
            </button>
          </>
        ) : null}
        <button type="button" className="button button--sm button--secondary" onClick={forgetKey} disabled={!apiKey.key}>
          <Translate id="tryIt.apiKey.forget">Forget key</Translate>
        </button>
      </div>
      {issue ? (
        <span id={errorId} className={styles.error}>
          {issueMessage(issue)}
        </span>
      ) : null}
      {environment.id === 'sandbox' ? <SandboxKeyNote state={sandboxKey.state} /> : null}
      <label className={styles.check}>
        <input type="checkbox" checked={apiKey.remember} onChange={(e) => setApiKey({ ...apiKey, remember: e.target.checked })} />{' '}
        <Translate id="tryIt.apiKey.remember">Remember on this device</Translate>
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={apiKey.includeInCopy}
          onChange={(e) => setApiKey({ ...apiKey, includeInCopy: e.target.checked })}
        />{' '}
        <Translate id="tryIt.apiKey.includeInCopy">Put my key in copied snippets</Translate>
      </label>
      <span id={hintId} className={styles.hint}>
        <Translate id="tryIt.apiKey.hint">
          Kept in this tab only, unless you choose to remember it. It is sent only to the environment above, never put in links.
        </Translate>
      </span>
    </div>
  );
}
