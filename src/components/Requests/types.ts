/**
 * Types shared by RequestTabs, the request hook and the lazily loaded TryIt panel. They
 * live here, not in any of those modules, so that none imports another's module for a
 * type (RequestTabs lazy-imports TryIt; a type import back would close an import cycle).
 */
import type { ClientOperation } from '@site/src/lib/api/clientModel';
import type { Environment, NormalizedRequest, RequestValues } from '@site/src/lib/api/types';
import type { RequestExample } from '@site/src/lib/request/examples';
import type { ApiKeyState } from '@site/src/lib/request/state';

export type { ApiKeyState };

/**
 * The request of one RequestTabs block, as `useRequestState` keeps it and `useRequest`
 * hands it to any component inside the block (the snippets, the panel, its controls).
 */
export interface RequestContextValue {
  operation: ClientOperation;
  /** The requests the operation documents (the example selector's choices; the page's own first). */
  examples: RequestExample[];
  /** The one the values started from: picked in the selector or named by a share link, else the first. */
  example: RequestExample;
  /** The environments the build allows (siteConfig), in the select's order. */
  environments: Environment[];
  environment: Environment;
  /** The environment a share link named, while the panel is in another one. */
  suggestedEnvironment?: Environment;
  values: RequestValues;
  apiKey: ApiKeyState;
  /** The key, trimmed, when it is a valid bearer token; undefined otherwise (snippets keep the placeholder). */
  usableKey?: string;
  /** The values came from a share link and no writing request was confirmed since. */
  fromShareLink: boolean;
  /** Whether the Try it panel is open. */
  open: boolean;
  /** The request as the page shows it (key masked) and as copy buttons copy it (key only if opted in). */
  shown: NormalizedRequest;
  copied: NormalizedRequest;

  chooseEnvironment: (id: string) => void;
  dismissSuggestion: () => void;
  setValues: (values: RequestValues) => void;
  /** Back to the chosen example's values. */
  reset: () => void;
  /** Picks a documented example by id: its values replace the current ones (snippets, Try it body). */
  chooseExample: (id: string) => void;
  /** Sets the key and stores it for the current environment (tab, or device if `remember`). */
  setApiKey: (apiKey: ApiKeyState) => void;
  /** Removes the current environment's key from the panel and from every storage. */
  forgetKey: () => void;
  /** The user confirmed a writing request whose values a share link filled. */
  confirmShareLink: () => void;
  setOpen: (open: boolean) => void;
}
