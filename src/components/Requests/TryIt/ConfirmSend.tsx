/**
 * Asks before a writing request whose values a share link filled goes to an
 * environment other than the sandbox. A modal <dialog>: focus starts on
 * "Don't send", Escape cancels, and nothing is sent unless "Send" is pressed.
 */
import React, { useEffect, useId, useRef, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { HttpMethod } from '@site/src/lib/api/types';
import styles from './styles.module.css';

interface Props {
  method: HttpMethod;
  path: string;
  /** The environment's name, as the select shows it. */
  environment: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function ConfirmSend({ method, path, environment, onConfirm, onCancel }: Props): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    keep.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className={styles.dialogTitle}>
        {translate({ id: 'tryIt.confirm.title', message: 'Send this request to {environment}?' }, { environment })}
      </h2>
      <p id={textId}>
        <Translate
          id="tryIt.confirm.text"
          description="{request} is the method and path, e.g. POST /contacts; {environment} an environment name"
          values={{ request: <code>{`${method} ${path}`}</code>, environment }}
        >
          {'The values of this {request} request come from a shared link, and it changes data in {environment}. Check the parameters and the body before you send it.'}
        </Translate>
      </p>
      <div className={styles.inline}>
        <button ref={keep} type="button" className="button button--secondary" onClick={onCancel}>
          <Translate id="tryIt.confirm.cancel">Don't send</Translate>
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {translate({ id: 'tryIt.confirm.send', message: 'Send to {environment}' }, { environment })}
        </button>
      </div>
    </dialog>
  );
}
