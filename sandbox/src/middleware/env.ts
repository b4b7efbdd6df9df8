/**
 * The Hono environment the middleware chain shares: the API key that auth accepted. Its own
 * module so that auth and the rate limiter can both use it without importing each other.
 */
export type AuthEnv = { Variables: { apiKey: string } };
