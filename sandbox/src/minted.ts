/**
 * Sandbox keys minted by `POST /v1/sandbox/keys`, one per visitor:
 * `test_sbx` + 32 hex digits (128 random bits) + 12 hex digits of an
 * HMAC-SHA256 of those under the sandbox's key secret. The signature lets the
 * sandbox tell a key it minted (live, or expired: 401 `key_expired`) from one
 * it never issued (401 `unauthorized`) without asking its store; whether a
 * minted key is live is the registry's business (./registry.ts).
 *
 * The secret is `SANDBOX_KEY_SECRET` when set, else made once per store:
 * random per process (memory), a file beside the snapshots (file), or a value
 * every instance shares (Redis). Changing it turns every minted key into an
 * unknown one; nothing else depends on it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A minted key: random part, then signature. */
export const MINTED_KEY = /^test_sbx([0-9a-f]{32})([0-9a-f]{12})$/;
const PREFIX = 'test_sbx';

/** A new secret: 32 random bytes, as hex. */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function signature(secret: string, random: string): string {
  return createHmac('sha256', secret).update(random).digest('hex').slice(0, 12);
}

/** A new key signed with `secret`. */
export function mintKeyText(secret: string): string {
  const random = randomBytes(16).toString('hex');
  return `${PREFIX}${random}${signature(secret, random)}`;
}

/** Whether the key has the minted form (cheap; says nothing of who minted it). */
export function looksMinted(key: string): boolean {
  return key.length === PREFIX.length + 44 && key.startsWith(PREFIX) && MINTED_KEY.test(key);
}

/** Whether `secret` signed this key: a key this sandbox minted, live or not. */
export function signedWith(secret: string, key: string): boolean {
  const match = MINTED_KEY.exec(key);
  if (!match) return false;
  const expected = Buffer.from(signature(secret, match[1]!), 'utf8');
  const given = Buffer.from(match[2]!, 'utf8');
  return timingSafeEqual(expected, given);
}
