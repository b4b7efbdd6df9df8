/**
 * Webhook deliveries, for real, as the spec's introduction describes them:
 *
 *   - each event the account's webhook is subscribed to is POSTed as
 *     `{"event": ..., "payload": ...}` with `Content-Type: application/json`,
 *     `User-Agent: Callbell-Webhooks/1.0`, `X-Callbell-Event` and
 *     `X-Callbell-Delivery` (32 hex digits, new for every delivery);
 *   - the receiver has 10 seconds to answer; any 2xx is a success, anything
 *     else (or no answer, or a redirect, which is never followed) a failure;
 *     nothing is retried; every delivery is recorded in the account's log
 *     (GET /webhooks/events), newest first, at most MAX_LOG_ENTRIES;
 *   - deliveries run after the API has answered, one account's in order;
 *     each record goes into the log through the store (`store.update`), so
 *     with Redis it lands in the shared account, never in a stale copy;
 *   - subscribing sends one health check, `{"event": "health_check",
 *     "payload": {}}`, which is not logged (it is not an event of the log).
 *
 * What the log keeps of an answer: its status code only. `response.body` is
 * always null and `response.headers` always `{}` (the spec's shape, a
 * documented difference of the sandbox), so the log can never show what a
 * service answered, whatever it is.
 *
 * Where the sandbox sends (`verdict`, checked when subscribing and again
 * before every delivery):
 *   - only to hosts listed in SANDBOX_WEBHOOK_HOSTS (`allowedHosts`);
 *   - a URL must follow the spec's rule (`urlPattern`: no loopback, however it
 *     is spelled), except that listed hosts are accepted even on loopback:
 *     that is how a developer points webhooks at a receiver on their own
 *     machine, and how the tests do;
 *   - other URLs that follow the rule (the spec's example host my-app.com, any
 *     public host) are accepted, but nothing is ever sent there: their
 *     deliveries are logged as failed with no answer.
 * Public mode (SANDBOX_PUBLIC=1, `publicMode`): the listed-host exception is
 * gone; URLs whose host is not listed are refused (the spec's example host
 * excepted, never sent to); a listed host must be, or resolve only to,
 * public addresses (./destinations.ts: no loopback, private, link-local,
 * unique-local, unspecified, ...), checked when subscribing, before every
 * delivery, and on the connection itself (the resolved address is pinned:
 * no DNS rebinding).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Account, Webhook, WebhookEventRecord } from './data/types';
import { bareHost, guardedLookup, isLoopbackHost, publicAddresses, systemResolver, type Resolver } from './destinations';
import { isoSeconds } from './time';

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_USER_AGENT = 'Callbell-Webhooks/1.0';
export const MAX_LOG_ENTRIES = 500;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Set in public mode: resolves and checks the host, and pins the connection to the checked addresses. */
  lookup?: LookupFunction;
}

/** What the sandbox reads of an answer: its status, nothing else. */
export interface WebhookAnswer {
  status: number;
}

/** Sends one delivery; rejects when no answer came (refused, timeout, ...). Injectable for tests. */
export type DeliverFn = (request: WebhookRequest) => Promise<WebhookAnswer>;

/** Send to the URL; accept it but never send; or refuse it (400 invalid_body naming `url`, with `reason`). */
export type HostVerdict = { kind: 'deliver' } | { kind: 'accept' } | { kind: 'refuse'; reason: string };

export interface WebhookEvent {
  event: string;
  payload: Record<string, unknown>;
}

export interface Webhooks {
  /** What the sandbox does with a webhook URL (public mode resolves its host). */
  verdict(url: string): Promise<HostVerdict>;
  /**
   * Queues the deliveries of these events to the webhook (if it is enabled and subscribed to them),
   * after the deliveries already queued for the same account; `log` records each one (in the store).
   */
  dispatch(account: string, webhook: Webhook | null, events: WebhookEvent[], log: (record: WebhookEventRecord) => Promise<void>): void;
  /** Sends one health check to the URL (if the sandbox may send there). */
  healthCheck(url: string): void;
  /** Resolves once every queued delivery and health check has finished. */
  idle(): Promise<void>;
}

export interface WebhooksOptions {
  deliver?: DeliverFn;
  /** The only hosts the sandbox sends to (SANDBOX_WEBHOOK_HOSTS), as normaliseHost writes them. */
  allowedHosts?: readonly string[];
  /** Hosts accepted for subscription but never sent to (the spec's example hosts). */
  documentationHosts?: readonly string[];
  /** The spec's rule for webhook URLs (the `pattern` of the subscribe body's `url`). */
  urlPattern: RegExp;
  /** SANDBOX_PUBLIC=1: see the file comment. */
  publicMode?: boolean;
  /** Resolves host names in public mode. Default: the system's (dns.lookup, every address). */
  resolve?: Resolver;
  timeoutMs?: number;
  now: () => number;
}

