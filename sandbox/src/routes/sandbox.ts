/**
 * Routes of the sandbox itself, not of the Callbell API:
 *
 *   - POST /v1/sandbox/reset: puts the calling key's data back to the seed
 *     (other keys' data and the rate-limit windows are untouched) and answers
 *     200 {"status": "reset"}. With the demo key on a public sandbox: 403
 *     read_only_key, like every write.
 *   - POST /v1/sandbox/keys (no authentication): mints a key with a freshly
 *     seeded account of its own and answers 201 {"key", "expiresAt"}
 *     (`Cache-Control: no-store`). `expiresAt` is when the key expires if it
 *     is not used; every use starts its idle time over. Minting is limited
 *     per client address (`limit`, counted in `counters`: shared by every
 *     instance with Redis): past it, 429 with Retry-After. A body is never
 *     read (over 1 MiB announced: 413).
 */
import { checkContentLength } from '../body';
import { apiErrors } from '../errors';
import { sendJson } from '../json';
import type { AddressOf } from '../middleware/client';
import type { Counters, NamedLimit } from '../middleware/rate-limit';
import type { KeyRegistry } from '../registry';
import type { Store } from '../store';
import { isoSeconds } from '../time';
import type { RouteDef } from './route';

const RESET_PATH = '/sandbox/reset';
const MINT_PATH = '/sandbox/keys';

export function sandboxRoutes(prefix: string, store: Store, readOnly: (key: string) => boolean): RouteDef[] {
  return [
    {
      method: 'POST',
      path: `${prefix}${RESET_PATH}`,
      handler: async (c) => {
        const key = c.get('apiKey');
        if (readOnly(key)) throw apiErrors.readOnlyKey();
        await store.reset(key);
        return sendJson(c, { status: 'reset' });
      },
    },
  ];
}

export interface MintDeps {
  keys: KeyRegistry;
  counters: Counters;
  limit: NamedLimit;
  address: AddressOf;
}

/** POST /v1/sandbox/keys: registered before authentication. */
export function mintRoutes(prefix: string, deps: MintDeps): RouteDef[] {
  return [{
    method: 'POST',
    path: `${prefix}${MINT_PATH}`,
    handler: async (c) => {
      checkContentLength(c.req.header('Content-Length'));
      const hit = await deps.counters.hit(deps.limit, deps.address(c));
      if (hit.retryAfter !== undefined) throw apiErrors.rateLimited(hit.retryAfter);
      const minted = await deps.keys.mint();
      c.header('Cache-Control', 'no-store');
      return sendJson(c, { key: minted.key, expiresAt: isoSeconds(minted.expiresAt) }, 201);
    },
  }];
}
