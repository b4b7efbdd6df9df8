/**
 * Starts the sandbox: the only file that opens a port.
 *   SANDBOX_HOST (default 127.0.0.1), SANDBOX_PORT (default 4010),
 *   SANDBOX_CORS_ORIGINS (extra allowed origins, comma-separated).
 * Logs exactly one line, when listening, and nothing per request (so never a
 * key or an Authorization header). Stops cleanly on SIGINT/SIGTERM: stops
 * accepting, lets requests in flight finish (at most 5 s), then exits 0.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4010;
const SHUTDOWN_GRACE_MS = 5000;

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^[0-9]+$/.test(raw.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`SANDBOX_PORT must be a whole number from 0 to 65535, got "${raw}"`);
    process.exit(1);
  }
  return port;
}

const host = process.env.SANDBOX_HOST?.trim() || DEFAULT_HOST;
const port = readPort(process.env.SANDBOX_PORT);
const proxyUpstream = process.env.SANDBOX_PROXY_UPSTREAM?.trim() || undefined;
const app = createApp({ proxyUpstream });

const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Sandbox API listening on http://${shownHost}:${info.port}/v1`);
  if (proxyUpstream) console.log(`CORS proxy on http://${shownHost}:${info.port}/proxy -> ${proxyUpstream}`);
});

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`Sandbox API could not listen on ${host}:${port}: ${err.code ?? err.message}`);
  process.exit(1);
});

let stopping = false;
function shutdown(): void {
  if (stopping) {
    process.exit(1); // a second signal: stop now
  }
  stopping = true;
  server.close((err) => process.exit(err ? 1 : 0));
  // Idle keep-alive sockets would hold close() open; give busy ones a grace period.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
