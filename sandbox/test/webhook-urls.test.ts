/**
 * The webhook URL rule, in every spelling:
 *   - the spec's `pattern` (production's rule, as the spec states it) refuses
 *     loopback however it is written: a seeded generator of IPv4, IPv6 and
 *     name spellings (plus the boundaries of 127.0.0.0/8 as one number) shows
 *     that it refuses exactly the URLs whose host Node's WHATWG URL parser
 *     reads as loopback or unspecified (`isLoopbackHost`);
 *   - the sandbox applies the same rule, except for hosts listed in
 *     SANDBOX_WEBHOOK_HOSTS;
 *   - public mode: only listed hosts, and only with public addresses, checked
 *     on every resolved address, again before every delivery, and on the
 *     connection itself (`guardedLookup`).
 * Every resolver here is injected: no test touches real DNS.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/data/seed';
import { guardedLookup, isLoopbackHost, isNonPublicAddress, publicAddresses, type Resolver } from '../src/destinations';
import { webhookUrlPattern } from '../src/domain/webhook-url';
import type { DeliverFn, WebhookRequest } from '../src/webhooks';
import { ajv, fails, makeSandbox, ok, op, mintKey } from './helpers';

const subscribe = op('post_webhooks_subscribe');
const PATTERN = webhookUrlPattern(subscribe);
/** The spec's own body schema (pattern included), as production's rule is stated. */
const specBody = ajv.compile(subscribe.body!.schema);
const specAccepts = (url: string) => specBody({ url, subscriptions: ['message_created'] });

/** The spellings the security report named, and more. Each is loopback or unspecified. */
const LOOPBACK_SPELLINGS = [
  'http://127.0.0.1/x',
  'http://127.1/x',
  'http://127.0.1/x',
  'http://2130706433/x',
  'http://0x7f000001/x',
  'http://0x7F.1/x',
  'http://0177.0.0.1/x',
  'http://017700000001/x',
  'http://127.255.255.254:8080/x',
  'http://127.0.0.1./x',
  'http://localhost/x',
  'http://LOCALHOST/x',
  'http://LocalHost:3000/x',
  'http://localhost./x',
  'http://api.localhost/x',
  'http://[::1]/x',
  'http://[0:0:0:0:0:0:0:1]:8080/x',
  'http://[::0001]/x',
  'http://[::ffff:127.0.0.1]/x',
  'http://[::ffff:7f00:1]/x',
  'http://user@127.0.0.1/x',
  'http://user:pass@localhost/x',
  'http://evil.example@127.0.0.1/x',
  'https://0.0.0.0/x',
  'http://0/x',
  'http://[::]/x',
];

const PUBLIC_SPELLINGS = [
  'https://my-app.com/my-webhook-endpoint',
  'https://hooks.example.org/in',
  'http://127.0.0.1.nip.io/x',
  'http://localhost.example.com/x',
  'http://mylocalhost/x',
  'http://128.0.0.1/x',
  'http://2147483648/x',
  'http://2130706431/x',
  'http://[::2]/x',
  'http://[2001:4860:4860::8888]/x',
  'http://127.0.0.1@example.org/x',
];

