/**
 * Rate-limit windows (../middleware/rate-limit.ts) counted in Redis, so that
 * every instance shares them: one counter per limit, window and id
 * (`<prefix>rate:<limit>:<window start>:<id>`), incremented by a script that
 * also makes it expire with its window. Ids are client addresses or account
 * ids, never API keys. Redis away: 503, like every request that needs it.
 */
import { hitFor, type Counters } from '../middleware/rate-limit';
import { script, type RedisLink } from './link';

const HIT = script(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`);

export function createRedisCounters(link: RedisLink, now: () => number): Counters {
  return {
    async hit(limit, id) {
      const time = now();
      const start = Math.floor(time / limit.windowMs) * limit.windowMs;
      const count = Number(await link.run(HIT, [`${link.prefix}rate:${limit.name}:${start}:${id}`], [limit.windowMs]));
      return hitFor(limit, count, start, time);
    },
  };
}
