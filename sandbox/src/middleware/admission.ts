/**
 * Admission of every request under /v1, in one step: who is asking
 * (./auth.ts: 401), the per-key rate limit (./rate-limit.ts: 429 and the
 * X-RateLimit headers) and a read of the key's account for the route
 * (`Store.prefetch`, offered by the Redis store).
 *
 * The three are started together, so that with Redis they travel in one
 * round trip (ioredis sends the commands issued in one turn of the event
 * loop as one pipeline): a read costs one round trip, a change two (this one
 * and its conditional write). Their outcomes are still applied in order: a
 * refused key gets its 401 (or, past the limit on refusals, 429), never the
 * per-key 429; an accepted key past its limit gets 429; only then does the
 * route run.
 *
 * Only keys that can be accepted start the other two early (`ahead`: the
 * configured and test keys, and keys this sandbox signed), so a made-up key
 * is never counted and its account never read. A signed key that turns out
 * expired may have been counted and read for nothing: its window ends within
 * the second, and the read creates nothing.
 */
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store';
import type { KeyGate } from './auth';
import type { AuthEnv } from './env';
import type { Hit, KeyLimit } from './rate-limit';

/** Marks a promise as handled (its outcome is awaited later, or not needed when the request is refused). */
function quiet<T>(value: T | Promise<T>): T | Promise<T> {
  if (value instanceof Promise) value.catch(() => undefined);
  return value;
}

export function admission(gate: KeyGate, limit: KeyLimit, store: Pick<Store, 'prefetch'>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const { key, refusal, ahead } = gate.open(c);
    let hit: Hit | Promise<Hit> | undefined;
    if (ahead && key !== undefined) {
      hit = quiet(limit.count(key));
      const prefetch = store.prefetch?.(key);
      if (prefetch) quiet(prefetch.found);
      c.set('prefetch', prefetch);
    }
    const refused = await refusal;
    if (refused) return gate.refuse(c, refused);
    c.set('apiKey', key!);
    limit.apply(c, await (hit ?? limit.count(key!)));
    await next();
  };
}