describe("the spec's webhook URL pattern (production's rule)", () => {
  it('refuses every listed loopback spelling and accepts the public look-alikes, as Ajv applies the spec', () => {
    for (const url of LOOPBACK_SPELLINGS) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(true);
      expect(specAccepts(url), url).toBe(false);
    }
    for (const url of PUBLIC_SPELLINGS) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(false);
      expect(specAccepts(url), `${url} ${JSON.stringify(specBody.errors)}`).toBe(true);
    }
  });

  it('refuses exactly the URLs whose host the WHATWG parser reads as loopback or unspecified (8,000 seeded spellings)', () => {
    const r = mulberry32(0x8badf00d);
    const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
    const spellNumber = (n: number): string => {
      switch (int(0, 3)) {
        case 0:
          return String(n);
        case 1:
          return `${pick(['0x', '0X'])}${'0'.repeat(int(0, 2))}${r() < 0.5 ? n.toString(16) : n.toString(16).toUpperCase()}`;
        case 2:
          return `${'0'.repeat(int(1, 3))}${n.toString(8)}`;
        default:
          return n === 0 ? pick(['0', '00', '0x', '0x0']) : String(n);
      }
    };
    const ipv4 = (): number[] => {
      const first = pick([127, 127, 127, 0, 0, 10, 126, 128, 1, 255, int(0, 255)]);
      const zeros = first === 0 && r() < 0.7;
      return [first, ...[0, 0, 0].map(() => (zeros ? 0 : pick([0, 1, 255, int(0, 255)])))];
    };
    const spellIpv4 = (bytes: number[]): string => {
      const parts = int(1, 4);
      const numbers = bytes.slice(0, parts - 1);
      numbers.push(bytes.slice(parts - 1).reduce((acc, b) => acc * 256 + b, 0));
      return numbers.map(spellNumber).join('.') + (r() < 0.1 ? '.' : '');
    };
    const spellIpv6 = (): string => {
      const v4 = ipv4();
      const hi = ((v4[0]! << 8) | v4[1]!).toString(16);
      const lo = ((v4[2]! << 8) | v4[3]!).toString(16);
      return `[${pick([
        '::1', '0:0:0:0:0:0:0:1', '::0:1', '0::1', '::0001', '::', '0::', '::0', '::2', '::1:0', '1::1', 'fe80::1', 'fd00::1',
        `::ffff:${v4.join('.')}`, `::${v4.join('.')}`, `::ffff:0:${v4.join('.')}`, `0:0:0:0:0:ffff:${v4.join('.')}`,
        `::ffff:${hi}:${lo}`, `::FFFF:${hi.toUpperCase()}:${lo}`, `::${hi}:${lo}`, '::0.0.0.1', '::0.0.0.0', '::ffff:0.0.0.0',
        '::ffff:0:0', '64:ff9b::127.0.0.1', '::ffff:1:7f00:1',
      ])}]`;
    };
    const name = (): string =>
      pick(['localhost', 'LOCALHOST', 'a.localhost', 'x.y.LocalHost', 'localhost.com', 'mylocalhost', 'localhostx', 'example.com', 'localhost.localdomain', '127.0.0.1.nip.io', '127.0.0.1x']) +
      (r() < 0.2 ? '.' : '');
    const url = (): string => {
      const host = pick([() => spellIpv4(ipv4()), spellIpv6, name])();
      const user = r() < 0.15 ? pick(['user@', 'u:p@', 'evil.com@', '127.0.0.1@', 'a@b@']) : '';
      const port = r() < 0.3 ? `:${int(1, 65535)}` : '';
      return `${pick(['http', 'https'])}://${user}${host}${port}${pick(['', '/', '/hook', '?x=1', '#f', '/a@127.0.0.1'])}`;
    };
    const boundaries = [
      'http://2130706431/', 'http://2130706432/', 'http://2147483647/', 'http://2147483648/',
      'http://017677777777/', 'http://017700000000/', 'http://017777777777/', 'http://020000000000/',
      'http://0x7effffff/', 'http://0x7f000000/', 'http://0x7fffffff/', 'http://0x80000000/',
      'http://127.0.0.1\\@evil.com/', 'http://evil.com\\@127.0.0.1/', 'http:///127.0.0.1/', 'http://127.0.0.\n1/',
    ];
    let loopbacks = 0;
    let checked = 0;
    for (const candidate of [...boundaries, ...Array.from({ length: 8000 }, url)]) {
      let host: string;
      try {
        host = new URL(candidate).hostname;
      } catch {
        continue; // not a URL at all: `format: uri` refuses it anyway
      }
      checked++;
      const loopback = isLoopbackHost(host);
      if (loopback) loopbacks++;
      expect(!PATTERN.test(candidate), `${JSON.stringify(candidate)} -> ${host}`).toBe(loopback || /[\t\n\r]|^http:\/\/\//.test(candidate));
    }
    // The generator does reach both sides, in numbers.
    expect(checked).toBeGreaterThan(7000);
    expect(loopbacks).toBeGreaterThan(2000);
    expect(checked - loopbacks).toBeGreaterThan(2000);
  });

  it('refuses hosts the parser would rewrite (percent-encoding, non-ASCII): they could hide loopback', () => {
    for (const url of ['http://%31%32%37.0.0.1/x', 'http://１２７.０.０.１/x', 'http://ｌｏｃａｌｈｏｓｔ/x', 'http://loc\u00adalhost/x']) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(true);
      expect(PATTERN.test(url), url).toBe(false);
    }
  });

  it('stays fast on a hostile URL of 1 MiB (no catastrophic backtracking)', () => {
    for (const url of [`http://${'0:'.repeat(500_000)}`, `http://[${'0:'.repeat(500_000)}`, `http://${'a.'.repeat(500_000)}localhost`, `http://127.${'0.'.repeat(500_000)}`]) {
      expect(typeof PATTERN.test(url)).toBe('boolean');
    }
  });
});

