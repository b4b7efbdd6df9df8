/**
 * Types shared by RequestTabs and the lazily loaded TryIt panel. They live here, not in
 * either component, so that neither imports the other's module (RequestTabs lazy-imports
 * TryIt; a type import back from TryIt would close an import cycle).
 */
import type { StoredKey } from '@site/src/lib/request/keyStore';

/** The API key of the current environment, as the panel and the snippets use it. */
export interface ApiKeyState extends StoredKey {
  /** Whether copied snippets carry the real key instead of the placeholder. */
  includeInCopy: boolean;
}
