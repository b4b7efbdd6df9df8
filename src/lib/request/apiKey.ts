/**
 * What an API key may hold: a bearer token is printable ASCII without spaces
 * (RFC 6750 `b64token` is narrower still). Anything else (CR/LF, controls,
 * spaces, non-ASCII) could inject a header into a snippet or a request, so the
 * panel refuses it at the field and no snippet ever prints it. Pure.
 */

/** Printable ASCII from `!` to `~`: no space, no control character. */
export const API_KEY_PATTERN = /^[\x21-\x7e]+$/;

/** Why a typed key cannot be used, or undefined when it can (an empty key is simply absent). */
export type ApiKeyProblem = 'invalid-characters';

export function apiKeyProblem(key: string): ApiKeyProblem | undefined {
  const trimmed = key.trim();
  if (trimmed === '') return undefined;
  return API_KEY_PATTERN.test(trimmed) ? undefined : 'invalid-characters';
}

/** The key to send or print, trimmed; undefined when it is empty or not a valid bearer token. */
export function usableApiKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const trimmed = key.trim();
  return trimmed !== '' && apiKeyProblem(trimmed) === undefined ? trimmed : undefined;
}
