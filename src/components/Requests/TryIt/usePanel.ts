/**
 * The Try it panel's own state, next to the request state it reads: the issues
 * a send attempt found (unsafe characters and an invalid key show at once,
 * schema issues after a send attempt), sending (pending, cancel, timeout), the
 * outcome, the Retry-After wait after a 429, and the confirmation a share
 * link's writing request needs. The rules are pure functions of
 * src/lib/request/ (panel.ts, validate.ts, share.ts, send.ts); this hook wires
 * them to React state, the clock and the panel's DOM (focus).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { usableApiKey } from '@site/src/lib/request/apiKey';
import { buildRequest } from '@site/src/lib/request/build';
import { clampTimeoutSeconds, fieldIssue, retryDelaySeconds, secondsLeft, withoutField } from '@site/src/lib/request/panel';
import { DEFAULT_TIMEOUT_MS, sendRequest, type Outcome } from '@site/src/lib/request/send';
import { needsSendConfirmation } from '@site/src/lib/request/share';
import { liveIssues, validateRequest, type ValidationIssue } from '@site/src/lib/request/validate';
import type { RequestContextValue } from '../types';

export interface PanelState {
  /** The issue shown at a field (`query.page`, `body`, `apiKey`, ...). */
  issueFor: (field: string) => ValidationIssue | undefined;
  /** The user edited a field: its issue from the last send attempt goes. */
  clearIssue: (field: string) => void;
  /** The last send attempt found issues (the summary shows). */
  blocked: boolean;
  pending: boolean;
  outcome?: Outcome;
  timeoutSeconds: number;
  setTimeoutSeconds: (input: string) => void;
  /** Seconds left before a rate-limited panel may send again (0 when it may). */
  waitSeconds: number;
  /** A share link's writing request waits for the user's go-ahead. */
  confirming: boolean;
  /** Validates, asks when needed, then sends. */
  send: () => void;
  confirmSend: () => void;
  cancelConfirm: () => void;
  /** Aborts the request in flight. */
  cancel: () => void;
}

export function usePanel(request: RequestContextValue, panel: RefObject<HTMLElement | null>): PanelState {
  const { operation: op, values, apiKey, environment, environments, fromShareLink, confirmShareLink } = request;
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [timeoutSeconds, setTimeoutValue] = useState(DEFAULT_TIMEOUT_MS / 1000);
  const [blockedUntil, setBlockedUntil] = useState(0);
  const [clock, setClock] = useState(() => Date.now());
  const [confirming, setConfirming] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  // Ticks while a Retry-After wait is running, so the countdown stays right.
  useEffect(() => {
    if (blockedUntil <= clock) return;
    const t = setTimeout(() => setClock(Date.now()), 250);
    return () => clearTimeout(t);
  }, [blockedUntil, clock]);
  const waitSeconds = secondsLeft(blockedUntil, clock);

  const live = useMemo(() => liveIssues(op, values, apiKey.key), [op, values, apiKey.key]);
  const issueFor = useCallback((field: string) => fieldIssue(live, issues, field), [live, issues]);
  const clearIssue = useCallback((field: string) => setIssues((prev) => withoutField(prev, field)), []);

  const dispatch = useCallback(async () => {
    const req = buildRequest(op, values, { baseUrl: environment.proxyUrl ?? environment.baseUrl, apiKey: usableApiKey(apiKey.key) });
    const ctrl = new AbortController();
    controller.current = ctrl;
    setPending(true);
    setOutcome(undefined);
    const result = await sendRequest(req, { environments, timeoutMs: timeoutSeconds * 1000, signal: ctrl.signal });
    controller.current = null;
    setPending(false);
    setOutcome(result);
    const wait = retryDelaySeconds(result);
    if (wait !== undefined) {
      const now = Date.now();
      setClock(now);
      setBlockedUntil(now + wait * 1000);
    }
  }, [op, values, environment.baseUrl, environment.proxyUrl, apiKey.key, environments, timeoutSeconds]);

  const send = useCallback(() => {
    if (pending || waitSeconds > 0 || confirming) return;
    const found = validateRequest(op, values, { apiKey: apiKey.key, baseUrl: environment.proxyUrl ?? environment.baseUrl });
    setIssues(found);
    if (found.length) {
      panel.current?.querySelector<HTMLElement>(`[name="${CSS.escape(found[0]!.field)}"]`)?.focus();
      return;
    }
    if (needsSendConfirmation({ method: op.method, environment: environment.id, fromShareLink })) {
      setConfirming(true);
      return;
    }
    void dispatch();
  }, [pending, waitSeconds, confirming, op, values, apiKey.key, environment.id, environment.proxyUrl, environment.baseUrl, fromShareLink, dispatch, panel]);

  const confirmSend = useCallback(() => {
    setConfirming(false);
    confirmShareLink();
    void dispatch();
  }, [confirmShareLink, dispatch]);

  return {
    issueFor,
    clearIssue,
    blocked: issues.length > 0,
    pending,
    ...(outcome ? { outcome } : {}),
    timeoutSeconds,
    setTimeoutSeconds: (input) => setTimeoutValue(clampTimeoutSeconds(input)),
    waitSeconds,
    confirming,
    send,
    confirmSend,
    cancelConfirm: () => setConfirming(false),
    cancel: () => controller.current?.abort(),
  };
}
