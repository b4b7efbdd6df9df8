/**
 * The client address the per-address limits count: the TCP peer, or the
 * first untrusted hop of X-Forwarded-For (from the right) when the peer is a
 * trusted proxy; never what an untrusted peer claims. IPv4-mapped IPv6 counts
 * as IPv4. Bad proxy settings are refused.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressResolver, plainAddress, proxyList } from '../src/middleware/client';

async function seen(trusted: string[], peer: string | undefined, forwarded?: string): Promise<string> {
  const app = new Hono();
  const address = addressResolver(trusted);
  app.get('/', (c) => c.text(address(c)));
  const env = peer === undefined ? undefined : { incoming: { socket: { remoteAddress: peer } } };
  const res = await app.request('/', { headers: forwarded === undefined ? {} : { 'X-Forwarded-For': forwarded } }, env);
  return res.text();
}

describe('client address', () => {
  it('is the peer without trusted proxies, whatever X-Forwarded-For says', async () => {
    expect(await seen([], '203.0.113.7', '192.0.2.1')).toBe('203.0.113.7');
    expect(await seen([], '::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(await seen([], undefined)).toBe('unknown');
    expect(await seen(['10.0.0.0/8'], '203.0.113.7', '192.0.2.1')).toBe('203.0.113.7');
  });

  it('behind trusted proxies: the first untrusted hop from the right', async () => {
    expect(await seen(['10.0.0.0/8'], '10.0.0.5', '192.0.2.1')).toBe('192.0.2.1');
    expect(await seen(['10.0.0.0/8'], '10.0.0.5', '198.51.100.1, 192.0.2.1, 10.9.9.9')).toBe('192.0.2.1');
    expect(await seen(['10.0.0.0/8', '2001:db8::/32'], '2001:db8::1', '2001:db8::2, 2606:4700::1111')).toBe('2606:4700::1111');
    expect(await seen(['127.0.0.1'], '::ffff:127.0.0.1', '192.0.2.1')).toBe('192.0.2.1');
    // No header, garbage, or only proxies: the last address that could be trusted.
    expect(await seen(['10.0.0.0/8'], '10.0.0.5')).toBe('10.0.0.5');
    expect(await seen(['10.0.0.0/8'], '10.0.0.5', 'not-an-address')).toBe('10.0.0.5');
    expect(await seen(['10.0.0.0/8'], '10.0.0.5', '10.0.0.7, 10.0.0.6')).toBe('10.0.0.7');
  });

  it('refuses entries that are neither addresses nor ranges', () => {
    expect(() => proxyList(['10.0.0.0/8', '::1', '192.168.1.1'])).not.toThrow();
    for (const bad of ['proxy.internal', '10.0.0.0/33', '10.0.0.0/x', '::1/129', '10.0.0.0/8/1']) expect(() => proxyList([bad]), bad).toThrow();
    expect(plainAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(plainAddress('::1')).toBe('::1');
  });
});
