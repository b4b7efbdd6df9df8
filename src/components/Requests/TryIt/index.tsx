/**
 * The "try it" panel: inputs generated from the operation, validation before
 * sending, environments, API key handling, send/cancel/timeout, the response
 * and translated advice. Loaded lazily on the first click on "Try it".
 * Unsafe characters and an invalid key are flagged at their field as soon as
 * the values hold them (typed or from a share link); a share link's
 * environment is only offered (ShareNotice), and its writing requests ask
 * before leaving the sandbox (ConfirmSend).
 */
import React, { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Environment, OperationModel, ParamModel, RequestValues } from '@site/src/lib/api/types';
import { buildRequest } from '@site/src/lib/request/build';
import { usableApiKey } from '@site/src/lib/request/apiKey';
import { liveIssues, validateRequest, type ValidationIssue } from '@site/src/lib/request/validate';
import {
  classifyStatus,
  DEFAULT_TIMEOUT_MS,
  errorFields,
  headerValue,
  retryAfterSeconds,
  sendRequest,
  type Outcome,
} from '@site/src/lib/request/send';
import { encodeShare, needsSendConfirmation } from '@site/src/lib/request/share';
import type { ApiKeyState } from '../types';
import SnippetBlock from '../SnippetBlock';
import ConfirmSend from './ConfirmSend';
import ResponseView from './ResponseView';
import ShareNotice from './ShareNotice';
import { environmentLabel, errorAdvice, errorTitle, issueMessage, statusAdvice } from './messages';
import styles from './styles.module.css';

/** The sandbox's public demo key, also printed in the README and the docs. */
const DEMO_KEY = 'test_gshuPaZoeEG6ovbc8M79w0QyM';

interface Props {
  operation: OperationModel;
  environments: Environment[];
  environment: Environment;
  onEnvironmentChange: (id: string) => void;
  /** The environment a share link named, while the panel is in another one. */
  suggestedEnvironment?: Environment;
  onDismissSuggestion: () => void;
  /** The values came from a share link and no writing request was confirmed since. */
  fromShareLink: boolean;
  onShareLinkConfirmed: () => void;
  values: RequestValues;
  onValuesChange: (values: RequestValues) => void;
  onReset: () => void;
  apiKey: ApiKeyState;
  onApiKeyChange: (key: ApiKeyState) => void;
  onForgetKey: () => void;
  curlSnippet: { code: string; copyText: string };
  onClose: () => void;
}

function schemaTypeLabel(param: ParamModel): string {
  const s = param.schema;
  const t = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null').join(' | ') : (s.type ?? 'string');
  return t === 'array' ? `${String(s.items?.type ?? 'string')}[]` : String(t);
}

