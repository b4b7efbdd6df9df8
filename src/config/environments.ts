/**
 * API environments the portal may send requests to. Read by docusaurus.config.ts
 * from environment variables at build time; the browser only ever talks to these.
 * The defaults come from the spec's `servers` (./api.ts): the production URL, and
 * the path prefix the local sandbox serves the API under.
 */
import type { Environment } from '../lib/api/types';
import { apiLocation, type ApiLocation } from './api';

export interface EnvironmentConfig {
  environments: Environment[];
  defaultEnvironment: string;
}

const DEFAULT_SANDBOX_PORT = '4010';

function normaliseBaseUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must use http or https, got "${raw}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${name} must not carry a query, fragment or credentials: "${raw}"`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** Builds the environment list from process.env-like input and the spec's API location (pure given `api`, tested). */
export function environmentsFrom(env: Record<string, string | undefined>, api: ApiLocation = apiLocation()): EnvironmentConfig {
  const sandboxUrl = normaliseBaseUrl(
    'SANDBOX_URL',
    env.SANDBOX_URL ?? `http://localhost:${env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT}${api.prefix}`,
  );
  const productionUrl = normaliseBaseUrl('PRODUCTION_API_URL', env.PRODUCTION_API_URL ?? api.productionUrl);
  const proxyUrl = env.PRODUCTION_PROXY_URL ? normaliseBaseUrl('PRODUCTION_PROXY_URL', env.PRODUCTION_PROXY_URL) : undefined;
  const environments: Environment[] = [
    { id: 'sandbox', label: 'Sandbox', baseUrl: sandboxUrl },
    { id: 'production', label: 'Production', baseUrl: productionUrl, ...(proxyUrl ? { proxyUrl } : {}) },
  ];
  const defaultEnvironment = env.API_ENVIRONMENT ?? 'sandbox';
  if (!environments.some((e) => e.id === defaultEnvironment)) {
    throw new Error(`API_ENVIRONMENT must be one of ${environments.map((e) => e.id).join(', ')}`);
  }
  return { environments, defaultEnvironment };
}
