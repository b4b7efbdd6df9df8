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
 *   - subscribing sends one health check, `{"event": "health_check",
 *     "payload": {}}`, which is not logged (it is not an event of the log).
 *
 * Where the sandbox sends: only to loopback addresses (127.0.0.0/8, [::1],
 * localhost) and to the hosts listed in SANDBOX_WEBHOOK_HOSTS. The hosts of
 * the spec's own example URLs (my-app.com) are accepted so the documented
 * requests work, but nothing is ever sent there: such deliveries are logged
 * as failed with no answer, like any delivery that found no receiver.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Account, WebhookEventRecord } from './data/account';
import { isoSeconds } from './time';

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_USER_AGENT = 'Callbell-Webhooks/1.0';
export const MAX_LOG_ENTRIES = 500;
/** Longest receiver answer kept in the log, in characters. */
export const MAX_RECORDED_BODY = 64 * 1024;
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends one delivery; rejects when no answer came (refused, timeout, ...). Injectable for tests. */
export type DeliverFn = (request: WebhookRequest) => Promise<WebhookAnswer>;

export type HostVerdict = 'deliver' | 'documentation' | 'refused';

export interface WebhookEvent {
  event: string;
  payload: Record<string, unknown>;
}

export interface Webhooks {
  /** What the sandbox does with a webhook URL: send to it, accept it without sending, or refuse it. */
  verdict(url: string): HostVerdict;
  /** Queues the deliveries of these events to the account's webhook (if it is subscribed to them). */
  dispatch(account: Account, events: WebhookEvent[], logged: () => void): void;
  /** Sends one health check to the URL (if the sandbox may send there). */
  healthCheck(url: string): void;
  /** Resolves once every queued delivery and health check has finished. */
  idle(): Promise<void>;
}

export interface WebhooksOptions {
  deliver?: DeliverFn;
  /** Hosts besides loopback the sandbox may send to. */
  allowedHosts?: readonly string[];
  /** Hosts accepted for subscription but never sent to (the spec's example hosts). */
  documentationHosts?: readonly string[];
  timeoutMs?: number;
  now: () => number;
}

/** 127.0.0.0/8, ::1 and localhost (a trailing dot allowed). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (host === 'localhost' || host === '::1') return true;
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** A host name as `URL.hostname` writes it (lower case, IPv6 in brackets), or undefined. */
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

export function hostVerdict(url: string, allowed: readonly string[], documentation: readonly string[]): HostVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'refused';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'refused';
  const host = parsed.hostname.toLowerCase();
  if (isLoopbackHost(host) || allowed.includes(host)) return 'deliver';
  if (documentation.includes(host)) return 'documentation';
  return 'refused';
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The real sender: node:http(s), no connection reuse, no redirects, one overall timeout. */
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
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_RECORDED_BODY * 4) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: flattenHeaders(res.headers),
            body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RECORDED_BODY),
          });
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
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

export function createWebhooks(options: WebhooksOptions): Webhooks {
  const deliver = options.deliver ?? httpDeliver;
  const allowed = options.allowedHosts ?? [];
  const documentation = options.documentationHosts ?? [];
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const pending = new Set<Promise<unknown>>();
  /** One queue per account, so its receiver gets the events in order. */
  const queues = new WeakMap<Account, Promise<unknown>>();

  const track = (promise: Promise<unknown>) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  const post = (url: string, event: string, payload: unknown) =>
    deliver({
      url,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': WEBHOOK_USER_AGENT,
        'X-Callbell-Event': event,
        'X-Callbell-Delivery': randomBytes(16).toString('hex'),
      },
      body: JSON.stringify({ event, payload }),
      timeoutMs,
    });

  async function deliverOne(url: string, event: WebhookEvent, createdAt: string): Promise<WebhookEventRecord> {
    const record: WebhookEventRecord = {
      event: event.event,
      payload: event.payload,
      response: { code: null, body: null, headers: {} },
      success: false,
      createdAt,
    };
    if (hostVerdict(url, allowed, documentation) !== 'deliver') return record;
    try {
      const answer = await post(url, event.event, event.payload);
      record.response = { code: answer.status, body: answer.body, headers: answer.headers };
      record.success = answer.status >= 200 && answer.status < 300;
    } catch {
      // no answer: recorded as failed, with code and body null
    }
    return record;
  }

  return {
    verdict: (url) => hostVerdict(url, allowed, documentation),
    dispatch(account, events, logged) {
      const webhook = account.webhook;
      if (!webhook?.enabled) return;
      const wanted = events.filter((e) => webhook.subscriptions.includes(e.event));
      if (wanted.length === 0) return;
      const { url } = webhook;
      const createdAt = isoSeconds(options.now());
      // Payloads are copied now: later changes to the account must not show in them.
      const copies = wanted.map((e) => structuredClone(e));
      const run = (queues.get(account) ?? Promise.resolve()).then(async () => {
        for (const event of copies) {
          const record = await deliverOne(url, event, createdAt);
          account.webhookEvents.unshift(record);
          if (account.webhookEvents.length > MAX_LOG_ENTRIES) account.webhookEvents.length = MAX_LOG_ENTRIES;
          logged();
        }
      });
      const settled = run.catch(() => undefined);
      queues.set(account, settled);
      track(settled);
    },
    healthCheck(url) {
      if (hostVerdict(url, allowed, documentation) !== 'deliver') return;
      track(post(url, 'health_check', {}).catch(() => undefined));
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
