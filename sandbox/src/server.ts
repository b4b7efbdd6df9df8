/**
 * Starts the sandbox: the only file that opens a port.
 *   SANDBOX_HOST (default 127.0.0.1), SANDBOX_PORT (default 4010),
 *   SANDBOX_CORS_ORIGINS (extra allowed origins, comma-separated),
 *   SANDBOX_STORE (`file`, the default, or `memory`),
 *   SANDBOX_TEST_KEYS=1 (with the memory store: accept throwaway test_e2e<16 hex> keys),
 *   SANDBOX_DATA_DIR (snapshots of the file store; default sandbox/data),
 *   SANDBOX_WEBHOOK_HOSTS (hosts besides loopback webhooks may go to),
 *   SANDBOX_PROXY_UPSTREAM (turns on the CORS proxy).
 * Logs one line when listening (two with the proxy, one for the store) and
 * nothing per request (so never a key or an Authorization header). Stops
 * cleanly on SIGINT/SIGTERM: stops accepting, lets requests in flight and
 * webhook deliveries finish (at most 5 s in all), writes pending changes,
 * then exits 0.
 */
import { serve } from '@hono/node-server';
import { createSandbox, type StoreOptions } from './app';
import { DEFAULT_DATA_DIR } from './paths';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4010;
const SHUTDOWN_GRACE_MS = 5000;
/** Room for long query strings, so that they get the sandbox's JSON 400 rather than Node's bare 431. */
const MAX_HEADER_BYTES = 256 * 1024;

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^[0-9]+$/.test(raw.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`SANDBOX_PORT must be a whole number from 0 to 65535, got "${raw}"`);
    process.exit(1);
  }
  return port;
}

function readStore(raw: string | undefined, dir: string | undefined): StoreOptions {
  const kind = raw?.trim() || 'file';
  if (kind === 'memory') return { kind: 'memory' };
  if (kind === 'file') return { kind: 'file', dir: dir?.trim() || DEFAULT_DATA_DIR };
  console.error(`SANDBOX_STORE must be "file" or "memory", got "${raw}"`);
  process.exit(1);
}

const host = process.env.SANDBOX_HOST?.trim() || DEFAULT_HOST;
const port = readPort(process.env.SANDBOX_PORT);
const proxyUpstream = process.env.SANDBOX_PROXY_UPSTREAM?.trim() || undefined;
const store = readStore(process.env.SANDBOX_STORE, process.env.SANDBOX_DATA_DIR);
// Throwaway per-test keys are for the browser tests only, and never with the file store.
const testKeys = process.env.SANDBOX_TEST_KEYS === '1' && store.kind === 'memory';
const sandbox = createSandbox({ proxyUpstream, store, testKeys });

const server = serve(
  { fetch: sandbox.app.fetch, hostname: host, port, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } },
  (info) => {
    const shownHost = host.includes(':') ? `[${host}]` : host;
    console.log(`Sandbox API listening on http://${shownHost}:${info.port}/v1`);
    console.log(store.kind === 'file' ? `Data saved in ${store.dir}` : 'Data kept in memory only');
    if (proxyUpstream) console.log(`CORS proxy on http://${shownHost}:${info.port}/proxy -> ${proxyUpstream}`);
  },
);

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`Sandbox API could not listen on ${host}:${port}: ${err.code ?? err.message}`);
  process.exit(1);
});

let stopping = false;
function shutdown(): void {
  if (stopping) {
    sandbox.store.flushSync(); // a second signal: save what changed, stop now
    process.exit(1);
  }
  stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would hold close() open; give busy ones a grace period.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    sandbox.store.flushSync();
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
