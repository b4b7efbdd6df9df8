/**
 * The "try it" panel, loaded lazily on the first click on "Try it" (or by a
 * share link). It reads and changes the block's request through `useRequest()`
 * (environment, values, key, share-link state: see ../useRequestState.ts) and
 * keeps its own sending state in `usePanel()`. This file only lays the panel
 * out; each part is a component of its own:
 * - ShareNotice: a share link's environment, only offered;
 * - EnvironmentField, ApiKeyField: where to send, and with which key;
 * - Fields: path and query parameters, the body editor;
 * - Actions: send, cancel, reset, share, close, timeout;
 * - ConfirmSend: a share link's writing request asks before leaving the sandbox;
 * - Outcome: the live announcement, typed errors, the response.
 * A new control is a component reading `useRequest()` (and `panel` for issues),
 * placed here.
 */
import React, { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import { isSendShortcut } from '@site/src/lib/request/panel';
import { useRequest } from '../useRequestState';
import Actions from './Actions';
import ApiKeyField from './ApiKeyField';
import ConfirmSend from './ConfirmSend';
import EnvironmentField from './EnvironmentField';
import Fields from './Fields';
import Outcome from './Outcome';
import ShareNotice from './ShareNotice';
import { environmentLabel } from './messages';
import { usePanel } from './usePanel';
import styles from './styles.module.css';

export default function TryIt(): ReactNode {
  const request = useRequest();
  const { operation, environment, suggestedEnvironment: suggested } = request;
  const panelRef = useRef<HTMLDivElement>(null);
  const panel = usePanel(request, panelRef);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isSendShortcut(event)) {
      event.preventDefault();
      panel.send();
    }
  };

  return (
    <div
      ref={panelRef}
      className={styles.panel}
      role="group"
      aria-label={translate({ id: 'tryIt.panel', message: 'Try this request' })}
      onKeyDown={onKeyDown}
    >
      {suggested ? (
        <ShareNotice
          suggested={suggested}
          current={environment}
          onSwitch={() => request.chooseEnvironment(suggested.id)}
          onStay={request.dismissSuggestion}
        />
      ) : null}
      <div className={styles.row}>
        <EnvironmentField />
        <ApiKeyField panel={panel} />
      </div>
      <Fields panel={panel} />
      <Actions panel={panel} />
      {panel.confirming ? (
        <ConfirmSend
          method={operation.method}
          path={operation.path}
          environment={environmentLabel(environment)}
          onConfirm={panel.confirmSend}
          onCancel={panel.cancelConfirm}
        />
      ) : null}
      <Outcome panel={panel} />
    </div>
  );
}
