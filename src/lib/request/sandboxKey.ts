/**
 * A sandbox key of one's own, for the Try it panel's "Get a sandbox key":
 * `POST <sandbox base URL>/sandbox/keys` (no key, no body, no cookies: a
 * simple cross-origin request) answers 201 `{"key", "expiresAt"}`; 429 past
 * the minting limit of the visitor's address, 503 when the sandbox cannot
 * reach its store. `readMintAnswer` turns an answer into a typed result (a
 * key that is not a usable bearer token is refused), `mintSandboxKey` sends
 * the request. A minted key is a throwaway, so it goes into copied snippets
 * by default (`withMintedKey`); the panel's switch still turns that off.
 *
 * `keyAdvice` reads an API error for what the panel should advise about the
 * key: the demo key is read-only on a public sandbox (403 read_only_key), a
 * minted key has expired (401 key_expired), the sandbox's store is away (503
 * service_unavailable). Pure, except `mintSandboxKey`'s fetch (injectable).
 */
import { usableApiKey } from './apiKey';
import { retryAfterSeconds } from './send';
import type { ApiKeyState } from './state';

/** The minting endpoint under a sandbox base URL (`http://localhost:4010/v1`). */
export function mintUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/sandbox/keys`;
}

export type MintResult =
  | { kind: 'minted'; key: string; expiresAt: string }
  | { kind: 'rate_limited'; retryAfter?: number }
  | { kind: 'unavailable'; retryAfter?: number }
  | { kind: 'failed'; status: number }
  | { kind: 'network' };

/** What an answer of POST /sandbox/keys means. */
export function readMintAnswer(status: number, retryAfter: string | null | undefined, body: string): MintResult {
  if (status === 429) return { kind: 'rate_limited', retryAfter: retryAfterSeconds(retryAfter) };
  if (status === 503) return { kind: 'unavailable', retryAfter: retryAfterSeconds(retryAfter) };
  if (status !== 201 && status !== 200) return { kind: 'failed', status };
  try {
    const parsed = JSON.parse(body) as { key?: unknown; expiresAt?: unknown };
    const key = typeof parsed.key === 'string' ? usableApiKey(parsed.key) : undefined;
    const expiresAt = typeof parsed.expiresAt === 'string' && !Number.isNaN(Date.parse(parsed.expiresAt)) ? parsed.expiresAt : undefined;
    // Only a printable bearer token (never a control character or a space) reaches the field and the snippets.
    if (key === undefined || key !== parsed.key || expiresAt === undefined) return { kind: 'failed', status };
    return { kind: 'minted', key, expiresAt };
  } catch {
    return { kind: 'failed', status };
  }
}

export const MINT_TIMEOUT_MS = 15_000;

/** Asks the sandbox at `baseUrl` for a key; never throws. */
export async function mintSandboxKey(baseUrl: string, fetchImpl: typeof fetch = fetch, timeoutMs = MINT_TIMEOUT_MS): Promise<MintResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(mintUrl(baseUrl), { method: 'POST', credentials: 'omit', cache: 'no-store', signal: controller.signal });
    return readMintAnswer(response.status, response.headers.get('Retry-After'), await response.text());
  } catch {
    return { kind: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** The key field with a minted key: in copied snippets too, since it is a throwaway (the switch can turn that off). */
export function withMintedKey(current: ApiKeyState, key: string): ApiKeyState {
  return { ...current, key, includeInCopy: true };
}

/** The `error.code` of an API error body, or undefined. */
export function errorCode(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

export type KeyAdvice = 'read_only_demo_key' | 'key_expired' | 'store_unavailable';

/** What to advise about the key after this answer of the sandbox (nothing for other answers, or other environments). */
export function keyAdvice(status: number, body: string, sandbox: boolean): KeyAdvice | undefined {
  if (!sandbox) return undefined;
  const code = errorCode(body);
  if (status === 403 && code === 'read_only_key') return 'read_only_demo_key';
  if (status === 401 && code === 'key_expired') return 'key_expired';
  if (status === 503 && code === 'service_unavailable') return 'store_unavailable';
  return undefined;
}
