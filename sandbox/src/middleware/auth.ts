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

export function bearerAuth(keys: Iterable<string>): MiddlewareHandler<AuthEnv> {
  const known = new Set(keys);
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const key = match?.[1];
    if (key === undefined || !known.has(key)) throw apiErrors.unauthorized();
    c.set('apiKey', key);
    await next();
  };
}
