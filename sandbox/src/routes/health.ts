/**
 * Health checks, outside /v1, no authentication and no rate limit:
 *   - GET /health: liveness, `{"status": "ok"}` while the process serves;
 *   - GET /health/ready: readiness, `{"status": "ready", "store": kind}` when
 *     the store can serve requests (Redis answers a PING in time), else 503
 *     `{"status": "unavailable", "store": kind}` with Retry-After: 1. A load
 *     balancer sends traffic only to ready instances.
 */
import { sendJson } from '../json';
import type { RouteDef } from './route';

export function healthRoutes(store: { kind: string; ready(): Promise<boolean> } = { kind: 'memory', ready: async () => true }): RouteDef[] {
  return [
    { method: 'GET', path: '/health', handler: (c) => sendJson(c, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/health/ready',
      handler: async (c) =>
        (await store.ready())
          ? sendJson(c, { status: 'ready', store: store.kind })
          : sendJson(c, { status: 'unavailable', store: store.kind }, 503, { 'Retry-After': '1' }),
    },
  ];
}