describe('the sandbox applies the same rule, except for listed hosts', () => {
  it('refuses every loopback spelling (400 invalid_body naming url) when nothing is listed, and accepts the public ones', async () => {
    const { app } = makeSandbox({ webhookHosts: [], deliver: async () => ({ status: 200 }) });
    for (const url of LOOPBACK_SPELLINGS) {
      const body = await fails(app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['message_created'] } }, 400, 'invalid_body');
      expect(body.error.fields, url).toEqual([{ name: 'url', in: 'body', message: expect.stringMatching(/not this machine/) }]);
    }
    for (const url of PUBLIC_SPELLINGS) await ok(app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['message_created'] } });
  });

  it('accepts a listed host on loopback, in any of its spellings', async () => {
    const { app } = makeSandbox({ webhookHosts: ['127.0.0.1'], deliver: async () => ({ status: 200 }) });
    for (const url of ['http://127.0.0.1:8080/x', 'http://127.1:8080/x', 'http://2130706433/x', 'http://user@0x7f000001/x']) {
      await ok(app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['message_created'] } });
    }
    await fails(app, 'post_webhooks_subscribe', { body: { url: 'http://127.0.0.2/x', subscriptions: ['message_created'] } }, 400, 'invalid_body');
  });
});

/** A resolver from a table; unknown names do not resolve. Counts its calls. */
function table(entries: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    const found = entries[host];
    if (!found) throw Object.assign(new Error(`${host} not found`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(resolve, { calls });
}

describe('public mode (SANDBOX_PUBLIC=1), with a minted key (the demo keys may only read)', () => {
  const PUBLIC_IP = '93.184.216.34';

  it('refuses loopback, private, link-local, unique-local and unspecified addresses even when listed', async () => {
    const hosts = ['127.0.0.1', 'localhost', '[::1]', '10.1.2.3', '192.168.1.1', '172.16.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[::]', '[fd00::1]', '[fe80::1]', '[::ffff:10.0.0.1]'];
    const sent: string[] = [];
    const { app } = makeSandbox({ publicMode: true, webhookHosts: hosts, resolve: table({}), deliver: async (r) => (sent.push(r.url), { status: 200 }) });
    const key = await mintKey(app);
    for (const url of [...LOOPBACK_SPELLINGS, ...hosts.map((h) => `http://${h}/x`)]) {
      const body = await fails(app, 'post_webhooks_subscribe', { body: { url, subscriptions: ['message_created'] } }, 400, 'invalid_body', key);
      expect(body.error.fields?.map((f) => f.name), url).toEqual(['url']);
    }
    expect(sent).toEqual([]);
  });

  it('refuses unlisted hosts, names the listed ones, and accepts the documented example host without sending to it', async () => {
    const sent: string[] = [];
    const { app, idle } = makeSandbox({ publicMode: true, webhookHosts: ['hooks.callbell.test'], resolve: table({}), deliver: async (r) => (sent.push(r.url), { status: 200 }) });
    const key = await mintKey(app);
    const refused = await fails(app, 'post_webhooks_subscribe', { body: { url: 'https://example.org/hook', subscriptions: ['message_created'] } }, 400, 'invalid_body', key);
    expect(refused.error.fields?.[0]?.message).toContain('only to hooks.callbell.test');
    await ok(app, 'post_webhooks_subscribe', { body: { url: 'https://my-app.com/my-webhook-endpoint', subscriptions: ['contact_deleted'] } }, key);
    await idle();
    expect(sent).toEqual([]);
  });

  it('checks every resolved address: one private address among public ones is enough to refuse; no address, too', async () => {
    const resolve = table({ 'mixed.callbell.test': [PUBLIC_IP, '10.0.0.8'], 'v6.callbell.test': [PUBLIC_IP, 'fd12::1'], 'good.callbell.test': [PUBLIC_IP, '2606:2800:220:1::1'] });
    const hosts = ['mixed.callbell.test', 'v6.callbell.test', 'gone.callbell.test', 'good.callbell.test'];
    const { app } = makeSandbox({ publicMode: true, webhookHosts: hosts, resolve, deliver: async () => ({ status: 200 }) });
    const key = await mintKey(app);
    for (const host of ['mixed.callbell.test', 'v6.callbell.test', 'gone.callbell.test']) {
      const body = await fails(app, 'post_webhooks_subscribe', { body: { url: `https://${host}/in`, subscriptions: ['message_created'] } }, 400, 'invalid_body', key);
      expect(body.error.fields?.[0]?.message, host).toMatch(/public addresses only/);
    }
    await ok(app, 'post_webhooks_subscribe', { body: { url: 'https://good.callbell.test/in', subscriptions: ['message_created'] } }, key);
  });

  it('checks again before every delivery (a name that now resolves to loopback gets nothing), and pins the connection', async () => {
    const entries: Record<string, string[]> = { 'hooks.callbell.test': [PUBLIC_IP] };
    const requests: WebhookRequest[] = [];
    const deliver: DeliverFn = async (request) => (requests.push(request), { status: 200 });
    const { app, idle } = makeSandbox({ publicMode: true, webhookHosts: ['hooks.callbell.test'], resolve: table(entries), deliver });
    const key = await mintKey(app);
    await ok(app, 'post_webhooks_subscribe', { body: { url: 'https://hooks.callbell.test/in', subscriptions: ['conversation_closed', 'conversation_opened'] } }, key);
    await ok(app, 'post_contact_conversation_close', { path: { uuid: '414a6d692bd645ed803f2e7ce360d4c8' } }, key);
    await idle();
    expect(requests.map((r) => r.headers['X-Callbell-Event'])).toEqual(['health_check', 'conversation_closed']);
    expect(requests.every((r) => typeof r.lookup === 'function')).toBe(true);

    entries['hooks.callbell.test'] = ['127.0.0.1']; // DNS rebinding after the subscribe
    await ok(app, 'post_contact_conversation_open', { path: { uuid: '414a6d692bd645ed803f2e7ce360d4c8' } }, key);
    await idle();
    expect(requests).toHaveLength(2);
    const log = await ok<{ webhook_events: Array<{ event: string; response: unknown; success: boolean }> }>(app, 'get_webhooks_events', {}, key);
    expect(log.webhook_events[0]).toEqual(expect.objectContaining({ event: 'conversation_opened', success: false, response: { code: null, body: null, headers: {} } }));
  });
});

describe('addresses', () => {
  it('isNonPublicAddress', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2001:db8::1', 'not-an-ip']) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:2800:220:1::1', '::ffff:8.8.8.8']) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });

  it('publicAddresses and guardedLookup hand over only checked addresses', async () => {
    const resolve = table({ 'a.test': ['93.184.216.34', '2606:2800:220:1::1'], 'b.test': ['93.184.216.34', '127.0.0.1'] });
    expect(await publicAddresses('a.test', resolve)).toHaveLength(2);
    await expect(publicAddresses('b.test', resolve)).rejects.toThrow(/public addresses only/);
    await expect(publicAddresses('localhost', resolve)).rejects.toThrow();
    await expect(publicAddresses('[::1]', resolve)).rejects.toThrow();

    const lookup = guardedLookup(resolve);
    const ask = (host: string, all: boolean) =>
      new Promise<{ err: Error | null; address: unknown; family?: number }>((done) => lookup(host, { all }, (err, address, family) => done({ err, address, family })));
    expect(await ask('a.test', true)).toMatchObject({ err: null, address: [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }] });
    expect(await ask('a.test', false)).toMatchObject({ err: null, address: '93.184.216.34', family: 4 });
    const refused = await ask('b.test', true);
    expect(refused.err).toBeInstanceOf(Error);
  });
});
