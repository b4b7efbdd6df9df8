/**
 * Who is asking: the client address the per-address limits count (401s,
 * minting, the CORS proxy). By default the TCP peer, as @hono/node-server
 * gives it (`unknown` in-process). Behind a reverse proxy every visitor has
 * the proxy's address, so `X-Forwarded-For` is read, but only when the peer
 * is one of the trusted proxies (`SANDBOX_TRUSTED_PROXIES`: addresses or
 * CIDR ranges): walking the header from the right, the first address that
 * is not a trusted proxy is the client. A header from anyone else is ignored,
 * so no client can choose its own address. IPv4-mapped IPv6 addresses
 * (`::ffff:1.2.3.4`) count as their IPv4 address.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

export type AddressOf = (c: Context) => string;

/** `::ffff:1.2.3.4` -> `1.2.3.4`; other addresses unchanged. */
export function plainAddress(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/** The TCP peer when served by @hono/node-server; `unknown` in-process. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress;
  return peer === undefined ? 'unknown' : plainAddress(peer);
}

/** The ranges of a list of addresses and CIDR ranges; throws on an entry that is neither. */
export function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(plainAddress(address));
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (prefix !== undefined && (!/^\d+$/.test(bits!) || prefix > max))) {
      throw new Error(`"${entry}" is not an IP address or a CIDR range`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(plainAddress(address), type);
    else list.addSubnet(plainAddress(address), prefix, type);
  }
  return list;
}

function listed(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The client address, believing X-Forwarded-For only from these proxies (none: the peer, always). */
export function addressResolver(trusted: readonly string[] = []): AddressOf {
  if (trusted.length === 0) return clientAddress;
  const list = proxyList(trusted);
  return (c) => {
    let address = clientAddress(c);
    if (!listed(list, address)) return address;
    const hops = (c.req.header('X-Forwarded-For') ?? '').split(',').map((hop) => plainAddress(hop.trim()));
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (isIP(hop) === 0) return address; // garbage: the last trustworthy hop stands
      address = hop;
      if (!listed(list, hop)) return hop;
    }
    return address;
  };
}
