/**
 * `Authorization: Bearer <API key>` on everything under /v1. A missing header,
 * another scheme or an unknown key is 401 unauthorized with
 * `WWW-Authenticate: Bearer`. The scheme name is case-insensitive (RFC 9110);
 * the key is compared exactly. Keys are never logged.
 */
import type { MiddlewareHandler } from 'hono';
import { apiErrors } from '../errors';

export type AuthEnv = { Variables: { apiKey: string } };

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Throwaway keys for browser tests (`SANDBOX_TEST_KEYS=1`, off by default):
 * each one gets its own freshly seeded data, so parallel tests never share
 * state. At most MAX_TEST_KEYS of them per process.
 */
export const TEST_KEY = /^test_e2e[0-9a-f]{16}$/;
export const MAX_TEST_KEYS = 2000;

export function bearerAuth(keys: Iterable<string>, options: { testKeys?: boolean } = {}): MiddlewareHandler<AuthEnv> {
  const known = new Set(keys);
  const testKeys = new Set<string>();
  const accepts = (key: string): boolean => {
    if (known.has(key)) return true;
    if (!options.testKeys || !TEST_KEY.test(key)) return false;
    if (testKeys.has(key)) return true;
    if (testKeys.size >= MAX_TEST_KEYS) return false;
    testKeys.add(key);
    return true;
  };
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const key = match?.[1];
    if (key === undefined || !accepts(key)) throw apiErrors.unauthorized();
    c.set('apiKey', key);
    await next();
  };
}
