import type { Handler } from 'hono';
import type { HttpMethod } from '../../../src/lib/api/types';
import type { AuthEnv } from '../middleware/auth';

/** One route of the sandbox; app.ts registers it and answers 405 for other methods on its path. */
export interface RouteDef {
  method: HttpMethod;
  /** Hono path, e.g. `/v1/contacts` or `/v1/contacts/:uuid`. */
  path: string;
  handler: Handler<AuthEnv>;
}

/** `/contacts/{uuid}` (OpenAPI) -> `/contacts/:uuid` (Hono). */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}
