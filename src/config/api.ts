/**
 * Where the API lives, read from the spec's `servers` block instead of being repeated:
 * the production base URL (the server marked `x-environment: production`, else the
 * first) and the path prefix every operation sits under (its path, `/v1`).
 * Node only (`apiLocation()` reads openapi/openapi.yaml): docusaurus.config.ts hands
 * the URLs to the browser at build time (customFields), and the sandbox mounts its
 * routes under the prefix. `apiFromServers` is the pure part.
 */
import { loadSpec } from '../lib/api/load';
import type { OpenApiDocument } from '../lib/api/model';

export interface ApiLocation {
  /** `https://api.callbell.eu/v1`: no trailing slash. */
  productionUrl: string;
  /** `/v1`: the path of the production URL, no trailing slash (empty for an API at the root). */
  prefix: string;
}

export function apiFromServers(servers: OpenApiDocument['servers']): ApiLocation {
  const server = servers?.find((s) => s['x-environment'] === 'production') ?? servers?.[0];
  if (!server) throw new Error('openapi/openapi.yaml has no `servers` entry: add the production URL there');
  let url: URL;
  try {
    url = new URL(server.url);
  } catch {
    throw new Error(`The spec's production server must be an absolute URL, got "${server.url}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The spec's production server must use http or https, got "${server.url}"`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`The spec's production server must not carry a query, fragment or credentials: "${server.url}"`);
  const prefix = url.pathname.replace(/\/+$/, '');
  return { productionUrl: `${url.origin}${prefix}`, prefix };
}

/** The API location of openapi/openapi.yaml (parsed once per process), or of the given document. */
export function apiLocation(doc: Pick<OpenApiDocument, 'servers'> = loadSpec()): ApiLocation {
  return apiFromServers(doc.servers);
}