function ParamField({
  param,
  value,
  issue,
  onChange,
}: {
  param: ParamModel;
  value: string;
  issue?: ValidationIssue;
  onChange: (value: string) => void;
}): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const s = param.schema;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  const describedBy = [hintId, issue ? errorId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: `${param.in}.${param.name}`,
    'aria-describedby': describedBy,
    'aria-invalid': issue ? true : undefined,
    'aria-required': param.required || undefined,
    className: styles.input,
  } as const;
  const hints: string[] = [schemaTypeLabel(param)];
  if (s.default !== undefined) hints.push(translate({ id: 'tryIt.param.default', message: 'default {value}' }, { value: String(s.default) }));
  if (typeof s.minimum === 'number') hints.push(`≥ ${s.minimum}`);
  if (typeof s.maximum === 'number') hints.push(`≤ ${s.maximum}`);
  if (type === 'array') hints.push(translate({ id: 'tryIt.param.commaList', message: 'comma-separated' }));
  let control: ReactNode;
  if (type === 'boolean' || Array.isArray(s.enum)) {
    const options = type === 'boolean' ? ['true', 'false'] : (s.enum ?? []).map(String);
    control = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{translate({ id: 'tryIt.param.unset', message: '(not set)' })}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        inputMode={type === 'integer' || type === 'number' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={s.default !== undefined ? String(s.default) : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        <code>{param.name}</code>
        {param.required ? (
          <span className={styles.required}>
            {' '}
            <Translate id="tryIt.param.required">required</Translate>
          </span>
        ) : null}
      </label>
      {control}
      <span id={hintId} className={styles.hint}>
        {hints.join(' · ')}
        {param.description ? ` — ${param.description}` : ''}
      </span>
      {issue ? (
        <span id={errorId} className={styles.error}>
          {issueMessage(issue)}
        </span>
      ) : null}
    </div>
  );
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

export default function TryIt(props: Props): ReactNode {
  const { operation: op, environment, values, apiKey, suggestedEnvironment: suggested } = props;
  const baseId = useId();
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [timeoutSeconds, setTimeoutSeconds] = useState(DEFAULT_TIMEOUT_MS / 1000);
  const [showKey, setShowKey] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState(0);
  const [clock, setClock] = useState(() => Date.now());
  const [shareState, setShareState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [confirming, setConfirming] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const firstInvalid = useRef<string | null>(null);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => controller.current?.abort();
  }, []);

  // Ticks while a Retry-After wait is running, so the countdown stays right.
  useEffect(() => {
    if (blockedUntil <= clock) return;
    const t = setTimeout(() => setClock(Date.now()), 250);
    return () => clearTimeout(t);
  }, [blockedUntil, clock]);
  const waitSeconds = Math.max(0, Math.ceil((blockedUntil - clock) / 1000));

  // Unsafe characters and an invalid key show at once; schema issues after a send attempt.
  const live = useMemo(() => liveIssues(op, values, apiKey.key), [op, values, apiKey.key]);
  const issueFor = useCallback(
    (field: string) => live.find((i) => i.field === field) ?? issues.find((i) => i.field === field),
    [live, issues],
  );

  const update = (param: ParamModel, value: string) => {
    const next: RequestValues = { ...values, path: { ...values.path }, query: { ...values.query } };
    if (param.in === 'path') next.path![param.name] = value;
    else next.query![param.name] = value;
    props.onValuesChange(next);
    if (issues.length) setIssues((prev) => prev.filter((i) => i.field !== `${param.in}.${param.name}`));
  };

  const dispatch = useCallback(async () => {
    const req = buildRequest(op, values, { baseUrl: environment.proxyUrl ?? environment.baseUrl, apiKey: usableApiKey(apiKey.key) });
    const ctrl = new AbortController();
    controller.current = ctrl;
    setPending(true);
    setOutcome(undefined);
    const result = await sendRequest(req, {
      environments: props.environments,
      timeoutMs: Math.max(1, timeoutSeconds) * 1000,
      signal: ctrl.signal,
    });
    controller.current = null;
    setPending(false);
    setOutcome(result);
    if (result.kind === 'response' && result.status === 429) {
      const seconds = retryAfterSeconds(headerValue(result.headers, 'retry-after')) ?? 1;
      const now = Date.now();
      setClock(now);
      setBlockedUntil(now + seconds * 1000);
    }
  }, [op, values, environment.baseUrl, environment.proxyUrl, apiKey.key, props.environments, timeoutSeconds]);

  const send = useCallback(async () => {
    if (pending || waitSeconds > 0 || confirming) return;
    const found = validateRequest(op, values, { apiKey: apiKey.key });
    setIssues(found);
    if (found.length) {
      firstInvalid.current = found[0]!.field;
      const el = panelRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(found[0]!.field)}"]`);
      el?.focus();
      return;
    }
    if (needsSendConfirmation({ method: op.method, environment: environment.id, fromShareLink: props.fromShareLink })) {
      setConfirming(true);
      return;
    }
    await dispatch();
  }, [pending, waitSeconds, confirming, op, values, apiKey.key, environment.id, props.fromShareLink, dispatch]);

  const confirmSend = () => {
    setConfirming(false);
    props.onShareLinkConfirmed();
    void dispatch();
  };

  const cancel = () => controller.current?.abort();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const share = async () => {
    const query = encodeShare(op, environment.id, values);
    const url = `${window.location.origin}${window.location.pathname}?${query}${window.location.hash}`;
    try {
      await navigator.clipboard.writeText(url);
      setShareState('copied');
    } catch {
      setShareState('failed');
    }
  };
  const shareUrl = useMemo(
    () => (typeof window === 'undefined' ? '' : `${window.location.pathname}?${encodeShare(op, environment.id, values)}`),
    [op, environment.id, values],
  );

  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const bodyIssue = issueFor('body');
  const keyIssue = issueFor('apiKey');
  const bodyId = `${baseId}-body`;
  const keyId = `${baseId}-key`;
  const envId = `${baseId}-env`;
  const timeoutId = `${baseId}-timeout`;
  const isSandbox = environment.id === 'sandbox';

  const announce = (() => {
    if (pending) return translate({ id: 'tryIt.announce.sending', message: 'Sending the request…' });
    if (!outcome) return '';
    if (outcome.kind === 'error') return errorTitle(outcome.type);
    return translate(
      { id: 'tryIt.announce.response', message: 'Response {status} {reason} in {ms} ms' },
      { status: outcome.status, reason: outcome.statusText, ms: outcome.durationMs },
    );
  })();

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
          onSwitch={() => props.onEnvironmentChange(suggested.id)}
          onStay={props.onDismissSuggestion}
        />
      ) : null}
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={envId} className={styles.label}>
            <Translate id="tryIt.environment">Environment</Translate>
          </label>
          <select id={envId} className={styles.input} value={environment.id} onChange={(e) => props.onEnvironmentChange(e.target.value)}>
            {props.environments.map((env) => (
              <option key={env.id} value={env.id}>
                {environmentLabel(env)}
              </option>
            ))}
          </select>
          <span className={styles.hint}>
            <Translate id="tryIt.baseUrl">Base URL:</Translate> <code>{environment.baseUrl}</code>
            {environment.proxyUrl ? (
              <>
                {' '}
                <Translate id="tryIt.proxy" values={{ url: <code>{environment.proxyUrl}</code> }}>
                  {'Requests go through the CORS proxy at {url}.'}
                </Translate>
              </>
            ) : null}
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor={keyId} className={styles.label}>
            <Translate id="tryIt.apiKey">API key</Translate>
          </label>
          <div className={styles.inline}>
            <input
              id={keyId}
              name="apiKey"
              className={styles.input}
              type={showKey ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={keyIssue ? true : undefined}
              aria-describedby={keyIssue ? `${keyId}-error ${keyId}-hint` : `${keyId}-hint`}
              value={apiKey.key}
              onChange={(e) => {
                props.onApiKeyChange({ ...apiKey, key: e.target.value });
                if (issues.length) setIssues((prev) => prev.filter((i) => i.field !== 'apiKey'));
              }}
            />
            <button
              type="button"
              className="button button--sm button--secondary"
              aria-pressed={showKey}
              onClick={() => setShowKey((v) => !v)}
            >
              {showKey
                ? translate({ id: 'tryIt.apiKey.hide', message: 'Hide key' })
                : translate({ id: 'tryIt.apiKey.show', message: 'Show key' })}
            </button>
            {isSandbox ? (
              <button
                type="button"
                className="button button--sm button--secondary"
                onClick={() => props.onApiKeyChange({ ...apiKey, key: DEMO_KEY })}
              >
                <Translate id="tryIt.apiKey.demo">Use demo key</Translate>
              </button>
            ) : null}
            <button type="button" className="button button--sm button--secondary" onClick={props.onForgetKey} disabled={!apiKey.key}>
              <Translate id="tryIt.apiKey.forget">Forget key</Translate>
            </button>
          </div>
          {keyIssue ? (
            <span id={`${keyId}-error`} className={styles.error}>
              {issueMessage(keyIssue)}
            </span>
          ) : null}
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={apiKey.remember}
              onChange={(e) => props.onApiKeyChange({ ...apiKey, remember: e.target.checked })}
            />{' '}
            <Translate id="tryIt.apiKey.remember">Remember on this device</Translate>
          </label>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={apiKey.includeInCopy}
              onChange={(e) => props.onApiKeyChange({ ...apiKey, includeInCopy: e.target.checked })}
            />{' '}
            <Translate id="tryIt.apiKey.includeInCopy">Put my key in copied snippets</Translate>
          </label>
          <span id={`${keyId}-hint`} className={styles.hint}>
            <Translate id="tryIt.apiKey.hint">
              Kept in this tab only, unless you choose to remember it. It is sent only to the environment above, never put in links.
            </Translate>
          </span>
        </div>
      </div>

      {pathParams.length ? (
        <fieldset className={styles.fieldset}>
          <legend>
            <Translate id="tryIt.pathParams">Path parameters</Translate>
          </legend>
          {pathParams.map((p) => (
            <ParamField key={p.name} param={p} value={asText(values.path?.[p.name])} issue={issueFor(`path.${p.name}`)} onChange={(v) => update(p, v)} />
          ))}
        </fieldset>
      ) : null}
      {queryParams.length ? (
        <fieldset className={styles.fieldset}>
          <legend>
            <Translate id="tryIt.queryParams">Query parameters</Translate>
          </legend>
          {queryParams.map((p) => (
            <ParamField key={p.name} param={p} value={asText(values.query?.[p.name])} issue={issueFor(`query.${p.name}`)} onChange={(v) => update(p, v)} />
          ))}
        </fieldset>
      ) : null}
      {op.body ? (
        <div className={styles.field}>
          <label htmlFor={bodyId} className={styles.label}>
            <Translate id="tryIt.body">Request body (JSON)</Translate>
          </label>
          <textarea
            id={bodyId}
            name="body"
            className={`${styles.input} ${styles.body}`}
            rows={Math.min(20, Math.max(6, (values.body ?? '').split('\n').length + 1))}
            spellCheck={false}
            aria-invalid={bodyIssue ? true : undefined}
            aria-describedby={bodyIssue ? `${bodyId}-error` : undefined}
            value={values.body ?? ''}
            onChange={(e) => {
              props.onValuesChange({ ...values, body: e.target.value });
              if (bodyIssue) setIssues((prev) => prev.filter((i) => i.field !== 'body'));
            }}
          />
          {bodyIssue ? (
            <span id={`${bodyId}-error`} className={styles.error}>
              {issueMessage(bodyIssue)}
            </span>
          ) : null}
        </div>
      ) : null}

      <div className={styles.actions}>
        <button type="button" className="button button--primary" onClick={() => void send()} disabled={pending || waitSeconds > 0}>
          {waitSeconds > 0
            ? translate({ id: 'tryIt.send.wait', message: 'Send again in {seconds} s' }, { seconds: waitSeconds })
            : translate({ id: 'tryIt.send', message: 'Send' })}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel} disabled={!pending}>
          <Translate id="tryIt.cancel">Cancel</Translate>
        </button>
        <button type="button" className="button button--secondary" onClick={props.onReset}>
          <Translate id="tryIt.reset">Reset to example</Translate>
        </button>
        <button type="button" className="button button--secondary" onClick={() => void share()}>
          <Translate id="tryIt.share">Copy share link</Translate>
        </button>
        <button type="button" className="button button--link" onClick={props.onClose}>
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
            min={1}
            max={300}
            value={timeoutSeconds}
            onChange={(e) => setTimeoutSeconds(Math.min(300, Math.max(1, Number(e.target.value) || 1)))}
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
            <Translate id="tryIt.share.failed">Could not copy. Share this link:</Translate> <code>{shareUrl}</code>
          </>
        ) : null}
      </p>
      {issues.length ? (
        <p className={styles.error} role="alert">
          <Translate id="tryIt.validation.summary">Correct the highlighted fields before sending.</Translate>
        </p>
      ) : null}

      {confirming ? (
        <ConfirmSend
          method={op.method}
          path={op.path}
          environment={environmentLabel(environment)}
          onConfirm={confirmSend}
          onCancel={() => setConfirming(false)}
        />
      ) : null}

      <div role="status" aria-live="polite" className={styles.live}>
        {announce}
      </div>

      {outcome?.kind === 'error' ? (
        <div className={`alert alert--${outcome.type === 'abort' ? 'info' : 'danger'}`}>
          <p className={styles.outcomeTitle}>{errorTitle(outcome.type)}</p>
          <p>{errorAdvice(outcome.type, timeoutSeconds)}</p>
          {outcome.type === 'network' ? (
            <SnippetBlock code={props.curlSnippet.code} copyText={props.curlSnippet.copyText} language="bash" label="cURL" />
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'response' ? (
        <ResponseView
          outcome={outcome}
          advice={statusAdvice(classifyStatus(outcome.status), {
            fields: errorFields(outcome.body),
            retryAfter: retryAfterSeconds(headerValue(outcome.headers, 'retry-after')),
            sandbox: isSandbox,
          })}
        />
      ) : null}
    </div>
  );
}
