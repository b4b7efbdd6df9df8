/**
 * What an address or host name is, for the webhook rules (./webhooks.ts).
 * Hosts are judged as Node's WHATWG URL parser writes them (`URL.hostname`),
 * which already turns every spelling of an address into one form: `127.1`,
 * `2130706433`, `0x7f000001`, `0177.0.0.1` and `%31%32%37.0.0.1` all become
 * `127.0.0.1`, `[0:0::1]` becomes `[::1]`, `LOCALHOST` becomes `localhost`.
 *
 *   - `isLoopbackHost`: what the spec's webhook URL rule refuses: `localhost`
 *     and `*.localhost` (RFC 6761), 127.0.0.0/8, `0.0.0.0`, `::1`, `::`, and
 *     IPv4-mapped/compatible/translated IPv6 forms of those. The test
 *     `webhook-urls.test.ts` proves the spec's regular expression refuses
 *     exactly these.
 *   - `isNonPublicAddress`: what public mode refuses after resolving a name:
 *     loopback, private (RFC 1918), link-local, unique-local, unspecified,
 *     shared (CGNAT), multicast, reserved and documentation ranges, and the
 *     IPv6 forms that embed an IPv4 address (mapped ones are judged by it).
 *   - `guardedLookup`: a `lookup` for node:http that resolves a name, refuses
 *     the connection if ANY address is non-public, and connects only to the
 *     addresses it checked (no second resolution: no DNS rebinding between
 *     check and connect).
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address of a host name; rejects when it has none. Injectable for tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function blockList(v4: Array<[string, number]>, v6: Array<[string, number]>): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

/** Loopback and unspecified, in IPv4 (also matches their IPv4-mapped IPv6 forms) and IPv6. */
const LOOPBACK = blockList(
  [
    ['127.0.0.0', 8],
    ['0.0.0.0', 32],
  ],
  [
    ['::1', 128],
    ['::', 128],
    ['::7f00:0', 104], // IPv4-compatible 127.0.0.0/8 (::127.0.0.1)
    ['::ffff:0:7f00:0', 104], // IPv4-translated 127.0.0.0/8 (::ffff:0:127.0.0.1)
    ['::ffff:0:0:0', 128], // IPv4-translated 0.0.0.0
  ],
);

/** Everything that is not a public unicast address. */
const NON_PUBLIC = blockList(
  [
    ['0.0.0.0', 8], // "this network", unspecified
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // shared address space (CGNAT)
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local (cloud metadata services live here)
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.0.2.0', 24], // documentation
    ['192.88.99.0', 24], // 6to4 relay anycast
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['198.51.100.0', 24], // documentation
    ['203.0.113.0', 24], // documentation
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ],
  [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['::', 96], // IPv4-compatible (deprecated)
    ['::ffff:0:0:0', 96], // IPv4-translated
    ['64:ff9b::', 96], // NAT64
    ['64:ff9b:1::', 48], // local-use NAT64
    ['100::', 64], // discard
    ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID, ...)
    ['2001:db8::', 32], // documentation
    ['2002::', 16], // 6to4
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated)
    ['ff00::', 8], // multicast
  ],
);

/** `[::1]` -> `::1`, `localhost.` -> `localhost`: a hostname without IPv6 brackets or a final dot, lower case. */
export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** An IP address (no brackets) or undefined for a name. */
function ipOf(host: string): { address: string; type: 'ipv4' | 'ipv6' } | undefined {
  const version = isIP(host);
  if (version === 4) return { address: host, type: 'ipv4' };
  if (version === 6) return { address: host, type: 'ipv6' };
  return undefined;
}

/** `localhost` and any name under `.localhost` (RFC 6761: they all mean this machine). */
export function isLocalhostName(hostname: string): boolean {
  const host = bareHost(hostname);
  return host === 'localhost' || host.endsWith('.localhost');
}

/** Loopback or unspecified, as a name or an address (see the file comment). Takes a `URL.hostname`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (isLocalhostName(host)) return true;
  const ip = ipOf(host);
  return ip !== undefined && LOOPBACK.check(ip.address, ip.type);
}

/** Not a public unicast address (see the file comment). Takes an address without brackets. */
export function isNonPublicAddress(address: string): boolean {
  const ip = ipOf(bareHost(address));
  if (!ip) return true; // not an address at all: never treated as public
  return NON_PUBLIC.check(ip.address, ip.type);
}

/** Refused because the name resolves to a non-public address (or does not resolve). */
export class DestinationRefused extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} does not resolve to public addresses only`);
    this.name = 'DestinationRefused';
  }
}

/**
 * Checks a host for public mode: an address must be public; a name must
 * resolve, and every address it resolves to must be public. Returns the
 * checked addresses.
 */
export async function publicAddresses(hostname: string, resolve: Resolver): Promise<ResolvedAddress[]> {
  const host = bareHost(hostname);
  const ip = ipOf(host);
  if (ip) {
    if (isNonPublicAddress(ip.address)) throw new DestinationRefused(hostname);
    return [{ address: ip.address, family: ip.type === 'ipv4' ? 4 : 6 }];
  }
  if (isLocalhostName(host)) throw new DestinationRefused(hostname);
  let found: ResolvedAddress[];
  try {
    found = await resolve(host);
  } catch {
    throw new DestinationRefused(hostname);
  }
  if (found.length === 0 || found.some((a) => isNonPublicAddress(a.address))) throw new DestinationRefused(hostname);
  return found;
}

/**
 * A `lookup` option for http.request / net.connect that resolves with
 * `resolve`, refuses unless every address is public, and hands node only the
 * checked addresses (with `all: true`, as Node 20's family autoselection
 * asks, all of them; otherwise the first).
 */
export function guardedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname, resolve).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'ENOTFOUND' }) as NodeJS.ErrnoException, '', 4),
    );
  };
}
