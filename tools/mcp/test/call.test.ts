/**
 * An API tool's answer, with a stand-in API: errors carry the API's status, code,
 * message and fields; the key is sent in the header and never comes back in the text,
 * even when the API echoes it.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/lib/api/load';
import { findOperation } from '../../../src/lib/api/model';
import type { Environment } from '../../../src/lib/api/types';
import { apiErrorText, callOperation } from '../api/call';
import { redact } from '../server';
import { textOf } from './harness';

const spec = loadSpec();
const environment: Environment = { id: 'sandbox', label: 'Sandbox', baseUrl: 'http://127.0.0.1:9/v1' };
const KEY = 'test_secretKeyThatMustNotLeak42';

function fakeApi(status: number, body: unknown, seen: Array<{ url: string; auth: string | null }> = []): typeof fetch {
  return async (input, init) => {
    seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('API tool answers', () => {
  it('sends the key in Authorization only, and redacts it when the API echoes it', async () => {
    const seen: Array<{ url: string; auth: string | null }> = [];
    const op = findOperation(spec, 'auth_api', 'get_me');
    const result = await callOperation(op, {}, { environment, environments: [environment], apiKey: KEY, writes: true, fetchImpl: fakeApi(200, { echo: KEY }, seen) });
    expect(seen).toEqual([{ url: 'http://127.0.0.1:9/v1/auth/me', auth: `Bearer ${KEY}` }]);
    expect(redact(textOf(result), KEY)).not.toContain(KEY);
    expect(redact(textOf(result), KEY)).toContain('<redacted API key>');
  });

  it('turns an API error into a tool error with its code, message and fields', async () => {
    const op = findOperation(spec, 'contacts_api', 'post_contacts');
    const error = { error: { status: 400, code: 'invalid_body', message: 'The body breaks the schema.', fields: [{ name: 'team_uuid', in: 'body', message: 'no such team' }] } };
    const result = await callOperation(op, { body: { source: 'whatsapp', identifier: '1', name: 'A' } }, { environment, environments: [environment], apiKey: KEY, writes: true, fetchImpl: fakeApi(400, error) });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('The API answered 400 Bad Request (invalid_body): The body breaks the schema.\n- team_uuid (body): no such team');
  });

  it('says so when the answer is not the API\'s error shape, or the API cannot be reached', async () => {
    expect(apiErrorText(502, '', '<html>bad gateway</html>')).toBe('The API answered 502 Bad Gateway.\n<html>bad gateway</html>');
    const op = findOperation(spec, 'auth_api', 'get_me');
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const result = await callOperation(op, {}, { environment, environments: [environment], apiKey: KEY, writes: true, fetchImpl: down });
    expect(textOf(result)).toBe('The request to Sandbox (http://127.0.0.1:9/v1) failed: it could not be reached.');
  });

  it('asks for a key when there is none', async () => {
    const op = findOperation(spec, 'auth_api', 'get_me');
    const result = await callOperation(op, {}, { environment, environments: [environment], writes: true, fetchImpl: fakeApi(200, {}) });
    expect(textOf(result)).toMatch(/set CALLBELL_API_KEY/);
  });
});
