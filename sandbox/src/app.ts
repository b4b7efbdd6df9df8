/**
 * The sandbox API as a Hono app. Builds everything (seed data, store,
 * validators, webhook dispatcher, middleware) and returns the app; it never
 * opens a port (see ./server.ts).
 *
 * Pipeline: `X-Content-Type-Options: nosniff` on every answer -> CORS (and
 * preflight) on every route -> URL length check -> POST /v1/sandbox/keys
 * (minting, no authentication; its own limit per client address) -> for the
 * rest of /v1: admission (./middleware/admission.ts: Bearer auth, demo keys
 * and live minted keys, 401s rate-limited per client address; the rate limit
 * per key; the key's account read ahead, all in one round trip to Redis) ->
 * Content-Length check -> route (on a public sandbox the demo keys may only
 * read: 403). The CORS proxy
 * (/proxy, off by default) has its own rate limit per client address.
 * Everything the instances must share (accounts, minted keys, rate-limit
 * windows) lives in the backend chosen by `store` (./backend.ts).
 * Routes are the spec's 40 operations (paths and methods read from the spec,
 * one handler module per resource under ./routes) plus POST /v1/sandbox/reset,
 * POST /v1/sandbox/keys, GET /health and GET /health/ready. Errors from any
 * stage go through the one handler in ./errors.ts; unknown routes are 404
 * not_found, other methods on a known path are 405 method_not_allowed with
 * `Allow`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { apiLocation } from '../../src/config/api';
import { MAX_URL_LENGTH } from '../../src/lib/validation/params';
import { checkContentLength } from './body';
import { seedAccount, seedFromSpec } from './data/account';
import type { Account } from './data/types';
import { webhookUrlPattern, withoutUrlPattern } from './domain/webhook-url';
import { apiErrors, errorHandler, notFoundHandler, type FieldError } from './errors';
import { DEMO_API_KEYS } from './keys';
import { answerCache } from './answers';
import { createBackend, type StoreOptions } from './backend';
import { admission } from './middleware/admission';
import { keyGate, type AuthEnv, type TestKeyOptions } from './middleware/auth';
import { addressResolver } from './middleware/client';
import { cors, normaliseOrigin } from './middleware/cors';
import { keyLimit, type NamedLimit, type RateLimitOptions } from './middleware/rate-limit';
import { mountProxy } from './proxy';
import { authOperations } from './routes/auth';
import { channelsOperations } from './routes/channels';
import { contactsOperations } from './routes/contacts';
import { customStatusesOperations } from './routes/custom-statuses';
import { funnelsOperations } from './routes/funnels';
import { healthRoutes } from './routes/health';
import { messagesOperations } from './routes/messages';
import { operationRoute } from './routes/operation';
import { planOperations } from './routes/plan';
import type { OperationHandlers, RouteDef } from './routes/route';
import { mintRoutes, sandboxRoutes } from './routes/sandbox';
import { teamsOperations } from './routes/teams';
import { templatesOperations } from './routes/templates';
import { usersOperations } from './routes/users';
import { webhooksOperations } from './routes/webhooks';
import type { Resolver } from './destinations';
import { exampleValue, loadSpec, operationById, operations, type OpenApiDocument } from './spec';
import { DEFAULT_KEY_POLICY, type KeyPolicy, type KeyRegistry } from './registry';
import { accountId, type Store } from './store';
import { createAjv } from './validate';
import { allowedHostsFromEnv, createWebhooks, type DeliverFn, type Webhooks } from './webhooks';

export type { RateLimitOptions };
export { seedFromSpec };

/** Every API route lives under this prefix: the path of the spec's production server URL (`/v1`). */
export const API_PREFIX = apiLocation().prefix;

/** Longest URL answered; longer ones get 400 invalid_parameter (never a 5xx, never a hang). The panel checks the same limit. */
export { MAX_URL_LENGTH };

/** Origins of the local portal on its default port (`npm start`, `npm run preview`). */
export const DEFAULT_CORS_ORIGINS: readonly string[] = Object.freeze(['http://localhost:3000', 'http://127.0.0.1:3000']);

