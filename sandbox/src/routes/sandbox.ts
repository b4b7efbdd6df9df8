/**
 * POST /v1/sandbox/reset: not part of the Callbell API. Puts the calling
 * key's data back to the seed (the other key's data and the rate-limit
 * windows are untouched) and answers 200 {"status": "reset"}.
 */
import { sendJson } from '../json';
import type { Store } from '../store';
import type { RouteDef } from './route';

export function sandboxRoutes(prefix: string, store: Store): RouteDef[] {
  return [
    {
      method: 'POST',
      path: `${prefix}/sandbox/reset`,
      handler: (c) => {
        store.reset(c.get('apiKey'));
        return sendJson(c, { status: 'reset' });
      },
    },
  ];
}
