/**
 * Starts the sandbox: the only file that opens a port. Its settings come from
 * environment variables, read in ./config.ts (listed in sandbox/README.md):
 * where to listen, the store, throwaway test keys, public mode, webhook hosts,
 * the CORS proxy, rate limits and timeouts. A bad value prints one line and
 * exits 1.
 *
 * Logs one line when listening (two with the proxy, one for the store), the
 * start and end of a Redis outage, and nothing per request (so never a key
 * or an Authorization header). Slow
 * senders are cut off: the request head within SANDBOX_HEADERS_TIMEOUT_MS,
 * the whole request within SANDBOX_REQUEST_TIMEOUT_MS, and a body that stops
 * for SANDBOX_BODY_TIMEOUT_MS. Stops cleanly on SIGINT/SIGTERM: stops
 * accepting, lets requests in flight and webhook deliveries finish (at most
 * 5 s in all), writes pending changes, then exits 0.
 */
import { serve } from '@hono/node-server';
import { createSandbox } from './app';
import { ConfigError, httpServerOptions, readConfig, type SandboxConfig } from './config';

const SHUTDOWN_GRACE_MS = 5000;

function configOrExit(): SandboxConfig {
  try {
    return readConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

const config = configOrExit();
const { host, port, store, proxyUpstream } = config;
const sandbox = createSandbox({
  proxyUpstream,
  store,
  testKeys: config.testKeys,
  publicMode: config.publicMode,
  webhookHosts: config.webhookHosts,
  unauthorizedLimit: config.unauthorizedLimit,
  proxyRateLimit: config.proxyRateLimit,
  rateLimit: config.rateLimit,
  keyPolicy: config.keyPolicy,
  mintLimit: config.mintLimit,
  keySecret: config.keySecret,
  trustedProxies: config.trustedProxies,
  bodyIdleMs: config.timeouts.bodyIdleMs,
});

/** Where the data is, for the start-up line (a Redis URL without its password). */
function storeLine(): string {
  if (store.kind === 'file') return `Data saved in ${store.dir}`;
  if (store.kind === 'memory') return 'Data kept in memory only';
  const url = new URL(store.url);
  return `Data shared in Redis at ${url.hostname}:${url.port || '6379'} (keys under "${store.prefix ?? 'sandbox:'}")`;
}

const server = serve({ fetch: sandbox.app.fetch, hostname: host, port, serverOptions: httpServerOptions(config.timeouts) }, (info) => {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Sandbox API listening on http://${shownHost}:${info.port}/v1${config.publicMode ? ' (public mode)' : ''}`);
  console.log(storeLine());
  if (proxyUpstream) console.log(`CORS proxy on http://${shownHost}:${info.port}/proxy -> ${proxyUpstream}`);
});

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`Sandbox API could not listen on ${host}:${port}: ${err.code ?? err.message}`);
  process.exit(1);
});

let stopping = false;
function shutdown(): void {
  if (stopping) {
    sandbox.flushSync(); // a second signal: save what changed, stop now
    process.exit(1);
  }
  stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would hold close() open; give busy ones a grace period.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    sandbox.flushSync();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
  void closed
    .then(() => sandbox.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