/** A host name as `URL.hostname` writes it (lower case, IPv6 in brackets, every IPv4 spelling as a.b.c.d), or undefined. */
export function normaliseHost(entry: string): string | undefined {
  const trimmed = entry.trim();
  if (trimmed === '') return undefined;
  try {
    const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') && trimmed.split(':').length > 2 ? `[${trimmed}]` : trimmed;
    return new URL(`http://${bracketed}`).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** The hosts of SANDBOX_WEBHOOK_HOSTS (comma-separated). */
export function allowedHostsFromEnv(env: Record<string, string | undefined> = process.env): string[] {
  return (env.SANDBOX_WEBHOOK_HOSTS ?? '').split(',').flatMap((entry) => normaliseHost(entry) ?? []);
}

/** The spec's rule for a webhook URL, in words (the message of a refusal). */
export function urlRuleMessage(publicMode: boolean): string {
  const rule =
    'must be an http(s) URL whose host is not this machine (localhost, 127.0.0.0/8, 0.0.0.0, [::1], however written), in plain ASCII without percent-encoding';
  return publicMode ? rule : `${rule}; hosts listed in SANDBOX_WEBHOOK_HOSTS are exempt`;
}

/** The real sender: node:http(s), no connection reuse, no redirects, one overall timeout; only the status is read. */
export const httpDeliver: DeliverFn = (request) =>
  new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
        agent: false,
        ...(request.lookup ? { lookup: request.lookup } : {}),
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0 });
        // The answer's body is never read: drain it, and stop at the timeout.
        res.resume();
        res.on('close', () => clearTimeout(timer));
        res.on('error', () => clearTimeout(timer));
      },
    );
    // Declared after the request; the callbacks that clear it run later.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(request.body);
  });

/** Puts a delivery at the top of the account's log, which keeps the newest MAX_LOG_ENTRIES. */
export function appendToLog(account: Account, record: WebhookEventRecord): void {
  account.webhookEvents.unshift(record);
  if (account.webhookEvents.length > MAX_LOG_ENTRIES) account.webhookEvents.length = MAX_LOG_ENTRIES;
}

export function createWebhooks(options: WebhooksOptions): Webhooks {
  const deliver = options.deliver ?? httpDeliver;
  const allowed = new Set((options.allowedHosts ?? []).map(bareHost));
  const documentation = new Set((options.documentationHosts ?? []).map(bareHost));
  const publicMode = options.publicMode ?? false;
  const resolve = options.resolve ?? systemResolver;
  const lookup = publicMode ? guardedLookup(resolve) : undefined;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const pending = new Set<Promise<unknown>>();
  /** One queue per account (while it has deliveries under way), so its receiver gets the events in order. */
  const queues = new Map<string, Promise<unknown>>();

  const track = (promise: Promise<unknown>) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  async function verdict(url: string): Promise<HostVerdict> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'refuse', reason: urlRuleMessage(publicMode) };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'refuse', reason: urlRuleMessage(publicMode) };
    const host = bareHost(parsed.hostname);
    const listed = allowed.has(host);
    if (!publicMode) {
      if (listed) return { kind: 'deliver' };
      return options.urlPattern.test(url) ? { kind: 'accept' } : { kind: 'refuse', reason: urlRuleMessage(false) };
    }
    if (!options.urlPattern.test(url) || isLoopbackHost(parsed.hostname)) return { kind: 'refuse', reason: urlRuleMessage(true) };
    if (documentation.has(host)) return { kind: 'accept' };
    if (!listed) {
      const where = allowed.size > 0 ? `only to ${[...allowed].join(', ')}` : 'nowhere (SANDBOX_WEBHOOK_HOSTS lists no host)';
      return { kind: 'refuse', reason: `must point to a host this public sandbox delivers to: it sends webhooks ${where}` };
    }
    try {
      await publicAddresses(parsed.hostname, resolve);
    } catch {
      return { kind: 'refuse', reason: 'must point to a host that resolves to public addresses only (no loopback, private or link-local address)' };
    }
    return { kind: 'deliver' };
  }

  /** Sends one delivery if the URL may be sent to now; the answer's status, or null when nothing (or no answer) came. */
  async function post(url: string, event: string, payload: unknown): Promise<number | null> {
    if ((await verdict(url)).kind !== 'deliver') return null;
    try {
      const answer = await deliver({
        url,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': WEBHOOK_USER_AGENT,
          'X-Callbell-Event': event,
          'X-Callbell-Delivery': randomBytes(16).toString('hex'),
        },
        body: JSON.stringify({ event, payload }),
        timeoutMs,
        ...(lookup ? { lookup } : {}),
      });
      return answer.status;
    } catch {
      return null; // no answer (refused, timed out, not a public address after all, ...)
    }
  }

  async function deliverOne(url: string, event: WebhookEvent, createdAt: string): Promise<WebhookEventRecord> {
    const code = await post(url, event.event, event.payload);
    return {
      event: event.event,
      payload: event.payload,
      // Only the status is kept: the receiver's body and headers never reach the log.
      response: { code, body: null, headers: {} },
      success: code !== null && code >= 200 && code < 300,
      createdAt,
    };
  }

  return {
    verdict,
    dispatch(account, webhook, events, log) {
      if (!webhook?.enabled) return;
      const wanted = events.filter((e) => webhook.subscriptions.includes(e.event));
      if (wanted.length === 0) return;
      const { url } = webhook;
      const createdAt = isoSeconds(options.now());
      // Payloads are copied now: later changes to the account must not show in them.
      const copies = wanted.map((e) => structuredClone(e));
      const run = (queues.get(account) ?? Promise.resolve()).then(async () => {
        for (const event of copies) await log(await deliverOne(url, event, createdAt));
      });
      const settled = run.catch(() => undefined);
      queues.set(account, settled);
      void settled.then(() => {
        if (queues.get(account) === settled) queues.delete(account);
      });
      track(settled);
    },
    healthCheck(url) {
      track(post(url, 'health_check', {}));
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
