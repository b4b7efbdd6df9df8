/**
 * Streamable HTTP for the MCP server, on 127.0.0.1 only: `POST /mcp`, stateless (a fresh
 * server and transport per request, JSON answers). Before anything is parsed, every
 * request's `Host` must name this server (127.0.0.1, localhost or [::1] with its port),
 * which defeats DNS rebinding, and an `Origin`, when a browser sends one, must be the
 * server's own or one given with --allow-origin, which stops cross-site requests.
 * Refusals are 403 with a JSON-RPC error; no CORS header is ever sent. `createHttpApp`
 * builds the app and never listens (./cli.ts and the tests do).
 */
import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';

export const MCP_PATH = '/mcp';
/** The largest request body read: the tools' 1 MiB input limit plus the JSON-RPC envelope. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Why a request's Host or Origin is refused, or undefined when both are acceptable. */
export function originProblem(
  headers: { host?: string | null; origin?: string | null },
  port: number,
  allowedOrigins: readonly string[] = [],
): string | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) return 'the Host header does not name this server';
  const origin = headers.origin;
  if (origin === undefined || origin === null) return undefined;
  const own = LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
  return [...own, ...allowedOrigins].includes(origin.toLowerCase()) ? undefined : 'requests from this origin are not allowed';
}

function rpcError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export interface HttpOptions {
  /** The port the server listens on (known once listening, hence a function). */
  port: () => number;
  allowedOrigins?: readonly string[];
  /** A new MCP server for one request. */
  createServer: () => Server;
}

export function createHttpApp(options: HttpOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    const problem = originProblem({ host: c.req.header('host'), origin: c.req.header('origin') }, options.port(), options.allowedOrigins);
    if (problem) return rpcError(403, `Forbidden: ${problem}.`);
    await next();
  });
  app.post(MCP_PATH, async (c) => {
    const server = options.createServer();
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: MAX_BODY_BYTES,
    });
    try {
      await server.connect(transport);
      return await transport.handleRequest(c.req.raw);
    } finally {
      void server.close();
    }
  });
  app.all(MCP_PATH, () => rpcError(405, 'Method not allowed: this server is stateless, send JSON-RPC with POST.', { Allow: 'POST' }));
  app.notFound(() => rpcError(404, `Not found: the MCP endpoint is ${MCP_PATH}.`));
  return app;
}
