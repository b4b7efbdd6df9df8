/**
 * Streamable HTTP on 127.0.0.1: the SDK's HTTP client lists and calls tools; a request
 * whose Host or Origin is not this server's is refused (DNS rebinding, cross-site), and
 * only POST is served.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createHttpApp, MCP_PATH, originProblem } from '../http';
import { createMcpServer } from '../server';
import { configFor, startSandbox, textOf, type RunningSandbox } from './harness';

describe('originProblem', () => {
  it('accepts the loopback names with the port, with no Origin or the server\'s own', () => {
    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787', 'LOCALHOST:8787']) expect(originProblem({ host }, 8787)).toBeUndefined();
    expect(originProblem({ host: 'localhost:8787', origin: 'http://localhost:8787' }, 8787)).toBeUndefined();
    expect(originProblem({ host: 'localhost:8787', origin: 'http://localhost:5173' }, 8787, ['http://localhost:5173'])).toBeUndefined();
  });

  it('refuses another host name or port (DNS rebinding) and other origins (cross-site)', () => {
    expect(originProblem({ host: 'evil.example:8787' }, 8787)).toMatch(/Host/);
    expect(originProblem({ host: '127.0.0.1:8788' }, 8787)).toMatch(/Host/);
    expect(originProblem({ host: '127.0.0.1' }, 8787)).toMatch(/Host/);
    expect(originProblem({}, 8787)).toMatch(/Host/);
    expect(originProblem({ host: '127.0.0.1:8787', origin: 'https://evil.example' }, 8787)).toMatch(/origin/);
    expect(originProblem({ host: '127.0.0.1:8787', origin: 'null' }, 8787)).toMatch(/origin/);
    expect(originProblem({ host: '127.0.0.1:8787', origin: 'http://127.0.0.1:8788' }, 8787)).toMatch(/origin/);
  });
});

describe('the HTTP transport', () => {
  let sandbox: RunningSandbox;
  let server: ServerType;
  let port = 0;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const config = configFor(sandbox.url, {}, ['--http', '--port', '0']);
    const app = createHttpApp({ port: () => port, createServer: () => createMcpServer(config) });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await sandbox?.close();
  });

  /** A raw request with the headers given (node:http lets the test set Host). */
  function raw(method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path: MCP_PATH, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

  it('serves the SDK client: 42 tools, and a call', async () => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}${MCP_PATH}`)));
    try {
      expect((await client.listTools()).tools.length).toBe(42);
      const result = await client.callTool({ name: 'get_funnels', arguments: {} });
      expect(result.isError, textOf(result)).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it('answers a well-formed request from the server\'s own origin', async () => {
    const res = await raw('POST', { ...jsonHeaders, Host: `localhost:${port}`, Origin: `http://localhost:${port}` }, initialize);
    expect(res.status).toBe(200);
    expect(res.body).toContain('"serverInfo"');
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site) before reading the body', async () => {
    const rebound = await raw('POST', { ...jsonHeaders, Host: `attacker.example:${port}` }, initialize);
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('Host header');
    const crossSite = await raw('POST', { ...jsonHeaders, Host: `127.0.0.1:${port}`, Origin: 'https://attacker.example' }, initialize);
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain('origin');
    expect(crossSite.body).not.toContain('serverInfo');
  });

  it('serves POST only', async () => {
    const get = await raw('GET', { Host: `127.0.0.1:${port}`, Accept: 'text/event-stream' });
    expect(get.status).toBe(405);
    const other = await raw('POST', { ...jsonHeaders, Host: `127.0.0.1:${port}` }, '{');
    expect(other.status).toBe(400);
  });
});
