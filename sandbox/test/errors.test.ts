import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/errors';
import { errorCodes } from '../src/spec';
import { bearer, call, documentedErrorExample, expectError, makeApp } from './helpers';

describe('unknown routes', () => {
  it.each(['/v1/unknown', '/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8/extra', '/v1', '/v2/contacts', '/', '/contacts'])(
    '%s is 404 not_found JSON',
    async (url) => {
      const { res, body } = await call(makeApp(), url);
      const error = expectError(res, body, 404, 'not_found');
      expect(error.error.message).toContain(new URL(url, 'http://x').pathname);
    },
  );

  it('a malformed id in a documented path is 400 invalid_parameter (in: path), not 404', async () => {
    const { res, body } = await call(makeApp(), '/v1/contacts/extra');
    expect(expectError(res, body, 400, 'invalid_parameter').error.fields).toEqual([
      { name: 'uuid', in: 'path', message: 'must match the pattern ^[0-9a-f]{32}$' },
    ]);
  });

  it('a well-formed unknown id is 404 not_found with the documented message', async () => {
    const { res, body } = await call(makeApp(), `/v1/contacts/${'0'.repeat(32)}`);
    expectError(res, body, 404, 'not_found');
    expect(body).toEqual(documentedErrorExample('NotFound'));
  });
});

describe('wrong method on a known path', () => {
  it.each(['PUT', 'PATCH', 'DELETE'])('%s /v1/contacts is 405 with Allow', async (method) => {
    const { res, body } = await call(makeApp(), '/v1/contacts', { method });
    expectError(res, body, 405, 'method_not_allowed');
    expect(res.headers.get('Allow')).toBe('GET, POST, HEAD, OPTIONS');
  });

  it.each([
    ['GET', '/v1/messages/send', 'POST, OPTIONS'],
    ['DELETE', '/v1/messages/send', 'POST, OPTIONS'],
    ['POST', '/v1/contacts/phone/123456789', 'GET, HEAD, OPTIONS'],
    ['GET', '/v1/sandbox/reset', 'POST, OPTIONS'],
    ['PATCH', '/v1/users/0c081a1ac4b1ba2af8c1b3521ac8a7f3/status', 'PUT, DELETE, OPTIONS'],
  ])('%s %s is 405 (a static path wins over a parameter) with Allow %s', async (method, url, allow) => {
    const { res, body } = await call(makeApp(), url, { method });
    expectError(res, body, 405, 'method_not_allowed');
    expect(res.headers.get('Allow')).toBe(allow);
  });

  it('POST /health is 405 too', async () => {
    const res = await makeApp().request('/health', { method: 'POST' });
    expectError(res, await res.json(), 405, 'method_not_allowed');
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('authentication still comes first under /v1', async () => {
    const res = await makeApp().request('/v1/contacts', { method: 'DELETE' });
    expectError(res, await res.json(), 401, 'unauthorized');
  });

  it('HEAD is served like GET, without a body', async () => {
    const res = await makeApp().request('/v1/contacts', { method: 'HEAD', headers: bearer() });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe('');
  });
});

describe('unexpected errors', () => {
  it('are 500 internal_error with the documented message and no details; the reporter gets the error', async () => {
    const reportError = vi.fn();
    const app = makeApp({ reportError });
    app.get('/v1/boom', () => {
      throw new Error('database password is hunter2');
    });
    const { res, body } = await call(app, '/v1/boom');
    expectError(res, body, 500, 'internal_error');
    expect(body).toEqual(documentedErrorExample('ServerError'));
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(reportError).toHaveBeenCalledTimes(1);
    expect(String(reportError.mock.calls[0]![0])).toContain('hunter2');
  });

  it('a failing reporter does not change the response', async () => {
    const app = makeApp({ reportError: () => { throw new Error('reporter down'); } });
    app.get('/v1/boom', () => {
      throw new Error('boom');
    });
    const { res, body } = await call(app, '/v1/boom');
    expectError(res, body, 500, 'internal_error');
  });
});

describe('ApiError', () => {
  it('only accepts the error codes of the spec', () => {
    expect(() => new ApiError(418, 'teapot', 'no')).toThrow(/not in the spec/);
    for (const code of errorCodes()) expect(new ApiError(400, code, 'x').toBody().error.code).toBe(code);
  });

  it('omits fields when there are none', () => {
    expect(new ApiError(400, 'invalid_parameter', 'x', { fields: [] }).toBody()).toEqual({
      error: { status: 400, code: 'invalid_parameter', message: 'x' },
    });
  });
});