/** The documented limit: 300 requests per second and API key. */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ limit: 300, windowMs: 1000 });

export type { StoreOptions };

/** Minting: 10 keys per hour and client address. */
export const DEFAULT_MINT_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ limit: 10, windowMs: 60 * 60 * 1000 });

export interface AppOptions {
  /** Allowed browser origins. Default: DEFAULT_CORS_ORIGINS plus the comma list in SANDBOX_CORS_ORIGINS. */
  corsOrigins?: readonly string[];
  /** Accepted API keys; each gets its own copy of the seed data. Default: DEMO_API_KEYS. */
  apiKeys?: readonly string[];
  /**
   * Also accept throwaway `test_e2e<16 hex>` keys, each with fresh data (browser tests only; memory store only).
   * At most `maxLive` (default 200) live at once: the least recently used one is forgotten to make room.
   */
  testKeys?: boolean | Pick<TestKeyOptions, 'maxLive'>;
  /** Default: DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions;
  /** 401 answers allowed per client address and window; past it, 429. Default: 20 per second. */
  unauthorizedLimit?: RateLimitOptions;
  /** Clock in epoch milliseconds, injectable for tests. Default: Date.now. */
  now?: () => number;
  /** Receives unexpected (500) errors. Default: console.error. Never receives request headers. */
  reportError?: (err: unknown) => void;
  /** Turns on the CORS proxy at /proxy/* towards this base URL (off by default). */
  proxyUpstream?: string;
  /** The proxy's own limit per client address. Default: 20 requests per second. */
  proxyRateLimit?: RateLimitOptions;
  /** A request body that sends nothing for this long is cut off (400, connection closed). Default: 0, never. */
  bodyIdleMs?: number;
  /** Where the accounts live. Default: memory. */
  store?: StoreOptions;
  /** Receives store problems (corrupt snapshot, failed write). Default: console.error. */
  reportStore?: (message: string) => void;
  /** Sends webhook deliveries. Default: real HTTP (node:http). */
  deliver?: DeliverFn;
  /** The only hosts webhooks are sent to (exempt from the no-loopback rule unless public). Default: SANDBOX_WEBHOOK_HOSTS. */
  webhookHosts?: readonly string[];
  /** How long a receiver has to answer. Default: the documented 10 s. */
  webhookTimeoutMs?: number;
  /**
   * Public mode (SANDBOX_PUBLIC=1): webhooks only to listed hosts with public addresses, and the
   * configured keys (the demo keys) may only read (403 read_only_key on writes). Default: false.
   */
  publicMode?: boolean;
  /** Minted keys: idle time and most live at once. Default DEFAULT_KEY_POLICY (24 h, 1,000). */
  keyPolicy?: Partial<KeyPolicy>;
  /** Keys minted per client address and window; past it, 429. Default DEFAULT_MINT_LIMIT. */
  mintLimit?: RateLimitOptions;
  /** Signs minted keys (SANDBOX_KEY_SECRET). Default: made by the store (see ./minted.ts). */
  keySecret?: string;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges). Default: none. */
  trustedProxies?: readonly string[];
  /** Resolves webhook host names in public mode. Default: the system's resolver. */
  resolve?: Resolver;
}

export type SandboxApp = Hono<AuthEnv>;

/** The app and what tests and the server need besides it. */
export interface Sandbox {
  app: SandboxApp;
  store: Store;
  /** The live minted keys. */
  keys: KeyRegistry;
  webhooks: Webhooks;
  /** Writes pending changes synchronously (file store): for a process about to exit. */
  flushSync(): void;
  /** Resolves once every webhook delivery queued so far has finished. */
  idle(): Promise<void>;
  /** Waits for deliveries, then writes pending changes. */
  close(): Promise<void>;
}

/**
 * DEFAULT_CORS_ORIGINS, the portal on `PORT` when it is moved, plus the origins
 * listed (comma-separated) in `SANDBOX_CORS_ORIGINS`: the origins follow the portal's port.
 */
