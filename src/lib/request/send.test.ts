import { describe, expect, it, vi } from 'vitest';
import type { Environment, NormalizedRequest } from '../api/types';
import { classifyStatus, errorFields, prettyJson, reasonPhrase, retryAfterSeconds, sendRequest } from './send';
import { isAllowedUrl } from './hosts';

const environments: Environment[] = [
  { id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' },
  { id: 'production', label: 'Production', baseUrl: 'https://api.callbell.eu/v1', proxyUrl: 'http://localhost:4010/proxy' },
];
const req: NormalizedRequest = {
  method: 'GET',
  url: 'http://localhost:4010/v1/contacts?page=2',
  baseUrl: 'http://localhost:4010/v1/contacts',
  query: [['page', '2']],
  headers: [['Authorization', 'Bearer k']],
};

describe('sendRequest', () => {
  it('returns status, reason, headers, body and size', async () => {
    const fetchImpl = vi.fn(async () => new Response('{"ok":"é"}', { status: 200, headers: { 'content-type': 'application/json' } }));
    const out = await sendRequest(req, { environments, timeoutMs: 1000, fetchImpl });
    expect(out).toMatchObject({ kind: 'response', status: 200, statusText: 'OK', body: '{"ok":"é"}', size: 11, contentType: 'application/json' });
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error' });
  });

  it('never sends to a host that is not configured', async () => {
    const fetchImpl = vi.fn();
    const out = await sendRequest({ ...req, url: 'https://evil.example/v1/contacts' }, { environments, timeoutMs: 1000, fetchImpl });
    expect(out).toMatchObject({ kind: 'error', type: 'blocked_host' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('tells a timeout from a cancel from a network error', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await sendRequest(req, { environments, timeoutMs: 20, fetchImpl: hang })).toMatchObject({ type: 'timeout' });
    const controller = new AbortController();
    const pending = sendRequest(req, { environments, timeoutMs: 10_000, fetchImpl: hang, signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ type: 'abort' });
    const fail: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await sendRequest(req, { environments, timeoutMs: 1000, fetchImpl: fail })).toMatchObject({ type: 'network' });
  });
});

describe('response helpers', () => {
  it('classifies statuses', () => {
    expect([200, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503].map(classifyStatus)).toEqual([
      'success', 'success', 'validation', 'unauthorized', 'forbidden', 'not_found', 'client', 'validation', 'rate_limited', 'server', 'server',
    ]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(new Date(10_500).toUTCString(), 1_000)).toBe(9);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });

  it('lists the fields an API error names, and survives non-JSON', () => {
    expect(errorFields('{"error":{"fields":[{"name":"page"},{"name":"tags"}]}}')).toEqual(['page', 'tags']);
    expect(errorFields('<html>')).toEqual([]);
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('nope')).toBeUndefined();
    expect(reasonPhrase(429)).toBe('Too Many Requests');
  });
});

describe('isAllowedUrl', () => {
  it('allows only the configured origins and base paths', () => {
    expect(isAllowedUrl('http://localhost:4010/v1/contacts', environments)).toBe(true);
    expect(isAllowedUrl('https://api.callbell.eu/v1', environments)).toBe(true);
    expect(isAllowedUrl('https://api.callbell.eu/v10/contacts', environments)).toBe(false);
    expect(isAllowedUrl('http://localhost:4011/v1/contacts', environments)).toBe(false);
    expect(isAllowedUrl('https://api.callbell.eu.evil.example/v1', environments)).toBe(false);
    expect(isAllowedUrl('https://user:pw@api.callbell.eu/v1', environments)).toBe(false);
    expect(isAllowedUrl('javascript:alert(1)', environments)).toBe(false);
    expect(isAllowedUrl('http://localhost:4010/proxy/contacts', environments)).toBe(true);
    expect(isAllowedUrl('http://localhost:4010/proxyx/contacts', environments)).toBe(false);
  });
});
