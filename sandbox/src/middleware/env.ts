/**
 * The Hono environment the middleware chain shares: the API key that
 * admission accepted, and the read of its account that admission started
 * alongside (`prefetch`, when the store offers one: the route hands it to
 * `Store.read`). Its own module so that the middleware and the routes can
 * use it without importing each other.
 */
import type { Prefetch } from '../store';

export type AuthEnv = { Variables: { apiKey: string; prefetch: Prefetch | undefined } };