export function defaultCorsOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const portal = env.PORT && /^\d+$/.test(env.PORT) ? [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`] : [];
  const extra = (env.SANDBOX_CORS_ORIGINS ?? '').split(',').map(normaliseOrigin).filter(Boolean);
  return [...new Set([...DEFAULT_CORS_ORIGINS, ...portal, ...extra])];
}

const seedCache = new WeakMap<OpenApiDocument, Account>();
/** One Ajv for every sandbox: it caches compiled schemas by object, and the spec's schema objects are shared. */
let sharedAjv: ReturnType<typeof createAjv> | undefined;

/** The seeded account of the spec (built once per document; stores copy it per key). */
export function accountSeed(doc: OpenApiDocument = loadSpec()): Account {
  let seed = seedCache.get(doc);
  if (!seed) {
    seed = seedAccount(doc);
    seedCache.set(doc, seed);
  }
  return seed;
}

/** Hosts of the webhook URLs the spec's examples use: accepted, never sent to. */
export function documentationWebhookHosts(doc: OpenApiDocument): string[] {
  const urls = [exampleValue<{ webhook: { url: string } }>(doc, 'post_webhooks_subscribe').webhook.url];
  return [...new Set(urls.map((url) => new URL(url).hostname))];
}

/** The handlers of every documented operation, by operationId. */
function allHandlers(doc: OpenApiDocument): OperationHandlers {
  return {
    ...contactsOperations(doc),
    ...authOperations(),
    ...channelsOperations(),
    ...customStatusesOperations(doc),
    ...funnelsOperations(),
    ...messagesOperations(),
    ...planOperations(),
    ...teamsOperations(),
    ...templatesOperations(),
    ...usersOperations(),
    ...webhooksOperations(doc),
  };
}

/**
 * Sort key of a path: one digit per segment, 0 static, 1 parameter. Sorting by
 * it tries a static segment before a parameter at the same place
 * (`/messages/send` before `/messages/:uuid`, `/contacts/phone/:n` before
 * `/contacts/:uuid/bot`), so a wrong method on the static path is a 405.
 */
function specificity(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '1' : '0'))
    .join('');
}

function defaultReport(err: unknown): void {
  console.error('Sandbox API: unexpected error', err);
}

const urlLimit: MiddlewareHandler = async (c, next) => {
  if (c.req.url.length > MAX_URL_LENGTH) {
    const hasQuery = c.req.url.includes('?');
    const field: FieldError = {
      name: hasQuery ? 'query' : 'path',
      in: hasQuery ? 'query' : 'path',
      message: `makes the URL longer than ${MAX_URL_LENGTH} characters`,
    };
    throw apiErrors.invalidParameters([field]);
  }
  await next();
};

/** Browsers must never guess another type than the one sent (a JSON answer is never run as HTML or script). */
const noSniff: MiddlewareHandler = async (c, next) => {
  c.header('X-Content-Type-Options', 'nosniff');
  await next();
};

const contentLengthLimit: MiddlewareHandler = async (c, next) => {
  checkContentLength(c.req.header('Content-Length'));
  await next();
};

export function createSandbox(options: AppOptions = {}): Sandbox {
  const doc = loadSpec();
  const now = options.now ?? Date.now;
  const apiKeys = options.apiKeys ?? DEMO_API_KEYS;
  const seed = accountSeed(doc);
  const storeOptions = options.store ?? { kind: 'memory' };
  if (options.testKeys && storeOptions.kind !== 'memory') throw new Error('Throwaway test keys need the memory store');
  const policy: KeyPolicy = { ...DEFAULT_KEY_POLICY, ...options.keyPolicy };
  const backend = createBackend({ store: storeOptions, seed, apiKeys, policy, secret: options.keySecret, now, report: options.reportStore });
  const { store, counters } = backend;
  const address = addressResolver(options.trustedProxies);
  const publicMode = options.publicMode ?? false;
  const demoKeys = new Set(apiKeys);
  const readOnly = (key: string) => publicMode && demoKeys.has(key);
  const report = options.reportStore ?? ((message: string) => console.error(message));
  const subscribe = operationById(doc, 'post_webhooks_subscribe');
  const webhooks = createWebhooks({
    deliver: options.deliver,
    allowedHosts: options.webhookHosts ?? allowedHostsFromEnv(),
    documentationHosts: documentationWebhookHosts(doc),
    urlPattern: webhookUrlPattern(subscribe),
    publicMode,
    resolve: options.resolve,
    timeoutMs: options.webhookTimeoutMs,
    now,
  });
  const testKeys: TestKeyOptions | undefined = options.testKeys
    ? { ...(options.testKeys === true ? {} : options.testKeys), onEvict: (key) => void store.drop(accountId(key)) }
    : undefined;
  const app = new Hono<AuthEnv>();

  app.onError(errorHandler(options.reportError ?? defaultReport));
  app.notFound(notFoundHandler);

  app.use('*', noSniff, cors(options.corsOrigins ?? defaultCorsOrigins()), urlLimit);
  // Minting needs no key: registered before authentication, with its own 405 for other methods.
  const mintLimit: NamedLimit = { ...(options.mintLimit ?? DEFAULT_MINT_LIMIT), name: 'mint' };
  for (const mint of mintRoutes(API_PREFIX, { keys: backend.keys, counters, limit: mintLimit, address })) {
    app.on(mint.method, mint.path, mint.handler);
    app.all(mint.path, (c) => {
      throw apiErrors.methodNotAllowed(c.req.method, c.req.path, [mint.method, 'OPTIONS']);
    });
  }
  app.use(
    `${API_PREFIX}/*`,
    admission(
      keyGate(apiKeys, { testKeys, unauthorizedLimit: options.unauthorizedLimit, now, minted: backend.keys, counters, address }),
      keyLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT, counters),
      store,
    ),
    contentLengthLimit,
  );

  if (options.proxyUpstream) {
    mountProxy(app, { upstream: options.proxyUpstream, rateLimit: options.proxyRateLimit, now, bodyIdleMs: options.bodyIdleMs, counters, address });
  }

  const handlers = allHandlers(doc);
  const ops = operations(doc);
  const unknown = Object.keys(handlers).filter((id) => !ops.some((op) => op.request === id));
  const missing = ops.filter((op) => !handlers[op.request]).map((op) => op.request);
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(`Handlers and spec disagree: missing ${missing.join(', ') || '-'}; unknown ${unknown.join(', ') || '-'}`);
  }
  sharedAjv ??= createAjv();
  const answers = answerCache();
  const deps = { prefix: API_PREFIX, ajv: sharedAjv, store, webhooks, now, bodyIdleMs: options.bodyIdleMs ?? 0, readOnly, report, answers };
  // The subscribe body is checked without its URL pattern: the webhook verdict applies it, with its exception.
  const sandboxOp = (op: (typeof ops)[number]) => (op.request === subscribe.request ? withoutUrlPattern(op) : op);
  const routes: RouteDef[] = [
    ...healthRoutes({ kind: store.kind, ready: backend.ready }),
    ...ops.map((op) => operationRoute(sandboxOp(op), handlers[op.request]!, deps)),
    ...sandboxRoutes(API_PREFIX, store, readOnly),
  ];

  const methodsByPath = new Map<string, RouteDef[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route]);
  const paths = [...methodsByPath.keys()].sort((a, b) => specificity(a).localeCompare(specificity(b)));
  for (const path of paths) {
    const pathRoutes = methodsByPath.get(path)!;
    for (const route of pathRoutes) app.on(route.method, route.path, route.handler);
    // Right after the path's own routes, so it only answers the methods they did not take.
    const methods = pathRoutes.map((r) => r.method);
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
    app.all(path, (c) => {
      throw apiErrors.methodNotAllowed(c.req.method, c.req.path, allow);
    });
  }

  return {
    app,
    store,
    keys: backend.keys,
    webhooks,
    flushSync: () => backend.flushSync(),
    idle: () => webhooks.idle(),
    async close() {
      await webhooks.idle();
      await backend.close();
    },
  };
}

export function createApp(options: AppOptions = {}): SandboxApp {
  return createSandbox(options).app;
}
