/**
 * Test harness: a sandbox (memory store) on 127.0.0.1 at a port of its own, and the MCP
 * server wired to an SDK client in process. The docs tools read an empty build folder,
 * so they use the pages' sources (the word search), whatever was built before.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createSandbox, type Sandbox } from '../../../sandbox/src/app';
import { readConfig, type McpConfig } from '../config';
import { createMcpServer, type ServerDeps } from '../server';

export const EMPTY_BUILD = mkdtempSync(path.join(tmpdir(), 'mcp-no-build-'));

export interface RunningSandbox {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

export async function startSandbox(): Promise<RunningSandbox> {
  const sandbox = createSandbox({ reportError: (e) => console.error('SANDBOX', e), store: { kind: 'memory' } });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: sandbox.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    sandbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => sandbox.close()),
  };
}

export function configFor(sandboxUrl: string, env: Record<string, string> = {}, argv: string[] = []): McpConfig {
  return readConfig(['--build-dir', EMPTY_BUILD, ...argv], { SANDBOX_URL: sandboxUrl, ...env });
}

export async function connect(config: McpConfig, deps: ServerDeps = {}): Promise<Client> {
  const server = createMcpServer(config, deps);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'callbell-mcp-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

/** The text of a tool result (all its text parts). */
export function textOf(result: unknown): string {
  return ((result as CallToolResult).content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** The JSON body of a successful API tool result (`HTTP 200 OK\n\n{…}`). */
export function bodyOf<T>(result: unknown): T {
  const text = textOf(result);
  const start = text.indexOf('\n\n');
  return JSON.parse(text.slice(start + 2)) as T;
}
