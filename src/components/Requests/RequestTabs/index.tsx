/**
 * <RequestTabs endpoint='contacts_api' request="get_contacts"/>
 *
 * The remark plugin (plugins/remark-request-tabs.ts) adds the `operation` prop
 * from openapi/openapi.yaml at build time. Snippets are computed with useMemo
 * from props and state, so the static HTML already holds them; the "try it"
 * panel is a lazy chunk loaded on the first click.
 */
import React, { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import Translate, { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Environment, OperationModel, RequestValues } from '@site/src/lib/api/types';
import { usableApiKey } from '@site/src/lib/request/apiKey';
import { buildRequest, exampleValues } from '@site/src/lib/request/build';
import { environmentById } from '@site/src/lib/request/hosts';
import { decodeShare } from '@site/src/lib/request/share';
import { forgetKey, loadKey, saveKey } from '@site/src/lib/request/keyStore';
import { generateSnippet, targetIds, targets } from '@site/src/lib/snippets';
import SnippetBlock from '../SnippetBlock';
import type { ApiKeyState } from '../types';
import styles from './styles.module.css';

const TryIt = lazy(() => import('../TryIt'));

interface Props {
  endpoint: string;
  request: string;
  /** Injected at build time by the remark plugin. */
  operation?: OperationModel;
}

function useEnvironments(): { environments: Environment[]; defaultId: string } {
  const { siteConfig } = useDocusaurusContext();
  const environments = siteConfig.customFields?.apiEnvironments as Environment[];
  const defaultId = siteConfig.customFields?.defaultApiEnvironment as string;
  return { environments, defaultId };
}

export default function RequestTabs({ endpoint, request, operation }: Props): ReactNode {
  if (!operation) {
    throw new Error(`<RequestTabs endpoint="${endpoint}" request="${request}"/> was not resolved at build time`);
  }
  const op = operation;
  const { environments, defaultId } = useEnvironments();
  const [envId, setEnvId] = useState(defaultId);
  const [values, setValues] = useState<RequestValues>(() => exampleValues(op));
  const [key, setKeyState] = useState<ApiKeyState>({ key: '', remember: false, includeInCopy: false });
  const [open, setOpen] = useState(false);
  // What a share link brought: the environment it names (only ever a suggestion) and
  // whether its values still wait for the user's go-ahead on a writing request.
  const [suggestedEnvId, setSuggestedEnvId] = useState<string | undefined>();
  const [fromShareLink, setFromShareLink] = useState(false);
  const env = environmentById(environments, envId) ?? environments[0]!;
  const suggestedEnv = suggestedEnvId === env.id ? undefined : environmentById(environments, suggestedEnvId);

  // Restore the key of this environment (tab storage, or device storage if opted in).
  useEffect(() => {
    setKeyState((prev) => ({ ...loadKey(env.id), includeInCopy: prev.includeInCopy }));
  }, [env.id]);

  // A share link opens the panel with its values; it never carries a key or a host, and
  // never changes the environment: the panel offers the one it names.
  useEffect(() => {
    const shared = decodeShare(op, window.location.search, environments);
    if (!shared) return;
    setSuggestedEnvId(shared.suggestedEnvironment);
    setFromShareLink(true);
    setValues((prev) => ({
      path: { ...prev.path, ...shared.values.path },
      query: { ...shared.values.query },
      ...(shared.values.body !== undefined ? { body: shared.values.body } : prev.body !== undefined ? { body: prev.body } : {}),
    }));
    setOpen(true);
  }, [op, environments]);

  const chooseEnvironment = useCallback((id: string) => {
    setEnvId(id);
    setSuggestedEnvId(undefined);
  }, []);

  const setKey = useCallback(
    (next: ApiKeyState) => {
      setKeyState(next);
      saveKey(env.id, { key: next.key, remember: next.remember });
    },
    [env.id],
  );
  const clearKey = useCallback(() => {
    forgetKey(env.id);
    setKeyState((prev) => ({ key: '', remember: false, includeInCopy: prev.includeInCopy }));
  }, [env.id]);

  // A key that is not a bearer token is never printed: the snippets keep the placeholder.
  const usableKey = usableApiKey(key.key);
  const shown = useMemo(
    () => buildRequest(op, values, { baseUrl: env.baseUrl, apiKey: usableKey, maskKey: true }),
    [op, values, env.baseUrl, usableKey],
  );
  const copied = useMemo(
    () => buildRequest(op, values, { baseUrl: env.baseUrl, apiKey: key.includeInCopy ? usableKey : undefined }),
    [op, values, env.baseUrl, usableKey, key.includeInCopy],
  );
  const snippets = useMemo(
    () =>
      targetIds.map((id) => ({
        id,
        code: generateSnippet(id, shown),
        copyText: generateSnippet(id, copied),
      })),
    [shown, copied],
  );

  const regionLabel = translate(
    { id: 'requestTabs.region', message: 'Example request: {method} {path}' },
    { method: op.method, path: op.path },
  );

  return (
    <section className={styles.requestTabs} aria-label={regionLabel}>
      <div className={styles.header}>
        <span className={`${styles.method} ${styles[`method_${op.method}`] ?? ''}`}>{op.method}</span>
        <code className={styles.url}>{shown.baseUrl}</code>
      </div>
      <Tabs groupId="snippet-language" className={styles.tabs}>
        {snippets.map(({ id, code, copyText }) => (
          <TabItem key={id} value={id} label={targets[id].label}>
            <SnippetBlock
              code={code}
              copyText={copyText}
              language={targets[id].language}
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
          {key.includeInCopy ? (
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
      {open ? (
        <Suspense
          fallback={
            <p role="status">
              <Translate id="requestTabs.loading">Loading the request panel…</Translate>
            </p>
          }
        >
          <TryIt
            operation={op}
            environments={environments}
            environment={env}
            onEnvironmentChange={chooseEnvironment}
            suggestedEnvironment={suggestedEnv}
            onDismissSuggestion={() => setSuggestedEnvId(undefined)}
            fromShareLink={fromShareLink}
            onShareLinkConfirmed={() => setFromShareLink(false)}
            values={values}
            onValuesChange={setValues}
            onReset={() => {
              setValues(exampleValues(op));
              setFromShareLink(false);
            }}
            apiKey={key}
            onApiKeyChange={setKey}
            onForgetKey={clearKey}
            curlSnippet={snippets.find((s) => s.id === 'curl')!}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : (
        <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
          <Translate id="requestTabs.tryIt">Try it</Translate>
        </button>
      )}
    </section>
  );
}
