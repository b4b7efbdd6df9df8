/**
 * The MCP server's settings, from the command line and the portal's own environment
 * variables (README, "Pointing the portal at another API"). Pure: `readConfig(argv, env)`.
 *
 * - `API_ENVIRONMENT` (`sandbox`, the default, or `production`), `SANDBOX_URL` /
 *   `SANDBOX_PORT`, `PRODUCTION_API_URL`: where the API tools send requests
 *   (src/config/environments.ts, as the Try it panel); `--environment` overrides the first.
 * - `CALLBELL_API_KEY`: the key sent as `Authorization: Bearer …`. Against the sandbox
 *   the docs' demo key is used when it is not set; production needs it.
 * - `--allow-writes` (or `MCP_ALLOW_WRITES=1`): with production, the POST, PUT, PATCH and
 *   DELETE tools are off without it. The sandbox always allows them.
 * - `--http` serves streamable HTTP on 127.0.0.1 (`--port`, `MCP_PORT`, default 8787,
 *   0 for any free port) instead of stdio; `--allow-origin <origin>` (repeatable) lets a
 *   browser page of that origin call it besides the server's own.
 * - `--build-dir` (`MCP_BUILD_DIR`, default `build`): the built site whose search index
 *   and Markdown pages the docs tools read; `--locale`: their default locale.
 */
import { localeCodes } from '../../src/config/locales';
import { DEFAULT_LOCALE, DOCS_DEMO_API_KEY } from '../../src/config/site';
import { environmentsFrom } from '../../src/config/environments';
import type { Environment } from '../../src/lib/api/types';
import { apiKeyProblem } from '../../src/lib/request/apiKey';

export const DEFAULT_HTTP_PORT = 8787;

export interface McpConfig {
  transport: 'stdio' | 'http';
  /** HTTP only: the port on 127.0.0.1 (0: any free port). */
  port: number;
  /** HTTP only: browser origins allowed besides the server's own. */
  allowedOrigins: string[];
  environment: Environment;
  environments: Environment[];
  /** The key sent to the API; never printed. */
  apiKey?: string;
  /** Where the key comes from, for the start-up line (never the key). */
  apiKeySource: 'CALLBELL_API_KEY' | 'demo key' | 'none';
  /** Writing tools are on (always with the sandbox; with production only when asked). */
  writes: boolean;
  buildDir: string;
  locale: string;
  locales: string[];
}

export class ConfigError extends Error {}

const USAGE = `Usage: npm run mcp [-- --http [--port N] [--allow-origin ORIGIN]] [--environment sandbox|production] [--allow-writes] [--build-dir DIR] [--locale CODE]`;

function portOf(raw: string, name: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new ConfigError(`${name} must be a port number (0-65535), got "${raw}"`);
  return Number(raw);
}

function originOf(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`--allow-origin needs an origin such as http://localhost:5173, got "${raw}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== raw.replace(/\/$/, '')) {
    throw new ConfigError(`--allow-origin needs an origin such as http://localhost:5173 (scheme, host, port only), got "${raw}"`);
  }
  return url.origin;
}

/** Reads the settings; throws ConfigError with a one-line message on a bad flag or value. */
export function readConfig(argv: readonly string[], env: Record<string, string | undefined>): McpConfig {
  const flags = new Map<string, string[]>();
  const valued = new Set(['--port', '--environment', '--build-dir', '--locale', '--allow-origin']);
  const bare = new Set(['--http', '--allow-writes', '--stdio']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') throw new ConfigError(USAGE);
    if (bare.has(name)) {
      flags.set(name, ['']);
    } else if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ConfigError(`${name} needs a value\n${USAGE}`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      throw new ConfigError(`Unknown option "${arg}"\n${USAGE}`);
    }
  }
  const one = (name: string) => flags.get(name)?.at(-1);
  let api;
  try {
    api = environmentsFrom({ ...env, ...(one('--environment') !== undefined ? { API_ENVIRONMENT: one('--environment') } : {}) });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const environment = api.environments.find((e) => e.id === api.defaultEnvironment)!;
  const key = env.CALLBELL_API_KEY?.trim() || undefined;
  if (key !== undefined && apiKeyProblem(key)) throw new ConfigError('CALLBELL_API_KEY is not a usable API key: it must be printable ASCII without spaces');
  const sandbox = environment.id === 'sandbox';
  const locales = localeCodes();
  const locale = one('--locale') ?? DEFAULT_LOCALE;
  if (!locales.includes(locale)) throw new ConfigError(`--locale must be one of ${locales.join(', ')}, got "${locale}"`);
  return {
    transport: flags.has('--http') ? 'http' : 'stdio',
    port: portOf(one('--port') ?? env.MCP_PORT ?? String(DEFAULT_HTTP_PORT), one('--port') !== undefined ? '--port' : 'MCP_PORT'),
    allowedOrigins: (flags.get('--allow-origin') ?? []).map(originOf),
    environment,
    environments: api.environments,
    ...(key !== undefined ? { apiKey: key } : sandbox ? { apiKey: DOCS_DEMO_API_KEY } : {}),
    apiKeySource: key !== undefined ? 'CALLBELL_API_KEY' : sandbox ? 'demo key' : 'none',
    writes: sandbox || flags.has('--allow-writes') || env.MCP_ALLOW_WRITES === '1',
    buildDir: one('--build-dir') ?? env.MCP_BUILD_DIR ?? 'build',
    locale,
    locales,
  };
}
