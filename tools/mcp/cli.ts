/**
 * `npm run mcp`: starts the Callbell MCP server (./server.ts) on stdio, or with `--http`
 * on http://127.0.0.1:<port>/mcp (./http.ts). Settings: ./config.ts. Logs go to stderr
 * (stdout is the protocol's on stdio): one line on start naming the environment, the
 * tool count and where the key comes from, never the key; nothing per request.
 */
import { serve } from '@hono/node-server';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { ConfigError, readConfig, type McpConfig } from './config';
import { DocsLibrary } from './docs/library';
import { createHttpApp, MCP_PATH } from './http';
import { createMcpServer, listedTools, productionUrl } from './server';

function configOrExit(): McpConfig {
  try {
    return readConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(error.message.startsWith('Usage:') ? 0 : 1);
  }
}

const config = configOrExit();
const operations = operationModels(loadSpec());
const library = new DocsLibrary({ buildDir: config.buildDir, productionUrl: productionUrl(config) });
const deps = { operations, library };
const count = listedTools(config, operations).length;
const where = `${config.environment.label} ${config.environment.baseUrl}`;
const key = { none: 'no API key (set CALLBELL_API_KEY)', 'demo key': "the sandbox's demo API key", CALLBELL_API_KEY: 'API key from CALLBELL_API_KEY' }[config.apiKeySource];
const writes = config.writes ? '' : ', writing tools off (--allow-writes turns them on)';

if (config.transport === 'stdio') {
  void createMcpServer(config, deps)
    .connect(new StdioServerTransport())
    .then(() => console.error(`Callbell MCP server on stdio: ${count} tools, ${where}, ${key}${writes}`));
} else {
  let port = config.port;
  const app = createHttpApp({ port: () => port, allowedOrigins: config.allowedOrigins, createServer: () => createMcpServer(config, deps) });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: config.port }, (info) => {
    port = info.port;
    console.error(`Callbell MCP server on http://127.0.0.1:${info.port}${MCP_PATH}: ${count} tools, ${where}, ${key}${writes}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Could not listen on 127.0.0.1:${config.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
