import { sendJson } from '../json';
import type { RouteDef } from './route';

/** GET /health: liveness, outside /v1, no authentication and no rate limit. */
export function healthRoutes(): RouteDef[] {
  return [{ method: 'GET', path: '/health', handler: (c) => sendJson(c, { status: 'ok' }) }];
}
