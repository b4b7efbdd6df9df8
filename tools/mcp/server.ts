/**
 * The Callbell MCP server, built on the official SDK's `Server`: one tool per API
 * operation (./api, from openapi/openapi.yaml) and two docs tools (./docs). It never
 * opens a transport: ./cli.ts connects it to stdio or to streamable HTTP (./http.ts),
 * tests to an in-memory pair. With production and no --allow-writes the writing tools
 * are left out of the list and refused if called. Every answer is passed through
 * `redact`, so the API key never appears in a tool's text, whatever the API sends back.
 * A failing tool is an `isError` result: the server itself keeps running.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import type { OperationModel } from '../../src/lib/api/types';
import { callOperation, toolError } from './api/call';
import { isWriting, operationTool } from './api/tools';
import type { McpConfig } from './config';
import { DocsLibrary } from './docs/library';
import { callDocsTool, docsTools, GET_PAGE, SEARCH_DOCS } from './docs/tools';

export const SERVER_NAME = 'callbell-api';
export const SERVER_VERSION = '0.1.0';

export interface ServerDeps {
  operations?: OperationModel[];
  library?: DocsLibrary;
  fetchImpl?: typeof fetch;
}

/** Replaces every occurrence of the key in `text`. */
export function redact(text: string, key: string | undefined): string {
  return key ? text.split(key).join('<redacted API key>') : text;
}

function redactResult(result: CallToolResult, key: string | undefined): CallToolResult {
  if (!key) return result;
  return { ...result, content: result.content.map((part) => (part.type === 'text' ? { ...part, text: redact(part.text, key) } : part)) };
}

/** The production URL the docs' examples call (the same the build uses). */
export function productionUrl(config: Pick<McpConfig, 'environments'>): string {
  return config.environments.find((e) => e.id === 'production')!.baseUrl;
}

/** The tools this configuration offers: the API's (writing ones only when allowed), then the docs tools. */
export function listedTools(config: McpConfig, operations: readonly OperationModel[]): Tool[] {
  return [...operations.filter((op) => config.writes || !isWriting(op.method)).map(operationTool), ...docsTools(config.locales, config.locale)];
}

export function createMcpServer(config: McpConfig, deps: ServerDeps = {}): Server {
  const operations = deps.operations ?? operationModels(loadSpec());
  const byName = new Map(operations.map((op) => [op.request, op]));
  const library = deps.library ?? new DocsLibrary({ buildDir: config.buildDir, productionUrl: productionUrl(config) });
  const tools = listedTools(config, operations);
  const server = new Server(
    { name: SERVER_NAME, version: SERVER_VERSION, title: 'Callbell API' },
    {
      capabilities: { tools: {} },
      instructions: `Tools for the Callbell REST API (${config.environment.label}: ${config.environment.baseUrl}) and its documentation in ${config.locales.join(', ')}. Each API tool is one operation, named by its operationId; use search_docs and get_page to read how an operation works before calling it.`,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name, arguments: args } = request.params;
    try {
      if (name === SEARCH_DOCS || name === GET_PAGE) {
        return redactResult(await callDocsTool(name, args, { library, locales: config.locales, defaultLocale: config.locale }), config.apiKey);
      }
      const op = byName.get(name);
      if (!op) return toolError(`Unknown tool ${JSON.stringify(name.slice(0, 80))}. List the tools to see the names.`);
      const result = await callOperation(op, args, {
        environment: config.environment,
        environments: config.environments,
        writes: config.writes,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
      });
      return redactResult(result, config.apiKey);
    } catch (error) {
      return toolError(redact(`The tool ${name} failed: ${error instanceof Error ? error.message : String(error)}`, config.apiKey));
    }
  });
  return server;
}
