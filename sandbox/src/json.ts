import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every JSON response of the sandbox carries this exact Content-Type. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sends `body` as JSON, keeping headers set earlier with `c.header()` (CORS, rate limit). */
export function sendJson(
  c: Context,
  body: unknown,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(body), status, { ...headers, 'Content-Type': JSON_CONTENT_TYPE });
}
