/**
 * What the user does with the request: send (or wait out a 429), cancel,
 * reset to the chosen documented example, copy a share link (example, values and
 * environment, never the key), close, and the timeout; then the shortcut hint, the share
 * link's result and the summary when a send attempt found issues.
 */
import React, { useId, useMemo, useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, shareUrl } from '@site/src/lib/request/panel';
import { encodeShare } from '@site/src/lib/request/share';
import { useRequest } from '../useRequestState';
import type { PanelState } from './usePanel';
import styles from './styles.module.css';

export default function Actions({ panel }: { panel: PanelState }): ReactNode {
  const { operation, environment, values, reset, setOpen, examples, example } = useRequest();
  const [shareState, setShareState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timeoutId = useId();
  // The link names the chosen example when the operation documents several.
  const exampleId = examples.length > 1 ? example.id : undefined;
  const shareQuery = useMemo(() => encodeShare(operation, environment.id, values, exampleId), [operation, environment.id, values, exampleId]);

  const share = async () => {
    try {
      await navigator.clipboard.writeText(shareUrl(window.location, shareQuery));
      setShareState('copied');
    } catch {
      setShareState('failed');
    }
  };

  const { pending, waitSeconds } = panel;
  return (
    <>
      <div className={styles.actions}>
        <button type="button" className="button button--primary" onClick={panel.send} disabled={pending || waitSeconds > 0}>
          {waitSeconds > 0
            ? translate({ id: 'tryIt.send.wait', message: 'Send again in {seconds} s' }, { seconds: waitSeconds })
            : translate({ id: 'tryIt.send', message: 'Send' })}
        </button>
        <button type="button" className="button button--secondary" onClick={panel.cancel} disabled={!pending}>
          <Translate id="tryIt.cancel">Cancel</Translate>
        </button>
        <button type="button" className="button button--secondary" onClick={reset}>
          <Translate id="tryIt.reset">Reset to example</Translate>
        </button>
        <button type="button" className="button button--secondary" onClick={() => void share()}>
          <Translate id="tryIt.share">Copy share link</Translate>
        </button>
        <button type="button" className="button button--link" onClick={() => setOpen(false)}>
          <Translate id="tryIt.close">Close</Translate>
        </button>
        <span className={styles.inline}>
          <label htmlFor={timeoutId}>
            <Translate id="tryIt.timeout">Timeout (seconds)</Translate>
          </label>
          <input
            id={timeoutId}
            className={`${styles.input} ${styles.small}`}
            type="number"
            min={MIN_TIMEOUT_SECONDS}
            max={MAX_TIMEOUT_SECONDS}
            value={panel.timeoutSeconds}
            onChange={(e) => panel.setTimeoutSeconds(e.target.value)}
          />
        </span>
      </div>
      <p className={styles.hint}>
        <Translate id="tryIt.shortcut">Press Ctrl+Enter (⌘+Enter on a Mac) in any field to send.</Translate>
        {shareState === 'copied' ? (
          <>
            {' '}
            <Translate id="tryIt.share.copied">Share link copied. It does not contain your API key.</Translate>
          </>
        ) : shareState === 'failed' ? (
          <>
            {' '}
            <Translate id="tryIt.share.failed">Could not copy. Share this link:</Translate>{' '}
            <code>{`${window.location.pathname}?${shareQuery}`}</code>
          </>
        ) : null}
      </p>
      {panel.blocked ? (
        <p className={styles.error} role="alert">
          <Translate id="tryIt.validation.summary">Correct the highlighted fields before sending.</Translate>
        </p>
      ) : null}
    </>
  );
}
