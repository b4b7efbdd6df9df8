/**
 * The request state of one RequestTabs block, shared with its Try it panel.
 * `useRequestState(operation)` (called once, by RequestTabs) runs the pure
 * reducer of src/lib/request/state.ts and its effects: the environments from
 * siteConfig, the stored key of the current environment, a share link in the
 * page URL (applied once; it never carries a key or a host and never switches
 * the environment), and the documented examples the values may start from
 * (src/lib/request/examples.ts; `chooseExample` picks one). `RequestContext` passes the result down, across the lazy
 * boundary, and `useRequest()` reads it in any component inside the block.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { ClientOperation } from '@site/src/lib/api/clientModel';
import type { Environment } from '@site/src/lib/api/types';
import { usableApiKey } from '@site/src/lib/request/apiKey';
import { buildRequest, exampleValues } from '@site/src/lib/request/build';
import { chosenExample, exampleById, requestExamples } from '@site/src/lib/request/examples';
import { forgetKey, loadKey, saveKey } from '@site/src/lib/request/keyStore';
import { decodeShare } from '@site/src/lib/request/share';
import { currentEnvironments, initialRequestState, requestReducer, type ApiKeyState } from '@site/src/lib/request/state';
import type { RequestContextValue } from './types';

function useEnvironments(): { environments: Environment[]; defaultId: string } {
  const { siteConfig } = useDocusaurusContext();
  const environments = siteConfig.customFields?.apiEnvironments as Environment[];
  const defaultId = siteConfig.customFields?.defaultApiEnvironment as string;
  return { environments, defaultId };
}

export function useRequestState(operation: ClientOperation): RequestContextValue {
  const { environments, defaultId } = useEnvironments();
  const [state, dispatch] = useReducer(requestReducer, undefined, () => initialRequestState(defaultId, exampleValues(operation)));
  const { environment, suggested } = currentEnvironments(environments, state);
  const envId = environment.id;
  const examples = useMemo(() => requestExamples(operation), [operation]);
  const example = chosenExample(examples, state.exampleId);

  // Restore the key of this environment (tab storage, or device storage if opted in).
  useEffect(() => {
    dispatch({ type: 'keyLoaded', key: loadKey(envId) });
  }, [envId]);

  // A share link opens the panel with its values; the environment it names is only offered.
  useEffect(() => {
    const shared = decodeShare(operation, window.location.search, environments);
    if (shared) dispatch({ type: 'shareLink', shared });
  }, [operation, environments]);

  const setApiKey = useCallback(
    (apiKey: ApiKeyState) => {
      dispatch({ type: 'setApiKey', apiKey });
      saveKey(envId, { key: apiKey.key, remember: apiKey.remember });
    },
    [envId],
  );
  const forget = useCallback(() => {
    forgetKey(envId);
    dispatch({ type: 'forgetKey' });
  }, [envId]);
  const actions = useMemo(
    () => ({
      chooseEnvironment: (id: string) => dispatch({ type: 'chooseEnvironment', id }),
      dismissSuggestion: () => dispatch({ type: 'dismissSuggestion' }),
      setValues: (values: RequestContextValue['values']) => dispatch({ type: 'setValues', values }),
      // Back to the chosen example's values (the page's own request until one is picked).
      reset: () => dispatch({ type: 'reset', values: chosenExample(examples, state.exampleId).values }),
      chooseExample: (id: string) => {
        const picked = exampleById(examples, id);
        if (picked) dispatch({ type: 'chooseExample', id: picked.id, values: picked.values });
      },
      confirmShareLink: () => dispatch({ type: 'shareLinkConfirmed' }),
      setOpen: (open: boolean) => dispatch({ type: 'setOpen', open }),
    }),
    [examples, state.exampleId],
  );

  // A key that is not a bearer token is never printed: the snippets keep the placeholder.
  const usableKey = usableApiKey(state.apiKey.key);
  const { values, apiKey } = state;
  const shown = useMemo(
    () => buildRequest(operation, values, { baseUrl: environment.baseUrl, apiKey: usableKey, maskKey: true }),
    [operation, values, environment.baseUrl, usableKey],
  );
  const copied = useMemo(
    () => buildRequest(operation, values, { baseUrl: environment.baseUrl, apiKey: apiKey.includeInCopy ? usableKey : undefined }),
    [operation, values, environment.baseUrl, usableKey, apiKey.includeInCopy],
  );

  return useMemo(
    () => ({
      operation,
      examples,
      example,
      environments,
      environment,
      ...(suggested ? { suggestedEnvironment: suggested } : {}),
      values,
      apiKey,
      ...(usableKey !== undefined ? { usableKey } : {}),
      fromShareLink: state.fromShareLink,
      open: state.open,
      shown,
      copied,
      ...actions,
      setApiKey,
      forgetKey: forget,
    }),
    [operation, examples, example, environments, environment, suggested, values, apiKey, usableKey, state.fromShareLink, state.open, shown, copied, actions, setApiKey, forget],
  );
}

export const RequestContext = createContext<RequestContextValue | null>(null);

/** The request of the RequestTabs block around the calling component. */
export function useRequest(): RequestContextValue {
  const request = useContext(RequestContext);
  if (!request) throw new Error('useRequest() is used outside a <RequestTabs> block');
  return request;
}
