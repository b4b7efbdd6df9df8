/**
 * The request one RequestTabs block and its Try it panel share: the chosen
 * environment, the values, the API key, whether the panel is open, and what a
 * share link brought (the environment it names, only ever a suggestion, and
 * whether its values still wait for the user's go-ahead on a writing request).
 * A pure reducer: no storage, no URL, no React. The hook
 * `src/components/Requests/useRequestState.ts` runs it and does those effects.
 */
import type { Environment, RequestValues } from '../api/types';
import { environmentById } from './hosts';
import type { StoredKey } from './keyStore';
import type { SharedState } from './share';

/** The API key of the current environment, as the panel and the snippets use it. */
export interface ApiKeyState extends StoredKey {
  /** Whether copied snippets carry the real key instead of the placeholder. */
  includeInCopy: boolean;
}

export interface RequestState {
  environmentId: string;
  values: RequestValues;
  apiKey: ApiKeyState;
  /** Whether the Try it panel is open. */
  open: boolean;
  /** The configured environment a share link named; the panel offers it, never applies it. */
  suggestedEnvironmentId?: string;
  /** The values came from a share link and no writing request was confirmed since. */
  fromShareLink: boolean;
  /** The documented example (./examples.ts id) the values started from; undefined: the page's own request. */
  exampleId?: string;
}

export type RequestAction =
  | { type: 'chooseEnvironment'; id: string }
  | { type: 'dismissSuggestion' }
  | { type: 'setValues'; values: RequestValues }
  /** The user picked a documented example: its values replace the current ones, like a reset to it. */
  | { type: 'chooseExample'; id: string; values: RequestValues }
  /** Back to the given (documented) values; a share link's values no longer count as such. */
  | { type: 'reset'; values: RequestValues }
  /** The key stored for the current environment was read; `includeInCopy` is the user's and stays. */
  | { type: 'keyLoaded'; key: StoredKey }
  | { type: 'setApiKey'; apiKey: ApiKeyState }
  | { type: 'forgetKey' }
  /** A share link for this operation was opened: its values, its suggestion, the panel opens. */
  | { type: 'shareLink'; shared: SharedState }
  | { type: 'shareLinkConfirmed' }
  | { type: 'setOpen'; open: boolean };

export function initialRequestState(environmentId: string, values: RequestValues): RequestState {
  return {
    environmentId,
    values,
    apiKey: { key: '', remember: false, includeInCopy: false },
    open: false,
    fromShareLink: false,
  };
}

/**
 * A share link's values over the current ones: its path values win, its query
 * replaces the query, its body replaces the body when it has one.
 */
export function mergeShared(current: RequestValues, shared: RequestValues): RequestValues {
  const body = shared.body !== undefined ? shared.body : current.body;
  return {
    path: { ...current.path, ...shared.path },
    query: { ...shared.query },
    ...(body !== undefined ? { body } : {}),
  };
}

/**
 * The reducer. An action that changes nothing (the key read from storage is the one
 * already there, the panel is already open, ...) returns `state` itself, so React
 * skips the render: at page load the block's effects dispatch such actions.
 */
export function requestReducer(state: RequestState, action: RequestAction): RequestState {
  const next = reduce(state, action);
  return sameState(state, next) ? state : next;
}

function reduce(state: RequestState, action: RequestAction): RequestState {
  switch (action.type) {
    case 'chooseEnvironment':
      return { ...state, environmentId: action.id, suggestedEnvironmentId: undefined };
    case 'dismissSuggestion':
      return { ...state, suggestedEnvironmentId: undefined };
    case 'setValues':
      return { ...state, values: action.values };
    case 'reset':
      return { ...state, values: action.values, fromShareLink: false };
    case 'chooseExample':
      return { ...state, exampleId: action.id, values: action.values, fromShareLink: false };
    case 'keyLoaded':
      return { ...state, apiKey: sameKey(state.apiKey, action.key) ? state.apiKey : { ...action.key, includeInCopy: state.apiKey.includeInCopy } };
    case 'setApiKey':
      return { ...state, apiKey: sameKey(state.apiKey, action.apiKey) && state.apiKey.includeInCopy === action.apiKey.includeInCopy ? state.apiKey : action.apiKey };
    case 'forgetKey':
      return { ...state, apiKey: sameKey(state.apiKey, { key: '', remember: false }) ? state.apiKey : { key: '', remember: false, includeInCopy: state.apiKey.includeInCopy } };
    case 'shareLink':
      return {
        ...state,
        suggestedEnvironmentId: action.shared.suggestedEnvironment,
        exampleId: action.shared.example ?? state.exampleId,
        fromShareLink: true,
        values: mergeShared(state.values, action.shared.values),
        open: true,
      };
    case 'shareLinkConfirmed':
      return { ...state, fromShareLink: false };
    case 'setOpen':
      return { ...state, open: action.open };
  }
}

function sameKey(a: StoredKey, b: StoredKey): boolean {
  return a.key === b.key && a.remember === b.remember;
}

/** Whether every field holds the same value (objects compared by identity): the action changed nothing. */
function sameState(a: RequestState, b: RequestState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof RequestState>);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * The environment the state is in (the first configured one when its id is unknown),
 * and the one a share link suggests, unless the panel is already there.
 */
export function currentEnvironments(
  environments: readonly Environment[],
  state: Pick<RequestState, 'environmentId' | 'suggestedEnvironmentId'>,
): { environment: Environment; suggested?: Environment } {
  const list = [...environments];
  const environment = environmentById(list, state.environmentId) ?? list[0];
  if (!environment) throw new Error('No API environment is configured (siteConfig.customFields.apiEnvironments)');
  const suggested =
    state.suggestedEnvironmentId === environment.id ? undefined : environmentById(list, state.suggestedEnvironmentId);
  return suggested ? { environment, suggested } : { environment };
}
