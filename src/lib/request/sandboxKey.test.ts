/**
 * "Get a sandbox key": the minting URL, every answer of POST /sandbox/keys
 * turned into a typed result (refusing a key the field could not hold), the
 * request itself (no key, no body, no cookies), the key state after minting,
 * and the advice read from the sandbox's errors. The last test mints against
 * a real sandbox app, in-process.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/src/app';
import { errorCode, keyAdvice, mintSandboxKey, mintUrl, readMintAnswer, withMintedKey } from './sandboxKey';

const KEY = `test_sbx${'ab'.repeat(22)}`;
const ok = JSON.stringify({ key: KEY, expiresAt: '2026-07-03T09:30:00Z' });

describe('mintUrl', () => {
  it('is /sandbox/keys under the base URL, whatever its trailing slashes', () => {
    expect(mintUrl('http://localhost:4010/v1')).toBe('http://localhost:4010/v1/sandbox/keys');
    expect(mintUrl('https://sandbox.example.org/v1//')).toBe('https://sandbox.example.org/v1/sandbox/keys');
  });
});

describe('readMintAnswer', () => {
  it('a 201 with a key and its expiry', () => {
    expect(readMintAnswer(201, null, ok)).toEqual({ kind: 'minted', key: KEY, expiresAt: '2026-07-03T09:30:00Z' });
  });

  it('429 and 503 with the seconds to wait', () => {
    expect(readMintAnswer(429, '120', '{}')).toEqual({ kind: 'rate_limited', retryAfter: 120 });
    expect(readMintAnswer(503, '1', '{}')).toEqual({ kind: 'unavailable', retryAfter: 1 });
    expect(readMintAnswer(429, null, '')).toEqual({ kind: 'rate_limited', retryAfter: undefined });
  });

  it('anything else, or a key the field could not hold, is a failure', () => {
    expect(readMintAnswer(404, null, '{"error":{}}')).toEqual({ kind: 'failed', status: 404 });
    expect(readMintAnswer(201, null, 'not json')).toEqual({ kind: 'failed', status: 201 });
    for (const key of ['', 'has space', 'line\nbreak', 'tab\there', 'é-not-ascii', 42]) {
      expect(readMintAnswer(201, null, JSON.stringify({ key, expiresAt: '2026-07-03T09:30:00Z' })), String(key)).toEqual({ kind: 'failed', status: 201 });
    }
    expect(readMintAnswer(201, null, JSON.stringify({ key: ` ${KEY} `, expiresAt: '2026-07-03T09:30:00Z' }))).toEqual({ kind: 'failed', status: 201 });
    expect(readMintAnswer(201, null, JSON.stringify({ key: KEY, expiresAt: 'tomorrow' }))).toEqual({ kind: 'failed', status: 201 });
  });
});

describe('mintSandboxKey', () => {
  it('POSTs with no key, no body and no cookies, and reads the answer', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fake: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), init });
      return new Response(ok, { status: 201, headers: { 'Content-Type': 'application/json' } });
    };
    expect(await mintSandboxKey('http://localhost:4011/v1', fake)).toMatchObject({ kind: 'minted', key: KEY });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('http://localhost:4011/v1/sandbox/keys');
    expect(seen[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(seen[0]!.init?.body).toBeUndefined();
    expect(seen[0]!.init?.headers).toBeUndefined();
  });

  it('a network failure or a timeout is `network`, never a throw', async () => {
    expect(await mintSandboxKey('http://x/v1', async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'network' });
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await mintSandboxKey('http://x/v1', hanging, 20)).toEqual({ kind: 'network' });
  });

  it('mints a key that the sandbox then accepts', async () => {
    const { app } = createSandbox({ reportError: () => {} });
    const inProcess: typeof fetch = async (url, init) => app.request(String(url).replace('http://sandbox.test', ''), init);
    const result = await mintSandboxKey('http://sandbox.test/v1', inProcess);
    if (result.kind !== 'minted') throw new Error(JSON.stringify(result));
    const me = await app.request('/v1/auth/me', { headers: { Authorization: `Bearer ${result.key}` } });
    expect(me.status).toBe(200);
  });
});

describe('withMintedKey', () => {
  it('puts the key in the field and in copied snippets, keeping "remember" as it was', () => {
    expect(withMintedKey({ key: 'old', remember: true, includeInCopy: false }, KEY)).toEqual({ key: KEY, remember: true, includeInCopy: true });
    expect(withMintedKey({ key: '', remember: false, includeInCopy: false }, KEY)).toEqual({ key: KEY, remember: false, includeInCopy: true });
  });
});

describe('keyAdvice', () => {
  const error = (status: number, code: string) => JSON.stringify({ error: { status, code, message: '…' } });
  it('reads the sandbox errors that are about the key or the store', () => {
    expect(keyAdvice(403, error(403, 'read_only_key'), true)).toBe('read_only_demo_key');
    expect(keyAdvice(401, error(401, 'key_expired'), true)).toBe('key_expired');
    expect(keyAdvice(503, error(503, 'service_unavailable'), true)).toBe('store_unavailable');
  });
  it('nothing for other answers, other codes, or another environment', () => {
    expect(keyAdvice(401, error(401, 'unauthorized'), true)).toBeUndefined();
    expect(keyAdvice(403, error(403, 'forbidden'), true)).toBeUndefined();
    expect(keyAdvice(403, error(403, 'read_only_key'), false)).toBeUndefined();
    expect(keyAdvice(200, '{"contacts": []}', true)).toBeUndefined();
    expect(keyAdvice(403, '<html>', true)).toBeUndefined();
    expect(errorCode('{"error": {"code": 7}}')).toBeUndefined();
  });
});
