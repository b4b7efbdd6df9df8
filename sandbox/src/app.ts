/**
 * The sandbox API as a Hono app. Builds everything (seed data, validators,
 * middleware) and returns the app; it never opens a port (see ./server.ts).
 *
 * Pipeline: CORS (and preflight) on every route -> for /v1: Bearer auth ->
 * rate limit per key -> route. Errors from any stage go through the one
 * handler in ./errors.ts; unknown routes are 404 not_found, other methods on
 * a known path are 405 method_not_allowed with `Allow`.
 */
import { Hono } from 'hono';
import { createSeed, type CustomFieldMetadata, type Contact, type SeedData } from './data/seed';
import { apiErrors, errorHandler, notFoundHandler } from './errors';
import { DEMO_API_KEYS } from './keys';
import { bearerAuth, type AuthEnv } from './middleware/auth';
import { cors, normaliseOrigin } from './middleware/cors';
import { rateLimit, type RateLimitOptions } from './middleware/rate-limit';
import { contactsRoutes } from './routes/contacts';
import { healthRoutes } from './routes/health';
import { mountProxy } from './proxy';
import type { RouteDef } from './routes/route';
import { componentEnum, contactsOperation, exampleResponse, loadSpec, type OpenApiDocument } from './spec';

export type { RateLimitOptions };

/** Every API route lives under this prefix (the path of the spec's sandbox server URL). */
export const API_PREFIX = '/v1';

/** Origins of the local portal (`npm start` and `npm run serve`/preview). */
export const DEFAULT_CORS_ORIGINS: readonly string[] = Object.freeze([
  'http://localhost:3000',
  'http://127.0.0.1:3000',
  'http://localhost:3001',
  'http://127.0.0.1:3001',
]);

/** The documented limit: 300 requests per second and API key. */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ limit: 300, windowMs: 1000 });

export interface AppOptions {
  /** Allowed browser origins. Default: DEFAULT_CORS_ORIGINS plus the comma list in SANDBOX_CORS_ORIGINS. */
  corsOrigins?: readonly string[];
  /** Accepted API keys. Default: DEMO_API_KEYS. */
  apiKeys?: readonly string[];
  /** Default: DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions;
  /** Clock in epoch milliseconds, injectable for tests. Default: Date.now. */
  now?: () => number;
  /** Receives unexpected (500) errors. Default: console.error. Never receives request headers. */
  reportError?: (err: unknown) => void;
  /** Turns on the CORS proxy at /proxy/* towards this base URL (off by default). */
  proxyUpstream?: string;
}

export type SandboxApp = Hono<AuthEnv>;

/** DEFAULT_CORS_ORIGINS plus the origins listed (comma-separated) in `SANDBOX_CORS_ORIGINS`. */
export function defaultCorsOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const extra = (env.SANDBOX_CORS_ORIGINS ?? '').split(',').map(normaliseOrigin).filter(Boolean);
  return [...new Set([...DEFAULT_CORS_ORIGINS, ...extra])];
}

/** The seed data, built from the documented examples and enums of the spec. */
export function seedFromSpec(doc: OpenApiDocument = loadSpec()): SeedData {
  const op = contactsOperation(doc);
  const list = exampleResponse(op, 'default').value as { contacts: Contact[]; meta: { total: number } };
  const typed = exampleResponse(op, 'withFieldTypes').value as {
    contacts: Array<{ customFieldsMetadata: Record<string, CustomFieldMetadata> }>;
  };
  return createSeed({
    exampleContacts: list.contacts,
    exampleFieldMetadata: typed.contacts[0]?.customFieldsMetadata ?? {},
    total: list.meta.total,
    sources: componentEnum(doc, 'Source'),
    fieldTypes: componentEnum(doc, 'CustomFieldType'),
  });
}

function defaultReport(err: unknown): void {
  console.error('Sandbox API: unexpected error', err);
}

export function createApp(options: AppOptions = {}): SandboxApp {
  const doc = loadSpec();
  const now = options.now ?? Date.now;
  const app = new Hono<AuthEnv>();

  app.onError(errorHandler(options.reportError ?? defaultReport));
  app.notFound(notFoundHandler);

  app.use('*', cors(options.corsOrigins ?? defaultCorsOrigins()));
  app.use(
    `${API_PREFIX}/*`,
    bearerAuth(options.apiKeys ?? DEMO_API_KEYS),
    rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT, now),
  );

  if (options.proxyUpstream) mountProxy(app, { upstream: options.proxyUpstream });

  const routes: RouteDef[] = [...healthRoutes(), ...contactsRoutes(seedFromSpec(doc), contactsOperation(doc), API_PREFIX)];
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    app.on(route.method, route.path, route.handler);
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  // Registered after every route, so these only answer the methods no route took.
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
    app.all(path, (c) => {
      throw apiErrors.methodNotAllowed(c.req.method, c.req.path, allow);
    });
  }
  return app;
}
